import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { SCOPED_ROLES } from '../../../src-shared/api/roles';
import type { SessionUser } from '../../api/context';

/**
 * Which cases a user may see and change ("a tribunal team sees and changes only its cases unless
 * granted more"). A user whose only roles are scoped ones ('team') is limited to the cases of their
 * team (none while no team is set); any command-centre role, the administrator, or the allCases
 * grant opens the whole register. One place decides this; the registry computes it for every call
 * and hands it to the handler as `ctx.scope` (see src-shared/api/caseScope.ts for how each method
 * declares the cases it touches).
 */
export type CaseScope = { all: true } | { all: false; teamId: string | null; userId: number };

export function caseScope(user: Pick<SessionUser, 'id' | 'roles' | 'teamId' | 'allCases'> | null): CaseScope {
  if (!user) return { all: true }; // internal calls and public methods name no case
  const scopedOnly = user.roles.length > 0 && user.roles.every((r) => (SCOPED_ROLES as readonly string[]).includes(r));
  if (!scopedOnly || user.allCases) return { all: true };
  return { all: false, teamId: user.teamId, userId: user.id };
}

/** The first of these cases outside the scope (unknown ids are not outside: the handler says not_found). */
export function firstOutside(db: Db, scope: CaseScope, caseIds: readonly number[]): { id: number; number: string } | null {
  if (scope.all || caseIds.length === 0) return null;
  const ids = [...new Set(caseIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const outside = db.raw<{ id: number; number: string }>(
      `SELECT id, number FROM cases WHERE id IN (${chunk.map(() => '?').join(',')}) AND (team_id IS NULL OR team_id IS NOT ?) ORDER BY id LIMIT 1`,
      ...chunk,
      scope.teamId,
    )[0];
    if (outside) return outside;
  }
  return null;
}

/** Refuses when any of the cases belongs to another team. */
export function assertCasesInScope(db: Db, scope: CaseScope, caseIds: readonly number[], field = 'caseId'): void {
  const outside = firstOutside(db, scope, caseIds);
  if (outside) throw new ApiError('forbidden', `案件 ${outside.number} 不属于本团队，无权查看或办理`, field, { caseId: outside.id });
}

/**
 * SQL narrowing a query over cases (alias `c` by default) to the scope: '' for the whole register,
 * otherwise a condition on the team (false for a team member with no team). Use with its params.
 */
export function scopeSql(scope: CaseScope, alias = 'c'): { sql: string; params: string[] } {
  if (scope.all) return { sql: '', params: [] };
  if (scope.teamId === null) return { sql: ' AND 0', params: [] };
  return { sql: ` AND ${alias}.team_id = ?`, params: [scope.teamId] };
}

/** The same condition for a Kysely query: `q.where(inScope(scope))` over a join of cases as `c`. */
export function inScope(scope: CaseScope, teamColumn = 'c.team_id'): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`1`;
  if (scope.teamId === null) return sql<boolean>`0`;
  return sql<boolean>`${sql.ref(teamColumn)} = ${scope.teamId}`;
}

/**
 * SQL keeping a container (batch, run, print file, job) only when it holds cases and every one of
 * them is in scope. `casesOf` is a subquery selecting the case ids of one container, correlated to
 * the outer row.
 */
export function wholeContainerSql(scope: CaseScope, casesOf: string): { sql: string; params: string[] } {
  if (scope.all) return { sql: '', params: [] };
  if (scope.teamId === null) return { sql: ' AND 0', params: [] };
  return {
    sql: ` AND EXISTS (${casesOf}) AND NOT EXISTS (SELECT 1 FROM cases sx WHERE sx.id IN (${casesOf}) AND (sx.team_id IS NULL OR sx.team_id <> ?))`,
    params: [scope.teamId],
  };
}

/**
 * Narrows a register filter to the user's team. Returns null when the filter asks for another
 * team's cases, i.e. the answer is empty.
 */
export function scopeFilter<F extends { teamId?: string | undefined }>(scope: CaseScope, filter: F): F | null {
  if (scope.all) return filter;
  if (scope.teamId === null) return null;
  if (filter.teamId !== undefined && filter.teamId !== scope.teamId) return null;
  return { ...filter, teamId: scope.teamId };
}
