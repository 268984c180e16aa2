import type { Selectable } from 'kysely';
import type { Db } from '../../db/connection';
import type { CaseEventsTable } from '../../db/schema';
import { ApiError } from '../../../src-shared/api/errors';
import { eventLabel } from '../../../src-shared/domain/events';

export interface AuditEventView {
  id: number;
  caseId: number | null;
  caseNumber: string | null;
  type: string;
  label: string;
  at: string;
  onDate: string;
  actorId: number | null;
  actor: string;
  workstation: string;
  payload: unknown;
  hash: string;
}

/** A stored event row with its case number. */
type Row = Omit<Selectable<CaseEventsTable>, 'prev_hash'> & { number: string | null };

const SELECT = `SELECT e.id, e.case_id, c.number, e.type, e.at, e.on_date, e.actor_id, e.actor_name, e.workstation, e.payload, e.hash
  FROM case_events e LEFT JOIN cases c ON c.id = e.case_id`;

function toView(r: Row): AuditEventView {
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.number,
    type: r.type,
    label: eventLabel(r.type),
    at: r.at,
    onDate: r.on_date,
    actorId: r.actor_id,
    actor: r.actor_name,
    workstation: r.workstation,
    payload: JSON.parse(r.payload),
    hash: r.hash,
  };
}

/** Everything done to one case, oldest first (the 日志 tab). */
export function auditForCase(db: Db, caseId: number, offset: number, limit: number): { rows: AuditEventView[]; total: number } {
  if (!db.raw('SELECT 1 FROM cases WHERE id = ?', caseId)[0]) throw new ApiError('not_found', `案件不存在（编号 ${caseId}）`, 'caseId');
  const total = db.raw<{ n: number }>('SELECT count(*) AS n FROM case_events WHERE case_id = ?', caseId)[0]!.n;
  const rows = db.raw<Row>(`${SELECT} WHERE e.case_id = ? ORDER BY e.id LIMIT ? OFFSET ?`, caseId, limit, offset);
  return { rows: rows.map(toView), total };
}

/** Everything one user did (newest first), optionally within court-local dates. */
export function auditForUser(
  db: Db,
  userId: number,
  range: { from?: string | undefined; to?: string | undefined },
  offset: number,
  limit: number,
): { rows: AuditEventView[]; total: number } {
  if (!db.raw('SELECT 1 FROM users WHERE id = ?', userId)[0]) throw new ApiError('not_found', `用户不存在（编号 ${userId}）`, 'userId');
  // By when it was done (UTC `at`), with the court-local day boundaries (UTC+8, no DST).
  const where = 'e.actor_id = ? AND e.at >= ? AND e.at < ?';
  const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
  const nextDay = (d: string) => new Date(new Date(`${d}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
  const params = [userId, range.from ? dayStart(range.from) : '0000', range.to ? nextDay(range.to) : '9999'];
  const total = db.raw<{ n: number }>(`SELECT count(*) AS n FROM case_events e WHERE ${where}`, ...params)[0]!.n;
  const rows = db.raw<Row>(`${SELECT} WHERE ${where} ORDER BY e.id DESC LIMIT ? OFFSET ?`, ...params, limit, offset);
  return { rows: rows.map(toView), total };
}
