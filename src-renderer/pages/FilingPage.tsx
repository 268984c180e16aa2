import { useState } from 'react';
import { api, ApiCallError } from '../api/client';
import { Field, enterMovesOn } from '../components/Field';
import { MoneyInput } from '../components/MoneyInput';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { navigate } from '../router';
import { useSession } from '../session';
import { validateIdNumber } from '../../src-shared/domain/idNumber';
import { validateCreditCode } from '../../src-shared/domain/creditCode';
import { FILING_TYPES } from '../../src-shared/domain/stages';
import type { CaseDraft } from '../../src-shared/api/methods/cases';
import { NON_LITIGATION_KINDS, TITLE_KINDS, type TitleKind } from '../../src-shared/domain/executionTitle';
import { DateInput } from '../components/DateInput';
import { parseCaseNumber } from '../../src-shared/domain/caseNumber';
import { AcceptancePrint } from './filing/AcceptancePrint';

interface PartyForm {
  kind: 'person' | 'org';
  name: string;
  idNumber: string;
  creditCode: string;
  legalRep: string;
  legalRepTitle: string;
  address: string;
  phone: string;
  /** An applicant's share when several apply together (fen). */
  shareFen: number | null;
  agentName: string;
  agentUnit: string;
}

const emptyParty = (): PartyForm => ({ kind: 'person', name: '', idNumber: '', creditCode: '', legalRep: '', legalRepTitle: '', address: '', phone: '', shareFen: null, agentName: '', agentUnit: '' });
const REQUESTS = ['限制消费', '纳入失信名单', '悬赏公告', '审计', '搜查'] as const;

interface FormState {
  type: (typeof FILING_TYPES)[number];
  filedOn: string;
  existingNumber: string;
  /** 执恢: the case resumed. */
  originalNumber: string;
  applicants: PartyForm[];
  debtors: PartyForm[];
  title: { court: string; number: string; effectiveOn: string; cause: string; nonLitigation: boolean; kind: TitleKind | ''; kindOther: string; ordered: string; joint: boolean };
  principalFen: number | null;
  interestFen: number | null;
  costsFen: number | null;
  preserved: boolean;
  interview: { contactConfirmed: boolean; serviceAddress: string; payoutBank: string; payoutAccountName: string; payoutAccount: string; propertyClues: string; requests: string[]; notes: string };
}

function initial(today: string, courtName: string): FormState {
  return {
    type: '执',
    filedOn: today,
    existingNumber: '',
    originalNumber: '',
    applicants: [emptyParty()],
    debtors: [emptyParty()],
    title: { court: courtName, number: '', effectiveOn: '', cause: '', nonLitigation: false, kind: '', kindOther: '', ordered: '', joint: false },
    principalFen: null,
    interestFen: null,
    costsFen: null,
    preserved: false,
    interview: { contactConfirmed: false, serviceAddress: '', payoutBank: '', payoutAccountName: '', payoutAccount: '', propertyClues: '', requests: [], notes: '' },
  };
}

