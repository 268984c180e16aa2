import { errorText } from '../../errorText';
import { useEffect, useState, type ReactNode } from 'react';
import type { Seen } from '../../../src-shared/api/caseVersions';
import type { MethodOutput } from '../../../src-shared/api';
import { api, ApiCallError } from '../../api/client';
import { yuan } from '../../format';
import { enterMovesOn, Field } from '../../components/Field';
import { MoneyInput } from '../../components/MoneyInput';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { fineAmountProblem, GROUND_LIST, GROUNDS, GENDERS, type Gender, type Ground, type PersonKind } from '../../../src-shared/domain/coercion';

// The desk's forms that were reachable only through the API: 罚款 (民诉法 Arts. 118–119), 搜查令 and
// 搜查笔录 (民诉法 Art. 259; 解释 Arts. 494–498), the review of a fine or detention (解释 Art. 185) and
// the referral for 拒执罪 (法发〔2025〕8号; 法〔2018〕147号). Keyboard first: Enter moves to the next
// field, the form's button asks for confirmation, errors name the field in Chinese.

type Measure = MethodOutput<'coercion.measures'>[number];
type Referral = MethodOutput<'coercion.referrals'>[number];
type People = MethodOutput<'coercion.people'>;
type Errors = Record<string, string>;

export interface FormsProps {
  today: string;
  people: People;
  measures: Measure[];
  seen: () => Seen | undefined;
  /** After a write: the page reloads its lists and shows the message. */
  onDone: (message: string) => void;
}

/** The field names of the API, as the forms label them. */
const FIELD_LABELS: Record<string, string> = {
  caseId: '案件', partyId: '对象', personName: '对象', personKind: '对象类型', ground: '法定事由', act: '妨害执行的行为', amountFen: '罚款金额',
  approvedById: '批准人', place: '搜查地点', reason: '搜查事由', measureId: '措施', attendees: '在场人', officers: '搜查人员',
  'bodySearch.searchedBy': '搜查身体的人员', items: '搜查情况', filedOn: '复议申请日期', decidedOn: '复议决定日期', police: '公安机关',
  facts: '执行情况说明', evidence: '证据材料', referralId: '移送', answeredOn: '答复日期',
};

/** A server refusal shown under its field (or above the form when it names none). */
function toErrors(e: unknown): Errors {
  if (e instanceof ApiCallError) {
    const f = e.field ?? '_';
    return { [f]: FIELD_LABELS[f] && !e.message.startsWith(FIELD_LABELS[f]) ? `${FIELD_LABELS[f]}：${e.message}` : e.message };
  }
  return { _: String(e) };
}

const lines = (s: string) => s.split(/[\n、,，;；]+/).map((x) => x.trim()).filter(Boolean);

interface CaseView {
  id: number;
  number: string;
  debtors: { id: number; name: string; kind: string }[];
}

/** Finds a case by its number (or a party's name), with its debtors. */
function CasePicker(props: { prefix: string; value: CaseView | null; onChange: (c: CaseView | null) => void; error?: string | undefined }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const find = async () => {
    setError(undefined);
    try {
      const r = await api.call('cases.list', { filter: { text }, limit: 1 });
      const row = r.rows[0];
      if (!row) throw new Error(`案号：没有找到案件“${text}”`);
      const c = await api.call('cases.get', { id: row.id });
      props.onChange({ id: c.id, number: c.number, debtors: c.parties.filter((p) => p.role === 'debtor').map((p) => ({ id: p.id, name: p.name, kind: p.kind })) });
    } catch (e) {
      setError(e instanceof ApiCallError ? `案号：${e.message}` : String(e instanceof Error ? e.message : e));
      props.onChange(null);
    }
  };
  return (
    <>
      <Field label="案号" required error={error ?? props.error} hint={props.value ? props.value.number : '输入案号或当事人后按“查找”'}>
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void find();
            }
          }}
          data-testid={`${props.prefix}-case`}
        />
      </Field>
      <button type="button" onClick={() => void find()} data-testid={`${props.prefix}-find`}>
        查找
      </button>
    </>
  );
}

