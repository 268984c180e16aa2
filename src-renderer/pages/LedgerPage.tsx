import { useEffect, useState } from 'react';
import { api, ApiCallError } from '../api/client';
import { FileButton, fileBase64 } from '../components/FileButton';
import { yuan } from '../format';
import { MoneyInput } from '../components/MoneyInput';
import { useSession } from '../session';
import { useRoute } from '../router';
import type { MethodInput, MethodOutput } from '../../src-shared/api';
import { RECEIPT_SOURCE_LABELS, RECEIPT_SOURCES } from '../../src-shared/api/methods/ledger';
import { Field } from '../components/Field';
import { MaskedValue, useCaseReveal } from '../security/Reveal';
import { useLive, type CaseChange } from '../live/useLive';
import { ConflictNotice } from '../live/conflict';
import { courtTime } from '../live/time';
import { MoneyOut } from './ledger/MoneyOut';
import { PayoutAccountPanel } from './ledger/PayoutAccountPanel';
import { AccountsGrid } from './ledger/AccountsGrid';
import { errorText } from '../errorText';
import { DateInput } from '../components/DateInput';

type Ledger = MethodOutput<'ledger.get'>;
type Fund = MethodOutput<'ledger.unidentified'>['rows'][number];
type Source = (typeof RECEIPT_SOURCES)[number];

