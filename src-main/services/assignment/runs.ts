import type { Db } from '../../db/connection';
import { courtToday } from '../../../src-shared/domain/chineseDate';
import type { DistDecision, DistStats } from '../../../src-shared/domain/distribution';
import type { CaseStage } from '../../../src-shared/domain/stages';
import { appendEvent, type Actor } from '../../events/log';
import { getCaseRow } from '../cases/queries';
import { setStage } from '../cases/stage';
import { ApiError } from '../../../src-shared/api/errors';
import { wholeContainerSql, type CaseScope } from '../auth/scope';

// Every distribution, fast-track hand-over and bulk reassignment is one recorded run (anchor: VA
// Caseflow's DistributionTask/Distribution records): its statistics and one explained row per case.

export type RunKind = 'distribution' | 'reassignment' | 'fastTrack';
export const RUN_KIND_LABELS: Record<RunKind, string> = { distribution: '分案', reassignment: '改分', fastTrack: '移交快执' };

export interface RecordRun {
  kind: RunKind;
  cap: number;
  basis: string;
  reason: string | null;
  decisions: DistDecision[];
  stats: DistStats;
  /** Stage the assigned cases move to. */
  stage: CaseStage;
}

/** Writes the run, its rows, the cases' team and judge, and their events. Caller's transaction. */
export function recordRun(db: Db, actor: Actor, at: Date, r: RecordRun): number {
  const onDate = courtToday(at);
  const runId = db.run(
    db.q.insertInto('assignment_runs').values({
      kind: r.kind,
      cap: r.cap,
      basis: r.basis,
      case_count: r.stats.cases,
      assigned_count: r.stats.assigned,
      unassigned_count: r.stats.unassigned,
      reason: r.reason,
      stats: JSON.stringify(r.stats),
      at: at.toISOString(),
      on_date: onDate,
      actor_name: actor.name,
    }),
  ).lastInsertRowid;
  for (const d of r.decisions) {
    db.run(
      db.q.insertInto('assignment_items').values({
        run_id: runId,
        case_id: d.caseId,
        team_id: d.teamId,
        judge_id: d.judgeId,
        rule: d.rule,
        explanation: d.explanation,
        detail: JSON.stringify({ keyword: d.keyword, judgeLoadBefore: d.judgeLoadBefore, cap: r.cap, basis: r.basis }),
      }),
    );
    if (d.judgeId === null) continue;
    const before = getCaseRow(db, d.caseId);
    db.run(db.q.updateTable('cases').set({ team_id: d.teamId, judge_id: d.judgeId }).where('id', '=', d.caseId));
    const reassign = r.kind === 'reassignment';
    appendEvent(db, actor, at, {
      caseId: d.caseId,
      type: reassign ? 'case.reassigned' : 'case.assigned',
      payload: {
        teamId: d.teamId,
        judgeId: d.judgeId,
        runId,
        rule: d.rule,
        ...(reassign ? { fromTeamId: before.team_id, fromJudgeId: before.judge_id, reason: r.reason } : {}),
      },
    });
    setStage(db, actor, at, d.caseId, r.stage, `${RUN_KIND_LABELS[r.kind]}（批次 ${runId}）`);
  }
  appendEvent(db, actor, at, {
    caseId: null,
    type: 'assignment.run',
    payload: { runId, kind: r.kind, cases: r.stats.cases, assigned: r.stats.assigned, unassigned: r.stats.unassigned, byRule: r.stats.byRule },
  });
  return runId;
}

/** The runs, newest first; a tribunal team sees only runs whose every case is the team's. */
export function listRuns(db: Db, offset: number, limit: number, scope: CaseScope) {
  const inside = wholeContainerSql(scope, 'SELECT i.case_id FROM assignment_items i WHERE i.run_id = r.id');
  const total = db.raw<{ n: number }>(`SELECT count(*) AS n FROM assignment_runs r WHERE 1${inside.sql}`, ...inside.params)[0]!.n;
  const rows = db.raw<Parameters<typeof runView>[0]>(`SELECT r.* FROM assignment_runs r WHERE 1${inside.sql} ORDER BY r.id DESC LIMIT ? OFFSET ?`, ...inside.params, limit, offset);
  return { total, rows: rows.map(runView) };
}

function runView(r: { id: number; kind: string; cap: number; basis: string; case_count: number; assigned_count: number; unassigned_count: number; reason: string | null; stats: string; at: string; on_date: string; actor_name: string }) {
  return {
    id: r.id,
    kind: r.kind as RunKind,
    kindLabel: RUN_KIND_LABELS[r.kind as RunKind] ?? r.kind,
    cap: r.cap,
    basis: r.basis,
    cases: r.case_count,
    assigned: r.assigned_count,
    unassigned: r.unassigned_count,
    reason: r.reason,
    stats: JSON.parse(r.stats) as DistStats,
    at: r.at,
    onDate: r.on_date,
    actor: r.actor_name,
  };
}

export function getRun(db: Db, id: number, offset: number, limit: number) {
  const r = db.get(db.q.selectFrom('assignment_runs').selectAll().where('id', '=', id));
  if (!r) throw new ApiError('not_found', `分案批次不存在（编号 ${id}）`, 'id');
  const items = db.raw<{ case_id: number; number: string; team_id: string | null; judge_id: number | null; judge_name: string | null; rule: string; explanation: string }>(
    `SELECT i.case_id, c.number, i.team_id, i.judge_id, u.display_name AS judge_name, i.rule, i.explanation
     FROM assignment_items i JOIN cases c ON c.id = i.case_id LEFT JOIN users u ON u.id = i.judge_id
     WHERE i.run_id = ? ORDER BY i.id LIMIT ? OFFSET ?`,
    id,
    limit,
    offset,
  );
  return {
    run: runView(r),
    items: items.map((i) => ({ caseId: i.case_id, number: i.number, teamId: i.team_id, judgeId: i.judge_id, judgeName: i.judge_name, rule: i.rule, explanation: i.explanation })),
  };
}

/** "Why did I get this case": every run that touched the case, oldest first. */
export function explainCase(db: Db, caseId: number) {
  getCaseRow(db, caseId);
  return db
    .raw<{ run_id: number; kind: string; at: string; actor_name: string; team_id: string | null; judge_id: number | null; judge_name: string | null; rule: string; explanation: string; reason: string | null }>(
      `SELECT i.run_id, r.kind, r.at, r.actor_name, i.team_id, i.judge_id, u.display_name AS judge_name, i.rule, i.explanation, r.reason
       FROM assignment_items i JOIN assignment_runs r ON r.id = i.run_id LEFT JOIN users u ON u.id = i.judge_id
       WHERE i.case_id = ? ORDER BY i.id`,
      caseId,
    )
    .map((x) => ({
      runId: x.run_id,
      kind: x.kind as RunKind,
      kindLabel: RUN_KIND_LABELS[x.kind as RunKind] ?? x.kind,
      at: x.at,
      actor: x.actor_name,
      teamId: x.team_id,
      judgeId: x.judge_id,
      judgeName: x.judge_name,
      rule: x.rule,
      explanation: x.explanation,
      reason: x.reason,
    }));
}
