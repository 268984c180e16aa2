import type { Db } from '../../db/connection';
import type { z } from 'zod';
import type { controlBatchView, measureView } from '../../../src-shared/api/methods/measures';
import { ApiError } from '../../../src-shared/api/errors';
import type { AssetType, MeasureAction } from '../../../src-shared/domain/assets';
import { diffCalendarDays } from '../../../src-shared/domain/chineseDate';
import { getSettings } from '../settings/settings';
import { scopeSql, type CaseScope } from '../auth/scope';

export type MeasureView = z.output<typeof measureView>;
export type ControlBatchView = z.output<typeof controlBatchView>;

/** The measures with their batch, case, asset and debtor (the grid of measures selects from the same). */
export const MEASURE_SELECT_SQL = `m.*, b.number AS batch_number, c.number AS case_number, a.type AS asset_type, a.institution, a.identifier, p.name AS debtor,
       (SELECT group_concat(md.document_id) FROM measure_documents md WHERE md.measure_id = m.id) AS document_ids,
       (SELECT COALESCE(SUM(COALESCE(d.actual_fen, 0)), 0) FROM measures d WHERE d.from_measure_id = m.id AND d.status IN ('done','partial')) AS deducted_fen`;
export const MEASURE_FROM_SQL = `measures m JOIN control_batches b ON b.id = m.batch_id JOIN cases c ON c.id = m.case_id
  JOIN assets a ON a.id = m.asset_id JOIN parties p ON p.id = a.party_id`;
const SELECT = `SELECT ${MEASURE_SELECT_SQL} FROM ${MEASURE_FROM_SQL}`;

/** The shown status as SQL, for the measures grid's column (its filter and sort see what the row shows). */
export const SHOWN_STATUS_SQL = "CASE WHEN m.ended_on IS NOT NULL THEN 'deducted' ELSE m.status END";

/** The shown status: a freeze ended by deduction is 'deducted' (services/measures/results.ts). */
const shownStatus = (r: Record<string, unknown>): MeasureView['status'] => (r.ended_on ? 'deducted' : (r.status as MeasureView['status']));

/** SQL for a status filter, 'deducted' and the stored statuses kept apart. */
function statusSql(s: MeasureView['status']): string {
  if (s === 'deducted') return `m.ended_on IS NOT NULL`;
  return `(m.status = '${s.replace(/'/g, '')}' AND m.ended_on IS NULL)`;
}

export function toView(r: Record<string, unknown>, today: string, alertDays: number): MeasureView {
  const status = shownStatus(r);
  const inForce = (status === 'pending' || status === 'done' || status === 'partial') && r.expires_on !== null;
  const action = r.action as MeasureAction;
  const answered = status === 'pending' ? (r.amount_fen as number) : ((r.actual_fen as number | null) ?? 0);
  const heldFen = action !== 'deduct' && (status === 'pending' || status === 'done' || status === 'partial') ? Math.max(0, answered - (r.deducted_fen as number)) : 0;
  const daysToExpiry = inForce ? diffCalendarDays(r.expires_on as string, today) : null;
  return {
    id: r.id as number,
    batchId: r.batch_id as number,
    batchNumber: r.batch_number as string,
    caseId: r.case_id as number,
    caseNumber: r.case_number as string,
    assetId: r.asset_id as number,
    assetType: r.asset_type as AssetType,
    institution: r.institution as string,
    identifier: r.identifier as string,
    debtor: r.debtor as string,
    action,
    amountFen: r.amount_fen as number,
    actualFen: (r.actual_fen as number | null) ?? null,
    startOn: r.start_on as string,
    expiresOn: (r.expires_on as string | null) ?? null,
    renewals: r.renewals as number,
    status,
    resultOn: (r.result_on as string | null) ?? null,
    resultNote: (r.result_note as string | null) ?? null,
    fromMeasureId: (r.from_measure_id as number | null) ?? null,
    releasedOn: (r.released_on as string | null) ?? null,
    releaseReason: (r.release_reason as string | null) ?? null,
    endedOn: (r.ended_on as string | null) ?? null,
    endedByMeasureId: (r.ended_by as number | null) ?? null,
    heldFen,
    daysToExpiry,
    // Renewal alerts from N days before expiry (setting measureRenewalAlertDays, 30); refused
    // measures hold nothing and need no renewal.
    renewalDue: daysToExpiry !== null && daysToExpiry <= alertDays && daysToExpiry >= 0 && status !== 'pending',
    documentIds: r.document_ids ? String(r.document_ids).split(',').map(Number) : [],
  };
}