function toDraft(f: FormState, confirmDuplicate: boolean): CaseDraft {
  const extras = (p: PartyForm, applicant: boolean) => ({
    ...(applicant && f.applicants.length > 1 && p.shareFen !== null ? { shareFen: p.shareFen } : {}),
    ...(p.agentName ? { agentName: p.agentName } : {}),
    ...(p.agentUnit ? { agentUnit: p.agentUnit } : {}),
  });
  const party = (applicant: boolean) => (p: PartyForm) =>
    p.kind === 'person'
      ? { kind: 'person' as const, name: p.name, idNumber: p.idNumber, address: p.address || undefined, phone: p.phone || undefined, ...extras(p, applicant) }
      : { kind: 'org' as const, name: p.name, creditCode: p.creditCode, legalRep: p.legalRep, ...(p.legalRepTitle ? { legalRepTitle: p.legalRepTitle } : {}), address: p.address || undefined, phone: p.phone || undefined, ...extras(p, applicant) };
  const t = f.title;
  const iv = f.interview;
  return {
    type: f.type,
    filedOn: f.filedOn,
    ...(f.existingNumber.trim() ? { existingNumber: f.existingNumber.trim() } : {}),
    ...(f.type === '执恢' && f.originalNumber.trim() ? { originalNumber: f.originalNumber.trim() } : {}),
    applicants: f.applicants.map(party(true)),
    debtors: f.debtors.map(party(false)),
    title: {
      court: t.court,
      number: t.number,
      effectiveOn: t.effectiveOn,
      cause: t.cause,
      nonLitigation: t.nonLitigation,
      ...(t.kind ? { kind: t.kind } : {}),
      ...(t.kind === '其他' && t.kindOther ? { kindOther: t.kindOther } : {}),
      ...(t.ordered.trim() ? { ordered: t.ordered } : {}),
      joint: t.joint,
    },
    claim: { principalFen: f.principalFen ?? 0, interestFen: f.interestFen ?? 0, costsFen: f.costsFen ?? 0 },
    preserved: f.preserved,
    interview: {
      contactConfirmed: iv.contactConfirmed,
      serviceAddress: iv.serviceAddress || undefined,
      payoutBank: iv.payoutBank || undefined,
      payoutAccountName: iv.payoutAccountName || undefined,
      payoutAccount: iv.payoutAccount || undefined,
      propertyClues: iv.propertyClues || undefined,
      requests: iv.requests as (typeof REQUESTS)[number][],
      notes: iv.notes || undefined,
    },
    confirmDuplicate,
  };
}

type Issues = Record<string, { message: string; severity: 'error' | 'warning' }>;

