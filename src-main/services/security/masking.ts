import type { Db } from '../../db/connection';
import type { CaseDetail } from '../cases/queries';
import { getCaseRow } from '../cases/queries';
import { maskAccount, maskIdNumber, maskPhone } from '../../../src-shared/domain/masking';
import { appendEvent, type Actor } from '../../events/log';

/**
 * The case detail as the API shows it: ID numbers of persons, phones and the payout account masked
 * (issue 7). Organisations' credit codes are public register data and stay in full. Services keep
 * using the unmasked detail (documents need the full ID).
 */
export function maskCaseDetail(d: CaseDetail): CaseDetail {
  return {
    ...d,
    parties: d.parties.map((p) => ({ ...p, idNumber: maskIdNumber(p.idNumber), phone: maskPhone(p.phone) })),
    interview: d.interview?.payoutAccount ? { ...d.interview, payoutAccount: maskAccount(d.interview.payoutAccount) ?? undefined } : d.interview,
  };
}

export interface Revealed {
  parties: { id: number; idNumber: string | null; phone: string | null }[];
  payoutAccount: string | null;
}

/** The masked values in full; the viewing is an event on the case (who, when, where, why). */
export function revealCase(db: Db, actor: Actor, at: Date, caseId: number, reason: string | undefined): Revealed {
  return db.tx(() => {
    getCaseRow(db, caseId);
    const parties = db.raw<{ id: number; id_number: string | null; phone: string | null }>(
      'SELECT id, id_number, phone FROM parties WHERE case_id = ? ORDER BY role, seq',
      caseId,
    );
    const account = db.raw<{ payout_account: string | null }>('SELECT payout_account FROM interviews WHERE case_id = ?', caseId)[0]?.payout_account ?? null;
    const fields = [
      ...parties.flatMap((p) => [p.id_number ? `parties.${p.id}.idNumber` : null, p.phone ? `parties.${p.id}.phone` : null]),
      account ? 'interview.payoutAccount' : null,
    ].filter((f): f is string => f !== null);
    appendEvent(db, actor, at, { caseId, type: 'case.revealed', payload: { fields, ...(reason ? { reason } : {}) } });
    return { parties: parties.map((p) => ({ id: p.id, idNumber: p.id_number, phone: p.phone })), payoutAccount: account };
  });
}
