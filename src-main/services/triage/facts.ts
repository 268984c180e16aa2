import type { Db } from '../../db/connection';
import { ASSET_TYPE_LABELS, type AssetType } from '../../../src-shared/domain/assets';
import type { TriageInput, TriageSettings } from '../../../src-shared/domain/triage';
import { ledgerBalance, recoveredFen } from '../ledger';

// What triage looks at for one case, read from the asset register and measures (the inquiries and measures tables)
// and the case ledger: the claim still owed, the money under control, and what would have to be sold.

/** Measures still holding something: carried out (fully or partly) and not released. */
const ACTIVE = `m.status IN ('done','partial')`;

export function triageFacts(db: Db, caseId: number, s: TriageSettings): TriageInput & { balanceFen: number; frozenFen: number } {
  const c = db.get(db.q.selectFrom('cases').select(['claim_fen']).where('id', '=', caseId))!;
  const recovered = recoveredFen(db, caseId);
  const balance = ledgerBalance(db, caseId);
  const rows = db.raw<{ type: string; action: string; held: number; asset_id: number }>(
    `SELECT a.type, m.action, COALESCE(m.actual_fen, m.amount_fen) AS held, a.id AS asset_id
     FROM measures m JOIN assets a ON a.id = m.asset_id WHERE m.case_id = ? AND ${ACTIVE}`,
    caseId,
  );
  // Frozen money per liquid asset, less what was already deducted from it (deductions reach the
  // ledger as receipts and are counted through the balance instead).
  const frozen = new Map<number, number>();
  const sale = new Map<number, { type: string; label: string }>();
  for (const r of rows) {
    if (s.liquidTypes.includes(r.type)) {
      const sign = r.action === 'deduct' ? -1 : r.action === 'freeze' ? 1 : 0;
      frozen.set(r.asset_id, (frozen.get(r.asset_id) ?? 0) + sign * r.held);
    } else if (s.saleTypes.includes(r.type)) {
      sale.set(r.asset_id, { type: r.type, label: ASSET_TYPE_LABELS[r.type as AssetType] ?? r.type });
    }
  }
  const frozenFen = [...frozen.values()].reduce((a, b) => a + Math.max(0, b), 0);
  const found =
    db.raw<{ n: number }>(`SELECT (SELECT count(*) FROM assets WHERE case_id = ?) + (SELECT count(*) FROM inquiry_results WHERE case_id = ? AND nothing_found = 0) AS n`, caseId, caseId)[0]!.n > 0;
  return {
    outstandingFen: Math.max(0, c.claim_fen - recovered),
    liquidControlledFen: frozenFen + balance,
    saleAssets: [...sale.values()],
    anythingFound: found || balance > 0,
    balanceFen: balance,
    frozenFen,
  };
}
