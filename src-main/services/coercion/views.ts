import type { Db } from '../../db/connection';
import { scopeSql, type CaseScope } from '../auth/scope';
import { approvers } from './approval';

// What the detention team's page and a case's page read: requests, sweeps, each person's measures
// with their running clocks (read from the deadline projection, so the page and the deadline board
// show the same clocks), referrals, and the team's figures.

export interface ClockView {
  ruleId: string;
  dueOn: string | null;
  dueAt: string | null;
  status: string;
}

export interface RequestView {
  id: number;
  caseId: number;
  caseNumber: string;
  partyId: number | null;
  personName: string;
  personKind: 'individual' | 'organisation';
  gender: 'male' | 'female' | null;
  measure: 'compel' | 'search' | 'detain' | 'fine';
  place: string;
  wantedOn: string;
  purpose: string;
  summonsServedOn: string | null;
  status: 'open' | 'scheduled' | 'done' | 'withdrawn';
  operationId: number | null;
  outcome: 'paid' | 'settled' | 'detained' | 'released' | 'notFound' | null;
  outcomeNote: string | null;
  requestedBy: string;
  requestedAt: string;
  teamId: string | null;
}

export interface MeasureView {
  id: number;
  caseId: number;
  caseNumber: string;
  requestId: number | null;
  kind: 'compel' | 'fine' | 'detain' | 'search';
  personName: string;
  personKind: 'individual' | 'organisation';
  ground: string | null;
  act: string | null;
  amountFen: number | null;
  days: number | null;
  complex: boolean;
  approvedBy: string;
  startedAt: string;
  endsOn: string | null;
  endedAt: string | null;
  outcome: string | null;
  servedOn: string | null;
  familyAt: string | null;
  familyMethod: string | null;
  familyMissedReason: string | null;
  medicalResult: string | null;
  centre: string | null;
  handedOverAt: string | null;
  releasedAt: string | null;
  releaseKind: 'expiry' | 'early' | 'revoked' | null;
  /** Detained first in an emergency (民诉法解释 Art. 181): the president's after-approval pending, given or refused. */
  emergency: 'pending' | 'approved' | 'refused' | null;
  /** The 补办拘留批准手续记录 of that decision. */
  emergencyDocumentId: number | null;
  /** A leave application awaiting the court's decision (拘留所条例 Art. 27). */
  leaveApplication: { id: number; reason: string; appliedAt: string } | null;
  reviewFiledOn: string | null;
  reviewDecidedOn: string | null;
  reviewResult: string | null;
  place: string | null;
  documentId: number | null;
  recordDocumentId: number | null;
  releaseDocumentId: number | null;
  onLeaveId: number | null;
  clocks: ClockView[];
}

export interface ReferralView {
  id: number;
  caseId: number;
  caseNumber: string;
  personName: string;
  police: string;
  sentOn: string;
  complex: boolean;
  evidence: string[];
  answeredOn: string | null;
  answer: 'filed' | 'refused' | null;
  privateOn: string | null;
  documentId: number | null;
  clocks: ClockView[];
}

type RequestRow = { id: number; case_id: number; number: string; party_id: number | null; person_name: string; person_kind: 'individual' | 'organisation'; gender: 'male' | 'female' | null; measure: RequestView['measure']; place: string; wanted_on: string; purpose: string; summons_served_on: string | null; status: RequestView['status']; operation_id: number | null; outcome: RequestView['outcome']; outcome_note: string | null; requested_by: string; requested_at: string; team_id: string | null };

const toRequest = (r: RequestRow): RequestView => ({
  id: r.id, caseId: r.case_id, caseNumber: r.number, partyId: r.party_id, personName: r.person_name, personKind: r.person_kind, gender: r.gender, measure: r.measure, place: r.place,
  wantedOn: r.wanted_on, purpose: r.purpose, summonsServedOn: r.summons_served_on, status: r.status, operationId: r.operation_id, outcome: r.outcome, outcomeNote: r.outcome_note,
  requestedBy: r.requested_by, requestedAt: r.requested_at, teamId: r.team_id,
});

