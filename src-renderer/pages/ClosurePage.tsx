import { useLive } from '../live/useLive';
import { useView } from '../live/view';
import { useEffect, useState } from 'react';
import { api, ApiCallError } from '../api/client';
import { yuan } from '../format';
import { useRoute } from '../router';
import { MODE_RULES, modesFor, terminationGround, type ClosureMode } from '../../src-shared/domain/closure';
import { TerminationConfirm, TerminationGrounds, type TerminationChoice } from './closure/TerminationFields';
import { parseYuan } from '../../src-shared/domain/money';
import type { MethodOutput } from '../../src-shared/api';
import { ClosureQueue } from './closure/ClosureQueue';
import { errorText } from '../errorText';
import { DateInput } from '../components/DateInput';

type Checklist = MethodOutput<'closure.checklist'>;

/** 结案/终本: find a case, see the 终本 checklist with each item's evidence, attest what the app cannot check, close. */
export function ClosurePage() {
  const [text, setText] = useState('');
  const [list, setList] = useState<Checklist | null>(null);
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [mode, setMode] = useState<ClosureMode>('终结本次执行程序');
  const [ground, setGround] = useState('');
  const [rulingNumber, setRulingNumber] = useState('');
  const [paidDirectly, setPaidDirectly] = useState('');
  const [balanceReason, setBalanceReason] = useState('');
  const [done, setDone] = useState<MethodOutput<'closure.close'> | null>(null);
  // 终结执行: the item of 民诉法 Art. 268 picked, and whether the clerk is confirming the closure.
  const [termination, setTermination] = useState<TerminationChoice>({ item: null, detail: '' });
  const [confirming, setConfirming] = useState(false);
  // 终本 (民诉法解释 Art. 517): the applicant's signed consent, or the 合议庭's review approved by the president.
  const [basis, setBasis] = useState({ kind: 'consent' as 'consent' | 'panel', consentOn: '', presidingId: '', member1: '', member2: '', reviewedOn: '', approvedBy: '', approvedOn: '' });
  const [people, setPeople] = useState<{ id: number; displayName: string }[]>([]);
  useEffect(() => {
    api
      .call('users.list', {})
      .then((l) => setPeople(l.filter((u) => u.active).map((u) => ({ id: u.id, displayName: u.displayName }))))
      .catch(() => setPeople([]));
  }, []);
  const zhongbenBasis = () =>
    basis.kind === 'consent'
      ? basis.consentOn
        ? { zhongbenBasis: { kind: 'consent' as const, consentOn: basis.consentOn } }
        : {}
      : { zhongbenBasis: { kind: 'panel' as const, presidingId: Number(basis.presidingId), memberIds: [Number(basis.member1), Number(basis.member2)], reviewedOn: basis.reviewedOn, approvedBy: basis.approvedBy, approvedOn: basis.approvedOn } };

  const fail = (e: unknown) => setError(e instanceof ApiCallError ? { message: e.message, field: e.field } : { message: errorText(e) });
  // The checklist as the clerk sees it: attesting and closing state it (seen), so another clerk's
  // change to the case since is refused with that clerk's name; the case's changes reload it.
  const view = useView();
  const load = async (caseId: number) => setList(await view.read('closure.checklist', { caseId }));
  useLive(() => list && void load(list.caseId).catch(() => undefined), { caseIds: list ? [list.caseId] : [] });

  // Opened from a case page as `/closure?case=<id>`: that case's checklist at once.
  const route = useRoute();
  const fromCase = Number(new URLSearchParams(route.split('?')[1] ?? '').get('case') ?? '');
  useEffect(() => {
    if (Number.isInteger(fromCase) && fromCase > 0) void load(fromCase).catch(fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromCase]);

  const find = async () => {
    setError(null);
    setDone(null);
    try {
      const r = await api.call('cases.list', { filter: { text: text.trim() }, sort: [{ field: 'id', dir: 'desc' }], offset: 0, limit: 1 });
      if (!r.rows[0]) return setError({ message: '没有找到该案件' });
      await load(r.rows[0].id);
    } catch (e) {
      fail(e);
    }
  };

  const attest = async (item: Checklist['items'][number]['key']) => {
    if (!list) return;
    setError(null);
    try {
      await api.call('closure.attest', { caseId: list.caseId, item, note: notes[item] ?? '', seen: view.seen() });
      await load(list.caseId);
    } catch (e) {
      fail(e);
    }
  };

  const close = async (confirmed = false) => {
    if (!list) return;
    setError(null);
    const term = mode === '终结执行' ? terminationGround(termination.item, termination.detail) : null;
    if (term && !term.ok) return setError({ message: term.message, field: term.field });
    if (term && !confirmed) return setConfirming(true);
    setConfirming(false);
    const paid = paidDirectly.trim() ? parseYuan(paidDirectly) : { ok: true as const, fen: 0 };
    if (!paid.ok) return setError({ message: `直接履行金额：${paid.reason}`, field: 'paidDirectlyFen' });
    try {
      const r = await api.call('closure.close', {
        caseId: list.caseId,
        mode,
        ...(term?.ok ? { ground: term.ground, groundItem: term.groundItem } : ground.trim() ? { ground } : {}),
        ...(rulingNumber.trim() ? { rulingNumber } : {}),
        paidDirectlyFen: paid.fen,
        ...(balanceReason.trim() ? { balanceReason } : {}),
        ...(mode === '终结本次执行程序' ? zhongbenBasis() : {}),
        seen: view.seen(),
      });
      setDone(r);
      await load(list.caseId);
    } catch (e) {
      fail(e);
    }
  };

  const rule = MODE_RULES[mode];
  const confirmTerm = mode === '终结执行' ? terminationGround(termination.item, termination.detail) : null;
  const closed = list && (list.stage === 'closed' || list.stage === 'archived');
  return (
    <div className="page has-jobs" data-testid="closure-page">
      <div className="toolbar">
        <h2>结案/终本</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void find();
          }}
        >
          <input placeholder="案号或当事人" value={text} onChange={(e) => setText(e.target.value)} data-testid="closure-search" />
          <button type="submit" data-testid="closure-find">
            查找
          </button>
        </form>
      </div>
      {error ? (
        <div className="error-banner" role="alert" data-testid="closure-error">
          {error.message}
        </div>
      ) : null}
      <ClosureQueue onOpen={(caseId) => void load(caseId).catch(fail)} refreshTick={done ? 1 : 0} />
      {list ? (
        <>
          <h3 data-testid="closure-case">
            {list.number}　<span className="muted">{closed ? '已结案' : '未结案'}</span>
          </h3>
          <p>
            申请执行标的 {yuan(list.money.claimFen)} 元；执行到位 {yuan(list.money.recoveredFen)} 元；未履行 {yuan(list.money.unpaidFen)} 元；案款账户余额 {yuan(list.money.balanceFen)} 元
          </p>
          <h3>终本核查表（{list.complete ? '条件具备' : `尚缺 ${list.missing.length} 项`}）</h3>
          <table className="table" data-testid="checklist">
            <thead>
              <tr>
                <th>事项</th>
                <th>依据</th>
                <th>状态</th>
                <th>证据</th>
                <th>人工确认</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((i) => (
                <tr key={i.key} data-testid={`check-${i.key}`} data-met={i.met ? 'yes' : 'no'}>
                  <td>{i.label}</td>
                  <td className="muted">{i.basis}</td>
                  <td>{i.met ? (i.via === 'events' ? '✓ 案件记录' : '✓ 人工确认') : '✗ 未具备'}</td>
                  <td>
                    {i.evidence.map((e, k) => (
                      <div key={k}>
                        {e.onDate ? `${e.onDate} ` : ''}
                        {e.text}
                      </div>
                    ))}
                  </td>
                  <td>
                    {i.attestable && !i.met && !closed ? (
                      <span>
                        <input placeholder="依据（卷宗页码、笔录日期）" value={notes[i.key] ?? ''} onChange={(e) => setNotes({ ...notes, [i.key]: e.target.value })} data-testid={`attest-note-${i.key}`} />
                        <button type="button" onClick={() => void attest(i.key)} data-testid={`attest-${i.key}`}>
                          确认
                        </button>
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!closed ? (
            <div className="form">
              <h3>结案</h3>
              <label className="field">
                <span className="field-label">结案方式</span>
                <select value={mode} onChange={(e) => setMode(e.target.value as ClosureMode)} data-testid="closure-mode">
                  {modesFor(list.caseType).map((m) => (
                    <option key={m}>{m}</option>
                  ))}
                </select>
                <span className="field-hint">{rule.basis}；产生文书：{rule.documents.join('、')}</span>
              </label>
              {mode === '终结执行' ? <TerminationGrounds value={termination} onChange={setTermination} /> : null}
              {rule.needsGround && mode !== '终结执行' ? (
                <label className="field">
                  <span className="field-label">事由</span>
                  <input list="closure-grounds" value={ground} onChange={(e) => setGround(e.target.value)} data-testid="closure-ground" />
                  <datalist id="closure-grounds">{(rule.grounds ?? []).map((g) => <option key={g} value={g} />)}</datalist>
                </label>
              ) : null}
              {rule.needsRulingNumber ? (
                <label className="field">
                  <span className="field-label">裁定书文号</span>
                  <input value={rulingNumber} onChange={(e) => setRulingNumber(e.target.value)} data-testid="closure-ruling-number" />
                </label>
              ) : null}
              {mode === '终结本次执行程序' ? (
                <fieldset data-testid="closure-basis">
                  <legend>终本依据（民诉法解释第五百一十七条）</legend>
                  <label className="check">
                    <input type="radio" checked={basis.kind === 'consent'} onChange={() => setBasis({ ...basis, kind: 'consent' })} data-testid="closure-basis-consent" />
                    申请执行人签字确认
                  </label>
                  <label className="check">
                    <input type="radio" checked={basis.kind === 'panel'} onChange={() => setBasis({ ...basis, kind: 'panel' })} data-testid="closure-basis-panel" />
                    合议庭审查核实并经院长批准
                  </label>
                  {basis.kind === 'consent' ? (
                    <label className="field">
                      <span className="field-label">确认日期</span>
                      <DateInput value={basis.consentOn} onChange={(e) => setBasis({ ...basis, consentOn: e.target.value })} data-testid="closure-consent-on" />
                    </label>
                  ) : (
                    <>
                      {(['presidingId', 'member1', 'member2'] as const).map((k, i) => (
                        <label className="field" key={k}>
                          <span className="field-label">{i === 0 ? '审判长' : '审判员'}</span>
                          <select value={basis[k]} onChange={(e) => setBasis({ ...basis, [k]: e.target.value })} data-testid={`closure-panel-${k}`}>
                            <option value="">（选择）</option>
                            {people.map((p) => (
                              <option key={p.id} value={p.id}>
                                {p.displayName}
                              </option>
                            ))}
                          </select>
                        </label>
                      ))}
                      <label className="field">
                        <span className="field-label">合议庭审查日期</span>
                        <DateInput value={basis.reviewedOn} onChange={(e) => setBasis({ ...basis, reviewedOn: e.target.value })} />
                      </label>
                      <label className="field">
                        <span className="field-label">批准的院长</span>
                        <input value={basis.approvedBy} onChange={(e) => setBasis({ ...basis, approvedBy: e.target.value })} />
                      </label>
                      <label className="field">
                        <span className="field-label">批准日期</span>
                        <DateInput value={basis.approvedOn} onChange={(e) => setBasis({ ...basis, approvedOn: e.target.value })} />
                      </label>
                    </>
                  )}
                </fieldset>
              ) : null}
              {mode === '执行完毕' ? (
                <label className="field">
                  <span className="field-label">直接向申请人履行（元）</span>
                  <input value={paidDirectly} onChange={(e) => setPaidDirectly(e.target.value)} data-testid="closure-paid-directly" />
                </label>
              ) : null}
              {list.money.balanceFen !== 0 ? (
                <label className="field">
                  <span className="field-label">案款余额未清的原因</span>
                  <input value={balanceReason} onChange={(e) => setBalanceReason(e.target.value)} data-testid="closure-balance-reason" />
                </label>
              ) : null}
              <button type="button" className="primary" onClick={() => void close()} data-testid="closure-submit">
                结案
              </button>
            </div>
          ) : null}
          {confirming && confirmTerm?.ok ? (
            <TerminationConfirm caseNumber={list.number} groundItem={confirmTerm.groundItem} ground={confirmTerm.ground} onConfirm={() => void close(true)} onCancel={() => setConfirming(false)} />
          ) : null}
          {done ? (
            <div data-testid="closure-done">
              已以“{done.mode}”结案（{done.closedOn}）。文书：{done.documents.map((d) => `${d.kind} ${d.number}`).join('、')}
              {done.nextRequeryOn ? `；已转入终本库，下次复查 ${done.nextRequeryOn}` : ''}
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
