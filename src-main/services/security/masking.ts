import type { Db } from '../../db/connection';
import { getCaseRow } from '../cases/queries';
import { appendEvent, type Actor } from '../../events/log';
import { currentPayoutAccount } from '../ledger/payoutAccounts';

// Every API answer leaves with its identifiers masked (the output schemas mark them, the registry
// masks them: src-shared/api/masked.ts). This is the one way to the full values of a case: the ID
// numbers, birth dates and phones of its parties, the payout account of the first interview, the
// payee accounts of its ledger entries and the account numbers of its assets — and each call is an
// event on the case (who, when, where, why), shown in its audit view. 个人信息保护法 Art. 51.

export interface Revealed {
  parties: { id: number; idNumber: string | null; birthDate: string | null; phone: string | null }[];
  payoutAccount: string | null;
  ledger: { entryId: number; payeeAccount: string }[];
  assets: { id: number; identifier: string }[];
}

/** The masked values of a case in full; the viewing is recorded in the same transaction. */
export function revealCase(db: Db, actor: Actor, at: Date, caseId: number, reason: string | undefined): Revealed {
  return db.tx(() => {
    getCaseRow(db, caseId);
    const parties = db.raw<{ id: number; id_number: string | null; birth_date: string | null; phone: string | null }>(
      'SELECT id, id_number, birth_date, phone FROM parties WHERE case_id = ? ORDER BY role, seq',
      caseId,
    );
    // The applicant's payout account as payouts use it now (an approved change, else the interview's).
    const account = currentPayoutAccount(db, caseId).account;
    const ledger = db.raw<{ id: number; payee_account: string }>('SELECT id, payee_account FROM ledger_entries WHERE case_id = ? AND payee_account IS NOT NULL ORDER BY id', caseId);
    const assets = db.raw<{ id: number; identifier: string }>('SELECT id, identifier FROM assets WHERE case_id = ? ORDER BY id', caseId);
    const fields = [
      ...parties.flatMap((p) => [p.id_number ? `parties.${p.id}.idNumber` : null, p.phone ? `parties.${p.id}.phone` : null]),
      account ? 'interview.payoutAccount' : null,
      ...ledger.map((e) => `ledger.${e.id}.payeeAccount`),
      ...assets.map((a) => `assets.${a.id}.identifier`),
    ].filter((f): f is string => f !== null);
    appendEvent(db, actor, at, { caseId, type: 'case.revealed', payload: { fields, ...(reason ? { reason } : {}) } });
    return {
      parties: parties.map((p) => ({ id: p.id, idNumber: p.id_number, birthDate: p.birth_date, phone: p.phone })),
      payoutAccount: account,
      ledger: ledger.map((e) => ({ entryId: e.id, payeeAccount: e.payee_account })),
      assets: assets.map((a) => ({ id: a.id, identifier: a.identifier })),
    };
  });
}