/** The filing window (立案/初次接待窗口): one keyboard-first form, checked at every field. */
export function FilingPage() {
  const { info, settings } = useSession();
  const [form, setForm] = useState<FormState>(() => initial(info.today, settings.courtName));
  const [issues, setIssues] = useState<Issues>({});
  const [busy, setBusy] = useState(false);
  const [duplicates, setDuplicates] = useState<{ message: string } | null>(null);
  const [filed, setFiled] = useState<{ id: number; number: string; version: number; original: string | null; linked: boolean } | null>(null);
  const [banner, setBanner] = useState<string | null>(null);

  const err = (field: string) => (issues[field]?.severity === 'error' ? issues[field]?.message : undefined);
  const warn = (field: string) => (issues[field]?.severity === 'warning' ? issues[field]?.message : undefined);
  const update = (fn: (f: FormState) => void) =>
    setForm((prev) => {
      const next = structuredClone(prev);
      fn(next);
      return next;
    });
  const clearIssue = (field: string) =>
    setIssues((prev) => {
      if (!(field in prev)) return prev;
      const next = { ...prev };
      delete next[field];
      return next;
    });

  // The original case's number, checked by the case-number rules as the clerk leaves the field
  // (domain.md §1.4); whether it is in the register is said at filing.
  const checkOriginal = () => {
    const v = form.originalNumber.trim();
    if (!v) return clearIssue('originalNumber');
    const r = parseCaseNumber(v);
    if (!r.ok) setIssues((prev) => ({ ...prev, originalNumber: { message: `原案号有误：${r.reason}`, severity: 'error' } }));
    else if (r.value.type !== '执' && r.value.type !== '执恢') setIssues((prev) => ({ ...prev, originalNumber: { message: `原案号应为首次执行（执）或恢复执行（执恢）案件，现为“${r.value.type}”`, severity: 'error' } }));
    else clearIssue('originalNumber');
  };

  // Checks an ID or credit code as soon as the clerk leaves the field (the server checks again).
  const checkParty = (role: 'applicants' | 'debtors', i: number) => {
    const p = form[role][i]!;
    if (p.kind === 'person' && p.idNumber.trim()) {
      const r = validateIdNumber(p.idNumber, info.today);
      const field = `${role}.${i}.idNumber`;
      if (r.ok) clearIssue(field);
      else setIssues((prev) => ({ ...prev, [field]: { message: `身份证号${r.reason}`.replace('身份证号身份证号', '身份证号'), severity: 'error' } }));
    }
    if (p.kind === 'org' && p.creditCode.trim()) {
      const r = validateCreditCode(p.creditCode);
      const field = `${role}.${i}.creditCode`;
      if (r.ok) clearIssue(field);
      else setIssues((prev) => ({ ...prev, [field]: { message: `统一社会信用代码${r.reason}`.replace('统一社会信用代码统一社会信用代码', '统一社会信用代码'), severity: 'error' } }));
    }
  };

  const submit = async (confirmDuplicate = false) => {
    // The documents recite the title's type and what it ordered: the window asks for both.
    const local: Issues = {};
    if (!form.title.kind) local['title.kind'] = { message: '请选择执行依据的类型（文书据此叙述执行依据）', severity: 'error' };
    if (!form.title.ordered.trim()) local['title.ordered'] = { message: '请填写执行依据确定的义务（判项）', severity: 'error' };
    if (Object.keys(local).length > 0) {
      setIssues(local);
      setBanner(`有 ${Object.keys(local).length} 处需要更正，已在对应栏目下标出，未保存。`);
      document.querySelector<HTMLElement>(`[data-field="${Object.keys(local)[0]}"]`)?.focus();
      return;
    }
    setBusy(true);
    setBanner(null);
    try {
      const c = await api.call('cases.file', toDraft(form, confirmDuplicate));
      setIssues({});
      setDuplicates(null);
      setFiled({ id: c.id, number: c.number, version: c.version, original: form.type === '执恢' ? form.originalNumber.trim() : null, linked: c.resumedFromId !== null });
    } catch (e) {
      if (!(e instanceof ApiCallError)) throw e;
      if (e.code === 'needs_confirmation') {
        setDuplicates({ message: e.message });
      } else if (e.code === 'invalid_input') {
        const list = ((e.details as { issues?: { field: string; message: string; severity?: 'error' | 'warning' }[] } | undefined)?.issues ?? [{ field: e.field ?? '', message: e.message }]).map((i) => ({ ...i, severity: i.severity ?? ('error' as const) }));
        const next: Issues = {};
        for (const i of list) if (!next[i.field] || i.severity === 'error') next[i.field] = { message: i.message, severity: i.severity };
        setIssues(next);
        setBanner(`有 ${list.filter((i) => i.severity === 'error').length} 处需要更正，已在对应栏目下标出，未保存。`);
        const first = list.find((i) => i.severity === 'error');
        if (first) document.querySelector<HTMLElement>(`[data-field="${first.field}"]`)?.focus();
      } else setBanner(e.message);
    } finally {
      setBusy(false);
    }
  };

  if (filed) {
    return (
      <div className="page">
        <h2>立案窗口</h2>
        <div className="success" data-testid="filing-success">
          立案成功，案号 <strong data-testid="filed-number">{filed.number}</strong>
          {filed.original ? (
            <span data-testid="filed-original">
              ；原案号 {filed.original}
              {filed.linked ? '（已关联本系统中的原案件）' : '（原案件不在本系统中，已记录原案号）'}
            </span>
          ) : null}
        </div>
        <AcceptancePrint caseId={filed.id} version={filed.version} />
        <div className="actions">
          <button type="button" className="primary" onClick={() => navigate(`/cases/${filed.id}`)} data-testid="open-filed">
            打开案件
          </button>
          <button
            type="button"
            onClick={() => {
              setFiled(null);
              setForm(initial(info.today, settings.courtName));
            }}
            data-testid="file-another"
          >
            继续立案
          </button>
        </div>
      </div>
    );
  }

  const partySection = (role: 'applicants' | 'debtors', title: string, prefix: string) => (
    <fieldset>
      <legend>{title}</legend>
      {form[role].map((p, i) => (
        <div className="party" key={i}>
          <div className="row">
            <Field label="类型">
              <select
                value={p.kind}
                onChange={(e) => update((f) => void (f[role][i]!.kind = e.target.value as PartyForm['kind']))}
                data-testid={`${prefix}-${i}-kind`}
              >
                <option value="person">自然人</option>
                <option value="org">法人或其他组织</option>
              </select>
            </Field>
            <Field label={p.kind === 'person' ? '姓名' : '名称'} required error={err(`${role}.${i}.name`)}>
              <input data-field={`${role}.${i}.name`} value={p.name} onChange={(e) => update((f) => void (f[role][i]!.name = e.target.value))} data-testid={`${prefix}-${i}-name`} />
            </Field>
            {p.kind === 'person' ? (
              <Field
                label="公民身份号码"
                required
                error={err(`${role}.${i}.idNumber`)}
                hint={(() => {
                  const r = p.idNumber.length >= 15 ? validateIdNumber(p.idNumber, info.today) : null;
                  return r?.ok ? `出生 ${r.birthDate}，${r.sex}` : '18位，末位可为X；15位旧号自动升位';
                })()}
              >
                <input
                  data-field={`${role}.${i}.idNumber`}
                  value={p.idNumber}
                  maxLength={20}
                  onChange={(e) => update((f) => void (f[role][i]!.idNumber = e.target.value))}
                  onBlur={() => checkParty(role, i)}
                  data-testid={`${prefix}-${i}-id`}
                />
              </Field>
            ) : (
              <>
                <Field label="统一社会信用代码" required error={err(`${role}.${i}.creditCode`)} warning={warn(`${role}.${i}.creditCode`)}>
                  <input
                    data-field={`${role}.${i}.creditCode`}
                    value={p.creditCode}
                    maxLength={20}
                    onChange={(e) => update((f) => void (f[role][i]!.creditCode = e.target.value))}
                    onBlur={() => checkParty(role, i)}
                    data-testid={`${prefix}-${i}-credit`}
                  />
                </Field>
                <Field label="法定代表人" required error={err(`${role}.${i}.legalRep`)}>
                  <input data-field={`${role}.${i}.legalRep`} value={p.legalRep} onChange={(e) => update((f) => void (f[role][i]!.legalRep = e.target.value))} data-testid={`${prefix}-${i}-legalrep`} />
                </Field>
                <Field label="法定代表人职务" error={err(`${role}.${i}.legalRepTitle`)}>
                  <input value={p.legalRepTitle} onChange={(e) => update((f) => void (f[role][i]!.legalRepTitle = e.target.value))} placeholder="如 经理" data-testid={`${prefix}-${i}-legalrep-title`} />
                </Field>
              </>
            )}
          </div>
          <div className="row">
            <Field label="住所/送达地址" wide error={err(`${role}.${i}.address`)}>
              <input value={p.address} onChange={(e) => update((f) => void (f[role][i]!.address = e.target.value))} data-testid={`${prefix}-${i}-address`} />
            </Field>
            <Field label="联系电话" error={err(`${role}.${i}.phone`)}>
              <input value={p.phone} onChange={(e) => update((f) => void (f[role][i]!.phone = e.target.value))} data-testid={`${prefix}-${i}-phone`} />
            </Field>
            {form[role].length > 1 ? (
              <button type="button" className="link" onClick={() => update((f) => void f[role].splice(i, 1))}>
                删除
              </button>
            ) : null}
          </div>
          <div className="row">
            <Field label="委托代理人" error={err(`${role}.${i}.agentName`)}>
              <input data-field={`${role}.${i}.agentName`} value={p.agentName} onChange={(e) => update((f) => void (f[role][i]!.agentName = e.target.value))} data-testid={`${prefix}-${i}-agent`} />
            </Field>
            <Field label="代理人单位及身份" wide>
              <input value={p.agentUnit} onChange={(e) => update((f) => void (f[role][i]!.agentUnit = e.target.value))} placeholder="如 内蒙古某律师事务所律师" data-testid={`${prefix}-${i}-agent-unit`} />
            </Field>
            {role === 'applicants' && form.applicants.length > 1 ? (
              <Field label="应受偿份额" required error={err(`${role}.${i}.shareFen`)} hint="各申请执行人份额之和须等于申请执行标的">
                <MoneyInput fen={p.shareFen} onChange={(v) => update((f) => void (f.applicants[i]!.shareFen = v))} testId={`${prefix}-${i}-share`} />
              </Field>
            ) : null}
          </div>
        </div>
      ))}
      <button type="button" className="link" onClick={() => update((f) => void f[role].push(emptyParty()))} data-testid={`${prefix}-add`}>
        ＋ 增加{title}
      </button>
    </fieldset>
  );

  return (
    <div className="page">
      <h2>立案窗口</h2>
      {banner ? (
        <div className="error-banner" role="alert" data-testid="filing-banner">
          {banner}
        </div>
      ) : null}
      <form
        className="form"
        onKeyDown={enterMovesOn}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="filing-form"
      >
        <fieldset>
          <legend>案件</legend>
          <div className="row">
            <Field label="案件类型" required>
              <select value={form.type} onChange={(e) => update((f) => void (f.type = e.target.value as FormState['type']))} data-testid="filing-type">
                {FILING_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </Field>
            {form.type === '执恢' ? (
              <Field label="原案号（被恢复执行的案件）" required error={err('originalNumber')} warning={warn('originalNumber')} hint="如（2023）内0523执123号；原案件在本系统中的，立案后自动关联">
                <input
                  data-field="originalNumber"
                  value={form.originalNumber}
                  onChange={(e) => update((f) => void (f.originalNumber = e.target.value))}
                  onBlur={() => checkOriginal()}
                  data-testid="filing-original"
                />
              </Field>
            ) : null}
            <Field label="立案日期" required error={err('filedOn')}>
              <DateInput data-field="filedOn" value={form.filedOn} onChange={(e) => update((f) => void (f.filedOn = e.target.value))} data-testid="filing-date" />
            </Field>
            <Field label="原案号（旧系统迁移案件填写）" error={err('existingNumber')} hint="留空则由系统分配案号">
              <input data-field="existingNumber" value={form.existingNumber} onChange={(e) => update((f) => void (f.existingNumber = e.target.value))} data-testid="filing-existing" />
            </Field>
            <Field label="已保全">
              <input type="checkbox" checked={form.preserved} onChange={(e) => update((f) => void (f.preserved = e.target.checked))} data-testid="filing-preserved" />
            </Field>
          </div>
        </fieldset>
        {partySection('applicants', '申请执行人', 'applicant')}
        {partySection('debtors', '被执行人', 'debtor')}
        <fieldset>
          <legend>执行依据</legend>
          <div className="row">
            <Field label="作出机关" required error={err('title.court')}>
              <input data-field="title.court" value={form.title.court} onChange={(e) => update((f) => void (f.title.court = e.target.value))} data-testid="title-court" />
            </Field>
            <Field label="文书号" required error={err('title.number')} warning={warn('title.number')}>
              <input data-field="title.number" value={form.title.number} onChange={(e) => update((f) => void (f.title.number = e.target.value))} data-testid="title-number" placeholder="（2026）内0523民初100号" />
            </Field>
            <Field label="生效日期" required error={err('title.effectiveOn')}>
              <DateInput data-field="title.effectiveOn" value={form.title.effectiveOn} onChange={(e) => update((f) => void (f.title.effectiveOn = e.target.value))} data-testid="title-date" />
            </Field>
            <Field label="案由" required error={err('title.cause')}>
              <input data-field="title.cause" value={form.title.cause} onChange={(e) => update((f) => void (f.title.cause = e.target.value))} data-testid="title-cause" />
            </Field>
            <Field label="非诉执行（仲裁、公证等）" error={err('title.nonLitigation')}>
              <input type="checkbox" checked={form.title.nonLitigation} onChange={(e) => update((f) => void (f.title.nonLitigation = e.target.checked))} data-testid="title-nonlitigation" />
            </Field>
          </div>
          <div className="row">
            <Field label="执行依据类型" required error={err('title.kind')} warning={warn('title.kind')}>
              <select
                data-field="title.kind"
                value={form.title.kind}
                onChange={(e) =>
                  update((f) => {
                    f.title.kind = e.target.value as TitleKind | '';
                    if (f.title.kind && NON_LITIGATION_KINDS.includes(f.title.kind)) f.title.nonLitigation = true;
                  })
                }
                data-testid="title-kind"
              >
                <option value="">（请选择）</option>
                {TITLE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </Field>
            {form.title.kind === '其他' ? (
              <Field label="文书名称" required error={err('title.kindOther')}>
                <input data-field="title.kindOther" value={form.title.kindOther} onChange={(e) => update((f) => void (f.title.kindOther = e.target.value))} placeholder="如 行政处罚决定书" data-testid="title-kind-other" />
              </Field>
            ) : null}
            {form.debtors.length > 1 ? (
              <Field label="被执行人承担连带责任" error={err('title.joint')}>
                <input type="checkbox" checked={form.title.joint} onChange={(e) => update((f) => void (f.title.joint = e.target.checked))} data-testid="title-joint" />
              </Field>
            ) : null}
          </div>
          <div className="row">
            <Field label="执行依据确定的义务（判项）" required wide error={err('title.ordered')} warning={warn('title.ordered')} hint="照录判决书、调解书、裁决书的主文，文书据此叙述执行依据">
              <textarea data-field="title.ordered" rows={3} value={form.title.ordered} onChange={(e) => update((f) => void (f.title.ordered = e.target.value))} data-testid="title-ordered" />
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>申请执行标的</legend>
          <div className="row">
            <Field label="本金" required error={err('claim.principalFen')}>
              <MoneyInput fen={form.principalFen} onChange={(v) => update((f) => void (f.principalFen = v))} testId="claim-principal" />
            </Field>
            <Field label="利息" error={err('claim.interestFen')}>
              <MoneyInput fen={form.interestFen} onChange={(v) => update((f) => void (f.interestFen = v))} testId="claim-interest" />
            </Field>
            <Field label="诉讼费等" error={err('claim.costsFen')}>
              <MoneyInput fen={form.costsFen} onChange={(v) => update((f) => void (f.costsFen = v))} testId="claim-costs" />
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>初次接待笔录</legend>
          <div className="row">
            <Field label="联系方式与送达地址已核实">
              <input type="checkbox" checked={form.interview.contactConfirmed} onChange={(e) => update((f) => void (f.interview.contactConfirmed = e.target.checked))} data-testid="iv-confirmed" />
            </Field>
            <Field label="确认的送达地址" wide>
              <input value={form.interview.serviceAddress} onChange={(e) => update((f) => void (f.interview.serviceAddress = e.target.value))} data-testid="iv-address" />
            </Field>
          </div>
          <div className="row">
            <Field label="案款收款银行">
              <input value={form.interview.payoutBank} onChange={(e) => update((f) => void (f.interview.payoutBank = e.target.value))} data-testid="iv-bank" />
            </Field>
            <Field label="收款户名">
              <input value={form.interview.payoutAccountName} onChange={(e) => update((f) => void (f.interview.payoutAccountName = e.target.value))} data-testid="iv-account-name" />
            </Field>
            <Field label="收款账号" error={err('interview.payoutAccount')}>
              <input data-field="interview.payoutAccount" value={form.interview.payoutAccount} onChange={(e) => update((f) => void (f.interview.payoutAccount = e.target.value))} data-testid="iv-account" />
            </Field>
          </div>
          <div className="row">
            <Field label="申请人提供的财产线索" wide>
              <textarea rows={2} value={form.interview.propertyClues} onChange={(e) => update((f) => void (f.interview.propertyClues = e.target.value))} data-testid="iv-clues" />
            </Field>
          </div>
          <div className="row">
            <span className="field-label">申请事项</span>
            {REQUESTS.map((r) => (
              <label key={r} className="check">
                <input
                  type="checkbox"
                  checked={form.interview.requests.includes(r)}
                  onChange={(e) => update((f) => void (f.interview.requests = e.target.checked ? [...f.interview.requests, r] : f.interview.requests.filter((x) => x !== r)))}
                />
                {r}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="actions sticky">
          <button type="submit" className="primary" disabled={busy} data-testid="filing-submit">
            {busy ? '正在保存…' : '立案'}
          </button>
          <button type="button" onClick={() => (setForm(initial(info.today, settings.courtName)), setIssues({}), setBanner(null))}>
            清空
          </button>
        </div>
      </form>
      {duplicates ? (
        <ConfirmDialog title="可能重复立案" confirmLabel="确认仍要立案" onCancel={() => setDuplicates(null)} onConfirm={() => void submit(true)}>
          <p>{duplicates.message}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
