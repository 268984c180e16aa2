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
