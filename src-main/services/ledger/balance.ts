import type { Db } from '../../db/connection';

// Balances are always derived from the append-only entries, never stored: a stored balance could
// drift from its entries, a sum cannot. A reversal undoes exactly the effect of the entry it names.

/** Signed effect of each entry on the balance: in-flows positive, out-flows negative, reversals the opposite of their target. */
const EFFECT_SQL = `CASE e.kind
  WHEN 'receipt' THEN e.amount_fen
  WHEN 'fee' THEN -e.amount_fen WHEN 'payout' THEN -e.amount_fen WHEN 'refund' THEN -e.amount_fen
  WHEN 'reversal' THEN (CASE r.kind WHEN 'receipt' THEN -r.amount_fen WHEN 'deferral' THEN 0 ELSE r.amount_fen END)
  ELSE 0 END`;

export interface LedgerTotals {
  balanceFen: number;
  receivedFen: number;
  recoveredFen: number;
  feesFen: number;
  paidOutFen: number;
  refundedFen: number;
}

/** Sums per kind, each net of its reversals. */
export function ledgerTotals(db: Db, caseId: number): LedgerTotals {
  const rows = db.raw<{ kind: string; amount: number }>(
    `SELECT e.kind AS kind, COALESCE(SUM(e.amount_fen), 0) AS amount
       FROM ledger_entries e
      WHERE e.case_id = ? AND e.kind IN ('receipt','fee','payout','refund')
        AND NOT EXISTS (SELECT 1 FROM ledger_entries x WHERE x.reverses_id = e.id)
      GROUP BY e.kind`,
    caseId,
  );
  const by = (k: string) => rows.find((r) => r.kind === k)?.amount ?? 0;
  const receivedFen = by('receipt');
  const feesFen = by('fee');
  const paidOutFen = by('payout');
  const refundedFen = by('refund');
  return {
    balanceFen: receivedFen - feesFen - paidOutFen - refundedFen,
    receivedFen,
    recoveredFen: receivedFen - refundedFen,
    feesFen,
    paidOutFen,
    refundedFen,
  };
}

/** The case account's balance in fen (never negative: every out-flow is checked against it). */
export function ledgerBalance(db: Db, caseId: number): number {
  return db.raw<{ b: number }>(
    `SELECT COALESCE(SUM(${EFFECT_SQL}), 0) AS b FROM ledger_entries e LEFT JOIN ledger_entries r ON r.id = e.reverses_id WHERE e.case_id = ?`,
    caseId,
  )[0]!.b;
}

/**
 * 实际到位金额 (metrics): money that reached the case account, net of reversed receipts and of
 * refunds (money returned to the payer was not recovered).
 */
export function recoveredFen(db: Db, caseId: number): number {
  return ledgerTotals(db, caseId).recoveredFen;
}
