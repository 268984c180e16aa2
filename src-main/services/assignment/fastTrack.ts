import type { Db } from '../../db/connection';
import { distribute, type DistCase } from '../../../src-shared/domain/distribution';
import type { Actor } from '../../events/log';
import { getCaseRow } from '../cases/queries';
import { setStage } from '../cases/stage';
import { getSettings } from '../settings/settings';
import { judgeLoads, judgesOf, teamsOfKind } from './loads';
import { recordRun } from './runs';
import { courtToday } from '../../../src-shared/domain/chineseDate';

/**
 * Hands simple cases to the fast-track team (快执团队): each to its least-loaded member under the
 * cap, recorded as a run like any distribution. Without a fast-track team or members the cases
 * still move to the fast-track queue, unassigned. Caller's transaction.
 */
export function assignFastTrack(db: Db, actor: Actor, at: Date, caseIds: number[]): number | null {
  const settings = getSettings(db);
  const teams = teamsOfKind(settings, ['fastTrack']).map((t) => ({ ...t, areas: [] }));
  const { cap, capBasis } = settings.assignment;
  const judges = judgesOf(db, teams, 'fastTrack', judgeLoads(db, capBasis, courtToday(at)));
  if (teams.length === 0 || judges.length === 0) {
    for (const id of caseIds) setStage(db, actor, at, id, 'fastTrack', '繁简分流：简案，移交快执（未设置快执团队成员）');
    return null;
  }
  const cases: DistCase[] = caseIds.map((id) => ({ id, number: getCaseRow(db, id).number, addresses: [] }));
  const result = distribute(cases, teams, judges, cap);
  for (const d of result.decisions) d.explanation = d.explanation.replace('被执行人住所地不在任何法庭辖区，分至负担最轻的', '繁简分流为简案，移交');
  for (const d of result.decisions) if (d.judgeId === null) setStage(db, actor, at, d.caseId, 'fastTrack', '繁简分流：简案，快执团队成员均已满额');
  return recordRun(db, actor, at, { kind: 'fastTrack', cap, basis: capBasis, reason: '繁简分流：简案', decisions: result.decisions, stats: result.stats, stage: 'fastTrack' });
}
