import type { Db } from '../../db/connection';
import { deadlineContext, recomputeCases, type DeadlineContext } from './recompute';

// Keeps the derived `deadlines` table in step with the event log (design note in migration 030).
// Cheap when nothing changed: one MAX(id) look-up against the stored watermark.

function syncValue(db: Db, key: string): string {
  return db.get(db.q.selectFrom('deadline_sync').select('value').where('key', '=', key))?.value ?? '';
}
function setSyncValue(db: Db, key: string, value: string): void {
  db.run(db.q.updateTable('deadline_sync').set({ value }).where('key', '=', key));
}

export interface SyncResult {
  recomputed: number;
  full: boolean;
}

/**
 * Folds every event past the watermark into the deadlines table; recomputes every case when the
 * rules or the calendar changed since the last run. One transaction, so a reader never sees half.
 * A read-only database (failed integrity check) is left as it is.
 */
export function syncDeadlines(db: Db, opts: { readOnly?: boolean; ctx?: DeadlineContext } = {}): SyncResult {
  if (opts.readOnly) return { recomputed: 0, full: false };
  const lastId = () => db.raw<{ m: number | null }>('SELECT MAX(id) AS m FROM case_events')[0]!.m ?? 0;
  const watermark = Number(syncValue(db, 'watermark'));
  const ctx = opts.ctx ?? deadlineContext(db);
  const full = syncValue(db, 'rulesHash') !== ctx.hash;
  if (!full && lastId() <= watermark) return { recomputed: 0, full: false };
  return db.tx(() => {
    // Re-read inside the write lock: events appended meanwhile are folded in now or on the next call.
    const maxId = lastId();
    const ids = full
      ? db.raw<{ id: number }>('SELECT id FROM cases ORDER BY id').map((r) => r.id)
      : db.raw<{ case_id: number }>('SELECT DISTINCT case_id FROM case_events WHERE id > ? AND id <= ? AND case_id IS NOT NULL', watermark, maxId).map((r) => r.case_id);
    recomputeCases(db, ids, ctx);
    db.rawRun('DELETE FROM deadline_tally WHERE n = 0');
    setSyncValue(db, 'watermark', String(maxId));
    if (full) setSyncValue(db, 'rulesHash', ctx.hash);
    return { recomputed: ids.length, full };
  });
}
