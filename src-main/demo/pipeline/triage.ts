import { runDistribution } from '../../services/assignment/distribute';
import { confirmTriage, proposeTriage } from '../../services/triage/triage';
import type { CasePlan } from '../casePlan';
import { at, stageOf, type Pipeline } from './state';

// 繁简分流 and 分案 as the command centre does them each morning: the rules propose, the clerk
// confirms the list as proposed (settings.triage), complex cases go to the tribunal covering the
// debtor's township in one distribution run, simple ones to the fast-track team.

export function triageDay(p: Pipeline, date: string, plans: CasePlan[]): void {
  const ids = plans.filter((c) => stageOf(p, c.caseId) === 'triage').map((c) => c.caseId);
  if (ids.length === 0) return;
  const t = at(p, date, 100);
  const actor = p.ctx.rng.pick(p.staff.docsQuery);
  p.ctx.db.tx(() => {
    proposeTriage(p.ctx.db, actor, t, ids);
    confirmTriage(p.ctx.db, actor, t, ids.map((caseId) => ({ caseId })));
  });
  p.counts.triaged += ids.length;
}

export function distributeDay(p: Pipeline, date: string, plans: CasePlan[]): void {
  const ids = plans.filter((c) => stageOf(p, c.caseId) === 'assignment').map((c) => c.caseId);
  if (ids.length === 0) return;
  const t = at(p, date, 130);
  const r = runDistribution(p.ctx.db, p.ctx.rng.pick(p.staff.docsQuery), t, date, { caseIds: ids, dryRun: false });
  p.counts.assigned += r.decisions.filter((d) => d.judgeId !== null || d.teamId !== null).length;
}
