import type { Db } from '../../db/connection';
import { getSettings } from '../settings/settings';
import { executionFeeFen } from '../../../src-shared/domain/executionFee';
import { titleDocumentName } from '../../../src-shared/domain/executionTitle';
import { addCalendarDays } from '../../../src-shared/domain/chineseDate';
import { ApiError } from '../../../src-shared/api/errors';
import { officersOf } from '../cases/officers';
import { accountsOf } from '../caseAccounts/accounts';

// Everything a template may print about one case, read in one pass and plain enough to cross to a
// worker thread (structured clone): templates stay pure functions of this object.

export interface PartyData {
  id: number;
  kind: 'person' | 'org';
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  legalRep: string | null;
  legalRepTitle: string | null;
  sex: string | null;
  birthDate: string | null;
  address: string | null;
  phone: string | null;
  /** An applicant's share of the claim (several applicants), fen. */
  shareFen: number | null;
  agentName: string | null;
  agentUnit: string | null;
  /** Where documents are served on this party: the address confirmed at the interview (applicants), else the party's own. */
  serviceAddress: string | null;
}

export interface CaseData {
  caseId: number;
  number: string;
  type: string;
  filedOn: string;
  court: { name: string; phone: string; address: string };
  /** The court's enforcement account (执行款专户), where online deductions go (domain.md §7). */
  courtAccount: { bank: string; accountName: string; accountNumber: string };
  /** The case's own account as the bank issued it (一案一账号), or null while none is registered. */
  account: { bank: string; accountName: string; accountNumber: string } | null;
  contact: { name: string; phone: string };
  president: string;
  /** The officers who sign rulings (民诉法 Art. 157), null while not determined. */
  officers: { judge: string | null; clerk: string | null };
  applicants: PartyData[];
  debtors: PartyData[];
  title: {
    court: string;
    number: string;
    effectiveOn: string;
    cause: string;
    /** TITLE_KINDS or '未登记'. */
    kind: string;
    /** The type's printed name; null while not recorded. */
    docName: string | null;
    ordered: string | null;
    joint: boolean;
  };
  claim: { principalFen: number; interestFen: number; costsFen: number; claimFen: number };
  feeFen: number;
  interview: {
    contactConfirmed: boolean;
    serviceAddress: string | null;
    payoutBank: string | null;
    payoutAccountName: string | null;
    payoutAccount: string | null;
    propertyClues: string | null;
    requests: string[];
    notes: string | null;
    recordedAt: string;
    recordedBy: string;
  } | null;
  /** The case's served 执行通知书: service date and the last day of its period (null while not served). */
  notice: { servedOn: string; dueOn: string } | null;
  /** Date printed on the documents (the day they are made). */
  issuedOn: string;
  performanceDays: number;
  propertyReportDays: number;
  consumptionOrderTiming: 'afterNoticePeriod' | 'withNotice';
  /** The number printed on this document (the case number; a case's later rulings 之一, 之二 …). */
  printedNumber?: string;
  /** The party a per-recipient document is addressed to (送达回证, 结案通知书). */
  recipientId?: number;
  /** The court's wording of the template (admin versions), key → text with {placeholders}. */
  texts?: Record<string, string>;
  /** Kind-specific content supplied by the domain that asks for the document (rulings, notices to assist…). */
  extra?: Record<string, unknown>;
}

