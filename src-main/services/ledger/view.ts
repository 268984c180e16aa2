import type { Db } from '../../db/connection';
import type { z } from 'zod';
import type { ledgerEntryView, ledgerView, ledgerAccountRow } from '../../../src-shared/api/methods/ledger';
import { LEDGER_KIND_LABELS } from '../../../src-shared/api/methods/ledger';
import { accountOf } from '../caseAccounts/accounts';
import { getCaseRow } from '../cases/queries';
import { ledgerTotals } from './balance';
import { payoutDueOf, receiptClocks, type ClockEntry } from '../../../src-shared/domain/payoutClock';
import { currentDeadlineContext } from '../deadlines/recompute';
import { currentPayoutAccount, pendingPayoutAccount } from './payoutAccounts';

type EntryView = z.output<typeof ledgerEntryView>;
export type LedgerView = z.output<typeof ledgerView>;
export type LedgerAccountRow = z.output<typeof ledgerAccountRow>;

/** The entries the payout clock needs, with whether each was reversed. */
export function loadClockEntries(db: Db, caseId: number): ClockEntry[] {
  return db
    .raw<{ id: number; kind: string; amount_fen: number; on_date: string; deferred_until: string | null; reversed: number }>(
      `SELECT e.id, e.kind, e.amount_fen, e.on_date, e.deferred_until,
              EXISTS (SELECT 1 FROM ledger_entries x WHERE x.reverses_id = e.id) AS reversed
         FROM ledger_entries e WHERE e.case_id = ? ORDER BY e.id`,
      caseId,
    )
    .map((r) => ({ id: r.id, kind: r.kind, amountFen: r.amount_fen, onDate: r.on_date, deferredUntil: r.deferred_until, reversed: r.reversed === 1 }));
}

/** The payout rule's due day as the deadline board computes it (same rules, same working calendar). */
export function payoutDue(db: Db): (onDate: string) => string {
  const ctx = currentDeadlineContext(db);
  return payoutDueOf(ctx.rules, ctx.cal);
}

export function getLedger(db: Db, caseId: number, today: string): LedgerView {
  const c = getCaseRow(db, caseId);
  const rows = db.all(db.q.selectFrom('ledger_entries').selectAll().where('case_id', '=', caseId).orderBy('id'));
  const reversedBy = new Map<number, number>();
  for (const r of rows) if (r.reverses_id !== null) reversedBy.set(r.reverses_id, r.id);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const effect = (r: (typeof rows)[number]): number => {
    if (r.kind === 'receipt') return r.amount_fen;
    if (r.kind === 'deferral') return 0;
    if (r.kind === 'reversal') {
      const t = byId.get(r.reverses_id!)!;
      return t.kind === 'deferral' ? 0 : -effect(t);
    }
    return -r.amount_fen;
  };
  const entries: EntryView[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: LEDGER_KIND_LABELS[r.kind],
    amountFen: r.amount_fen,
    effectFen: effect(r),
    onDate: r.on_date,
    source: r.source,
    payer: r.payer,
    officers: JSON.parse(r.officers) as string[],
    payeeName: r.payee_name,
    payeeBank: r.payee_bank,
    payeeAccount: r.payee_account,
    approver: r.approver,
    approverId: r.approver_id,
    reason: r.reason,
    deferredUntil: r.deferred_until,
    reference: r.reference,
    reversesId: r.reverses_id,
    reversedById: reversedBy.get(r.id) ?? null,
    measureId: r.measure_id,
    unidentifiedId: r.unidentified_id,
    note: r.note,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
  const receipts = receiptClocks(loadClockEntries(db, caseId), today, payoutDue(db));
  return {
    caseId,
    caseNumber: c.number,
    // The case account as the bank issued it (一案一账号); '' while none is registered.
    subAccount: accountOf(db, caseId)?.accountNumber ?? '',
    ...ledgerTotals(db, caseId),
    claimFen: c.claim_fen,
    payoutAccount: currentPayoutAccount(db, caseId),
    pendingAccount: pendingPayoutAccount(db, caseId),
    entries,
    receipts,
    overdueFen: receipts.reduce((s, r) => s + r.overdueFen, 0),
  };
}
