import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { appendEvent, type Actor } from '../../events/log';
import { scheduleFor } from './schedule';

// The 终本 archive (终本库): one row per 终本 case with its physical file location, scan status,
// re-query clock and quality review. Created by the closure itself, in the closure's transaction.

export function createArchiveEntry(db: Db, at: Date, caseId: number, terminatedOn: string): { nextRequeryOn: string | null } {
  const s = scheduleFor(db, terminatedOn);
  const next = s.dueDates[0] ?? null;
  db.run(
    db.q.insertInto('archive_entries').values({
      case_id: caseId,
      terminated_on: terminatedOn,
      requery_until: s.until,
      next_requery_on: next,
      rounds_done: 0,
      last_requery_on: null,
      last_result: null,
      room: null,
      shelf: null,
      box: null,
      scan_status: 'pending',
      review_status: 'pending',
      review_reasons: '[]',
      reviewed_on: null,
      reviewed_by: null,
      resumed_case_id: null,
      updated_at: at.toISOString(),
    }),
  );
  return { nextRequeryOn: next };
}

export function getArchiveEntry(db: Db, caseId: number) {
  const row = db.get(db.q.selectFrom('archive_entries').selectAll().where('case_id', '=', caseId));
  if (!row) throw new ApiError('not_found', '该案件不在终本库中', 'caseId');
  return row;
}

export const SCAN_LABELS = { pending: '未扫描', scanned: '已扫描', bound: '已扫描装订' } as const;

/** Records where the paper file is kept and whether it has been scanned (终本案件管控组, domain.md §8). */
export function updateArchiveFile(
  db: Db,
  actor: Actor,
  at: Date,
  input: { caseId: number; room?: string | undefined; shelf?: string | undefined; box?: string | undefined; scanStatus?: 'pending' | 'scanned' | 'bound' | undefined },
): void {
  db.tx(() => {
    const before = getArchiveEntry(db, input.caseId);
    const after = {
      room: input.room !== undefined ? input.room || null : before.room,
      shelf: input.shelf !== undefined ? input.shelf || null : before.shelf,
      box: input.box !== undefined ? input.box || null : before.box,
      scan_status: input.scanStatus ?? before.scan_status,
    };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
    if (changed.length === 0) return;
    db.run(db.q.updateTable('archive_entries').set({ ...after, updated_at: at.toISOString() }).where('case_id', '=', input.caseId));
    appendEvent(db, actor, at, {
      caseId: input.caseId,
      type: 'archive.fileUpdated',
      payload: { room: after.room, shelf: after.shelf, box: after.box, scanStatus: after.scan_status, changed },
    });
  });
}
