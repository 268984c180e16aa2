import type { Db } from '../../db/connection';
import { getSettings } from '../settings/settings';
import { formatCaseSubAccount } from '../../../src-shared/domain/caseAccount';
import { executionFeeFen } from '../../../src-shared/domain/executionFee';
import { ApiError } from '../../../src-shared/api/errors';

// Everything a template may print about one case, read in one pass and plain enough to cross to a
// worker thread (structured clone): templates stay pure functions of this object.

export interface PartyData {
  kind: 'person' | 'org';
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  legalRep: string | null;
  sex: string | null;
  birthDate: string | null;
  address: string | null;
  phone: string | null;
}

export interface CaseData {
  caseId: number;
  number: string;
  type: string;
  filedOn: string;
  court: { name: string; phone: string; address: string };
  account: { bank: string; accountName: string; subAccount: string };
  contact: { name: string; phone: string };
  president: string;
  applicants: PartyData[];
  debtors: PartyData[];
  title: { court: string; number: string; effectiveOn: string; cause: string };
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
  /** Date printed on the documents (the day they are made). */
  issuedOn: string;
  performanceDays: number;
  propertyReportDays: number;
  /** Kind-specific content supplied by the domain that asks for the document (rulings, notices to assist…). */
  extra?: Record<string, unknown>;
}

/** Loads the template data of many cases with three queries (the batch reads 1,000 cases at once). */
export function loadCaseData(db: Db, caseIds: readonly number[], issuedOn: string): Map<number, CaseData> {
  const out = new Map<number, CaseData>();
  if (caseIds.length === 0) return out;
  const s = getSettings(db);
  const contact = { name: s.documentContact.name, phone: s.documentContact.phone || s.officePhone };
  for (let i = 0; i < caseIds.length; i += 500) {
    const ids = caseIds.slice(i, i + 500);
    const cases = db.all(db.q.selectFrom('cases').selectAll().where('id', 'in', ids));
    const parties = db.all(db.q.selectFrom('parties').selectAll().where('case_id', 'in', ids).orderBy('case_id').orderBy('role').orderBy('seq'));
    const interviews = db.all(db.q.selectFrom('interviews').selectAll().where('case_id', 'in', ids));
    const ivBy = new Map(interviews.map((r) => [r.case_id, r]));
    for (const c of cases) {
      const mine = parties.filter((x) => x.case_id === c.id);
      const toParty = (x: (typeof parties)[number]): PartyData => ({
        kind: x.kind,
        name: x.name,
        idNumber: x.id_number,
        creditCode: x.credit_code,
        legalRep: x.legal_rep,
        sex: x.sex,
        birthDate: x.birth_date,
        address: x.address,
        phone: x.phone,
      });
      const iv = ivBy.get(c.id);
      out.set(c.id, {
        caseId: c.id,
        number: c.number,
        type: c.type,
        filedOn: c.filed_on,
        court: { name: s.courtName, phone: s.officePhone, address: s.officeAddress },
        account: {
          bank: s.caseAccount.bank,
          accountName: s.caseAccount.accountName,
          subAccount: formatCaseSubAccount(s.caseAccount.accountNumber, { year: c.year, type: c.type, serial: c.serial }),
        },
        contact,
        president: s.courtPresident,
        applicants: mine.filter((x) => x.role === 'applicant').map(toParty),
        debtors: mine.filter((x) => x.role === 'debtor').map(toParty),
        title: { court: c.title_court, number: c.title_number, effectiveOn: c.title_effective_on, cause: c.title_cause },
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
        issuedOn,
        performanceDays: s.performanceDays,
        propertyReportDays: s.propertyReportDays,
      });
    }
  }
  for (const id of caseIds) if (!out.has(id)) throw new ApiError('not_found', `案件不存在（编号 ${id}）`, 'caseIds');
  return out;
}
