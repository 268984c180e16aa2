import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { appendEvent, type Actor } from '../../events/log';
import { getCaseRow } from '../cases/queries';
import { assertOpen } from '../cases/stage';
import { getSettings } from '../settings/settings';
import { reassignCases } from '../assignment/reassign';
import { scopeSql, type CaseScope } from '../auth/scope';

// A team asks the management to move one of its cases (移交/改分申请): the case belongs to another
// tribunal's area, a judge is conflicted, the load is uneven. The team cannot move a case itself
// (assignment.reassign is 综合管理's); it writes the request with its reason, the management sees it
// among its work and approves it — naming the judge who takes the case, through the recorded
// reassignment (services/assignment/reassign.ts) — or rejects it with its reason.

export interface TransferView {
  id: number;
  caseId: number;
  caseNumber: string;
  applicants: string;
  debtors: string;
  fromTeamId: string | null;
  fromTeam: string | null;
  toTeamId: string | null;
  toTeam: string | null;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedAt: string;
  requestedBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
  judgeId: number | null;
  judgeName: string | null;
}

export function requestTransfer(db: Db, actor: Actor, at: Date, input: { caseId: number; reason: string; toTeamId?: string | undefined }): number {
  return db.tx(() => {
    assertOpen(db, input.caseId);
    const c = getCaseRow(db, input.caseId);
    if (c.stage !== 'team' && c.stage !== 'fastTrack') throw new ApiError('conflict', `案件 ${c.number} 尚未分案到团队，不需要申请移交`, 'caseId');
    const teams = getSettings(db).teams;
    if (input.toTeamId !== undefined) {
      const to = teams.find((t) => t.id === input.toTeamId && t.active);
      if (!to) throw invalid('toTeamId', '建议移交的团队不存在或已停用');
      if (to.id === c.team_id) throw invalid('toTeamId', '建议移交的团队就是本案现在的团队');
    }
    const pending = db.get(db.q.selectFrom('transfer_requests').select('id').where('case_id', '=', input.caseId).where('status', '=', 'pending'));
    if (pending) throw new ApiError('conflict', `案件 ${c.number} 已有一份待审批的移交申请`, 'caseId', { requestId: pending.id });
    const id = db.run(
      db.q.insertInto('transfer_requests').values({
        case_id: input.caseId,
        from_team_id: c.team_id,
        to_team_id: input.toTeamId ?? null,
        reason: input.reason,
        status: 'pending',
        requested_at: at.toISOString(),
        requested_by: actor.name,
        decided_at: null,
        decided_by: null,
        decision_note: null,
        judge_id: null,
      }),
    ).lastInsertRowid;
    appendEvent(db, actor, at, { caseId: input.caseId, type: 'transfer.requested', payload: { requestId: id, fromTeamId: c.team_id, ...(input.toTeamId ? { toTeamId: input.toTeamId } : {}), reason: input.reason } });
    return id;
  });
}

/**
 * Approves (the case goes to the named judge and the judge's team, as a recorded reassignment) or
 * rejects (with the reason the team reads) one pending request, all in one transaction.
 */
export function decideTransfer(db: Db, actor: Actor, at: Date, input: { requestId: number; approve: boolean; judgeId?: number | undefined; note?: string | undefined }): void {
  db.tx(() => {
    const r = db.get(db.q.selectFrom('transfer_requests').selectAll().where('id', '=', input.requestId));
    if (!r) throw new ApiError('not_found', `移交申请不存在（编号 ${input.requestId}）`, 'requestId');
    if (r.status !== 'pending') throw new ApiError('conflict', '该申请已审批', 'requestId');
    const note = input.note?.trim() || null;
    if (input.approve) {
      if (input.judgeId === undefined) throw invalid('judgeId', '同意移交须指定接收案件的承办法官');
      reassignCases(db, actor, at, { caseIds: [r.case_id], judgeId: input.judgeId, reason: `同意移交申请：${r.reason}${note ? `（${note}）` : ''}` });
    } else if (!note) {
      throw invalid('note', '不同意移交须写明理由');
    }
    db.run(
      db.q
        .updateTable('transfer_requests')
        .set({ status: input.approve ? 'approved' : 'rejected', decided_at: at.toISOString(), decided_by: actor.name, decision_note: note, judge_id: input.approve ? input.judgeId! : null })
        .where('id', '=', r.id),
    );
    const teamId = input.approve ? getCaseRow(db, r.case_id).team_id : null;
    appendEvent(db, actor, at, {
      caseId: r.case_id,
      type: 'transfer.decided',
      payload: { requestId: r.id, approved: input.approve, ...(note ? { note } : {}), ...(input.approve ? { judgeId: input.judgeId, teamId } : {}) },
    });
  });
}

type Row = {
  id: number;
  case_id: number;
  number: string;
  applicant_names: string;
  debtor_names: string;
  from_team_id: string | null;
  to_team_id: string | null;
  reason: string;
  status: TransferView['status'];
  requested_at: string;
  requested_by: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
  judge_id: number | null;
  judge_name: string | null;
};

/** The requests, newest first; a tribunal team sees its own cases' (scope), the management all of them. */
export function listTransfers(db: Db, scope: CaseScope, input: { status?: TransferView['status'] | undefined; caseId?: number | undefined; limit: number }): TransferView[] {
  const s = scopeSql(scope);
  // Each filter is optional: a null parameter leaves its condition true.
  const status = input.status ?? null;
  const caseId = input.caseId ?? null;
  const rows = db.raw<Row>(
    `SELECT r.*, c.number, c.applicant_names, c.debtor_names, u.display_name AS judge_name
       FROM transfer_requests r JOIN cases c ON c.id = r.case_id LEFT JOIN users u ON u.id = r.judge_id
      WHERE (? IS NULL OR r.status = ?) AND (? IS NULL OR r.case_id = ?)${s.sql} ORDER BY r.id DESC LIMIT ?`,
    status, status, caseId, caseId,
    ...s.params,
    input.limit,
  );
  const teams = new Map(getSettings(db).teams.map((t) => [t.id, t.name]));
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.number,
    applicants: r.applicant_names,
    debtors: r.debtor_names,
    fromTeamId: r.from_team_id,
    fromTeam: r.from_team_id ? (teams.get(r.from_team_id) ?? r.from_team_id) : null,
    toTeamId: r.to_team_id,
    toTeam: r.to_team_id ? (teams.get(r.to_team_id) ?? r.to_team_id) : null,
    reason: r.reason,
    status: r.status,
    requestedAt: r.requested_at,
    requestedBy: r.requested_by,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    decisionNote: r.decision_note,
    judgeId: r.judge_id,
    judgeName: r.judge_name,
  }));
}
