import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import type { DistDecision, DistStats } from '../../../src-shared/domain/distribution';
import type { CaseStage } from '../../../src-shared/domain/stages';
import type { Actor } from '../../events/log';
import { assertOpen } from '../cases/stage';
import { getCaseRow } from '../cases/queries';
import { getSettings } from '../settings/settings';
import { judgeLoads } from './loads';
import { recordRun } from './runs';
import { courtToday } from '../../../src-shared/domain/chineseDate';

/**
 * Bulk reassignment (改分) of open cases to one judge, with a reason, recorded as a run. The
 * judge's team becomes the cases' team; the cap still holds (a leader lowers another load first).
 */
export function reassignCases(db: Db, actor: Actor, at: Date, input: { caseIds: number[]; judgeId: number; reason: string }) {
  const reason = input.reason.trim();
  if (reason.length < 2) throw invalid('reason', '改分案件须填写理由');
  return db.tx(() => {
    const settings = getSettings(db);
    const judge = db.get(db.q.selectFrom('users').selectAll().where('id', '=', input.judgeId));
    if (!judge || judge.active !== 1) throw invalid('judgeId', '承办法官不存在或已停用');
    const roles = JSON.parse(judge.roles) as string[];
    const team = settings.teams.find((t) => t.id === judge.team_id && t.active);
    if (!team) throw invalid('judgeId', `${judge.display_name} 没有所属的有效团队，不能承办案件`);
    if (!roles.includes('team') && !roles.includes('fastTrack')) throw invalid('judgeId', `${judge.display_name} 不是执行团队成员`);
    const { cap, capBasis } = settings.assignment;
    const loads = judgeLoads(db, capBasis, courtToday(at));
    const before = loads.get(judge.id) ?? 0;
    const moving = input.caseIds.filter((id) => getCaseRow(db, id).judge_id !== judge.id).length;
    if (before + moving > cap) {
      throw new ApiError('conflict', `${judge.display_name} 名下已有${before}件，再改分${moving}件将超过上限${cap}件`, 'caseIds', { before, moving, cap });
    }
    const decisions: DistDecision[] = [];
    const from = new Map<number, number>();
    input.caseIds.forEach((id, i) => {
      assertOpen(db, id);
      const c = getCaseRow(db, id);
      if (c.stage !== 'team' && c.stage !== 'fastTrack') throw new ApiError('conflict', `案件 ${c.number} 尚未分案（当前环节：${c.stage}），请用分案`, `caseIds.${i}`);
      if (decisions.some((d) => d.caseId === id)) throw invalid(`caseIds.${i}`, '同一案件在列表中出现了两次');
      if (c.judge_id) from.set(c.judge_id, (from.get(c.judge_id) ?? 0) + 1);
      decisions.push({
        caseId: id,
        teamId: team.id,
        judgeId: judge.id,
        rule: 'jurisdiction',
        keyword: null,
        judgeLoadBefore: before,
        explanation: `${c.number}：改分给${team.name}${judge.display_name}，理由：${reason}`,
      });
    });
    for (const d of decisions) (d as { rule: string }).rule = 'reassigned';
    const stats: DistStats = {
      cases: decisions.length,
      assigned: decisions.length,
      unassigned: 0,
      byRule: { jurisdiction: 0, lightestTeam: 0, jurisdictionFull: 0, capReached: 0 },
      perTeam: [{ teamId: team.id, name: team.name, cases: decisions.length }],
      perJudge: [{ judgeId: judge.id, name: judge.display_name, teamId: team.id, before, after: before + moving, cases: decisions.length }],
    };
    const stage: CaseStage = roles.includes('team') && team.kind !== 'fastTrack' ? 'team' : 'fastTrack';
    const runId = recordRun(db, actor, at, { kind: 'reassignment', cap, basis: capBasis, reason, decisions, stats, stage });
    return { runId, moved: decisions.length, fromJudges: [...from.entries()].map(([judgeId, cases]) => ({ judgeId, cases })) };
  });
}
