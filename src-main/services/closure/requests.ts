import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { ZHONGBEN } from '../../../src-shared/domain/closure';
import { appendEvent, type Actor } from '../../events/log';
import { getCaseRow } from '../cases/queries';
import { assertOpen } from '../cases/stage';
import { scopeSql, type CaseScope } from '../auth/scope';
import { evaluateChecklist } from './checklist';
import { ledgerFacts } from './caseFacts';
import type { ZhongbenBasisInput } from './close';

// A team's proposal of 终本 (终本申请). Closure is done centrally (seeds/003: 结案及终本案件管理组主要负责
// 统一集中结案; the 终本案件管控组 keeps the 终本 files): the team that worked the case proposes it
// with its reasons and the applicant's consent or the panel's review; the 终本 group reviews the
// checklist and closes the case (closure.decide → closure.close's own path) or returns the proposal
// with the reasons the team reads on its case page.

export interface ClosureRequestView {
  id: number;
  caseId: number;
  caseNumber: string;
  applicants: string;
  debtors: string;
  teamId: string | null;
  mode: string;
  reason: string;
  basis: ZhongbenBasisInput | null;
  status: 'pending' | 'closed' | 'returned';
  requestedAt: string;
  requestedBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  returnReasons: string[];
  decisionNote: string | null;
}

/**
 * Records the proposal. The checklist must already be complete as of today: the group reviews the
 * evidence, it does not collect it (终本规定 Art. 1: every condition holds before 终本).
 */
export function requestClosure(db: Db, actor: Actor, at: Date, today: string, input: { caseId: number; reason: string; basis?: ZhongbenBasisInput | undefined }): number {
  return db.tx(() => {
    assertOpen(db, input.caseId);
    const c = getCaseRow(db, input.caseId);
    const pending = db.get(db.q.selectFrom('closure_requests').select('id').where('case_id', '=', input.caseId).where('status', '=', 'pending'));
    if (pending) throw new ApiError('conflict', `案件 ${c.number} 已有一份待审核的终本申请`, 'caseId', { requestId: pending.id });
    const ledger = ledgerFacts(db, input.caseId);
    if (ledger.recoveredFen >= c.claim_fen) throw invalid('caseId', '申请执行标的已全部到位，应以执行完毕结案，不能申请终结本次执行程序');
    const checklist = evaluateChecklist(db, input.caseId, today);
    if (!checklist.complete) throw new ApiError('conflict', `终本条件尚不具备，尚缺：${checklist.missing.join('；')}`, 'checklist', { missing: checklist.missing });
    if (input.basis?.kind === 'consent' && input.basis.consentOn > today) throw invalid('basis.consentOn', '申请执行人确认日期不能晚于今天');
    const id = db.run(
      db.q.insertInto('closure_requests').values({
        case_id: input.caseId,
        mode: ZHONGBEN,
        reason: input.reason,
        basis: input.basis ? JSON.stringify(input.basis) : null,
        status: 'pending',
        requested_at: at.toISOString(),
        requested_by: actor.name,
        decided_at: null,
        decided_by: null,
        return_reasons: null,
        decision_note: null,
      }),
    ).lastInsertRowid;
    appendEvent(db, actor, at, { caseId: input.caseId, type: 'closure.requested', payload: { requestId: id, mode: ZHONGBEN, reason: input.reason, ...(input.basis ? { basis: input.basis.kind } : {}) } });
    return id;
  });
}

export function pendingClosureRequest(db: Db, requestId: number) {
  const r = db.get(db.q.selectFrom('closure_requests').selectAll().where('id', '=', requestId));
  if (!r) throw new ApiError('not_found', `终本申请不存在（编号 ${requestId}）`, 'requestId');
  if (r.status !== 'pending') throw new ApiError('conflict', '该终本申请已审核', 'requestId');
  return { ...r, basis: r.basis ? (JSON.parse(r.basis) as ZhongbenBasisInput) : null };
}

/** Marks the request closed; runs inside the closure's own transaction (closure.decide), so both happen or neither. */
export function markClosureRequestClosed(db: Db, actor: Actor, at: Date, requestId: number, note: string | undefined): void {
  const r = pendingClosureRequest(db, requestId);
  db.run(db.q.updateTable('closure_requests').set({ status: 'closed', decided_at: at.toISOString(), decided_by: actor.name, decision_note: note?.trim() || null }).where('id', '=', requestId));
  appendEvent(db, actor, at, { caseId: r.case_id, type: 'closure.requestDecided', payload: { requestId, outcome: 'closed', ...(note?.trim() ? { note: note.trim() } : {}) } });
}

/** Returns the proposal to the team with the reasons (each a checklist item or the group's own words). */
export function returnClosureRequest(db: Db, actor: Actor, at: Date, input: { requestId: number; reasons: string[]; note?: string | undefined }): void {
  db.tx(() => {
    const r = pendingClosureRequest(db, input.requestId);
    const reasons = input.reasons.map((x) => x.trim()).filter(Boolean);
    if (reasons.length === 0) throw invalid('reasons', '退回终本申请须写明理由');
    db.run(
      db.q
        .updateTable('closure_requests')
        .set({ status: 'returned', decided_at: at.toISOString(), decided_by: actor.name, return_reasons: JSON.stringify(reasons), decision_note: input.note?.trim() || null })
        .where('id', '=', r.id),
    );
    appendEvent(db, actor, at, { caseId: r.case_id, type: 'closure.requestDecided', payload: { requestId: r.id, outcome: 'returned', reasons, ...(input.note?.trim() ? { note: input.note.trim() } : {}) } });
  });
}

type Row = {
  id: number;
  case_id: number;
  number: string;
  applicant_names: string;
  debtor_names: string;
  team_id: string | null;
  mode: string;
  reason: string;
  basis: string | null;
  status: ClosureRequestView['status'];
  requested_at: string;
  requested_by: string;
  decided_at: string | null;
  decided_by: string | null;
  return_reasons: string | null;
  decision_note: string | null;
};

/** The proposals, newest first; a tribunal team sees its own cases' (scope), the 终本 group all of them. */
export function listClosureRequests(db: Db, scope: CaseScope, input: { status?: ClosureRequestView['status'] | undefined; caseId?: number | undefined; limit: number }): ClosureRequestView[] {
  const s = scopeSql(scope);
  // Each filter is optional: a null parameter leaves its condition true.
  const status = input.status ?? null;
  const caseId = input.caseId ?? null;
  return db
    .raw<Row>(
      `SELECT r.*, c.number, c.applicant_names, c.debtor_names, c.team_id FROM closure_requests r JOIN cases c ON c.id = r.case_id
        WHERE (? IS NULL OR r.status = ?) AND (? IS NULL OR r.case_id = ?)${s.sql} ORDER BY r.id DESC LIMIT ?`,
      status, status, caseId, caseId,
      ...s.params,
      input.limit,
    )
    .map((r) => ({
      id: r.id,
      caseId: r.case_id,
      caseNumber: r.number,
      applicants: r.applicant_names,
      debtors: r.debtor_names,
      teamId: r.team_id,
      mode: r.mode,
      reason: r.reason,
      basis: r.basis ? (JSON.parse(r.basis) as ZhongbenBasisInput) : null,
      status: r.status,
      requestedAt: r.requested_at,
      requestedBy: r.requested_by,
      decidedAt: r.decided_at,
      decidedBy: r.decided_by,
      returnReasons: r.return_reasons ? (JSON.parse(r.return_reasons) as string[]) : [],
      decisionNote: r.decision_note,
    }));
}
