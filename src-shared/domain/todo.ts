import type { Role } from '../api/roles';
import type { CaseStage } from './stages';

// Whose work a clock is (我的待办). A clock of the deadline rules (deadlineRules.ts) is the work of
// whoever holds the case at its stage — the command centre's documents and query group until triage
// and assignment, the fast-track team, the tribunal team, the 终本 group for the archive — except the
// rules that belong to one desk wherever the case stands: the money officer pays out (30-day payout,
// domain.md §7), the 终本 group re-queries (终本规定 Art. 9). A rule the court adds goes by stage.

export const STAGE_HOLDER: Record<CaseStage, Role | null> = {
  filed: 'docsQuery',
  query: 'docsQuery',
  control: 'docsQuery',
  triage: 'docsQuery',
  assignment: 'docsQuery',
  fastTrack: 'fastTrack',
  team: 'team',
  closed: null,
  archived: 'zhongben',
};

export const RULE_OWNER: Readonly<Record<string, Role>> = {
  payout: 'money',
  requery: 'zhongben',
};

/** The stages and rules whose clocks are this user's work (admin: everyone's). */
export function ownedWork(roles: readonly Role[]): { stages: CaseStage[]; rules: string[]; otherRulesExcluded: string[] } {
  const all = roles.includes('admin');
  const has = (r: Role) => all || roles.includes(r);
  const stages = (Object.keys(STAGE_HOLDER) as CaseStage[]).filter((s) => {
    const holder = STAGE_HOLDER[s];
    return holder !== null && has(holder);
  });
  const rules = Object.entries(RULE_OWNER)
    .filter(([, r]) => has(r))
    .map(([id]) => id);
  return { stages, rules, otherRulesExcluded: Object.keys(RULE_OWNER) };
}

/** Roles whose start page is 我的待办 (the window clerk starts at filing: that is the window's queue). */
export function landingPath(roles: readonly Role[]): string {
  if (roles.length > 0 && roles.every((r) => r === 'window')) return '/filing';
  return '/todo';
}

/** The last day of "this week" for a court-local date: the coming Sunday (ISO week, Monday first). */
export function weekEnd(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  const dow = d.getUTCDay(); // 0 = Sunday
  d.setUTCDate(d.getUTCDate() + (dow === 0 ? 0 : 7 - dow));
  return d.toISOString().slice(0, 10);
}
