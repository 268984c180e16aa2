import { z } from 'zod';
import { defineMethods } from '../contract';
import { emptyInput, isoDate, okOutput, rebuildingView } from '../common';

// Performance metrics (metrics.md): definitions, figures for a period and scope, drill-down, dashboard.

export const periodInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('month'), year: z.number().int().min(2000, '年份无效').max(2100, '年份无效'), month: z.number().int().min(1, '月份应为1至12').max(12, '月份应为1至12') }),
    z.object({ kind: z.literal('quarter'), year: z.number().int().min(2000, '年份无效').max(2100, '年份无效'), quarter: z.number().int().min(1, '季度应为1至4').max(4, '季度应为1至4') }),
    z.object({ kind: z.literal('year'), year: z.number().int().min(2000, '年份无效').max(2100, '年份无效') }),
    z.object({ kind: z.literal('ytd'), year: z.number().int().min(2000, '年份无效').max(2100, '年份无效'), month: z.number().int().min(1, '月份应为1至12').max(12, '月份应为1至12') }),
    z.object({ kind: z.literal('custom'), from: isoDate, to: isoDate }),
  ],
  { error: '统计期类型应为 month、quarter、year、ytd 或 custom' },
);

export const scopeInput = z
  .discriminatedUnion(
    'kind',
    [z.object({ kind: z.literal('court') }), z.object({ kind: z.literal('team'), teamId: z.string().trim().min(1, '团队不能为空').max(50) }), z.object({ kind: z.literal('judge'), judgeId: z.number().int().positive() })],
    { error: '范围应为 court、team 或 judge' },
  )
  .default({ kind: 'court' });

export const metricColumn = z.enum(['main', 'first', 'resumed', 'preservation', 'review', 'all']);

export const periodView = z.object({ kind: z.string(), code: z.string(), label: z.string(), from: z.string(), to: z.string() });
export const scopeView = z.object({ kind: z.enum(['court', 'team', 'judge']), id: z.string().nullable(), label: z.string() });

export const figureView = z.object({
  metricId: z.string(),
  column: metricColumn,
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  numeratorCases: z.number().int(),
  denominatorCases: z.number().int().nullable(),
  version: z.number().int(),
  settings: z.record(z.string(), z.unknown()),
});
export type FigureView = z.infer<typeof figureView>;

export const definitionView = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  status: z.enum(['V', 'P', 'U']),
  kind: z.string(),
  unit: z.string(),
  dp: z.number().int(),
  rows: z.enum(['cases', 'receipts']),
  columns: z.array(z.object({ id: metricColumn, label: z.string() })),
  numeratorText: z.string(),
  denominatorText: z.string(),
  caseTypesText: z.string(),
  roundingText: z.string(),
  source: z.string(),
  headline: z.boolean(),
  settings: z.record(z.string(), z.unknown()),
});

export const computeOutput = z.object({ period: periodView, scope: scopeView, figures: z.array(figureView), rebuilding: rebuildingView });

export const drillRow = z.object({
  caseId: z.number().int(),
  number: z.string(),
  type: z.string(),
  filedOn: z.string(),
  closedOn: z.string().nullable(),
  mode: z.string().nullable(),
  claimFen: z.number().int(),
  recoveredFen: z.number().int(),
  days: z.number().int().nullable(),
  teamId: z.string().nullable(),
  judgeId: z.number().int().nullable(),
  inNumerator: z.boolean(),
});

/** The dashboard's periods: 月, 季, 年初至今, 年 (a custom range has no period before it to compare). */
export const dashboardPeriodInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('month'), year: z.number().int().min(2000, '年份无效').max(2100, '年份无效'), month: z.number().int().min(1, '月份应为1至12').max(12, '月份应为1至12') }),
    z.object({ kind: z.literal('quarter'), year: z.number().int().min(2000, '年份无效').max(2100, '年份无效'), quarter: z.number().int().min(1, '季度应为1至4').max(4, '季度应为1至4') }),
    z.object({ kind: z.literal('ytd'), year: z.number().int().min(2000, '年份无效').max(2100, '年份无效'), month: z.number().int().min(1, '月份应为1至12').max(12, '月份应为1至12') }),
    z.object({ kind: z.literal('year'), year: z.number().int().min(2000, '年份无效').max(2100, '年份无效') }),
  ],
  { error: '看板统计期应为 月、季、年初至今 或 年' },
);