export function getMeasures(db: Db, ids: number[], today: string): MeasureView[] {
  if (ids.length === 0) return [];
  const alert = getSettings(db).measureRenewalAlertDays;
  const rows = db.raw<Record<string, unknown>>(`${SELECT} WHERE m.id IN (${ids.map(Number).join(',')}) ORDER BY m.id`);
  return rows.map((r) => toView(r, today, alert));
}

export function listMeasures(
  db: Db,
  today: string,
  f: { caseId?: number | undefined; batchId?: number | undefined; status?: MeasureView['status'][] | undefined; renewalDue: boolean; offset: number; limit: number },
  scope: CaseScope,
): { rows: MeasureView[]; total: number } {
  const alert = getSettings(db).measureRenewalAlertDays;
  const where: string[] = [];
  const params: unknown[] = [];
  if (!scope.all) {
    const narrow = scopeSql(scope);
    where.push(`m.case_id IN (SELECT c.id FROM cases c WHERE 1${narrow.sql})`);
    params.push(...narrow.params);
  }
  if (f.caseId !== undefined) {
    where.push('m.case_id = ?');
    params.push(f.caseId);
  }
  if (f.batchId !== undefined) {
    where.push('m.batch_id = ?');
    params.push(f.batchId);
  }
  if (f.status?.length) where.push(`(${f.status.map(statusSql).join(' OR ')})`);
  if (f.renewalDue) {
    // Same rule as toView: in force, answered, expiring within the alert window.
    where.push(`m.status IN ('done','partial') AND m.ended_on IS NULL AND m.expires_on IS NOT NULL AND m.expires_on >= ? AND julianday(m.expires_on) - julianday(?) <= ?`);
    params.push(today, today, alert);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.raw<{ n: number }>(`SELECT count(*) AS n FROM measures m ${w}`, ...params)[0]!.n;
  const order = f.renewalDue ? 'm.expires_on, m.id' : 'm.id DESC';
  const rows = db.raw<Record<string, unknown>>(`${SELECT} ${w} ORDER BY ${order} LIMIT ? OFFSET ?`, ...params, f.limit, f.offset);
  return { total, rows: rows.map((r) => toView(r, today, alert)) };
}

export function getControlBatch(db: Db, batchId: number, today: string): ControlBatchView {
  const b = db.get(db.q.selectFrom('control_batches').selectAll().where('id', '=', batchId));
  if (!b) throw new ApiError('not_found', `控制批次不存在（编号 ${batchId}）`, 'batchId');
  const ids = db.raw<{ id: number }>(`SELECT id FROM measures WHERE batch_id = ? ORDER BY id`, batchId).map((r) => r.id);
  const measures = getMeasures(db, ids, today);
  const documentCount = db.raw<{ n: number }>(`SELECT count(DISTINCT md.document_id) AS n FROM measure_documents md JOIN measures m ON m.id = md.measure_id WHERE m.batch_id = ? AND md.purpose = 'apply'`, batchId)[0]!.n;
  return {
    id: b.id,
    number: b.number,
    createdAt: b.created_at,
    createdBy: b.created_by,
    measureCount: b.measure_count,
    caseCount: b.case_count,
    documentCount,
    documentsNote: b.documents_note,
    measures,
  };
}