function ApproverSelect(props: { people: People; value: number | null; onChange: (id: number) => void; testId: string; error?: string | undefined }) {
  const v = props.value ?? props.people.approvers[0]?.id ?? '';
  return (
    <Field label="批准人" required hint="院长或经授权的副院长" error={props.error}>
      <select value={v} onChange={(e) => props.onChange(Number(e.target.value))} data-testid={props.testId}>
        {props.people.approvers.map((u) => (
          <option key={u.id} value={u.id}>
            {u.displayName}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** One form: Enter moves on, the submit button validates and then asks to confirm. */
function ConfirmForm(props: { testId: string; title: string; submitLabel: string; validate: () => Errors; summary: () => ReactNode; send: () => Promise<string>; errors: Errors; setErrors: (e: Errors) => void; onDone: (m: string) => void; children: ReactNode }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = () => {
    const errs = props.validate();
    props.setErrors(errs);
    if (Object.keys(errs).length === 0) setAsking(true);
  };
  const confirm = async () => {
    setAsking(false);
    setBusy(true);
    try {
      props.onDone(await props.send());
      props.setErrors({});
    } catch (e) {
      props.setErrors(toErrors(e));
    } finally {
      setBusy(false);
    }
  };
  const other = Object.entries(props.errors).filter(([k]) => k === '_' || !FIELD_LABELS[k]);
  return (
    <form
      className="card"
      onKeyDown={enterMovesOn}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid={props.testId}
    >
      <h4>{props.title}</h4>
      {other.map(([k, m]) => (
        <div key={k} className="error-banner" role="alert" data-testid={`${props.testId}-error`}>
          {m}
        </div>
      ))}
      <div className="row actions-row">{props.children}</div>
      <button type="submit" className="primary" disabled={busy} data-testid={`${props.testId}-submit`}>
        {props.submitLabel}
      </button>
      {asking ? (
        <ConfirmDialog title={`确认${props.submitLabel}`} confirmLabel={props.submitLabel} onConfirm={() => void confirm()} onCancel={() => setAsking(false)}>
          {props.summary()}
        </ConfirmDialog>
      ) : null}
    </form>
  );
}


/** 罚款决定: individual ≤ ¥100,000; organisation ¥50,000–1,000,000 (民诉法 Art. 118); the same act once (解释 Art. 184). */
export function FineForm(props: FormsProps) {
  const [c, setC] = useState<CaseView | null>(null);
  const [partyId, setPartyId] = useState<number | null>(null);
  const [ground, setGround] = useState<Ground>('refuse');
  const [act, setAct] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  const [approver, setApprover] = useState<number | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const debtor = c?.debtors.find((d) => d.id === (partyId ?? c.debtors[0]?.id));
  const kind: PersonKind = debtor?.kind === 'org' ? 'organisation' : 'individual';
  const approvedById = approver ?? props.people.approvers[0]?.id ?? 0;
  const validate = () => {
    const e: Errors = {};
    if (!c) e.caseId = '案件：请先查找案件';
    else if (!debtor) e.partyId = '对象：本案没有被执行人';
    if (!act.trim()) e.act = '妨害执行的行为：请写明时间、地点和经过';
    if (amount === null) e.amountFen = '罚款金额：请填写';
    else {
      const p = fineAmountProblem(kind, amount);
      if (p) e.amountFen = `罚款金额：${p}`;
    }
    if (!approvedById) e.approvedById = '批准人：没有可批准的院长或副院长';
    return e;
  };
  return (
    <ConfirmForm
      testId="fine-form"
      title="罚款"
      submitLabel="作出罚款决定"
      errors={errors}
      setErrors={setErrors}
      onDone={props.onDone}
      validate={validate}
      summary={() => (
        <p>
          对{debtor?.name}（{kind === 'organisation' ? '单位' : '个人'}）罚款 {yuan(amount ?? 0)} 元，事由：{GROUNDS[ground].label}。将制作罚款决定书。
        </p>
      )}
      send={async () => {
        await api.call('coercion.fine', { seen: props.seen(), caseId: c!.id, partyId: debtor!.id, ground, act, amountFen: amount!, approvedById });
        setAct('');
        setAmount(null);
        return `已对${debtor!.name}作出罚款决定（${yuan(amount!)} 元），罚款决定书已制作`;
      }}
    >
      <CasePicker prefix="fine" value={c} onChange={setC} error={errors.caseId} />
      {c ? (
        <Field label="对象" required error={errors.partyId}>
          <select value={debtor?.id ?? ''} onChange={(e) => setPartyId(Number(e.target.value))} data-testid="fine-party">
            {c.debtors.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}（{d.kind === 'org' ? '单位' : '个人'}）
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field label="法定事由" required error={errors.ground}>
        <select value={ground} onChange={(e) => setGround(e.target.value as Ground)} data-testid="fine-ground">
          {GROUND_LIST.map((g) => (
            <option key={g} value={g}>
              {GROUNDS[g].label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="妨害执行的行为" required error={errors.act} wide>
        <input value={act} onChange={(e) => setAct(e.target.value)} placeholder="时间、地点、经过" data-testid="fine-act" />
      </Field>
      <Field label="罚款金额（元）" required error={errors.amountFen} hint={kind === 'organisation' ? '单位：五万元以上一百万元以下' : '个人：十万元以下'}>
        <MoneyInput fen={amount} onChange={(f) => setAmount(f)} testId="fine-amount" />
      </Field>
      <ApproverSelect people={props.people} value={approver} onChange={setApprover} testId="fine-approver" error={errors.approvedById} />
    </ConfirmForm>
  );
}

/** 搜查令, signed by the president (民诉法 Art. 259). */
export function WarrantForm(props: FormsProps) {
  const [c, setC] = useState<CaseView | null>(null);
  const [partyId, setPartyId] = useState<number | null>(null);
  const [place, setPlace] = useState('');
  const [reason, setReason] = useState('');
  const [approver, setApprover] = useState<number | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const debtor = c?.debtors.find((d) => d.id === (partyId ?? c.debtors[0]?.id));
  const approvedById = approver ?? props.people.approvers[0]?.id ?? 0;
  return (
    <ConfirmForm
      testId="warrant-form"
      title="签发搜查令"
      submitLabel="签发搜查令"
      errors={errors}
      setErrors={setErrors}
      onDone={props.onDone}
      validate={() => {
        const e: Errors = {};
        if (!c) e.caseId = '案件：请先查找案件';
        else if (!debtor) e.partyId = '对象：本案没有被执行人';
        if (!place.trim()) e.place = '搜查地点：请填写';
        if (!reason.trim()) e.reason = '搜查事由：请写明被执行人隐匿财产、会计账簿等资料且拒不交出的情况';
        return e;
      }}
      summary={() => (
        <p>
          对{debtor?.name}的{place}进行搜查，将制作搜查令。
        </p>
      )}
      send={async () => {
        await api.call('coercion.warrant', { seen: props.seen(), caseId: c!.id, partyId: debtor!.id, place, reason, approvedById });
        setPlace('');
        setReason('');
        return `已签发对${debtor!.name}的搜查令`;
      }}
    >
      <CasePicker prefix="warrant" value={c} onChange={setC} error={errors.caseId} />
      {c ? (
        <Field label="被搜查人" required error={errors.partyId}>
          <select value={debtor?.id ?? ''} onChange={(e) => setPartyId(Number(e.target.value))} data-testid="warrant-party">
            {c.debtors.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field label="搜查地点" required error={errors.place}>
        <input value={place} onChange={(e) => setPlace(e.target.value)} data-testid="warrant-place" />
      </Field>
      <Field label="搜查事由" required error={errors.reason} wide>
        <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="warrant-reason" />
      </Field>
      <ApproverSelect people={props.people} value={approver} onChange={setApprover} testId="warrant-approver" error={errors.approvedById} />
    </ConfirmForm>
  );
}

/** 搜查笔录: who was present, who searched; a woman's body only by a female officer (解释 Art. 496). */
export function SearchRecordForm(props: FormsProps) {
  const open = props.measures.filter((m) => m.kind === 'search' && m.recordDocumentId === null);
  const [measureId, setMeasureId] = useState<number | null>(null);
  const [attendees, setAttendees] = useState('');
  const [officers, setOfficers] = useState<{ name: string; gender: Gender }[]>([{ name: '', gender: 'male' }]);
  const [body, setBody] = useState(false);
  const [personGender, setPersonGender] = useState<Gender>('female');
  const [searchedBy, setSearchedBy] = useState('');
  const [items, setItems] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const m = open.find((x) => x.id === (measureId ?? open[0]?.id));
  const named = officers.filter((o) => o.name.trim());
  if (open.length === 0) return null;
  return (
    <ConfirmForm
      testId="search-record-form"
      title="搜查笔录"
      submitLabel="制作搜查笔录"
      errors={errors}
      setErrors={setErrors}
      onDone={props.onDone}
      validate={() => {
        const e: Errors = {};
        if (!m) e.measureId = '措施：请选择搜查令';
        if (lines(attendees).length === 0) e.attendees = '在场人：请登记被执行人或其成年家属、基层组织派员（单位为其负责人）';
        if (named.length === 0) e.officers = '搜查人员：请至少登记一名';
        if (body) {
          const by = named.find((o) => o.name.trim() === searchedBy.trim());
          if (!by) e['bodySearch.searchedBy'] = '搜查身体的人员：须是登记的搜查人员之一';
          else if (personGender === 'female' && by.gender !== 'female') e['bodySearch.searchedBy'] = '搜查身体的人员：搜查妇女身体，应当由女执行人员进行（民诉法解释第四百九十六条第二款）';
        }
        if (!items.trim()) e.items = '搜查情况：请写明搜查经过及发现的财产';
        return e;
      }}
      summary={() => (
        <p>
          {m?.personName}的搜查笔录：在场人 {lines(attendees).join('、')}；搜查人员 {named.map((o) => o.name).join('、')}。
        </p>
      )}
      send={async () => {
        await api.call('coercion.searchRecord', {
          seen: props.seen(),
          measureId: m!.id,
          attendees: lines(attendees),
          officers: named.map((o) => ({ name: o.name.trim(), gender: o.gender })),
          ...(body ? { bodySearch: { personGender, searchedBy: searchedBy.trim() } } : {}),
          items,
        });
        return `${m!.personName}的搜查笔录已制作`;
      }}
    >
      <Field label="搜查令" required error={errors.measureId}>
        <select value={m?.id ?? ''} onChange={(e) => setMeasureId(Number(e.target.value))} data-testid="search-measure">
          {open.map((x) => (
            <option key={x.id} value={x.id}>
              {x.caseNumber} {x.personName} {x.place ?? ''}
            </option>
          ))}
        </select>
      </Field>
      <Field label="在场人" required error={errors.attendees} hint="用、分隔">
        <input value={attendees} onChange={(e) => setAttendees(e.target.value)} data-testid="search-attendees" />
      </Field>
      {officers.map((o, i) => (
        <span key={i} className="row">
          <Field label={`搜查人员${i + 1}`} required={i === 0} error={i === 0 ? errors.officers : undefined}>
            <input value={o.name} onChange={(e) => setOfficers(officers.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} data-testid={`search-officer-${i}`} />
          </Field>
          <Field label="性别">
            <select value={o.gender} onChange={(e) => setOfficers(officers.map((x, j) => (j === i ? { ...x, gender: e.target.value as Gender } : x)))} data-testid={`search-officer-gender-${i}`}>
              {Object.entries(GENDERS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </Field>
        </span>
      ))}
      <button type="button" onClick={() => setOfficers([...officers, { name: '', gender: 'male' }])} data-testid="search-officer-add">
        添加搜查人员
      </button>
      <label>
        <input type="checkbox" checked={body} onChange={(e) => setBody(e.target.checked)} data-testid="search-body" /> 搜查人身
      </label>
      {body ? (
        <>
          <Field label="被搜查人性别">
            <select value={personGender} onChange={(e) => setPersonGender(e.target.value as Gender)} data-testid="search-person-gender">
              <option value="female">女</option>
              <option value="male">男</option>
            </select>
          </Field>
          <Field label="搜查身体的人员" required error={errors['bodySearch.searchedBy']} hint={personGender === 'female' ? '须为女执行人员' : undefined}>
            <select value={searchedBy} onChange={(e) => setSearchedBy(e.target.value)} data-testid="search-searched-by">
              <option value="">请选择</option>
              {named.map((o) => (
                <option key={o.name} value={o.name}>
                  {o.name}（{GENDERS[o.gender]}）
                </option>
              ))}
            </select>
          </Field>
        </>
      ) : null}
      <Field label="搜查情况及发现的财产" required error={errors.items} wide>
        <textarea value={items} onChange={(e) => setItems(e.target.value)} rows={3} data-testid="search-items" />
      </Field>
    </ConfirmForm>
  );
}

const REVIEW_RESULTS = { upheld: '维持', varied: '变更', revoked: '撤销' } as const;

/** 复议 of a fine or detention: filed within 3 days of receipt, decided by the upper court within 5 (解释 Art. 185). */
export function ReviewForm(props: FormsProps) {
  const sanctions = props.measures.filter((m) => (m.kind === 'fine' || m.kind === 'detain') && !m.reviewDecidedOn);
  const [measureId, setMeasureId] = useState<number | null>(null);
  const [on, setOn] = useState(props.today);
  const [result, setResult] = useState<keyof typeof REVIEW_RESULTS>('upheld');
  const [errors, setErrors] = useState<Errors>({});
  const m = sanctions.find((x) => x.id === (measureId ?? sanctions[0]?.id));
  if (sanctions.length === 0) return null;
  const deciding = Boolean(m?.reviewFiledOn);
  return (
    <ConfirmForm
      testId="review-form"
      title="复议（罚款、拘留）"
      submitLabel={deciding ? '登记复议决定' : '登记复议申请'}
      errors={errors}
      setErrors={setErrors}
      onDone={props.onDone}
      validate={() => {
        const e: Errors = {};
        if (!m) e.measureId = '措施：请选择罚款或拘留决定';
        if (!on) e[deciding ? 'decidedOn' : 'filedOn'] = `${deciding ? '复议决定日期' : '复议申请日期'}：请填写`;
        else if (on > props.today) e[deciding ? 'decidedOn' : 'filedOn'] = `${deciding ? '复议决定日期' : '复议申请日期'}：晚于今天`;
        return e;
      }}
      summary={() => <p>{deciding ? `${m?.personName}：上级法院于${on}复议决定${REVIEW_RESULTS[result]}。` : `${m?.personName}于${on}申请复议（收到决定书之日起三日内）。复议期间不停止执行。`}</p>}
      send={async () => {
        if (deciding) {
          await api.call('coercion.reviewDecision', { seen: props.seen(), measureId: m!.id, decidedOn: on, result });
          return `已登记${m!.personName}的复议决定：${REVIEW_RESULTS[result]}`;
        }
        await api.call('coercion.fileReview', { seen: props.seen(), measureId: m!.id, filedOn: on });
        return `已登记${m!.personName}的复议申请，上级法院应在五日内作出决定`;
      }}
    >
      <Field label="罚款、拘留决定" required error={errors.measureId}>
        <select value={m?.id ?? ''} onChange={(e) => setMeasureId(Number(e.target.value))} data-testid="review-measure">
          {sanctions.map((x) => (
            <option key={x.id} value={x.id}>
              {x.caseNumber} {x.personName} {x.kind === 'fine' ? `罚款${yuan(x.amountFen ?? 0)}元` : `拘留${x.days}日`}（{x.servedOn}送达）{x.reviewFiledOn ? `，${x.reviewFiledOn}已申请复议` : ''}
            </option>
          ))}
        </select>
      </Field>
      <Field label={deciding ? '复议决定日期' : '复议申请日期'} required error={errors.filedOn ?? errors.decidedOn} hint={deciding ? '上级法院收到申请后五日内' : '收到决定书之日起三日内'}>
        <input type="date" value={on} onChange={(e) => setOn(e.target.value)} data-testid="review-date" />
      </Field>
      {deciding ? (
        <Field label="复议结果" required>
          <select value={result} onChange={(e) => setResult(e.target.value as keyof typeof REVIEW_RESULTS)} data-testid="review-result">
            {Object.entries(REVIEW_RESULTS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
    </ConfirmForm>
  );
}

const REFERRAL_CLOCKS: Record<string, string> = { policeDecision: '公安机关7日内决定', policeDecisionComplex: '公安机关30日内决定', privateProsecution: '60日未答复可自诉' };

/** 拒执罪 referral: the letter and evidence list, the police clock (7 / 30 days), and the 60-day 自诉 route. */
export function ReferralSection(props: FormsProps) {
  const [list, setList] = useState<Referral[]>([]);
  const [c, setC] = useState<CaseView | null>(null);
  const [person, setPerson] = useState('');
  const [police, setPolice] = useState('');
  const [complex, setComplex] = useState(false);
  const [facts, setFacts] = useState('');
  const [evidence, setEvidence] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [rowError, setRowError] = useState<string | null>(null);
  const load = () => api.call('coercion.referrals', {}).then(setList, () => undefined);
  useEffect(() => void load(), []);
  const done = (m: string) => {
    void load();
    props.onDone(m);
  };
  const personName = person || c?.debtors[0]?.name || '';
  const answer = async (r: Referral, a: 'filed' | 'refused', on: string) => {
    setRowError(null);
    try {
      await api.call('coercion.policeAnswer', { seen: props.seen(), referralId: r.id, answer: a, answeredOn: on });
      done(`已登记公安机关答复：${a === 'filed' ? '立案' : '不予立案'}`);
    } catch (e) {
      setRowError(errorText(e));
    }
  };
  const privateRoute = async (r: Referral) => {
    setRowError(null);
    try {
      await api.call('coercion.privateProsecution', { seen: props.seen(), referralId: r.id });
      done('已告知申请执行人可以提起自诉');
    } catch (e) {
      setRowError(errorText(e));
    }
  };
  return (
    <section data-testid="referral-section">
      <ConfirmForm
        testId="referral-form"
        title="移送公安机关（拒不执行判决、裁定罪）"
        submitLabel="制作案件移送函"
        errors={errors}
        setErrors={setErrors}
        onDone={done}
        validate={() => {
          const e: Errors = {};
          if (!c) e.caseId = '案件：请先查找案件';
          if (!personName.trim()) e.personName = '被移送人：请填写';
          if (!police.trim()) e.police = '公安机关：请填写';
          if (!facts.trim()) e.facts = '执行情况说明：请写明履行义务、履行能力、拒不执行的情形及后果';
          if (lines(evidence).length === 0) e.evidence = '证据材料：请逐行列明（身份、履行义务、履行能力、拒不执行及其后果）';
          return e;
        }}
        summary={() => (
          <p>
            将{personName}移送{police}，证据材料 {lines(evidence).length} 项。公安机关应在{complex ? '30' : '7'}日内决定是否立案；60日未答复的，可告知申请执行人提起自诉。
          </p>
        )}
        send={async () => {
          await api.call('coercion.refer', { seen: props.seen(), caseId: c!.id, personName, police, complex, facts, evidence: lines(evidence) });
          setFacts('');
          setEvidence('');
          return `已将${personName}移送${police}，案件移送函已制作`;
        }}
      >
        <CasePicker prefix="referral" value={c} onChange={setC} error={errors.caseId} />
        <Field label="被移送人" required error={errors.personName}>
          <input value={personName} onChange={(e) => setPerson(e.target.value)} data-testid="referral-person" />
        </Field>
        <Field label="公安机关" required error={errors.police}>
          <input value={police} onChange={(e) => setPolice(e.target.value)} placeholder="如开鲁县公安局" data-testid="referral-police" />
        </Field>
        <label>
          <input type="checkbox" checked={complex} onChange={(e) => setComplex(e.target.checked)} data-testid="referral-complex" /> 重大、复杂（30日）
        </label>
        <Field label="执行情况说明" required error={errors.facts} wide>
          <textarea value={facts} onChange={(e) => setFacts(e.target.value)} rows={3} data-testid="referral-facts" />
        </Field>
        <Field label="证据材料清单" required error={errors.evidence} hint="每行一项" wide>
          <textarea value={evidence} onChange={(e) => setEvidence(e.target.value)} rows={4} data-testid="referral-evidence" />
        </Field>
      </ConfirmForm>
      {rowError ? (
        <div className="error-banner" role="alert" data-testid="referral-row-error">
          {rowError}
        </div>
      ) : null}
      {list.length ? (
        <table className="grid-table" data-testid="referrals-table">
          <thead>
            <tr>
              <th>案号</th>
              <th>被移送人</th>
              <th>公安机关</th>
              <th>移送日期</th>
              <th>时钟</th>
              <th>答复</th>
              <th>办理</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <ReferralRow key={r.id} r={r} today={props.today} answer={answer} privateRoute={privateRoute} />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function ReferralRow(props: { r: Referral; today: string; answer: (r: Referral, a: 'filed' | 'refused', on: string) => Promise<void>; privateRoute: (r: Referral) => Promise<void> }) {
  const { r } = props;
  const [on, setOn] = useState(props.today);
  const open = r.clocks.filter((c) => c.status === 'open');
  return (
    <tr data-testid={`referral-${r.id}`}>
      <td>{r.caseNumber}</td>
      <td>{r.personName}</td>
      <td>{r.police}</td>
      <td>{r.sentOn}</td>
      <td data-testid={`referral-clocks-${r.id}`}>
        {open.map((c) => (
          <div key={c.ruleId}>
            {REFERRAL_CLOCKS[c.ruleId] ?? c.ruleId}：{c.dueOn}
          </div>
        ))}
      </td>
      <td>{r.answer ? `${r.answer === 'filed' ? '已立案' : '不予立案'}（${r.answeredOn}）` : '未答复'}{r.privateOn ? `；${r.privateOn}告知自诉` : ''}</td>
      <td>
        {!r.answer ? (
          <>
            <input type="date" value={on} onChange={(e) => setOn(e.target.value)} aria-label="答复日期" data-testid={`referral-answer-date-${r.id}`} />
            <button type="button" onClick={() => void props.answer(r, 'filed', on)} data-testid={`referral-filed-${r.id}`}>
              立案
            </button>
            <button type="button" onClick={() => void props.answer(r, 'refused', on)} data-testid={`referral-refused-${r.id}`}>
              不予立案
            </button>
          </>
        ) : null}
        {r.answer !== 'filed' && !r.privateOn ? (
          <button type="button" onClick={() => void props.privateRoute(r)} data-testid={`referral-private-${r.id}`}>
            告知自诉
          </button>
        ) : null}
      </td>
    </tr>
  );
}

/** The desk's forms together, as the detention page shows them to those who decide; the referral is the case teams' (not the police's). */
export function CoercionForms(props: FormsProps & { refer: boolean }) {
  return (
    <section data-testid="coercion-forms">
      <h3>罚款、搜查、复议与移送</h3>
      <FineForm {...props} />
      <WarrantForm {...props} />
      <SearchRecordForm {...props} />
      <ReviewForm {...props} />
      {props.refer ? <ReferralSection {...props} /> : null}
    </section>
  );
}