/** A card: numerator and denominator of an amount ratio (到位率) are in fen, like every amount. */
const cardFigure = z.object({
  metricId: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: z.string(),
  column: metricColumn,
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  /** The period before (上月, 上季, 上年); null when the period has none. */
  previous: z.number().nullable(),
  /** The same period a year earlier (去年同月, 去年同季, 去年同期); null for a year. */
  lastYear: z.number().nullable(),
});

export const dashboardOutput = z.object({
  period: periodView,
  scope: scopeView,
  /** The names of the two comparisons, null where the period has none. */
  comparison: z.object({ previous: z.string().nullable(), lastYear: z.string().nullable() }),
  cards: z.array(cardFigure),
  trend: z.array(z.object({ code: z.string(), label: z.string(), values: z.record(z.string(), z.number().nullable()) })),
  teams: z.array(z.object({ teamId: z.string(), teamName: z.string(), accepted: z.number().int(), closed: z.number().int(), closureRate: z.number().nullable(), firstCompletionRate: z.number().nullable(), firstAvgDays: z.number().nullable(), rank: z.number().int().nullable() })),
  deadlines: z.object({ available: z.boolean(), overdue: z.number().int().nullable(), dueSoon: z.number().int().nullable(), byTeam: z.array(z.object({ teamId: z.string().nullable(), overdue: z.number().int() })), note: z.string() }),
  rebuilding: rebuildingView,
});
export type DashboardOutput = z.infer<typeof dashboardOutput>;
/** The dashboard's figures (what the printed and spreadsheet dashboards carry). */
export type DashboardView = Omit<DashboardOutput, 'rebuilding'>;

const computeInput = z.object({ period: periodInput, scope: scopeInput, metricIds: z.array(z.string().max(80)).max(200).optional() });

export const metricsMethods = defineMethods({
  'metrics.definitions': {
    summary: '质效指标的定义：分子、分母、案件范围、取舍规则、依据，以及当前生效的设置',
    input: emptyInput,
    output: z.array(definitionView),
    access: 'user',
    cases: 'none',
  },
  'metrics.compute': {
    summary: '按统计期与范围（全院、团队、法官）从案件事件计算全部指标',
    input: computeInput,
    output: computeOutput,
    access: 'user',
    cases: { ids: { 'scope.teamId': 'team', 'scope.judgeId': 'judge' }, narrows: 'rows' },
  },
  'metrics.drilldown': {
    summary: '指标穿透：列出分子、分母背后的案件',
    input: z.object({
      period: periodInput,
      scope: scopeInput,
      metricId: z.string().max(80),
      column: metricColumn,
      side: z.enum(['numerator', 'denominator']).default('denominator'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(200),
    }),
    output: z.object({ metricId: z.string(), column: metricColumn, side: z.enum(['numerator', 'denominator']), numeratorCount: z.number().int(), denominatorCount: z.number().int().nullable(), total: z.number().int(), rows: z.array(drillRow), rebuilding: rebuildingView }),
    access: 'user',
    cases: { ids: { 'scope.teamId': 'team', 'scope.judgeId': 'judge' }, narrows: 'rows' },
    errors: ['not_found'],
  },
  'metrics.dashboard': {
    summary: '领导看板：月、季、年初至今或年的指标，与上期、去年同期对比，12个月走势，团队排名，节点超期数',
    input: z.object({ period: dashboardPeriodInput, scope: scopeInput }),
    output: dashboardOutput,
    access: 'user',
    cases: { ids: { 'scope.teamId': 'team', 'scope.judgeId': 'judge' }, narrows: 'rows' },
  },
  'metrics.rebuildFacts': {
    summary: '从事件日志重新生成指标事实表（核对用，以任务运行并显示进度；结果应与实时维护的一致）',
    input: emptyInput,
    output: okOutput.extend({ cases: z.number().int(), receipts: z.number().int() }),
    access: ['admin'],
    cases: 'court',
    writes: true,
    versions: { exempt: '从事件日志重建统计事实表，不改变案件' },
  },
});
