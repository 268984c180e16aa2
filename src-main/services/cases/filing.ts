import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import type { CaseDraftParsed } from '../../../src-shared/api/methods/cases';
import { checkCaseDraft, type DraftCheck, type DraftIssue } from '../../../src-shared/domain/caseDraft';
import { formatCaseNumber, parseCaseNumber } from '../../../src-shared/domain/caseNumber';
import { appendEvent, type Actor } from '../../events/log';
import { getSettings } from '../settings/settings';
import { nextSerial, reserveSerial } from './serials';

export interface DraftReport {
  ok: boolean;
  issues: DraftIssue[];
  duplicates: { id: number; number: string }[];
  check: DraftCheck;
  /** 执恢: the original case as given, and its id when it is in the register. */
  original: { number: string; id: number | null } | null;
}

/** All checks of a draft, including the duplicate-filing look-up, without writing anything. */
/** `requireOriginal`: the window must name the case a 执恢 resumes (scripts and the resumption step link it themselves). */
export function reviewDraft(db: Db, draft: CaseDraftParsed, today: string, opts: { requireOriginal?: boolean } = {}): DraftReport {
  const settings = getSettings(db);
  const check = checkCaseDraft(draft, { today, courtCode: settings.courtCode });
  const issues = [...check.issues];
  const original = reviewOriginal(db, draft, opts.requireOriginal ?? false, issues);
  if (check.existing) {
    const taken = db.get(db.q.selectFrom('cases').select('id').where('number', '=', formatCaseNumber({ ...check.existing })));
    if (taken) issues.push({ field: 'existingNumber', message: '该案号已经存在', severity: 'error' });
  }
  const duplicates = settings.duplicateCheck ? findDuplicates(db, draft.title.number, check) : [];
  if (duplicates.length > 0) {
    issues.push({
      field: 'title.number',
      message: `同一执行依据对同一被执行人已立案：${duplicates.map((d) => d.number).join('、')}，如确需再次立案请确认`,
      severity: 'warning',
    });
  }
  return { ok: !issues.some((i) => i.severity === 'error'), issues, duplicates, check, original };
}

/**
 * A 执恢 case gets a new number and links back to the original (2014 立案意见 Art. 6; domain.md §4.4):
 * the original is an implementation case (执 or 执恢, §1.3) filed no later than this one and, when it
 * is in the register, closed. An original from before this system is recorded by its number alone.
 */
function reviewOriginal(db: Db, draft: CaseDraftParsed, required: boolean, issues: DraftIssue[]): DraftReport['original'] {
  const field = 'originalNumber';
  const raw = draft.originalNumber?.trim() ?? '';
  if (draft.type !== '执恢') {
    if (raw) issues.push({ field, message: '只有恢复执行案件（执恢）需要填写原案号', severity: 'error' });
    return null;
  }
  if (!raw) {
    if (required) issues.push({ field, message: '恢复执行案件须填写原执行案件的案号', severity: 'error' });
    return null;
  }
  const parsed = parseCaseNumber(raw);
  if (!parsed.ok) {
    issues.push({ field, message: `原案号有误：${parsed.reason}`, severity: 'error' });
    return null;
  }
  const p = parsed.value;
  if (p.type !== '执' && p.type !== '执恢') {
    issues.push({ field, message: `原案号应为首次执行（执）或恢复执行（执恢）案件，现为“${p.type}”`, severity: 'error' });
    return null;
  }
  if (p.year > Number(draft.filedOn.slice(0, 4))) {
    issues.push({ field, message: `原案号的年份（${p.year}年）晚于立案日期`, severity: 'error' });
    return null;
  }
  const number = formatCaseNumber(p);
  const row = db.get(db.q.selectFrom('cases').select(['id', 'closed_on']).where('number', '=', number));
  if (!row) {
    issues.push({ field, message: `原案件${number}不在本系统登记簿中（旧系统案件）：只记录原案号`, severity: 'warning' });
    return { number, id: null };
  }
  if (!row.closed_on) {
    issues.push({ field, message: `原案件${number}尚未结案，不能恢复执行`, severity: 'error' });
    return null;
  }
  return { number, id: row.id };
}

function findDuplicates(db: Db, titleNumber: string, check: DraftCheck): { id: number; number: string }[] {
  const ids = check.debtors.map((d) => d.idNumber).filter((x): x is string => !!x);
  const codes = check.debtors.map((d) => d.creditCode).filter((x): x is string => !!x);
  if (ids.length + codes.length === 0) return [];
  return db.all(
    db.q
      .selectFrom('cases as c')
      .innerJoin('parties as p', 'p.case_id', 'c.id')
      .select(['c.id', 'c.number'])
      .distinct()
      .where('p.role', '=', 'debtor')
      .where('c.title_number', '=', normalizeTitleNumber(titleNumber))
      .where((eb) => eb.or([...(ids.length ? [eb('p.id_number', 'in', ids)] : []), ...(codes.length ? [eb('p.credit_code', 'in', codes)] : [])]))
      .orderBy('c.id'),
  );
}

