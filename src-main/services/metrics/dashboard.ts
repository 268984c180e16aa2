import type { Db } from '../../db/connection';
import type { Figure } from '../../../src-shared/domain/metrics/compute';
import { METRIC_BY_ID, type MetricColumn } from '../../../src-shared/domain/metrics/definitions';
import { previousMonth, resolvePeriod, trailingMonths, type Period } from '../../../src-shared/domain/metrics/period';
import { computeFigures } from '../../../src-shared/domain/metrics/compute';
import type { DashboardOutput, DashboardView } from '../../../src-shared/api/methods/metrics';
import { getSettings } from '../settings/settings';
import { factsOf, loadFactSpan, type Scope } from './facts';
import { contextOf, metricSettings, scopeView } from './context';

// The leaders' dashboard (issue 8): the month against the month before and the same month a year
// earlier, 12-month trends, the teams side by side, and the deadline board's overdue counts.

/** The cards, in the order leaders read them. */
export const DASHBOARD_CARDS: readonly (readonly [string, MetricColumn])[] = [
  ['accepted', 'main'],
  ['closed', 'main'],
  ['closureRate', 'main'],
  ['actualClosureRate', 'main'],
  ['firstCompletionRate', 'first'],
  ['firstRecoveryRate', 'first'],
  ['propertyWithinLimitRate', 'first'],
  ['firstAvgDays', 'first'],
  ['zhongbenQualityRate', 'first'],
  ['payoutOnTimeRate', 'all'],
  ['payoutOverdue', 'all'],
  ['openAtEnd', 'main'],
];
export const TREND_METRICS: readonly (readonly [string, MetricColumn])[] = [
  ['accepted', 'main'],
  ['closed', 'main'],
  ['closureRate', 'main'],
  ['firstAvgDays', 'first'],
];

export type DeadlineSummary = DashboardOutput['deadlines'];
export const NO_DEADLINES: DeadlineSummary = { available: false, overdue: null, dueSoon: null, byTeam: [], note: '节点期限看板（deadlines.board）尚未启用' };

const pick = (figs: Figure[], id: string, col: MetricColumn) => figs.find((f) => f.metricId === id && f.column === col);

/**
 * The dashboard of one month: 15 months' figures and the teams' — all from one read of the facts of
 * the thirteen months it spans (facts.ts loadFactSpan), each month cut out of it in memory.
 */
export function dashboard(db: Db, year: number, month: number, scope: Scope, deadlines: DeadlineSummary = NO_DEADLINES): DashboardView {
  const settings = metricSettings(db);
  const monthOf = (y: number, m: number): Period => resolvePeriod({ kind: 'month', year: y, month: m });
  const current = monthOf(year, month);
  const lastYear = monthOf(year - 1, month);
  const span = loadFactSpan(db, lastYear.from, current.to, scope, { narrowed: scope.kind === 'court', numbers: false });
  const figuresOf = (period: Period, ids: readonly string[], s: Scope = scope) => computeFigures(factsOf(span, period, s), contextOf(period, settings, s), ids);
  const cardIds = [...new Set(DASHBOARD_CARDS.map(([id]) => id))];
  const cur = { period: current, scope: scopeView(db, scope), figures: figuresOf(current, cardIds) };
  const pm = previousMonth(year, month);
  const prev = figuresOf(monthOf(pm.year, pm.month), cardIds);
  const last = figuresOf(lastYear, cardIds);
  const cards = DASHBOARD_CARDS.map(([id, col]) => {
    const f = pick(cur.figures, id, col);
    const def = METRIC_BY_ID.get(id)!;
    return {
      metricId: id,
      name: def.name,
      unit: def.unit,
      column: col,
      value: f?.value ?? null,
      numerator: f?.numerator ?? 0,
      denominator: f?.denominator ?? null,
      previousMonth: pick(prev, id, col)?.value ?? null,
      sameMonthLastYear: pick(last, id, col)?.value ?? null,
    };
  });
  const trendIds = [...new Set(TREND_METRICS.map(([id]) => id))];
  const trend = trailingMonths(year, month).map((m) => {
    const p = monthOf(m.year, m.month);
    const figs = figuresOf(p, trendIds);
    return { code: p.code, label: `${m.year}.${String(m.month).padStart(2, '0')}`, values: Object.fromEntries(TREND_METRICS.map(([id, col]) => [id, pick(figs, id, col)?.value ?? null])) };
  });
  const teamIds = ['accepted', 'closed', 'closureRate', 'firstCompletionRate', 'firstAvgDays'];
  const teams =
    scope.kind === 'court'
      ? getSettings(db)
          .teams.filter((t) => t.active)
          .map((t) => {
            const figs = figuresOf(current, teamIds, { kind: 'team', teamId: t.id });
            return {
              teamId: t.id,
              teamName: t.name,
              accepted: pick(figs, 'accepted', 'main')?.value ?? 0,
              closed: pick(figs, 'closed', 'main')?.value ?? 0,
              closureRate: pick(figs, 'closureRate', 'main')?.value ?? null,
              firstCompletionRate: pick(figs, 'firstCompletionRate', 'first')?.value ?? null,
              firstAvgDays: pick(figs, 'firstAvgDays', 'first')?.value ?? null,
              rank: null as number | null,
            };
          })
      : [];
  // Inside the court teams are ranked monthly (seeds/003 “月通报、季总结、年奖惩”): by 执结率, then closures.
  const ranked = [...teams].filter((t) => t.closureRate !== null).sort((a, b) => b.closureRate! - a.closureRate! || b.closed - a.closed);
  ranked.forEach((t, i) => (t.rank = i > 0 && ranked[i - 1]!.closureRate === t.closureRate && ranked[i - 1]!.closed === t.closed ? ranked[i - 1]!.rank : i + 1));
  teams.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  return { period: cur.period, scope: cur.scope, cards, trend, teams, deadlines };
}
