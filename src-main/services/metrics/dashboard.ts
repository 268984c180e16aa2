import type { Db } from '../../db/connection';
import type { Figure } from '../../../src-shared/domain/metrics/compute';
import { METRIC_BY_ID, type MetricColumn } from '../../../src-shared/domain/metrics/definitions';
import { previousMonth, resolvePeriod, trailingMonths, type Period, type PeriodInput } from '../../../src-shared/domain/metrics/period';
import { computeFigures } from '../../../src-shared/domain/metrics/compute';
import type { DashboardOutput, DashboardView } from '../../../src-shared/api/methods/metrics';
import { getSettings } from '../settings/settings';
import { factsOf, loadFactSpan, type Scope } from './facts';
import { contextOf, metricPayoutDue, metricSettings, scopeView } from './context';

// The leaders' dashboard (metrics.md §1–2): a month, quarter, year to date or year against the period
// before and the same period a year earlier, 12-month trends, the teams side by side, and the deadline
// board's overdue counts.

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

/** The dashboard's periods: a month, a quarter, the year to date or a year (metrics.md §2 月报、季报、年报). */
export type DashboardPeriodInput = Extract<PeriodInput, { kind: 'month' | 'quarter' | 'ytd' | 'year' }>;

/**
 * What each kind of period is set against: the period before (上月, 上季, 上年) and the same period a
 * year earlier (去年同月, 去年同季, 去年同期). A year's "year before" is its previous period already;
 * a year to date has no period before it of the same length.
 */
export function comparisonsOf(p: DashboardPeriodInput): { previous: { label: string; input: DashboardPeriodInput } | null; lastYear: { label: string; input: DashboardPeriodInput } | null } {
  switch (p.kind) {
    case 'month': {
      const pm = previousMonth(p.year, p.month);
      return { previous: { label: '上月', input: { kind: 'month', ...pm } }, lastYear: { label: '去年同月', input: { ...p, year: p.year - 1 } } };
    }
    case 'quarter':
      return {
        previous: { label: '上季', input: p.quarter === 1 ? { kind: 'quarter', year: p.year - 1, quarter: 4 } : { kind: 'quarter', year: p.year, quarter: p.quarter - 1 } },
        lastYear: { label: '去年同季', input: { ...p, year: p.year - 1 } },
      };
    case 'ytd':
      return { previous: null, lastYear: { label: '去年同期', input: { ...p, year: p.year - 1 } } };
    case 'year':
      return { previous: { label: '上年', input: { kind: 'year', year: p.year - 1 } }, lastYear: null };
  }
}

/** The last month of a period (the trend's 12 months end there). */
function lastMonthOf(p: Period): { year: number; month: number } {
  return { year: Number(p.to.slice(0, 4)), month: Number(p.to.slice(5, 7)) };
}

/**
 * The dashboard of a month, quarter, year to date or year: its figures against the period before and
 * the same period a year earlier, the 12 months ending with it, and the teams' — all from one read of
 * the facts the periods span (facts.ts loadFactSpan), each period cut out of it in memory.
 */
export function dashboard(db: Db, input: DashboardPeriodInput, scope: Scope, deadlines: DeadlineSummary = NO_DEADLINES): DashboardView {
  const settings = metricSettings(db);
  const resolve = (p: PeriodInput): Period => resolvePeriod(p, settings.statisticalYear);
  const monthOf = (y: number, m: number): Period => resolve({ kind: 'month', year: y, month: m });
  const current = resolve(input);
  const cmp = comparisonsOf(input);
  const previous = cmp.previous ? resolve(cmp.previous.input) : null;
  const lastYear = cmp.lastYear ? resolve(cmp.lastYear.input) : null;
  const end = lastMonthOf(current);
  const months = trailingMonths(end.year, end.month);
  const first = monthOf(months[0]!.year, months[0]!.month);
  const from = [current, previous, lastYear, first].reduce((a, p) => (p && p.from < a ? p.from : a), current.from);
  const span = loadFactSpan(db, from, current.to, scope, { narrowed: scope.kind === 'court', numbers: false });
  const due = metricPayoutDue(db);
  const figuresOf = (period: Period, ids: readonly string[], s: Scope = scope) => computeFigures(factsOf(span, period, s), contextOf(period, settings, s, due), ids);
  const cardIds = [...new Set(DASHBOARD_CARDS.map(([id]) => id))];
  const cur = { period: current, scope: scopeView(db, scope), figures: figuresOf(current, cardIds) };
  const prev = previous ? figuresOf(previous, cardIds) : [];
  const last = lastYear ? figuresOf(lastYear, cardIds) : [];
  const cards = DASHBOARD_CARDS.map(([id, col]) => {
    const f = pick(cur.figures, id, col);
    const def = METRIC_BY_ID.get(id)!;
    return {
      metricId: id,
      name: def.name,
      unit: def.unit,
      kind: def.kind,
      column: col,
      value: f?.value ?? null,
      numerator: f?.numerator ?? 0,
      denominator: f?.denominator ?? null,
      previous: previous ? (pick(prev, id, col)?.value ?? null) : null,
      lastYear: lastYear ? (pick(last, id, col)?.value ?? null) : null,
    };
  });
  const trendIds = [...new Set(TREND_METRICS.map(([id]) => id))];
  const trend = months.map((m) => {
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
  return { period: cur.period, scope: cur.scope, comparison: { previous: cmp.previous?.label ?? null, lastYear: cmp.lastYear?.label ?? null }, cards, trend, teams, deadlines };
}