export function listRequests(db: Db, scope: CaseScope, filter: { status?: RequestView['status'][] | undefined; caseId?: number | undefined; operationId?: number | undefined }): RequestView[] {
  const narrow = scopeSql(scope);
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.status?.length) {
    where.push(`r.status IN (${filter.status.map(() => '?').join(',')})`);
    params.push(...filter.status);
  }
  if (filter.caseId !== undefined) {
    where.push('r.case_id = ?');
    params.push(filter.caseId);
  }
  if (filter.operationId !== undefined) {
    where.push('r.operation_id = ?');
    params.push(filter.operationId);
  }
  const rows = db.raw<RequestRow>(
    `SELECT r.*, c.number FROM coercion_requests r JOIN cases c ON c.id = r.case_id WHERE 1 ${where.map((w) => ` AND ${w}`).join('')}${narrow.sql} ORDER BY r.wanted_on, r.id LIMIT 2000`,
    ...params,
    ...narrow.params,
  );
  return rows.map(toRequest);
}

/** The clocks of the deadline projection started by events naming `key` = id (measureId, referralId). */
function clocksBy(db: Db, caseIds: number[], key: 'measureId' | 'referralId'): Map<number, ClockView[]> {
  const out = new Map<number, ClockView[]>();
  if (caseIds.length === 0) return out;
  const ids = [...new Set(caseIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db.raw<{ k: number; rule_id: string; due_on: string | null; due_at: string | null; status: string }>(
      `SELECT json_extract(e.payload, '$.${key}') AS k, d.rule_id, d.due_on, d.due_at, d.status
         FROM deadlines d JOIN case_events e ON e.id = d.start_event_id
        WHERE d.case_id IN (${chunk.map(() => '?').join(',')}) AND e.type LIKE 'coercion.%' AND json_extract(e.payload, '$.${key}') IS NOT NULL
        ORDER BY d.start_event_id, d.rule_id`,
      ...chunk,
    );
    for (const r of rows) out.set(r.k, [...(out.get(r.k) ?? []), { ruleId: r.rule_id, dueOn: r.due_on, dueAt: r.due_at, status: r.status }]);
  }
  return out;
}

export function listMeasures(db: Db, scope: CaseScope, filter: { caseId?: number | undefined; active?: boolean | undefined; operationId?: number | undefined }): MeasureView[] {
  const narrow = scopeSql(scope);
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.caseId !== undefined) {
    where.push('m.case_id = ?');
    params.push(filter.caseId);
  }
  if (filter.operationId !== undefined) {
    where.push('m.request_id IN (SELECT id FROM coercion_requests WHERE operation_id = ?)');
    params.push(filter.operationId);
  }
  // Active: a 拘传 still being questioned, a detention not yet released.
  if (filter.active) where.push("((m.kind = 'compel' AND m.ended_at IS NULL) OR (m.kind = 'detain' AND m.released_at IS NULL))");
  const rows = db.raw<Record<string, unknown> & { id: number; case_id: number }>(
    `SELECT m.*, c.number, u.display_name AS approver,
            (SELECT l.id FROM coercion_leaves l WHERE l.measure_id = m.id AND l.to_at IS NULL) AS leave_id,
            (SELECT ed.approved FROM coercion_emergency_decisions ed WHERE ed.measure_id = m.id) AS emergency_approved,
            (SELECT ed.document_id FROM coercion_emergency_decisions ed WHERE ed.measure_id = m.id) AS emergency_document_id,
            (SELECT json_object('id', la.id, 'reason', la.reason, 'appliedAt', la.applied_at) FROM coercion_leave_applications la WHERE la.measure_id = m.id AND la.decision IS NULL) AS leave_application
       FROM coercion_measures m JOIN cases c ON c.id = m.case_id LEFT JOIN users u ON u.id = m.approved_by_id
      WHERE 1 ${where.map((w) => ` AND ${w}`).join('')}${narrow.sql} ORDER BY m.started_at DESC, m.id DESC LIMIT 2000`,
    ...params,
    ...narrow.params,
  );
  const clocks = clocksBy(db, rows.map((r) => r.case_id), 'measureId');
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    id: r.id, caseId: r.case_id, caseNumber: String(r.number), requestId: n(r.request_id), kind: r.kind as MeasureView['kind'], personName: String(r.person_name),
    personKind: r.person_kind as MeasureView['personKind'], ground: s(r.ground), act: s(r.act), amountFen: n(r.amount_fen), days: n(r.days), complex: r.complex === 1,
    approvedBy: String(r.approver ?? ''), startedAt: String(r.started_at), endsOn: s(r.ends_on), endedAt: s(r.ended_at), outcome: s(r.outcome), servedOn: s(r.served_on),
    familyAt: s(r.family_at), familyMethod: s(r.family_method), familyMissedReason: s(r.family_missed_reason), medicalResult: s(r.medical_result), centre: s(r.centre),
    handedOverAt: s(r.handed_over_at), releasedAt: s(r.released_at),
    releaseKind: (s(r.release_kind) ?? (r.emergency_approved === 0 && r.released_at ? 'revoked' : null)) as MeasureView['releaseKind'],
    emergency: r.emergency === 1 ? (r.emergency_approved === null ? 'pending' : r.emergency_approved === 1 ? 'approved' : 'refused') : null,
    emergencyDocumentId: n(r.emergency_document_id),
    leaveApplication: r.leave_application ? (JSON.parse(String(r.leave_application)) as MeasureView['leaveApplication']) : null, reviewFiledOn: s(r.review_filed_on),
    reviewDecidedOn: s(r.review_decided_on), reviewResult: s(r.review_result), place: s(r.place), documentId: n(r.document_id), recordDocumentId: n(r.record_document_id),
    releaseDocumentId: n(r.release_document_id), onLeaveId: n(r.leave_id), clocks: clocks.get(r.id) ?? [],
  }));
}

