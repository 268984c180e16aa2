import type { Db } from '../../db/connection';
import type { Projection } from '../../events/projection';
import { createHash } from 'node:crypto';
import type { DeadlineRule } from '../../../src-shared/domain/deadlineRules';
import { currentDeadlineContext, recomputeCases } from './recompute';
import { getSettings } from '../settings/settings';

const rulesFingerprint = (rules: readonly DeadlineRule[]) => createHash('sha256').update(JSON.stringify(rules)).digest('hex');

// Cases whose clocks the open transaction changed, recomputed once just before it commits.
const dirty = new WeakMap<Db, Set<number>>();

/**
 * The deadline clocks (节点监控) as a projection: an event of a case recomputes that case's clocks
 * from its log, inside the event's transaction, so the board is current the moment the event
 * commits and no read has to write. Events no rule reads and that move neither the case's stage,
 * team nor officer (which every clock row records) leave the clocks as they are. New rules or a new
 * working-day calendar change every clock: those events re-project every case (a job at 200,000
 * cases; the board says so meanwhile). A transaction that appends several events of a case (a
 * notice batch: three documents and a stage move) recomputes its clocks once, at its end
 * (Db.beforeCommit), still inside it.
 * v1: the rules of src-shared/domain/deadlines.ts as moved out of the read handlers.
 * v2: a closed case starts no clock of its enforcement process, 中止 stops those clocks (not the
 * ones counted in hours, which run for a person held) until resumption, and a corrected closure date
 * moves the 终本 re-queries (deadlines.ts followsCase); the payout clock from the ledger's own
 * definition (src-shared/domain/payoutClock.ts): out-flows take the oldest money, fees count, a
 * deferral of part of the money moves only that part's day.
 * v3: a paid-out receipt is met or late against the due day its money carried when paid out, a
 * deferral of part of it included (payoutClock.receiptOutcomes, as 案款按期发放率 counts it).
 */
export const deadlineClocks: Projection = {
  name: 'deadlineClocks',
  label: '节点期限',
  version: 3,
  types: null,
  chunk: 2000,
  apply(db, e) {
    if (!currentDeadlineContext(db).recomputeOn.has(e.type)) return;
    let cases = dirty.get(db);
    if (!cases) dirty.set(db, (cases = new Set()));
    cases.add(e.caseId);
    const queued = db.beforeCommit('deadlineClocks', () => {
      const ids = [...cases!].sort((a, b) => a - b);
      cases!.clear();
      for (const id of ids) recomputeCases(db, [id], currentDeadlineContext(db));
    });
    if (!queued) {
      cases.delete(e.caseId);
      recomputeCases(db, [e.caseId], currentDeadlineContext(db));
    }
  },
  rebuild(db, from, to) {
    recomputeCases(db, db.raw<{ id: number }>('SELECT id FROM cases WHERE id BETWEEN ? AND ? ORDER BY id', from, to).map((r) => r.id), currentDeadlineContext(db));
  },
  invalidatedBy: (e) => e.type === 'calendar.changed' || (e.type === 'settings.changed' && e.payload.keys.includes('deadlineRules')),
  // The rules in force: a new version of the app may ship rules a court's saved table lacks, which
  // then run there (getSettings) — its cases get those clocks at the next start.
  inputs: (db) => rulesFingerprint(getSettings(db).deadlineRules),
};
