import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { distribute, type DistCase } from '../../../src-shared/domain/distribution';
import type { Actor } from '../../events/log';
import { getSettings } from '../settings/settings';
import { judgeLoads, judgesOf, teamsOfKind } from './loads';
import { recordRun } from './runs';

/** The cases waiting for a team (stage 'assignment'), oldest filing first, with their debtors' addresses. */
export function waitingCases(db: Db, caseIds?: number[]): DistCase[] {
  let q = db.q.selectFrom('cases').select(['id', 'number']).where('stage', '=', 'assignment');
  if (caseIds) q = q.where('id', 'in', caseIds.length ? caseIds : [-1]);
  const cases = db.all(q.orderBy('filed_on').orderBy('id'));
  if (cases.length === 0) return [];
  const addr = new Map<number, string[]>();
  const parties = db.raw<{ case_id: number; address: string | null }>(
    `SELECT p.case_id, p.address FROM parties p JOIN cases c ON c.id = p.case_id
     WHERE c.stage = 'assignment' AND p.role = 'debtor' ORDER BY p.case_id, p.seq`,
  );
  for (const p of parties) if (p.address) (addr.get(p.case_id) ?? addr.set(p.case_id, []).get(p.case_id)!).push(p.address);
  // Also the service address from the first interview (a debtor may live elsewhere than registered).
  return cases.map((c) => ({ id: c.id, number: c.number, addresses: addr.get(c.id) ?? [] }));
}

/**
 * A distribution run over every waiting complex case (or the given ones). `dryRun` computes the
 * same decisions without writing, so the clerk sees the plan first.
 */
export function runDistribution(db: Db, actor: Actor, at: Date, today: string, opts: { caseIds?: number[] | undefined; dryRun: boolean }) {
  const go = () => {
    const settings = getSettings(db);
    const { cap, capBasis } = settings.assignment;
    const teams = teamsOfKind(settings, ['tribunal', 'other']);
    if (teams.length === 0) throw new ApiError('conflict', '尚未设置法庭执行团队（设置 → 团队），无法分案', 'teams');
    const judges = judgesOf(db, teams, 'team', judgeLoads(db, capBasis, today));
    if (judges.length === 0) throw new ApiError('conflict', '执行团队中没有角色为“法庭执行团队”的法官，无法分案', 'judges');
    const cases = waitingCases(db, opts.caseIds);
    if (opts.caseIds && cases.length !== opts.caseIds.length) {
      const found = new Set(cases.map((c) => c.id));
      const i = opts.caseIds.findIndex((id) => !found.has(id));
      throw new ApiError('conflict', `案件（编号 ${opts.caseIds[i]}）不在待分案环节`, `caseIds.${i}`);
    }
    const result = distribute(cases, teams, judges, cap);
    const runId = opts.dryRun ? null : recordRun(db, actor, at, { kind: 'distribution', cap, basis: capBasis, reason: null, decisions: result.decisions, stats: result.stats, stage: 'team' });
    return { runId, dryRun: opts.dryRun, cap, basis: capBasis, ...result };
  };
  return opts.dryRun ? go() : db.tx(go);
}