/** Loads the template data of many cases with a handful of queries (the batch reads 1,000 cases at once). */
export function loadCaseData(db: Db, caseIds: readonly number[], issuedOn: string): Map<number, CaseData> {
  const out = new Map<number, CaseData>();
  if (caseIds.length === 0) return out;
  const s = getSettings(db);
  const contact = { name: s.documentContact.name, phone: s.documentContact.phone || s.officePhone };
  const officers = officersOf(db, caseIds);
  const accounts = accountsOf(db, caseIds);
  for (let i = 0; i < caseIds.length; i += 500) {
    const ids = caseIds.slice(i, i + 500);
    const cases = db.all(db.q.selectFrom('cases').selectAll().where('id', 'in', ids));
    const parties = db.all(db.q.selectFrom('parties').selectAll().where('case_id', 'in', ids).orderBy('case_id').orderBy('role').orderBy('seq'));
    const interviews = db.all(db.q.selectFrom('interviews').selectAll().where('case_id', 'in', ids));
    const ivBy = new Map(interviews.map((r) => [r.case_id, r]));
    const served = new Map(
      db
        .raw<{ case_id: number; served_on: string }>(
          `SELECT case_id, min(served_on) AS served_on FROM documents WHERE kind = '执行通知书' AND status = 'current' AND served_on IS NOT NULL AND case_id IN (${ids.map(() => '?').join(',')}) GROUP BY case_id`,
          ...ids,
        )
        .map((r) => [r.case_id, r.served_on]),
    );
    const byCase = new Map<number, typeof parties>();
    for (const p of parties) byCase.set(p.case_id, [...(byCase.get(p.case_id) ?? []), p]);
    for (const c of cases) {
      const mine = byCase.get(c.id) ?? [];
      const iv = ivBy.get(c.id);
      const toParty = (x: (typeof parties)[number]): PartyData => ({
        id: x.id,
        kind: x.kind,
        name: x.name,
        idNumber: x.id_number,
        creditCode: x.credit_code,
        legalRep: x.legal_rep,
        legalRepTitle: x.legal_rep_title,
        sex: x.sex,
        birthDate: x.birth_date,
        address: x.address,
        phone: x.phone,
        shareFen: x.share_fen,
        agentName: x.agent_name,
        agentUnit: x.agent_unit,
        // The interview confirms the (first) applicant's address for service (seeds/003: 确认送达地址).
        serviceAddress: (x.role === 'applicant' && x.seq === 0 ? iv?.service_address : null) ?? x.address,
      });
      const o = officers.get(c.id);
      const a = accounts.get(c.id);
      const servedOn = served.get(c.id);
      out.set(c.id, {
        caseId: c.id,
        number: c.number,
        type: c.type,
        filedOn: c.filed_on,
        court: { name: s.courtName, phone: s.officePhone, address: s.officeAddress },
        courtAccount: { ...s.caseAccount },
        account: a ? { bank: a.bank, accountName: a.accountName, accountNumber: a.accountNumber } : null,
        contact,
        president: s.courtPresident,
        officers: { judge: o?.judge?.name ?? null, clerk: o?.clerk?.name ?? null },
        applicants: mine.filter((x) => x.role === 'applicant').map(toParty),
        debtors: mine.filter((x) => x.role === 'debtor').map(toParty),
        title: {
          court: c.title_court,
          number: c.title_number,
          effectiveOn: c.title_effective_on,
          cause: c.title_cause,
          kind: c.title_kind,
          docName: titleDocumentName(c.title_kind, c.title_kind_other),
          ordered: c.title_ordered,
          joint: c.title_joint === 1,
        },
        claim: { principalFen: c.principal_fen, interestFen: c.interest_fen, costsFen: c.costs_fen, claimFen: c.claim_fen },
        feeFen: executionFeeFen(c.claim_fen),
        interview: iv
          ? {
              contactConfirmed: iv.contact_confirmed === 1,
              serviceAddress: iv.service_address,
              payoutBank: iv.payout_bank,
              payoutAccountName: iv.payout_account_name,
              payoutAccount: iv.payout_account,
              propertyClues: iv.property_clues,
              requests: JSON.parse(iv.requests) as string[],
              notes: iv.notes,
              recordedAt: iv.recorded_at,
              recordedBy: iv.recorded_by,
            }
          : null,
        notice: servedOn ? { servedOn, dueOn: addCalendarDays(servedOn, s.performanceDays) } : null,
        issuedOn,
        performanceDays: s.performanceDays,
        propertyReportDays: s.propertyReportDays,
        consumptionOrderTiming: s.consumptionOrderTiming,
      });
    }
  }
  for (const id of caseIds) if (!out.has(id)) throw new ApiError('not_found', `案件不存在（编号 ${id}）`, 'caseIds');
  return out;
}
