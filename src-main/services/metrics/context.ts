import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import type { MetricContext } from '../../../src-shared/domain/metrics/derive';
import type { MetricContextSettings } from '../../../src-shared/domain/metrics/metricSettings';
import { resolvePeriod, type Period, type PeriodInput } from '../../../src-shared/domain/metrics/period';
import { getSettings } from '../settings/settings';
import type { Scope } from './facts';
import { ruleAmount } from '../../../src-shared/domain/deadlineRules';
import type { CaseScope } from '../auth/scope';
import { currentDeadlineContext } from '../deadlines/recompute';
import { payoutDueOf } from '../../../src-shared/domain/payoutClock';

/** The settings the metric definitions read, from the court's settings in force now. */
export function metricSettings(db: Db): MetricContextSettings {
  const s = getSettings(db);
  return { ...s.metrics, payoutDays: ruleAmount(s.deadlineRules, 'payout').amount };
}

export function periodOf(db: Db, input: PeriodInput, settings = metricSettings(db)): Period {
  if (input.kind === 'custom' && input.from > input.to) throw new ApiError('invalid_input', '开始日期不能晚于结束日期', 'period.from');
  return resolvePeriod(input, settings.statisticalYear);
}

export function contextOf(period: Period, settings: MetricContextSettings, scope: Scope, payoutDue?: (onDate: string) => string): MetricContext {
  return { period, settings, scopeKind: scope.kind, ...(payoutDue ? { payoutDue } : {}) };
}

/** The payout clock's due day as the 案款 page and the deadline board compute it (same rule, same working calendar). */
export function metricPayoutDue(db: Db): (onDate: string) => string {
  const ctx = currentDeadlineContext(db);
  return payoutDueOf(ctx.rules, ctx.cal);
}

/**
 * The figures a caller may read: a tribunal team's officer asking for the whole court gets the own
 * team's figures (another team or judge was refused by the registry already).
 */
export function narrowScope(scope: Scope, caseScope: CaseScope): Scope {
  if (caseScope.all || scope.kind !== 'court') return scope;
  if (caseScope.teamId === null) throw new ApiError('forbidden', '当前账号未设置所属团队，不能查看指标', 'scope');
  return { kind: 'team', teamId: caseScope.teamId };
}

/** A readable name for the scope: the court, a team's name, or a judge's display name. */
export function scopeView(db: Db, scope: Scope): { kind: Scope['kind']; id: string | null; label: string } {
  const s = getSettings(db);
  if (scope.kind === 'court') return { kind: 'court', id: null, label: s.courtName };
  if (scope.kind === 'team') {
    const team = s.teams.find((t) => t.id === scope.teamId);
    return { kind: 'team', id: scope.teamId, label: team?.name ?? scope.teamId };
  }
  const u = db.get(db.q.selectFrom('users').select('display_name').where('id', '=', scope.judgeId));
  return { kind: 'judge', id: String(scope.judgeId), label: u?.display_name ?? `法官${scope.judgeId}` };
}
