import { createContext, useContext, useEffect, useState } from 'react';
import { useView } from '../live/view';
import type { Seen } from '../../src-shared/api/caseVersions';
import { api } from '../api/client';
import { useSession, hasRole } from '../session';
import { yuan } from '../format';
import { Field } from '../components/Field';
import { MoneyInput } from '../components/MoneyInput';
import type { MethodOutput } from '../../src-shared/api';
import { CoercionForms } from './detention/CoercionForms';
import { GROUND_LIST, GROUNDS, MEASURE_KINDS, OUTCOMES, REQUEST_STATUS, type Ground, type MeasureKind } from '../../src-shared/domain/coercion';
import { errorText } from '../errorText';
import { DateInput } from '../components/DateInput';

type Request = MethodOutput<'coercion.requests'>[number];
type Measure = MethodOutput<'coercion.measures'>[number];
type Operation = MethodOutput<'coercion.operations'>[number];
type People = MethodOutput<'coercion.people'>;
type Figures = MethodOutput<'coercion.figures'>;

/** What the clerk last read (the lists' asOf): every write states it, so a case changed since is refused. */
const SeenNow = createContext<() => Seen | undefined>(() => undefined);

/** The clocks' names as the deadline board shows them. */
const CLOCK_LABELS: Record<string, string> = {
  compelAlert: '询问满7小时提醒',
  compel: '询问8小时届满',
  compelComplexAlert: '询问满23小时提醒',
  compelComplex: '询问24小时届满',
  detentionFamily: '24小时内通知家属',
  detentionEnd: '拘留期满',
  coercionReview: '复议5日内决定',
  detentionLeaveDecision: '请假12小时内决定',
  detentionEmergencyApproval: '紧急拘留报院长补批',
};

/** Local time of an ISO instant, as the court reads it (Asia/Shanghai). */
function local(iso: string | null): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * 司法警察（拘传团队）: requests from the case teams, the day's sweeps (集中拘传行动), each person's
 * measures and running clocks, outcomes back to the case, and the team's figures. A case team's
 * officer sees the request form and the requests of the cases he may see.
 */
