import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import type { SessionUser } from '../../api/context';

/**
 * Which cases a user may see and change (issue 7: "a tribunal team sees and changes only its cases
 * unless granted more"). A user whose only role is 'team' is limited to the cases of their team
 * (none while no team is set); any command-centre role, the administrator, or the allCases grant
 * opens the whole register. One place decides this: the registry's guard for inputs naming cases,
 * and the register's list and detail.
 */
export type CaseScope = { all: true } | { all: false; teamId: string | null };

export function caseScope(user: Pick<SessionUser, 'roles' | 'teamId' | 'allCases'> | null): CaseScope {
  if (!user) return { all: true }; // internal calls and public methods name no case
  const teamOnly = user.roles.length > 0 && user.roles.every((r) => r === 'team');
  if (!teamOnly || user.allCases) return { all: true };
  return { all: false, teamId: user.teamId };
}

/** Refuses when any of the cases belongs to another team. Unknown ids pass (the handler says not_found). */
export function assertCasesInScope(db: Db, user: SessionUser | null, caseIds: readonly number[]): void {
  const scope = caseScope(user);
  if (scope.all || caseIds.length === 0) return;
  const ids = [...new Set(caseIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const outside = db.raw<{ id: number; number: string }>(
      `SELECT id, number FROM cases WHERE id IN (${chunk.map(() => '?').join(',')}) AND (team_id IS NULL OR team_id IS NOT ?) LIMIT 1`,
      ...chunk,
      scope.teamId,
    )[0];
    if (outside) throw new ApiError('forbidden', `案件 ${outside.number} 不属于本团队，无权查看或办理`, 'caseId', { caseId: outside.id });
  }
}

/**
 * Every case id an API input names: fields called `caseId` (a number) or `caseIds` (numbers), at
 * any depth (e.g. `rows.3.caseId`). Domains that name cases this way are scoped with no code of their own.
 */
export function caseIdsIn(input: unknown, depth = 0, out: number[] = []): number[] {
  if (depth > 6 || input === null || typeof input !== 'object') return out;
  if (Array.isArray(input)) {
    for (const v of input) caseIdsIn(v, depth + 1, out);
    return out;
  }
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    if (k === 'caseId' && typeof v === 'number') {
      out.push(v);
    } else if (k === 'caseIds' && Array.isArray(v)) {
      for (const x of v) if (typeof x === 'number') out.push(x);
    } else if (typeof v === 'object') {
      caseIdsIn(v, depth + 1, out);
    }
  }
  return out;
}

/** The registry's generic guard: run on every validated input before the handler. */
export function guardCaseScope(db: Db, user: SessionUser | null, input: unknown): void {
  if (caseScope(user).all) return;
  assertCasesInScope(db, user, caseIdsIn(input));
}

/**
 * Narrows a register filter to the user's team. Returns null when the filter asks for another
 * team's cases, i.e. the answer is empty.
 */
export function scopeFilter<F extends { teamId?: string | undefined }>(user: SessionUser | null, filter: F): F | null {
  const scope = caseScope(user);
  if (scope.all) return filter;
  if (scope.teamId === null) return null;
  if (filter.teamId !== undefined && filter.teamId !== scope.teamId) return null;
  return { ...filter, teamId: scope.teamId };
}