/** Title numbers are compared after NFKC and without spaces, like case numbers. */
export function normalizeTitleNumber(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/**
 * Files one case: validates everything, then in one transaction assigns the number, writes the case,
 * its parties, the first-interview record and the events. Nothing is written unless all of it is.
 */
export function fileCase(db: Db, actor: Actor, at: Date, today: string, draft: CaseDraftParsed, opts: { demo?: boolean; resumedFromId?: number; requireOriginal?: boolean } = {}): number {
  return db.tx(() => {
    const report = reviewDraft(db, draft, today, { requireOriginal: opts.requireOriginal ?? false });
    const resumedFromId = opts.resumedFromId ?? report.original?.id ?? undefined;
    const firstError = report.issues.find((i) => i.severity === 'error');
    if (firstError) throw new ApiError('invalid_input', firstError.message, firstError.field, { issues: report.issues });
    if (report.duplicates.length > 0 && !draft.confirmDuplicate) {
      const w = report.issues.find((i) => i.field === 'title.number')!;
      throw new ApiError('needs_confirmation', w.message, 'title.number', { duplicates: report.duplicates });
    }
    const settings = getSettings(db);
    const year = Number(draft.filedOn.slice(0, 4));
    let serial: number;
    let migrated = false;
    if (report.check.existing) {
      serial = report.check.existing.serial;
      migrated = true;
      reserveSerial(db, settings.courtCode, year, draft.type, serial);
    } else {
      serial = nextSerial(db, settings.courtCode, year, draft.type);
    }
    const number = formatCaseNumber({ year, court: settings.courtCode, type: draft.type, serial });
    const { check } = report;
    const names = (list: CaseDraftParsed['applicants']) => list.map((p) => p.name).join('、');
    const search = [
      number,
      ...draft.applicants.map((p) => p.name),
      ...draft.debtors.map((p) => p.name),
      ...check.applicants.map((p) => p.idNumber ?? p.creditCode ?? ''),
      ...check.debtors.map((p) => p.idNumber ?? p.creditCode ?? ''),
    ]
      .join(' ')
      .toUpperCase();
    const claimFen = draft.claim.principalFen + draft.claim.interestFen + draft.claim.costsFen;
    const caseId = db.run(
      db.q.insertInto('cases').values({
        number,
        year,
        court_code: settings.courtCode,
        type: draft.type,
        serial,
        stage: 'filed',
        filed_on: draft.filedOn,
        title_court: draft.title.court,
        title_number: normalizeTitleNumber(draft.title.number),
        title_effective_on: draft.title.effectiveOn,
        title_cause: draft.title.cause,
        title_kind: draft.title.kind ?? '未登记',
        title_kind_other: draft.title.kind === '其他' ? (draft.title.kindOther ?? null) : null,
        title_ordered: draft.title.ordered ?? null,
        title_joint: draft.title.joint ? 1 : 0,
        non_litigation: draft.title.nonLitigation ? 1 : 0,
        principal_fen: draft.claim.principalFen,
        interest_fen: draft.claim.interestFen,
        costs_fen: draft.claim.costsFen,
        claim_fen: claimFen,
        preserved: draft.preserved ? 1 : 0,
        applicant_names: names(draft.applicants),
        debtor_names: names(draft.debtors),
        search_text: search,
        team_id: null,
        judge_id: null,
        resumed_from_id: resumedFromId ?? null,
        closed_on: null,
        closure_mode: null,
        migrated: migrated ? 1 : 0,
        demo: opts.demo ? 1 : 0,
        created_at: at.toISOString(),
        created_by: actor.name,
      }),
    ).lastInsertRowid;

    const insertParties = (role: 'applicant' | 'debtor', list: CaseDraftParsed['applicants'], norm: DraftCheck['applicants']) => {
      list.forEach((p, seq) => {
        const n = norm[seq]!;
        db.run(
          db.q.insertInto('parties').values({
            case_id: caseId,
            role,
            kind: p.kind,
            seq,
            name: p.name,
            id_number: n.idNumber ?? null,
            credit_code: n.creditCode ?? null,
            legal_rep: p.kind === 'org' ? p.legalRep : null,
            legal_rep_title: p.kind === 'org' ? p.legalRepTitle || null : null,
            share_fen: role === 'applicant' ? (p.shareFen ?? (list.length === 1 ? claimFen : null)) : null,
            agent_name: p.agentName || null,
            agent_unit: p.agentUnit || null,
            birth_date: n.birthDate ?? null,
            sex: n.sex ?? null,
            address: p.address || null,
            phone: p.phone || null,
          }),
        );
      });
    };
    insertParties('applicant', draft.applicants, check.applicants);
    insertParties('debtor', draft.debtors, check.debtors);

    appendEvent(db, actor, at, {
      caseId,
      type: migrated ? 'case.migrated' : 'case.filed',
      onDate: draft.filedOn,
      payload: { number, type: draft.type, claimFen, preserved: !!draft.preserved, nonLitigation: !!draft.title.nonLitigation, duplicateConfirmed: report.duplicates.length > 0, ...(resumedFromId ? { resumedFromId } : {}), ...(report.original ? { originalNumber: report.original.number } : {}) },
    });

    if (draft.interview) {
      const iv = draft.interview;
      db.run(
        db.q.insertInto('interviews').values({
          case_id: caseId,
          contact_confirmed: iv.contactConfirmed ? 1 : 0,
          service_address: iv.serviceAddress || null,
          payout_bank: iv.payoutBank || null,
          payout_account_name: iv.payoutAccountName || null,
          payout_account: iv.payoutAccount ? iv.payoutAccount.replace(/[\s-]/g, '') : null,
          property_clues: iv.propertyClues || null,
          requests: JSON.stringify(iv.requests),
          notes: iv.notes || null,
          recorded_at: at.toISOString(),
          recorded_by: actor.name,
        }),
      );
      appendEvent(db, actor, at, { caseId, type: 'case.interviewed', onDate: draft.filedOn, payload: { requests: iv.requests, hasPayoutAccount: !!iv.payoutAccount } });
    }
    return caseId;
  });
}
