import { createControlBatch } from '../../services/measures/createBatch';
import { recordResults } from '../../services/measures/results';
import type { CasePlan } from '../casePlan';
import { at, isOpen, type Pipeline } from './state';

// 财产控制 for the cases whose query found property: the day's freezes in one control batch (rulings
// and notices to assist rendered by the documents engine), the banks' replies a few days later, and
// for cases that end 执行完毕 the deduction of the frozen money, which the ledger books as received.

/**
 * Money that can be frozen: deposits and payment accounts with a free balance, largest first, only
 * as many as the claim needs (freezing beyond the claim is refused, 查扣冻规定 Art. 19).
 */
function freezable(p: Pipeline, caseId: number): { id: number }[] {
  const claim = p.ctx.db.raw<{ claim_fen: number }>('SELECT claim_fen FROM cases WHERE id = ?', caseId)[0]!.claim_fen;
  const assets = p.ctx.db.raw<{ id: number; free: number }>(
    `SELECT id, coalesce(value_fen, 0) - other_frozen_fen AS free FROM assets WHERE case_id = ? AND type IN ('deposit', 'payment') AND coalesce(value_fen, 0) > other_frozen_fen ORDER BY free DESC, id`,
    caseId,
  );
  const out: { id: number }[] = [];
  let covered = 0;
  for (const a of assets) {
    if (covered >= claim || out.length === 2) break;
    out.push({ id: a.id });
    covered += a.free;
  }
  return out;
}

export async function freezeFound(p: Pipeline, date: string, plans: CasePlan[]): Promise<void> {
  const items = plans.filter((c) => isOpen(p, c.caseId)).flatMap((c) => freezable(p, c.caseId).map((a) => ({ assetId: a.id, action: 'freeze' as const })));
  if (items.length === 0) return;
  const t = at(p, date, 360);
  const actor = p.ctx.rng.pick(p.staff.docsQuery);
  await createControlBatch(p.ctx.db, p.ctx.app.dataDir, actor, t, date, { items, startOn: date });
  p.counts.controlBatches++;
  p.counts.measures += items.length;
}

/** The institutions' replies: done, now and then only partly (a balance moved in the meantime). */
export function recordReplies(p: Pipeline, date: string, plans: CasePlan[], action: 'freeze' | 'deduct'): void {
  if (plans.length === 0) return;
  const db = p.ctx.db;
  const pending = db.raw<{ id: number; amount_fen: number }>(
    `SELECT id, amount_fen FROM measures WHERE status = 'pending' AND action = ? AND start_on <= ? AND case_id IN (${plans.map(() => '?').join(',')}) ORDER BY id`,
    action,
    date,
    ...plans.map((c) => c.caseId),
  );
  if (pending.length === 0) return;
  const t = at(p, date, 390);
  const results = pending.map((m) => {
    const partial = action === 'freeze' && m.amount_fen > 200 && p.ctx.rng.chance(0.12);
    return partial
      ? { measureId: m.id, outcome: 'partial' as const, actualFen: Math.max(100, Math.round(m.amount_fen * (0.3 + p.ctx.rng.next() * 0.6))), on: date, note: '账户余额不足，部分冻结' }
      : { measureId: m.id, outcome: 'done' as const, on: date };
  });
  recordResults(db, p.staff.docsQuery[0]!, t, date, results);
}

export async function deductFrozen(p: Pipeline, date: string, plans: CasePlan[]): Promise<void> {
  const db = p.ctx.db;
  const open = plans.filter((c) => isOpen(p, c.caseId));
  if (open.length === 0) return;
  // Assets with our own freeze answered (done or partial) and not yet deducted.
  const assets = db.raw<{ asset_id: number }>(
    `SELECT DISTINCT asset_id FROM measures m WHERE m.action = 'freeze' AND m.status IN ('done', 'partial') AND coalesce(m.actual_fen, 0) > 0
        AND NOT EXISTS (SELECT 1 FROM measures d WHERE d.from_measure_id = m.id)
        AND m.case_id IN (${open.map(() => '?').join(',')}) ORDER BY asset_id`,
    ...open.map((c) => c.caseId),
  );
  if (assets.length === 0) return;
  const t = at(p, date, 370);
  await createControlBatch(db, p.ctx.app.dataDir, p.ctx.rng.pick(p.staff.docsQuery), t, date, { items: assets.map((a) => ({ assetId: a.asset_id, action: 'deduct' as const })), startOn: date });
  p.counts.controlBatches++;
  p.counts.measures += assets.length;
}
