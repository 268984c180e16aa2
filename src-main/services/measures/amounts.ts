import type { Db } from '../../db/connection';
import { recoveredFen } from '../ledger/balance';

// How much of a case's claim is already under control. A freeze or seizure holds its requested
// amount while pending and its actual amount once the institution answers; a deduction drawn on a
// freeze moves that money out of the freeze into the ledger. Nothing is stored: all is derived
// from the measures, so a result, release or deduction can never leave a stale total behind.

/** Per active freeze/seizure: what it holds now and what is still free to deduct. */
export const HELD_CTE = `held AS (
  SELECT m.id, m.asset_id, m.case_id, m.action, m.status,
    (CASE WHEN m.status = 'pending' THEN m.amount_fen ELSE COALESCE(m.actual_fen, 0) END)
      - COALESCE((SELECT SUM(COALESCE(d.actual_fen, 0)) FROM measures d WHERE d.from_measure_id = m.id AND d.status IN ('done','partial')), 0) AS held_fen,
    COALESCE((SELECT SUM(d.amount_fen) FROM measures d WHERE d.from_measure_id = m.id AND d.status = 'pending'), 0) AS deducting_fen
  FROM measures m
  WHERE m.action IN ('freeze','seize') AND m.status IN ('pending','done','partial') AND m.ended_on IS NULL
)`;

/** What one freeze still holds: its answer less the deductions drawn on it that took money. */
export function freezeHeldFen(db: Db, freezeId: number): number {
  return db.raw<{ n: number }>(
    `SELECT COALESCE(m.actual_fen, m.amount_fen)
            - COALESCE((SELECT SUM(COALESCE(d.actual_fen, 0)) FROM measures d WHERE d.from_measure_id = m.id AND d.status IN ('done','partial')), 0) AS n
       FROM measures m WHERE m.id = ?`,
    freezeId,
  )[0]!.n;
}

/** Sum held under our own active freezes and seizures of a case. */
export function caseControlledFen(db: Db, caseId: number): number {
  return db.raw<{ n: number }>(`WITH ${HELD_CTE} SELECT COALESCE(SUM(held_fen), 0) AS n FROM held WHERE case_id = ?`, caseId)[0]!.n;
}

/**
 * What control may still cover: the claim minus money recovered minus what is already held
 * (民诉法 2023 Art. 253: 不得超出被执行人应当履行义务的范围; 查扣冻规定 Art. 19: 不得明显超标的额).
 */
export function caseOutstandingFen(db: Db, caseId: number, claimFen: number): number {
  return Math.max(0, claimFen - recoveredFen(db, caseId) - caseControlledFen(db, caseId));
}

export interface AssetControl {
  controlledFen: number;
  /** Done/partial freezes with money still free to deduct: [measureId, free fen], by measure id. */
  deductible: { measureId: number; freeFen: number }[];
  activeMeasures: number;
  activeSeizure: boolean;
}

export function assetControl(db: Db, assetId: number): AssetControl {
  const rows = db.raw<{ id: number; action: string; status: string; held_fen: number; deducting_fen: number }>(`WITH ${HELD_CTE} SELECT id, action, status, held_fen, deducting_fen FROM held WHERE asset_id = ? ORDER BY id`, assetId);
  return {
    controlledFen: rows.reduce((s, r) => s + r.held_fen, 0),
    deductible: rows
      .filter((r) => r.action === 'freeze' && r.status !== 'pending' && r.held_fen - r.deducting_fen > 0)
      .map((r) => ({ measureId: r.id, freeFen: r.held_fen - r.deducting_fen })),
    activeMeasures: rows.length,
    activeSeizure: rows.some((r) => r.action === 'seize'),
  };
}