export function DetentionPage() {
  const session = useSession();
  const police = hasRole(session.user, ['detention']);
  const team = hasRole(session.user, ['team', 'fastTrack', 'zhongben', 'management']);
  const leader = hasRole(session.user, ['detention', 'management']);
  const today = session.info.today;
  const view = useView();
  const [requests, setRequests] = useState<Request[]>([]);
  const [measures, setMeasures] = useState<Measure[]>([]);
  const [operations, setOperations] = useState<Operation[]>([]);
  const [people, setPeople] = useState<People>({ approvers: [], police: [] });
  const [figures, setFigures] = useState<Figures | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = async () => {
    const monthStart = `${today.slice(0, 7)}-01`;
    const [r, m, p] = await Promise.all([view.read('coercion.requests', {}), api.call('coercion.measures', {}), api.call('coercion.people', {})]);
    setRequests(r);
    setMeasures(m);
    setPeople(p);
    if (leader) {
      setOperations(await api.call('coercion.operations', {}));
      setFigures(await api.call('coercion.figures', { from: monthStart, to: today }));
    }
  };
  useEffect(() => {
    void refresh().catch((e: unknown) => setError(errorText(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads once when the page opens; later loads follow the user's actions
  }, []);

  const run = async (fn: () => Promise<unknown>, done: string) => {
    setError(null);
    setMessage(null);
    try {
      await fn();
      await refresh();
      setMessage(done);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <SeenNow.Provider value={view.seen}>
    <div className="page" data-testid="detention-page">
      <div className="toolbar">
        <h2>司法警察（拘传团队）</h2>
      </div>
      {error ? (
        <div className="error-banner" role="alert" data-testid="detention-error">
          {error}
        </div>
      ) : null}
      {message ? <div data-testid="detention-message">{message}</div> : null}

      {figures ? (
        <section data-testid="detention-figures">
          <h3>
            本月数字（{figures.from} 至 {figures.to}）
          </h3>
          <p>
            拘传 <b data-testid="fig-compelled">{figures.compelled}</b> 人次；拘留 <b data-testid="fig-detained">{figures.detained}</b> 人次；罚款 <b data-testid="fig-fined">{figures.fined}</b> 人次，共 {yuan(figures.finedFen)} 元；搜查 {figures.searched} 次；移送拒执罪 {figures.referred} 件；当场履行 <b data-testid="fig-paid">{figures.paidOnSpot}</b> 人次，共 {yuan(figures.paidOnSpotFen)} 元；采取措施后结案 <b data-testid="fig-closed">{figures.closedAfter}</b> 件。
          </p>
        </section>
      ) : null}

      {team ? <RequestForm today={today} onDone={(text) => void run(async () => undefined, text)} onError={setError} /> : null}

      <section>
        <h3>协助申请</h3>
        <table className="grid-table" data-testid="requests-table">
          <thead>
            <tr>
              {police ? <th>选择</th> : null}
              <th>案号</th>
              <th>对象</th>
              <th>措施</th>
              <th>地点</th>
              <th>日期</th>
              <th>事由</th>
              <th>申请人</th>
              <th>状态</th>
              <th>结果</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id} data-testid={`request-${r.id}`}>
                {police ? (
                  <td>
                    {r.status === 'open' ? (
                      <input
                        type="checkbox"
                        checked={picked.includes(r.id)}
                        onChange={(e) => setPicked(e.target.checked ? [...picked, r.id] : picked.filter((x) => x !== r.id))}
                        data-testid={`request-pick-${r.id}`}
                      />
                    ) : null}
                  </td>
                ) : null}
                <td>{r.caseNumber}</td>
                <td>{r.personName}</td>
                <td>{MEASURE_KINDS[r.measure]}</td>
                <td>{r.place}</td>
                <td>{r.wantedOn}</td>
                <td>{r.purpose}</td>
                <td>{r.requestedBy}</td>
                <td data-testid={`request-status-${r.id}`}>{REQUEST_STATUS[r.status]}</td>
                <td data-testid={`request-outcome-${r.id}`}>{r.outcome ? OUTCOMES[r.outcome] : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {police ? <PlanForm today={today} picked={picked} people={people} onPlanned={(text) => { setPicked([]); void run(async () => undefined, text); }} onError={setError} /> : null}
      </section>

      {leader ? (
        <section>
          <h3>集中拘传行动</h3>
          {operations.length === 0 ? <p>尚无行动。</p> : null}
          {operations.map((o) => (
            <OperationCard
              key={o.id}
              op={o}
              requests={requests.filter((r) => r.operationId === o.id)}
              measures={measures}
              people={people}
              police={police}
              act={(fn, done) => void run(fn, done)}
            />
          ))}
        </section>
      ) : null}

      {team || police ? <CoercionForms today={today} people={people} measures={measures} seen={view.seen} refer={hasRole(session.user, ['team', 'fastTrack', 'zhongben'])} onDone={(text) => void run(async () => undefined, text)} /> : null}

      <section>
        <h3>人员与时钟</h3>
        <table className="grid-table" data-testid="measures-table">
          <thead>
            <tr>
              <th>案号</th>
              <th>对象</th>
              <th>措施</th>
              <th>批准人</th>
              <th>开始</th>
              <th>状态</th>
              <th>时钟</th>
              <th>办理</th>
            </tr>
          </thead>
          <tbody>
            {measures.map((m) => (
              <MeasureRow key={m.id} m={m} police={police} people={people} act={(fn, done) => void run(fn, done)} />
            ))}
          </tbody>
        </table>
      </section>
    </div>
    </SeenNow.Provider>
  );
}

/** A case team's request to the detention team: who, where, when, what for. */
function RequestForm(props: { today: string; onDone: (text: string) => void; onError: (e: string) => void }) {
  const seenNow = useContext(SeenNow);
  const [number, setNumber] = useState('');
  const [caseView, setCaseView] = useState<{ id: number; number: string; debtors: { id: number; name: string; kind: string }[] } | null>(null);
  const [partyId, setPartyId] = useState<number | null>(null);
  const [measure, setMeasure] = useState<MeasureKind>('compel');
  const [gender, setGender] = useState<'male' | 'female' | ''>('');
  const [place, setPlace] = useState('');
  const [wantedOn, setWantedOn] = useState(props.today);
  const [purpose, setPurpose] = useState('');
  const [summons, setSummons] = useState('');
  const fail = (e: unknown) => props.onError(errorText(e));

  const find = async () => {
    try {
      const r = await api.call('cases.list', { filter: { text: number }, limit: 1 });
      const row = r.rows[0];
      if (!row) throw new Error(`没有找到案件“${number}”`);
      const c = await api.call('cases.get', { id: row.id });
      const debtors = c.parties.filter((p) => p.role === 'debtor').map((p) => ({ id: p.id, name: p.name, kind: p.kind }));
      setCaseView({ id: c.id, number: c.number, debtors });
      setPartyId(debtors[0]?.id ?? null);
    } catch (e) {
      fail(e);
    }
  };
  const submit = async () => {
    if (!caseView) return;
    const debtor = caseView.debtors.find((d) => d.id === partyId);
    try {
      await api.call('coercion.request', {
        seen: seenNow(),
        caseId: caseView.id,
        ...(debtor ? { partyId: debtor.id } : {}),
        personName: debtor?.name ?? '',
        personKind: debtor?.kind === 'org' ? 'organisation' : 'individual',
        ...(gender ? { gender } : {}),
        measure,
        place,
        wantedOn,
        purpose,
        ...(summons ? { summonsServedOn: summons } : {}),
      });
      setPurpose('');
      props.onDone(`已向司法警察提出${MEASURE_KINDS[measure]}申请：${caseView.number} ${debtor?.name ?? ''}`);
    } catch (e) {
      fail(e);
    }
  };
  return (
    <section data-testid="request-form">
      <h3>申请司法警察协助</h3>
      <div className="row actions-row">
        <Field label="案号">
          <input value={number} onChange={(e) => setNumber(e.target.value)} placeholder="案号或当事人" data-testid="request-case" />
        </Field>
        <button onClick={() => void find()} data-testid="request-find">
          查找案件
        </button>
        {caseView ? <span data-testid="request-case-number">{caseView.number}</span> : null}
      </div>
      {caseView ? (
        <div className="row actions-row">
          <Field label="对象">
            <select value={partyId ?? ''} onChange={(e) => setPartyId(Number(e.target.value))} data-testid="request-party">
              {caseView.debtors.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="性别">
            <select value={gender} onChange={(e) => setGender(e.target.value as 'male' | 'female' | '')} data-testid="request-gender">
              <option value="">未填</option>
              <option value="male">男</option>
              <option value="female">女</option>
            </select>
          </Field>
          <Field label="措施">
            <select value={measure} onChange={(e) => setMeasure(e.target.value as MeasureKind)} data-testid="request-measure">
              {Object.entries(MEASURE_KINDS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </Field>
          <Field label="地点">
            <input value={place} onChange={(e) => setPlace(e.target.value)} data-testid="request-place" />
          </Field>
          <Field label="日期">
            <DateInput value={wantedOn} onChange={(e) => setWantedOn(e.target.value)} data-testid="request-date" />
          </Field>
          <Field label="事由">
            <input value={purpose} onChange={(e) => setPurpose(e.target.value)} data-testid="request-purpose" />
          </Field>
          {measure === 'compel' ? (
            <Field label="传票送达日期" hint="拘传须以依法传唤后拒不到场为前提">
              <DateInput value={summons} onChange={(e) => setSummons(e.target.value)} data-testid="request-summons" />
            </Field>
          ) : null}
          <button onClick={() => void submit()} data-testid="request-submit">
            提出申请
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** The day's sweep: the picked requests, one leader of the detention team. */
function PlanForm(props: { today: string; picked: number[]; people: People; onPlanned: (text: string) => void; onError: (e: string) => void }) {
  const seenNow = useContext(SeenNow);
  const [name, setName] = useState('');
  const [on, setOn] = useState(props.today);
  const [leaderId, setLeaderId] = useState<number | null>(null);
  const leader = leaderId ?? props.people.police[0]?.id ?? null;
  const plan = async () => {
    try {
      if (!leader) throw new Error('没有可带队的司法警察');
      await api.call('coercion.planOperation', { seen: seenNow(), name: name || `${on}集中拘传行动`, plannedOn: on, leaderId: leader, requestIds: props.picked });
      props.onPlanned(`已安排集中拘传行动，共${props.picked.length}人`);
    } catch (e) {
      props.onError(errorText(e));
    }
  };
  return (
    <div className="row actions-row" data-testid="plan-form">
      <Field label="行动名称">
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={`${on}集中拘传行动`} data-testid="plan-name" />
      </Field>
      <Field label="行动日期">
        <DateInput value={on} onChange={(e) => setOn(e.target.value)} data-testid="plan-date" />
      </Field>
      <Field label="带队人">
        <select value={leader ?? ''} onChange={(e) => setLeaderId(Number(e.target.value))} data-testid="plan-leader">
          {props.people.police.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName}
            </option>
          ))}
        </select>
      </Field>
      <button disabled={props.picked.length === 0} onClick={() => void plan()} data-testid="plan-submit">
        安排集中行动（已选{props.picked.length}件）
      </button>
    </div>
  );
}

type Act = (fn: () => Promise<unknown>, done: string) => void;

/** One sweep with each person's outcome: 拘传, paid on the spot, detained, released. */
function OperationCard(props: { op: Operation; requests: Request[]; measures: Measure[]; people: People; police: boolean; act: Act }) {
  const seenNow = useContext(SeenNow);
  const { op } = props;
  return (
    <div className="card" data-testid={`operation-${op.id}`}>
      <h4>
        {op.name}（{op.plannedOn}，带队：{op.leader}）{op.status === 'done' ? '已结束' : `已办结 ${op.doneCount}/${op.requestCount}`}
      </h4>
      {props.requests.map((r) => (
        <OperationPerson key={r.id} r={r} measures={props.measures.filter((m) => m.requestId === r.id)} people={props.people} police={props.police} act={props.act} />
      ))}
      {props.police && op.status === 'planned' ? (
        <button onClick={() => props.act(() => api.call('coercion.finishOperation', { seen: seenNow(), operationId: op.id }), `${op.name}已结束`)} data-testid={`operation-finish-${op.id}`}>
          结束行动
        </button>
      ) : null}
    </div>
  );
}

function OperationPerson(props: { r: Request; measures: Measure[]; people: People; police: boolean; act: Act }) {
  const seenNow = useContext(SeenNow);
  const { r, act } = props;
  const [approver, setApprover] = useState<number | null>(null);
  const approvedById = approver ?? props.people.approvers[0]?.id ?? 0;
  const [complex, setComplex] = useState(false);
  const [amount, setAmount] = useState<number | null>(null);
  const [officers, setOfficers] = useState('');
  const [ground, setGround] = useState<Ground>('refuse');
  const [deed, setDeed] = useState('');
  const [days, setDays] = useState('15');
  const [note, setNote] = useState('');
  const [emergency, setEmergency] = useState(false);
  const compel = props.measures.find((m) => m.kind === 'compel');
  const detention = props.measures.find((m) => m.kind === 'detain');
  const open = r.status !== 'done' && r.status !== 'withdrawn';
  const id = r.id;
  return (
    <div className="row actions-row" data-testid={`op-person-${id}`}>
      <b>
        {r.caseNumber} {r.personName}
      </b>
      <span data-testid={`op-outcome-${id}`}>{r.outcome ? OUTCOMES[r.outcome] : compel && !compel.endedAt ? '询问中' : '待执行'}</span>
      {props.police && open ? (
        <>
          <Field label={emergency ? '报告院长' : '批准人'} hint={emergency ? '先行拘留后立即报告，由其补办批准手续' : '院长或授权副院长'}>
            <select value={approvedById} onChange={(e) => setApprover(Number(e.target.value))} data-testid={`op-approver-${id}`}>
              {props.people.approvers.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          </Field>
          {r.measure === 'compel' && !compel ? (
            <>
              <label>
                <input type="checkbox" checked={complex} onChange={(e) => setComplex(e.target.checked)} data-testid={`op-complex-${id}`} /> 情况复杂（24小时）
              </label>
              <button onClick={() => act(() => api.call('coercion.compel', { seen: seenNow(), requestId: id, approvedById, complex, place: r.place }), `已对${r.personName}拘传，拘传票已制作`)} data-testid={`op-compel-${id}`}>
                拘传
              </button>
            </>
          ) : null}
          {compel && !compel.endedAt ? (
            <button onClick={() => act(() => api.call('coercion.endQuestioning', { seen: seenNow(), measureId: compel.id, outcome: note || '调查询问结束' }), '询问已结束')} data-testid={`op-end-${id}`}>
              结束询问
            </button>
          ) : null}
          <Field label="当场履行金额">
            <MoneyInput fen={amount} onChange={(f) => setAmount(f)} testId={`op-amount-${id}`} />
          </Field>
          <Field label="现金经手人" hint="两名以上，用、分隔">
            <input value={officers} onChange={(e) => setOfficers(e.target.value)} data-testid={`op-officers-${id}`} />
          </Field>
          <button
            disabled={!amount}
            onClick={() =>
              act(
                () => api.call('coercion.outcome', { seen: seenNow(), requestId: id, outcome: 'paid', payment: { amountFen: amount!, source: 'cash', officers: officers.split(/[、,，\s]+/).filter(Boolean) } }),
                `${r.personName}当场履行 ${yuan(amount ?? 0)} 元，已记入案款`,
              )
            }
            data-testid={`op-paid-${id}`}
          >
            当场履行
          </button>
          {!detention ? (
            <>
              <Field label="拘留事由">
                <select value={ground} onChange={(e) => setGround(e.target.value as Ground)} data-testid={`op-ground-${id}`}>
                  {GROUND_LIST.map((g) => (
                    <option key={g} value={g}>
                      {GROUNDS[g].label}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="妨害行为">
                <input value={deed} onChange={(e) => setDeed(e.target.value)} placeholder="时间、地点、经过" data-testid={`op-act-${id}`} />
              </Field>
              <Field label="拘留天数">
                <input value={days} onChange={(e) => setDays(e.target.value)} style={{ width: '4em' }} data-testid={`op-days-${id}`} />
              </Field>
              <label title="因哄闹、冲击法庭，用暴力、威胁等方法抗拒执行公务等紧急情况，先行拘留，立即报告院长补办批准手续（民诉法解释第一百八十一条）">
                <input type="checkbox" checked={emergency} onChange={(e) => setEmergency(e.target.checked)} data-testid={`op-emergency-${id}`} /> 紧急情况先行拘留
              </label>
              <button onClick={() => act(() => api.call('coercion.detain', { seen: seenNow(), requestId: id, ground, act: deed, days: Number(days), approvedById, emergency }), emergency ? `已对${r.personName}先行拘留，请立即报告院长补办批准手续` : `已对${r.personName}作出拘留决定`)} data-testid={`op-detain-${id}`}>
                拘留
              </button>
            </>
          ) : (
            <button onClick={() => act(() => api.call('coercion.outcome', { seen: seenNow(), requestId: id, outcome: 'detained', measureId: detention.id }), `${r.personName}已拘留，结果已反馈案件`)} data-testid={`op-detained-${id}`}>
              反馈：已拘留
            </button>
          )}
          <Field label="说明">
            <input value={note} onChange={(e) => setNote(e.target.value)} data-testid={`op-note-${id}`} />
          </Field>
          <button onClick={() => act(() => api.call('coercion.outcome', { seen: seenNow(), requestId: id, outcome: 'released', ...(note ? { note } : {}) }), `${r.personName}教育后放回`)} data-testid={`op-released-${id}`}>
            教育后放回
          </button>
          <button onClick={() => act(() => api.call('coercion.outcome', { seen: seenNow(), requestId: id, outcome: 'settled', ...(note ? { note } : {}) }), `${r.personName}达成和解`)} data-testid={`op-settled-${id}`}>
            达成和解
          </button>
        </>
      ) : null}
    </div>
  );
}

/** One measure: its state, its clocks, and what the police do next (family, check, hand-over, release). */
function MeasureRow(props: { m: Measure; police: boolean; people: People; act: Act }) {
  const seenNow = useContext(SeenNow);
  const { m, act } = props;
  const [family, setFamily] = useState('');
  const [centre, setCentre] = useState('');
  const [leaveReason, setLeaveReason] = useState('');
  const [emergencyNote, setEmergencyNote] = useState('');
  const approverId = props.people.approvers[0]?.id ?? 0;
  const state =
    m.kind === 'compel'
      ? m.endedAt
        ? `询问结束 ${local(m.endedAt)}`
        : '询问中'
      : m.kind === 'detain'
        ? m.releasedAt
          ? `已解除（${m.releaseKind === 'early' ? '提前解除' : m.releaseKind === 'revoked' ? '院长认为拘留不当' : '期满'}）`
          : `拘留${m.days}日，至${m.endsOn}${m.handedOverAt ? `，已送${m.centre}` : ''}${m.familyAt ? '，已通知家属' : ''}`
        : m.kind === 'fine'
          ? `罚款 ${yuan(m.amountFen ?? 0)} 元`
          : '搜查';
  const clocks = m.clocks.filter((c) => c.status === 'open');
  const doc = m.documentId;
  return (
    <tr data-testid={`measure-${m.id}`}>
      <td>{m.caseNumber}</td>
      <td>{m.personName}</td>
      <td>{MEASURE_KINDS[m.kind]}</td>
      <td>{m.emergency === 'pending' ? '紧急先行拘留，待院长补批' : m.approvedBy}</td>
      <td>{local(m.startedAt)}</td>
      <td data-testid={`measure-state-${m.id}`}>{state}</td>
      <td data-testid={`measure-clocks-${m.id}`}>
        {clocks.map((c) => (
          <div key={c.ruleId}>
            {CLOCK_LABELS[c.ruleId] ?? c.ruleId}：{c.dueAt ? local(c.dueAt) : c.dueOn}
          </div>
        ))}
      </td>
      <td>
        {doc ? (
          <button className="link" onClick={() => void api.call('documents.file', { documentId: doc, format: 'pdf' })} data-testid={`measure-doc-${m.id}`}>
            打印{m.kind === 'compel' ? '拘传票' : m.kind === 'fine' ? '罚款决定书' : m.kind === 'detain' ? '拘留决定书' : '搜查令'}
          </button>
        ) : null}
        {m.emergencyDocumentId ? (
          <button className="link" onClick={() => void api.call('documents.file', { documentId: m.emergencyDocumentId!, format: 'pdf' })} data-testid={`measure-emergency-doc-${m.id}`}>
            打印补办拘留批准手续记录
          </button>
        ) : null}
        {props.police && m.kind === 'detain' && !m.releasedAt ? (
          <>
            {!m.familyAt ? (
              <>
                <input value={family} onChange={(e) => setFamily(e.target.value)} placeholder="通知方式，如电话通知其妻" data-testid={`measure-family-method-${m.id}`} />
                <button onClick={() => act(() => api.call('coercion.notifyFamily', { seen: seenNow(), measureId: m.id, method: family }), '已登记通知家属')} data-testid={`measure-family-${m.id}`}>
                  通知家属
                </button>
              </>
            ) : null}
            {!m.medicalResult ? (
              <button onClick={() => act(() => api.call('coercion.medical', { seen: seenNow(), measureId: m.id, fit: true, result: '体检正常' }), '已登记体检结果')} data-testid={`measure-medical-${m.id}`}>
                体检正常
              </button>
            ) : null}
            {m.emergency === 'pending' ? (
              <>
                <input value={emergencyNote} onChange={(e) => setEmergencyNote(e.target.value)} placeholder="院长意见（不予批准须写明理由）" data-testid={`measure-emergency-note-${m.id}`} />
                <button onClick={() => act(() => api.call('coercion.emergencyDecision', { seen: seenNow(), measureId: m.id, approvedById: approverId, approved: true, ...(emergencyNote ? { note: emergencyNote } : {}) }), '院长已补办批准手续')} data-testid={`measure-emergency-approve-${m.id}`}>
                  院长补批
                </button>
                <button onClick={() => act(() => api.call('coercion.emergencyDecision', { seen: seenNow(), measureId: m.id, approvedById: approverId, approved: false, note: emergencyNote }), '院长认为拘留不当，已解除拘留')} data-testid={`measure-emergency-refuse-${m.id}`}>
                  不予批准并解除
                </button>
              </>
            ) : null}
            {m.handedOverAt && !m.onLeaveId && !m.leaveApplication ? (
              <>
                <input value={leaveReason} onChange={(e) => setLeaveReason(e.target.value)} placeholder="请假事由（考试、分娩、近亲属病危等）" data-testid={`measure-leave-reason-${m.id}`} />
                <button onClick={() => act(() => api.call('coercion.leaveApply', { seen: seenNow(), measureId: m.id, reason: leaveReason }), '已登记请假申请，应在12小时内决定')} data-testid={`measure-leave-apply-${m.id}`}>
                  登记请假申请
                </button>
              </>
            ) : null}
            {m.leaveApplication ? (
              <>
                <span>请假：{m.leaveApplication.reason}</span>
                <button onClick={() => act(() => api.call('coercion.leave', { seen: seenNow(), measureId: m.id, applicationId: m.leaveApplication!.id }), '已准假，外出期间不计入拘留期限')} data-testid={`measure-leave-grant-${m.id}`}>
                  准假
                </button>
                <input value={leaveReason} onChange={(e) => setLeaveReason(e.target.value)} placeholder="不准假的理由" data-testid={`measure-leave-refuse-reason-${m.id}`} />
                <button onClick={() => act(() => api.call('coercion.leaveRefuse', { seen: seenNow(), measureId: m.id, applicationId: m.leaveApplication!.id, reason: leaveReason }), '已决定不准假')} data-testid={`measure-leave-refuse-${m.id}`}>
                  不准假
                </button>
              </>
            ) : null}
            {m.onLeaveId ? (
              <button onClick={() => act(() => api.call('coercion.leaveReturn', { seen: seenNow(), leaveId: m.onLeaveId! }), '已回所，拘留期限顺延')} data-testid={`measure-leave-return-${m.id}`}>
                请假回所
              </button>
            ) : null}
            {m.medicalResult && !m.handedOverAt ? (
              <>
                <input value={centre} onChange={(e) => setCentre(e.target.value)} placeholder="拘留所" data-testid={`measure-centre-${m.id}`} />
                <button onClick={() => act(() => api.call('coercion.handOver', { seen: seenNow(), measureId: m.id, centre }), '已送交拘留所')} data-testid={`measure-handover-${m.id}`}>
                  送交拘留所
                </button>
              </>
            ) : null}
          </>
        ) : null}
      </td>
    </tr>
  );
}
