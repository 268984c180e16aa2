import type { Db } from '../../db/connection';
import type { Role } from '../../../src-shared/api/roles';
import { BUCKET_LABELS } from '../../../src-shared/domain/deadlines';
import { ownedWork, RULE_OWNER, weekEnd } from '../../../src-shared/domain/todo';
import { diffCalendarDays } from '../../../src-shared/domain/chineseDate';
import type { CaseStage } from '../../../src-shared/domain/stages';
import { getSettings } from '../settings/settings';
import type { CaseScope } from '../auth/scope';
import type { Window } from '../deadlines/board';

// 我的待办: the open clocks of the deadline rules that are this user's work (src-shared/domain/todo.ts:
// the holder of the case at its stage, the desk a rule belongs to), due by the end of this week —
// overdue, due today, due later this week — one row per case with its clocks. Counts are of cases,
// not clocks: a case with three overdue clocks is one case to work on. Reads the derived deadlines
// table (the caller syncs it first, as the board does).

export type TodoBucket = 'overdue' | 'today' | 'week';

export interface TodoUser {
  id: number;
  roles: Role[];
  teamId: string | null;
}

/** WHERE over `deadlines d` selecting the user's clocks (open, due by `until`), with its params. */
function ownedSql(user: TodoUser, scope: CaseScope): { sql: string; params: unknown[] } | null {
  const work = ownedWork(user.roles);
  const parts: string[] = [];
  const params: unknown[] = [];
  const excluded = work.otherRulesExcluded;
  const notOwnedRule = excluded.length ? ` AND d.rule_id NOT IN (${excluded.map(() => '?').join(',')})` : '';
  for (const stage of work.stages) {
    // A tribunal team's officer works the own team's cases (the administrator everyone's).
    if (stage === 'team' && !user.roles.includes('admin')) {
      if (!user.teamId) continue;
      parts.push(`(d.stage = 'team' AND d.team_id = ?${notOwnedRule})`);
      params.push(user.teamId, ...excluded);
    } else {
      parts.push(`(d.stage = ?${notOwnedRule})`);
      params.push(stage, ...excluded);
    }
  }
  if (work.rules.length) {
    parts.push(`d.rule_id IN (${work.rules.map(() => '?').join(',')})`);
    params.push(...work.rules);
  }
  if (parts.length === 0) return null;
  let sql = `d.status = 'open' AND d.due_on <= ? AND (${parts.join(' OR ')})`;
  if (!scope.all) {
    if (scope.teamId === null) return null;
    sql += ' AND d.team_id = ?';
    params.push(scope.teamId);
  }
  return { sql, params };
}

const BUCKET_ORDER: Record<TodoBucket, number> = { overdue: 0, today: 1, week: 2 };

function bucketOf(w: Window, dueOn: string, dueAt: string | null): TodoBucket {
  if (dueOn < w.today || (dueAt !== null && dueAt < w.now)) return 'overdue';
  return dueOn === w.today ? 'today' : 'week';
}

export interface TodoCase {
  caseId: number;
  number: string;
  applicants: string;
  debtors: string;
  stage: CaseStage;
  bucket: TodoBucket;
  /** The case's officer is this user (本人承办). */
  mine: boolean;
  items: { ruleId: string; ruleName: string; dueOn: string; dueAt: string | null; bucket: TodoBucket; bucketLabel: string; daysOverdue: number }[];
}

export function myTodo(db: Db, w: Window, user: TodoUser, scope: CaseScope, limit = 300) {
  const until = weekEnd(w.today);
  const owned = ownedSql(user, scope);
  const rows = owned
    ? db.raw<{ case_id: number; rule_id: string; due_on: string; due_at: string | null; stage: CaseStage; judge_id: number; number: string; applicant_names: string; debtor_names: string }>(
        `SELECT d.case_id, d.rule_id, d.due_on, d.due_at, d.stage, d.judge_id, c.number, c.applicant_names, c.debtor_names
           FROM deadlines d JOIN cases c ON c.id = d.case_id
          WHERE ${owned.sql} ORDER BY d.due_on, d.case_id`,
        until,
        ...owned.params,
      )
    : [];
  const ruleNames = new Map(getSettings(db).deadlineRules.map((r) => [r.id, r.name]));
  const byCase = new Map<number, TodoCase>();
  for (const r of rows) {
    const bucket = bucketOf(w, r.due_on, r.due_at);
    let c = byCase.get(r.case_id);
    if (!c) {
      c = { caseId: r.case_id, number: r.number, applicants: r.applicant_names, debtors: r.debtor_names, stage: r.stage, bucket, mine: r.judge_id === user.id, items: [] };
      byCase.set(r.case_id, c);
    }
    if (BUCKET_ORDER[bucket] < BUCKET_ORDER[c.bucket]) c.bucket = bucket;
    const label = bucket === 'week' ? '本周到期' : BUCKET_LABELS[bucket];
    c.items.push({ ruleId: r.rule_id, ruleName: ruleNames.get(r.rule_id) ?? r.rule_id, dueOn: r.due_on, dueAt: r.due_at, bucket, bucketLabel: label, daysOverdue: Math.max(0, diffCalendarDays(w.today, r.due_on)) });
  }
  const cases = [...byCase.values()].sort((a, b) => BUCKET_ORDER[a.bucket] - BUCKET_ORDER[b.bucket] || (a.items[0]!.dueOn < b.items[0]!.dueOn ? -1 : a.items[0]!.dueOn > b.items[0]!.dueOn ? 1 : a.caseId - b.caseId));
  const totals = { overdue: 0, today: 0, week: 0 };
  for (const c of cases) totals[c.bucket]++;
  return { today: w.today, weekEnd: until, totals, cases: cases.slice(0, limit), truncated: cases.length > limit };
}

/** Cases with an overdue clock, per stage (the navigation's red numbers), and the user's own overdue or due-today cases. */
export function todoBadges(db: Db, w: Window, user: TodoUser, scope: CaseScope) {
  const overdue = `d.status = 'open' AND (d.due_on < ? OR (d.due_on = ? AND d.due_at IS NOT NULL AND d.due_at < ?))`;
  const teamSql = scope.all ? '' : scope.teamId === null ? ' AND 0' : ' AND d.team_id = ?';
  const teamParams = scope.all || scope.teamId === null ? [] : [scope.teamId];
  const byStage = Object.fromEntries(
    db.raw<{ stage: string; n: number }>(`SELECT d.stage, count(DISTINCT d.case_id) AS n FROM deadlines d WHERE ${overdue}${teamSql} GROUP BY d.stage`, w.today, w.today, w.now, ...teamParams).map((r) => [r.stage, r.n]),
  );
  const total = db.raw<{ n: number }>(`SELECT count(DISTINCT d.case_id) AS n FROM deadlines d WHERE ${overdue}${teamSql}`, w.today, w.today, w.now, ...teamParams)[0]!.n;
  const owned = ownedSql(user, scope);
  const mine = owned ? db.raw<{ n: number }>(`SELECT count(DISTINCT d.case_id) AS n FROM deadlines d WHERE ${owned.sql}`, w.today, ...owned.params)[0]!.n : 0;
  return { overdueByStage: byStage as Record<string, number>, overdueCases: total, myCases: mine };
}

/** Rules whose clocks follow a desk rather than the case's stage (shown in the page's note). */
export const DESK_RULES = Object.keys(RULE_OWNER);