/** 案款: case accounts with the 30-day payout clock, entries, the unidentified-funds register and the payout list. */
export function LedgerPage() {
  const [funds, setFunds] = useState<Fund[]>([]);
  const [search, setSearch] = useState('');
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [amount, setAmount] = useState<number | null>(null);
  const [source, setSource] = useState<Source>('voluntary');
  // The court's today from the app clock (not the browser's clock, nor UTC).
  const [on, setOn] = useState(useSession().info.today);
  const [officers, setOfficers] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  /**
   * The account as the clerk has taken notice of it: `asOf` of the answer it came from. Writes
   * state it (seen.asOf); another clerk's change since is refused by the server with their name.
   */
  const [ack, setAck] = useState<number | null>(null);
  const [others, setOthers] = useState<CaseChange[]>([]);
  const user = useSession().user;
  // Accounts arrive masked: a clerk preparing a payout reveals them (logged on the case).
  const reveal = useCaseReveal(ledger?.caseId ?? 0);

  /** Loads the open account; `acknowledge`: the clerk has now seen it as it is (opening it, after their own write, 刷新后重试). */
  const openLedger = async (caseId: number, acknowledge: boolean) => {
    const r = await api.callMeta('ledger.get', { caseId });
    setLedger(r.data);
    if (acknowledge || ack === null || r.data.caseId !== ledger?.caseId) {
      setAck(r.asOf);
      setOthers([]);
    }
  };
  const refresh = async (caseId = ledger?.caseId, acknowledge = true) => {
    setFunds((await api.call('ledger.unidentified', { status: 'unclaimed', limit: 200 })).rows);
    if (caseId) await openLedger(caseId, acknowledge);
  };
  // Another clerk's entry on the open account shows at once; what this clerk typed stays, and a
  // write still states the account as this clerk last took notice of it.
  useLive(() => void refresh(ledger?.caseId, false).catch(() => undefined), {
    caseIds: ledger ? [ledger.caseId] : [],
    onChange: (changes) => {
      const byOthers = changes.filter((c) => c.byId !== user.id);
      if (byOthers.length > 0) setOthers((o) => [...o, ...byOthers]);
    },
  });
  const seen = ack !== null ? { asOf: ack } : undefined;
  useEffect(() => {
    void refresh().catch((e: unknown) => setError(errorText(e)));
    // The session's date was read at login; the app may have run past midnight since.
    void api.call('system.info', {}).then((i) => setOn(i.today));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads once when the page opens; later loads follow the user's actions
  }, []);

  const run = async (fn: () => Promise<unknown>, done?: string) => {
    setError(null);
    setFailure(null);
    setMessage(null);
    try {
      await fn();
      await refresh();
      if (done) setMessage(done);
    } catch (e) {
      setError(errorText(e));
      setFailure(e);
    }
  };

  const open = (caseId: number) => run(() => openLedger(caseId, true));
  // Opened from a case page as `/ledger?case=<id>`: that case's account at once.
  const route = useRoute();
  const fromCase = Number(new URLSearchParams(route.split('?')[1] ?? '').get('case') ?? '');
  useEffect(() => {
    if (Number.isInteger(fromCase) && fromCase > 0) void open(fromCase);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- opens the case named in the address when it changes
  }, [fromCase]);
  const find = () =>
    run(async () => {
      const r = await api.call('cases.list', { filter: { text: search }, limit: 1 });
      if (!r.rows[0]) throw new Error(`没有找到案件“${search}”`);
      await openLedger(r.rows[0].id, true);
    });
  const record = (input: MethodInput<'ledger.record'>, done: string) =>
    run(async () => {
      setLedger(await api.call('ledger.record', { ...input, seen }));
      setAmount(null);
    }, done);
  /** 刷新后重试: the account as it is now, the typed amount and names kept. */
  const reloadKeepingInput = () => {
    setError(null);
    setFailure(null);
    void refresh(ledger?.caseId, true).catch((e: unknown) => setError(errorText(e)));
  };

  return (
    <div className="page has-jobs" data-testid="ledger-page">
      <div className="toolbar">
        <h2>案款</h2>
        <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder="案号或当事人" data-testid="ledger-search" />
        <button onClick={() => void find()} data-testid="ledger-find">
          打开账户
        </button>
        <button onClick={() => void run(() => api.call('ledger.payoutList', { date: on }))} data-testid="ledger-payout-list">
          导出 {on} 发放清单
        </button>
        {/* The bank's list of case sub-accounts (一案一账号): 案号, 账号, 户名, 开户行 — matched by case number. */}
        <FileButton
          label="导入银行子账号清单"
          accept=".xlsx,.csv"
          testId="ledger-import-accounts"
          onFile={(f) =>
            void run(async () => {
              const r = await api.call('caseAccounts.import', { fileName: f.name, contentBase64: await fileBase64(f) });
              return r;
            }, `已导入银行子账号清单：${f.name}`)
          }
        />
      </div>
      {failure && (failure as ApiCallError).code === 'conflict' ? (
        <ConflictNotice error={failure} onReload={reloadKeepingInput} testId="ledger" />
      ) : error ? (
        <div className="error-banner" role="alert" data-testid="ledger-error">
          {error}
        </div>
      ) : null}
      {others.length > 0 && !failure ? (
        <div className="notice changed-notice" role="status" data-testid="ledger-changed">
          此案件已由{others.at(-1)!.by}于 {courtTime(others.at(-1)!.at)} 修改，页面已显示最新余额；您填写的内容仍保留。
          <button type="button" onClick={reloadKeepingInput} data-testid="ledger-changed-ack">
            知道了
          </button>
        </div>
      ) : null}
      {message ? <div data-testid="ledger-message">{message}</div> : null}
      {reveal.error ? (
        <div className="error-banner" role="alert">
          {reveal.error}
        </div>
      ) : null}

      {ledger ? (
        <section data-testid="ledger-account">
          <h3>
            {ledger.caseNumber} {ledger.subAccount ? `（案件账号 ${ledger.subAccount}）` : ''}
          </h3>
          <p>
            余额 <b data-testid="ledger-balance">{yuan(ledger.balanceFen)}</b> 元；实际到位 {yuan(ledger.recoveredFen)} 元；已发放 {yuan(ledger.paidOutFen)} 元；超期未发放{' '}
            <span className={ledger.overdueFen > 0 ? 'overdue' : ''}>{yuan(ledger.overdueFen)}</span> 元。
          </p>
          <div className="row actions-row">
            <Field label="金额">
              <MoneyInput fen={amount} onChange={(f) => setAmount(f)} testId="ledger-amount" />
            </Field>
            <Field label="到账日期">
              <DateInput value={on} onChange={(e) => setOn(e.target.value)} data-testid="ledger-date" />
            </Field>
            <Field label="来源">
              <select value={source} onChange={(e) => setSource(e.target.value as Source)} data-testid="ledger-source">
                {RECEIPT_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {RECEIPT_SOURCE_LABELS[s]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="现金经手人" hint="收取现金须两名干警在场，用、分隔">
              <input value={officers} onChange={(e) => setOfficers(e.target.value)} placeholder="如：王某、李某" data-testid="ledger-officers" />
            </Field>
            <button
              disabled={!amount}
              onClick={() => void record({ kind: 'receipt', caseId: ledger.caseId, amountFen: amount!, on, source, officers: officers.split(/[、,，\s]+/).filter(Boolean) }, '已登记到账')}
              data-testid="ledger-receipt"
            >
              登记到账
            </button>
          </div>
          <PayoutAccountPanel ledger={ledger} seen={seen} onChanged={() => void refresh()} testPrefix="ledger" />
          <MoneyOut ledger={ledger} amountFen={amount} failure={failure} record={record} />
          <div className="row actions-row">
            <button disabled={!amount} onClick={() => void record({ kind: 'fee', caseId: ledger.caseId, amountFen: amount! }, '已结算执行费')} data-testid="ledger-fee">
              结算执行费
            </button>
            <Field label="冲正原因" hint="冲正只能以反向分录更正，须写明原因">
              <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="冲正原因" data-testid="ledger-reason" />
            </Field>
          </div>
          <table className="table" data-testid="ledger-entries">
            <thead>
              <tr>
                <th>日期</th>
                <th>类别</th>
                <th>金额</th>
                <th>影响余额</th>
                <th>说明</th>
                <th>经办</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {ledger.entries.map((e) => (
                <tr key={e.id} className={e.reversedById ? 'muted' : ''} data-testid={`ledger-entry-${e.id}`}>
                  <td>{e.onDate}</td>
                  <td>
                    {e.kindLabel}
                    {e.source ? `（${RECEIPT_SOURCE_LABELS[e.source]}）` : ''}
                  </td>
                  <td>{yuan(e.amountFen)}</td>
                  <td>{yuan(e.effectFen)}</td>
                  <td>
                    {e.payeeAccount ? (
                      <>
                        {e.payeeName ?? ''} <MaskedValue value={e.payeeAccount} full={reveal.full?.ledger.find((x) => x.entryId === e.id)?.payeeAccount} reveal={reveal} testId={`ledger-payee-${e.id}`} />
                        {'；'}
                      </>
                    ) : null}
                    {[e.payeeAccount ? null : e.payeeName, e.approver && `审批：${e.approver}`, e.reason, e.reversedById && '已冲正'].filter(Boolean).join('；')}
                  </td>
                  <td>{e.createdBy}</td>
                  <td>
                    {e.kind !== 'reversal' && !e.reversedById ? (
                      <button disabled={!reason} onClick={() => void record({ kind: 'reversal', caseId: ledger.caseId, entryId: e.id, reason }, '已冲正')} data-testid={`ledger-reverse-${e.id}`}>
                        冲正
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>30日发放时钟</h4>
          {ledger.receipts.every((r) => r.outstandingFen === 0) ? <p className="muted">没有待发放的到账。</p> : null}
          <ul data-testid="ledger-clocks">
            {ledger.receipts
              .filter((r) => r.outstandingFen > 0)
              .map((r) => (
                <li key={r.entryId} className={r.overdue ? 'overdue' : ''}>
                  {r.onDate} 到账 {yuan(r.amountFen)} 元，未发放 {yuan(r.outstandingFen)} 元，应于 {r.dueOn} 前发放{r.deferredUntil ? `（暂缓至 ${r.deferredUntil}）` : ''}
                  {r.overdue ? '，已超期' : ''}
                </li>
              ))}
          </ul>
        </section>
      ) : null}

      <AccountsGrid onOpen={(caseId) => void open(caseId)} />

      <h3>不明款（待认领）</h3>
      {funds.length === 0 ? <p className="muted">没有待认领的不明款。</p> : null}
      <table className="table" data-testid="ledger-unidentified">
        <tbody>
          {funds.map((f) => (
            <tr key={f.id} className={f.claimOverdue ? 'overdue' : ''}>
              <td>{f.receivedOn}</td>
              <td>{yuan(f.amountFen)}</td>
              <td>{f.payer}</td>
              <td>{f.reference}</td>
              <td>
                {ledger ? (
                  <button onClick={() => void run(() => api.call('ledger.claimUnidentified', { id: f.id, caseId: ledger.caseId, seen }), `已认领到 ${ledger.caseNumber}`)} data-testid={`ledger-claim-${f.id}`}>
                    认领到 {ledger.caseNumber}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
