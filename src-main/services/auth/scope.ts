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
export type CaseScope = { all: true } | { all: false; teamId: string | null; userId: number; coercion?: true };

/**
 * The judicial police of the detention team (role 'detention') see the cases that sent the team a
 * request (coercion_requests): they carry out 拘传, 拘留 and searches for any team's case, but only
 * once asked (desks.md §2 "Who does it"). A user with both roles sees both sets.
 */
export function caseScope(user: Pick<SessionUser, 'id' | 'roles' | 'teamId' | 'allCases'> | null): CaseScope {
  if (!user) return { all: true }; // internal calls and public methods name no case
  const scopedOnly = user.roles.length > 0 && user.roles.every((r) => (SCOPED_ROLES as readonly string[]).includes(r));
  if (!scopedOnly || user.allCases) return { all: true };
  if (user.roles.includes('detention')) return { all: false, teamId: user.roles.includes('team') ? user.teamId : null, userId: user.id, coercion: true };
  return { all: false, teamId: user.teamId, userId: user.id };
}

/** Cases that sent the detention team a request (the detention team's scope). */
const REQUESTED = 'SELECT case_id FROM coercion_requests';

/** The scope's condition over a case's team column and id column, as SQL with its params ('1' = everything). */
function condition(scope: Exclude<CaseScope, { all: true }>, teamCol: string, idCol: string): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (scope.teamId !== null) {
    parts.push(`${teamCol} = ?`);
    params.push(scope.teamId);
  }
  if (scope.coercion) parts.push(`${idCol} IN (${REQUESTED})`);
  if (parts.length === 0) return { sql: '0', params };
  return { sql: parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`, params };
}

/** The first of these cases outside the scope (unknown ids are not outside: the handler says not_found). */
export function firstOutside(db: Db, scope: CaseScope, caseIds: readonly number[]): { id: number; number: string } | null {
  if (scope.all || caseIds.length === 0) return null;
  const ids = [...new Set(caseIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const inside = condition(scope, 'team_id', 'id');
    const outside = db.raw<{ id: number; number: string }>(
      `SELECT id, number FROM cases WHERE id IN (${chunk.map(() => '?').join(',')}) AND NOT coalesce(${inside.sql}, 0) ORDER BY id LIMIT 1`,
      ...chunk,
      ...inside.params,
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
  const c = condition(scope, `${alias}.team_id`, `${alias}.id`);
  return { sql: ` AND ${c.sql}`, params: c.params };
}

/** The same condition for a Kysely query: `q.where(inScope(scope))` over a join of cases as `c`. */
export function inScope(scope: CaseScope, teamColumn = 'c.team_id'): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`1`;
  const team = scope.teamId === null ? sql<boolean>`0` : sql<boolean>`${sql.ref(teamColumn)} = ${scope.teamId}`;
  if (!scope.coercion) return team;
  // The case's id column sits beside its team column (c.team_id → c.id).
  const idColumn = teamColumn.replace(/team_id$/, 'id');
  return sql<boolean>`(${team} OR ${sql.ref(idColumn)} IN (${sql.raw(REQUESTED)}))`;
}

/**
 * SQL keeping a container (batch, run, print file, job) only when it holds cases and every one of
 * them is in scope. `casesOf` is a subquery selecting the case ids of one container, correlated to
 * the outer row.
 */
export function wholeContainerSql(scope: CaseScope, casesOf: string): { sql: string; params: string[] } {
  if (scope.all) return { sql: '', params: [] };
  const c = condition(scope, 'sx.team_id', 'sx.id');
  return {
    sql: ` AND EXISTS (${casesOf}) AND NOT EXISTS (SELECT 1 FROM cases sx WHERE sx.id IN (${casesOf}) AND NOT coalesce(${c.sql}, 0))`,
    params: c.params,
  };
}

/**
 * Narrows a register filter to the user's team. Returns null when the filter asks for another
 * team's cases, i.e. the answer is empty.
 */
export function scopeFilter<F extends { teamId?: string | undefined }>(scope: CaseScope, filter: F): F | null {
  if (scope.all) return filter;
  // The detention team reads the register of its requests on its own page (coercion.*), not here.
  if (scope.teamId === null) return null;
  if (filter.teamId !== undefined && filter.teamId !== scope.teamId) return null;
  return { ...filter, teamId: scope.teamId };
}