export function listReferrals(db: Db, scope: CaseScope, filter: { caseId?: number | undefined }): ReferralView[] {
  const narrow = scopeSql(scope);
  const rows = db.raw<{ id: number; case_id: number; number: string; person_name: string; police: string; sent_on: string; complex: number; evidence: string; answered_on: string | null; answer: 'filed' | 'refused' | null; private_on: string | null; document_id: number | null }>(
    `SELECT r.*, c.number FROM coercion_referrals r JOIN cases c ON c.id = r.case_id WHERE 1 ${filter.caseId !== undefined ? ' AND r.case_id = ?' : ''}${narrow.sql} ORDER BY r.sent_on DESC, r.id DESC LIMIT 2000`,
    ...(filter.caseId !== undefined ? [filter.caseId] : []),
    ...narrow.params,
  );
  const clocks = clocksBy(db, rows.map((r) => r.case_id), 'referralId');
  return rows.map((r) => ({
    id: r.id, caseId: r.case_id, caseNumber: r.number, personName: r.person_name, police: r.police, sentOn: r.sent_on, complex: r.complex === 1,
    evidence: JSON.parse(r.evidence) as string[], answeredOn: r.answered_on, answer: r.answer, privateOn: r.private_on, documentId: r.document_id, clocks: clocks.get(r.id) ?? [],
  }));
}

export interface OperationView {
  id: number;
  name: string;
  plannedOn: string;
  leader: string;
  status: 'planned' | 'done';
  requestCount: number;
  doneCount: number;
}

