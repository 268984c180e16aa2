import type { CaseDraftParsed } from '../api/methods/cases';
import { validateIdNumber } from './idNumber';
import { validateCreditCode } from './creditCode';
import { parseCaseNumber } from './caseNumber';
import { isIsoDate } from './chineseDate';
import { NON_LITIGATION_KINDS, sharesProblem } from './executionTitle';

export interface DraftIssue {
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Values the validator derives while checking (normalised IDs, birth dates), reused when saving. */
export interface NormalizedParty {
  idNumber?: string;
  creditCode?: string;
  birthDate?: string;
  sex?: string;
}

export interface DraftCheck {
  issues: DraftIssue[];
  applicants: NormalizedParty[];
  debtors: NormalizedParty[];
  /** The parsed existing case number of a migrated case. */
  existing?: { year: number; court: string; type: string; serial: number };
}

/**
 * The domain checks of a filing draft, after its shape has passed the schema: ID checksums and birth
 * dates (GB 11643), credit codes (GB 32100), dates in order, a migrated case number (domain.md §1.4).
 * Pure, so the form can run it as the clerk types and the server runs it again before saving.
 */
export function checkCaseDraft(draft: CaseDraftParsed, ctx: { today: string; courtCode: string }): DraftCheck {
  const issues: DraftIssue[] = [];
  const err = (field: string, message: string) => issues.push({ field, message, severity: 'error' });
  const warn = (field: string, message: string) => issues.push({ field, message, severity: 'warning' });

  const parties = (role: 'applicants' | 'debtors'): NormalizedParty[] =>
    draft[role].map((p, i) => {
      const out: NormalizedParty = {};
      if (p.kind === 'person') {
        const r = validateIdNumber(p.idNumber, ctx.today);
        if (r.ok) {
          out.idNumber = r.value;
          out.birthDate = r.birthDate;
          out.sex = r.sex;
        } else err(`${role}.${i}.idNumber`, `身份证号${r.reason}`.replace('身份证号身份证号', '身份证号'));
      } else {
        const r = validateCreditCode(p.creditCode);
        if (r.ok) {
          out.creditCode = r.value;
          for (const w of r.warnings) warn(`${role}.${i}.creditCode`, w);
        } else err(`${role}.${i}.creditCode`, `统一社会信用代码${r.reason}`.replace('统一社会信用代码统一社会信用代码', '统一社会信用代码'));
      }
      return out;
    });
  const applicants = parties('applicants');
  const debtors = parties('debtors');

  if (!isIsoDate(draft.filedOn)) err('filedOn', '立案日期无效');
  else if (draft.filedOn > ctx.today) err('filedOn', '立案日期不能晚于今天');
  if (draft.title.effectiveOn > draft.filedOn) err('title.effectiveOn', '执行依据生效日期不能晚于立案日期');
  if (draft.claim.principalFen + draft.claim.interestFen + draft.claim.costsFen > Number.MAX_SAFE_INTEGER) err('claim.principalFen', '金额过大');
  if (!draft.title.kind) warn('title.kind', '未选择执行依据的类型：叙述执行依据的文书须补录后才能制作');
  if (!draft.title.ordered) warn('title.ordered', '未填写执行依据确定的义务（判项）：叙述执行依据的文书须补录后才能制作');
  if (draft.title.kind === '其他' && !draft.title.kindOther) err('title.kindOther', '执行依据类型为“其他”时，请填写文书名称（如 行政处罚决定书）');
  if (draft.title.kind !== '其他' && draft.title.kindOther) err('title.kindOther', '只有类型为“其他”时才填写文书名称');
  if (draft.title.kind && NON_LITIGATION_KINDS.includes(draft.title.kind) && !draft.title.nonLitigation) err('title.nonLitigation', `${draft.title.kind}属于非诉执行，请勾选“非诉执行”`);
  if (draft.title.joint && draft.debtors.length < 2) err('title.joint', '只有一名被执行人，不存在连带责任');
  // Several applicants: the payout split between them must add up to the claim (domain.md §7).
  const claim = draft.claim.principalFen + draft.claim.interestFen + draft.claim.costsFen;
  const shareIssue = sharesProblem(draft.applicants.map((a) => a.shareFen), claim);
  if (shareIssue) err(`applicants.${draft.applicants.findIndex((a) => a.shareFen === undefined) >= 0 ? draft.applicants.findIndex((a) => a.shareFen === undefined) : 0}.shareFen`, shareIssue);
  [...draft.applicants, ...draft.debtors].forEach((p, i) => {
    const role = i < draft.applicants.length ? 'applicants' : 'debtors';
    const k = i < draft.applicants.length ? i : i - draft.applicants.length;
    if (p.agentUnit && !p.agentName) err(`${role}.${k}.agentName`, '填写了代理人单位，请填写代理人姓名');
    if (role === 'debtors' && p.shareFen !== undefined) err(`${role}.${k}.shareFen`, '份额只对申请执行人填写');
  });

  // The same person or organisation on both sides is a data-entry slip.
  const key = (p: NormalizedParty) => p.idNumber ?? p.creditCode;
  const applicantKeys = new Set(applicants.map(key).filter(Boolean));
  debtors.forEach((d, i) => {
    const k = key(d);
    if (k && applicantKeys.has(k)) err(`debtors.${i}.${d.idNumber ? 'idNumber' : 'creditCode'}`, '被执行人与申请执行人是同一人');
  });
  for (const [role, list] of [['applicants', applicants], ['debtors', debtors]] as const) {
    const seen = new Set<string>();
    list.forEach((p, i) => {
      const k = key(p);
      if (!k) return;
      if (seen.has(k)) err(`${role}.${i}.${p.idNumber ? 'idNumber' : 'creditCode'}`, '同一当事人重复录入');
      seen.add(k);
    });
  }

  let existing: DraftCheck['existing'];
  if (draft.existingNumber) {
    const r = parseCaseNumber(draft.existingNumber, { mode: 'strict' });
    if (!r.ok) err('existingNumber', `案号无效：${r.reason}`);
    else {
      const v = r.value;
      if (v.type !== draft.type) err('existingNumber', `案号中的类型代字“${v.type}”与案件类型“${draft.type}”不一致`);
      else if (v.court !== ctx.courtCode) err('existingNumber', `案号中的法院代字“${v.court}”不是本院代字“${ctx.courtCode}”`);
      else if (String(v.year) !== draft.filedOn.slice(0, 4)) err('existingNumber', `案号年份 ${v.year} 与立案日期 ${draft.filedOn} 不一致`);
      else existing = { year: v.year, court: v.court, type: v.type, serial: v.serial };
    }
  }
  const out: DraftCheck = { issues, applicants, debtors };
  if (existing) out.existing = existing;
  return out;
}