export function listOperations(db: Db, scope: CaseScope): OperationView[] {
  const narrow = scopeSql(scope, 'cx');
  // A sweep is listed to a scoped user only when every case in it is in the scope.
  const rows = db.raw<{ id: number; name: string; planned_on: string; leader: string; status: 'planned' | 'done'; n: number; done: number }>(
    `SELECT o.id, o.name, o.planned_on, u.display_name AS leader, o.status,
            (SELECT count(*) FROM coercion_requests r WHERE r.operation_id = o.id) AS n,
            (SELECT count(*) FROM coercion_requests r WHERE r.operation_id = o.id AND r.status = 'done') AS done
       FROM coercion_operations o JOIN users u ON u.id = o.leader_id
      WHERE NOT EXISTS (SELECT 1 FROM coercion_requests r JOIN cases cx ON cx.id = r.case_id WHERE r.operation_id = o.id AND NOT (1 ${narrow.sql}))
      ORDER BY o.planned_on DESC, o.id DESC LIMIT 500`,
    ...narrow.params,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, plannedOn: r.planned_on, leader: r.leader, status: r.status, requestCount: r.n, doneCount: r.done }));
}

export interface Figures {
  from: string;
  to: string;
  compelled: number;
  detained: number;
  fined: number;
  finedFen: number;
  searched: number;
  referred: number;
  paidOnSpot: number;
  paidOnSpotFen: number;
  /** Cases closed in the period after a compulsory measure was taken on them. */
  closedAfter: number;
}

/** The team's figures for a period (court-local dates, inclusive): what the leaders read (people compelled, detained, fined). */
export function figures(db: Db, scope: CaseScope, from: string, to: string): Figures {
  const narrow = scopeSql(scope);
  // started_at is UTC; a court-local day starts 8 h earlier in UTC (Asia/Shanghai).
  const fromAt = new Date(Date.parse(`${from}T00:00:00+08:00`)).toISOString();
  const toAt = new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000).toISOString();
  const count = (kind: string) =>
    db.raw<{ n: number; f: number | null }>(
      `SELECT count(*) AS n, sum(m.amount_fen) AS f FROM coercion_measures m JOIN cases c ON c.id = m.case_id WHERE m.kind = ? AND m.started_at >= ? AND m.started_at < ?${narrow.sql}`,
      kind, fromAt, toAt, ...narrow.params,
    )[0]!;
  const paid = db.raw<{ n: number; f: number | null }>(
    `SELECT count(*) AS n, sum(le.amount_fen) AS f FROM case_events e JOIN cases c ON c.id = e.case_id JOIN ledger_entries le ON le.id = json_extract(e.payload, '$.entryId')
      WHERE e.type = 'coercion.outcome' AND json_extract(e.payload, '$.outcome') = 'paid' AND e.on_date BETWEEN ? AND ?${narrow.sql}`,
    from, to, ...narrow.params,
  )[0]!;
  const referred = db.raw<{ n: number }>(`SELECT count(*) AS n FROM coercion_referrals r JOIN cases c ON c.id = r.case_id WHERE r.sent_on BETWEEN ? AND ?${narrow.sql}`, from, to, ...narrow.params)[0]!.n;
  const closedAfter = db.raw<{ n: number }>(
    `SELECT count(*) AS n FROM cases c WHERE c.closed_on BETWEEN ? AND ? AND EXISTS (SELECT 1 FROM coercion_measures m WHERE m.case_id = c.id AND substr(m.started_at, 1, 10) <= c.closed_on)${narrow.sql}`,
    from, to, ...narrow.params,
  )[0]!.n;
  const fined = count('fine');
  return {
    from, to,
    compelled: count('compel').n, detained: count('detain').n, fined: fined.n, finedFen: fined.f ?? 0, searched: count('search').n,
    referred, paidOnSpot: paid.n, paidOnSpotFen: paid.f ?? 0, closedAfter,
  };
}

export function approverList(db: Db) {
  return approvers(db);
}

/** The judicial police who may lead a sweep. */
export function policeList(db: Db): { id: number; displayName: string }[] {
  return db
    .raw<{ id: number; display_name: string; roles: string }>('SELECT id, display_name, roles FROM users WHERE active = 1 ORDER BY id')
    .filter((u) => (JSON.parse(u.roles) as string[]).includes('detention'))
    .map((u) => ({ id: u.id, displayName: u.display_name }));
}
