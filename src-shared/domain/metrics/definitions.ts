import { ALL_CLOSURE_MODES, CLOSURE_MODES, PRESERVATION_CLOSURE_MODES, ZHONGBEN } from '../closure';
import { addCalendarDays, diffCalendarDays } from '../chineseDate';
import { outcomeDueOn } from '../payoutClock';
import type { CaseGroup } from './facts';
import { netDays, withinLimit, type DerivedCase, type DerivedReceipt, type MetricContext } from './derive';
import type { MetricSettingKey } from './metricSettings';
import { ZHONGBEN_QUALITY_DP, zhongbenPassed, zhongbenReviewed } from './zhongbenQuality';

// THE definitions of the performance metrics (metrics.md §1 and §6, domain.md §6). Each one says,
// in code and in words, which rows form its denominator, which of those form its numerator (so the
// numerator is always a subset of the denominator), which case types count, how it rounds, and
// which settings it reads; the UI shows these texts next to the number and every figure carries
// the settings in force. Change a definition's logic → bump its version.

/** Columns of a figure table: 首执 (main), 执恢 separately, 执保 and 审查类 counted but outside the rates. */
export type MetricColumn = 'main' | 'first' | 'resumed' | 'preservation' | 'review' | 'all';
export const COLUMN_LABELS: Record<MetricColumn, string> = {
  main: '首执',
  first: '首执（仅执）',
  resumed: '执恢',
  preservation: '执保',
  review: '审查类',
  all: '全部',
};

export type MetricKind = 'count' | 'ratio' | 'amountRatio' | 'average' | 'perCapita' | 'amount';
export type Status = 'V' | 'P' | 'U';

interface Base {
  id: string;
  name: string;
  version: number;
  status: Status;
  kind: MetricKind;
  unit: '%' | '件' | '天' | '笔' | '元';
  dp: number;
  columns: readonly MetricColumn[];
  numeratorText: string;
  denominatorText: string;
  caseTypesText: string;
  source: string;
  uses: readonly MetricSettingKey[];
  /** Headline metrics appear on the dashboard cards and the monthly export summary. */
  headline?: boolean;
}

export interface CaseMetric extends Base {
  rows: 'cases';
  /** Denominator rows (for 'count' and 'amount' there is none: `num` selects the counted rows). */
  den?: (d: DerivedCase, c: MetricContext) => boolean;
  /** Numerator rows, tested only on denominator rows. */
  num: (d: DerivedCase, c: MetricContext) => boolean;
  /** average: the value summed over denominator rows; amountRatio: the numerator amount. */
  measure?: (d: DerivedCase, c: MetricContext) => number;
  /** amountRatio: the denominator amount. */
  denMeasure?: (d: DerivedCase, c: MetricContext) => number;
}

export interface ReceiptMetric extends Base {
  rows: 'receipts';
  den?: (r: DerivedReceipt, c: MetricContext) => boolean;
  num: (r: DerivedReceipt, c: MetricContext) => boolean;
  measure?: (r: DerivedReceipt, c: MetricContext) => number;
}

export type MetricDefinition = CaseMetric | ReceiptMetric;

const RATE_COLS = ['main', 'resumed'] as const;
const COUNT_COLS = ['main', 'resumed', 'preservation', 'review', 'all'] as const;
const FIRST = ['first'] as const;
const RATE_TYPES = '执（首次执行）；执恢单列（设置“执恢并入”可合并）；执保、审查类不计入；销案不计入分子分母';
const ROUND = '四舍五入保留两位小数';

const inMode = (d: DerivedCase, modes: readonly string[]) => d.f.mode !== null && modes.includes(d.f.mode);

const counts: CaseMetric[] = [
  {
    id: 'carriedOver', name: '旧存', version: 1, status: 'V', kind: 'count', unit: '件', dp: 0, columns: COUNT_COLS, rows: 'cases',
    numeratorText: '统计期开始时仍未结的案件（立案日早于期初，结案日为空或不早于期初）', denominatorText: '—', caseTypesText: '各类分列；销案不计',
    source: 'metrics.md §2 旧存 [V]', uses: ['statisticalYear'], num: (d) => d.carried,
  },
  {
    id: 'newlyFiled', name: '新收', version: 1, status: 'V', kind: 'count', unit: '件', dp: 0, columns: COUNT_COLS, rows: 'cases',
    numeratorText: '立案日在统计期内的案件', denominatorText: '—', caseTypesText: '各类分列；销案不计',
    source: 'metrics.md §2 [V]', uses: ['statisticalYear'], num: (d) => d.newly,
  },
  {
    id: 'accepted', name: '收案（受理）', version: 1, status: 'V', kind: 'count', unit: '件', dp: 0, columns: COUNT_COLS, rows: 'cases', headline: true,
    numeratorText: '旧存 + 新收', denominatorText: '—', caseTypesText: '各类分列；销案不计',
    source: 'metrics.md §1 “受理 = 旧存 + 新收” [V]', uses: ['statisticalYear'], num: (d) => d.accepted,
  },
  {
    id: 'closed', name: '结案', version: 1, status: 'V', kind: 'count', unit: '件', dp: 0, columns: COUNT_COLS, rows: 'cases', headline: true,
    numeratorText: '受理案件中结案日在统计期内的案件', denominatorText: '—', caseTypesText: '各类分列；销案不计',
    source: 'metrics.md §1 [V]', uses: ['statisticalYear'], num: (d) => d.closedIn,
  },
  ...ALL_CLOSURE_MODES.map((mode): CaseMetric => ({
    id: `closedBy:${mode}`, name: `结案：${mode}`, version: 1, status: 'P', kind: 'count', unit: '件', dp: 0,
    columns: (PRESERVATION_CLOSURE_MODES as readonly string[]).includes(mode) ? ['preservation'] : ['main', 'resumed', 'review'], rows: 'cases',
    numeratorText: mode === '销案' ? '统计期内以销案结案的案件（仅供查看，不计入收案、结案）' : `统计期内以“${mode}”方式结案的案件`,
    denominatorText: '—', caseTypesText: '各类分列', source: '法发〔2014〕26号第14条；domain.md §4.1', uses: [],
    num: mode === '销案' ? (d, c) => d.cancelled && d.f.closedOn! >= c.period.from : (d) => d.closedIn && d.f.mode === mode,
  })),
  {
    id: 'openAtEnd', name: '未结', version: 1, status: 'V', kind: 'count', unit: '件', dp: 0, columns: COUNT_COLS, rows: 'cases',
    numeratorText: '受理案件中期末仍未结的案件（= 受理 − 结案）', denominatorText: '—', caseTypesText: '各类分列',
    source: 'domain.md §6 统计期规则', uses: ['statisticalYear'], num: (d) => d.openAtEnd,
  },
  ...([[0, 90], [91, 180], [181, 365], [366, null]] as const).map(([lo, hi]): CaseMetric => ({
    id: `openAge:${lo}-${hi ?? ''}`, name: hi === null ? `未结案件：立案超过${lo - 1}天` : `未结案件：立案${lo}–${hi}天`, version: 1, status: 'U', kind: 'count', unit: '件', dp: 0,
    columns: COUNT_COLS, rows: 'cases', numeratorText: `期末未结、自立案日至期末的日历天数在${lo}${hi === null ? '天以上' : `至${hi}天之间`}的案件`, denominatorText: '—',
    caseTypesText: '各类分列', source: '分段为本系统约定（180天为法定期限，法发〔2006〕35号第1条）', uses: [],
    num: (d) => d.openAtEnd && d.days >= lo && (hi === null || d.days <= hi),
  })),
];

const rates: CaseMetric[] = [
  {
    id: 'closureRate', name: '执结率', version: 1, status: 'V', kind: 'ratio', unit: '%', dp: 2, columns: RATE_COLS, rows: 'cases', headline: true,
    numeratorText: '结案数', denominatorText: '受理数（旧存 + 新收）', caseTypesText: RATE_TYPES,
    source: 'metrics.md §1（S4；开鲁 3929/3979 = 98.74%）[V]', uses: ['statisticalYear', 'mergeResumed'],
    den: (d) => d.accepted, num: (d) => d.closedIn,
  },
  {
    id: 'actualClosureRate', name: '实际执结率', version: 1, status: 'P', kind: 'ratio', unit: '%', dp: 2, columns: RATE_COLS, rows: 'cases', headline: true,
    numeratorText: '结案数减去“非实际结案方式”（默认：终本）', denominatorText: '受理数', caseTypesText: RATE_TYPES,
    source: 'metrics.md §1 实际执结率 [P]；§6 默认', uses: ['statisticalYear', 'mergeResumed', 'actualClosureExcludes'],
    den: (d) => d.accepted, num: (d, c) => d.closedIn && !inMode(d, c.settings.actualClosureExcludes),
  },
  {
    id: 'actualShareOfClosed', name: '实结占结案比', version: 1, status: 'P', kind: 'ratio', unit: '%', dp: 2, columns: RATE_COLS, rows: 'cases',
    numeratorText: '实际结案数（同实际执结率分子）', denominatorText: '结案数', caseTypesText: RATE_TYPES,
    source: 'metrics.md §1（湖北报表两列）[P]', uses: ['statisticalYear', 'mergeResumed', 'actualClosureExcludes'],
    den: (d) => d.closedIn, num: (d, c) => !inMode(d, c.settings.actualClosureExcludes),
  },
  {
    id: 'completionRate', name: '执行完毕率', version: 1, status: 'P', kind: 'ratio', unit: '%', dp: 2, columns: RATE_COLS, rows: 'cases',
    numeratorText: '以“执行完毕”结案的案件', denominatorText: '结案数', caseTypesText: RATE_TYPES,
    source: 'metrics.md §1（青岛报表：执行完毕案件数 / 已结案件数，S9）[P]', uses: ['statisticalYear', 'mergeResumed'],
    den: (d) => d.closedIn, num: (d) => d.f.mode === '执行完毕',
  },
  {
    id: 'firstCompletionRate', name: '首执完毕率', version: 1, status: 'P', kind: 'ratio', unit: '%', dp: 2, columns: FIRST, rows: 'cases', headline: true,
    numeratorText: '以“执行完毕”结案的首执案件', denominatorText: '首执结案数', caseTypesText: '仅执（不含执恢、执保）',
    source: 'metrics.md §1 首执完毕率 [P]（开鲁 2023 Q1 30.3%）', uses: ['statisticalYear'],
    den: (d) => d.closedIn, num: (d) => d.f.mode === '执行完毕',
  },
  {
    id: 'recoveryRate', name: '执行到位率', version: 1, status: 'P', kind: 'amountRatio', unit: '%', dp: 2, columns: RATE_COLS, rows: 'cases',
    numeratorText: 'Σ实际到位金额（结案时记录的实际到位金额）', denominatorText: 'Σ申请执行标的金额；统计期内结案、有金钱给付标的的案件（不含设置排除的结案方式）',
    caseTypesText: RATE_TYPES, source: 'metrics.md §1（青岛报表：Σ实际到位金额 / Σ申请执行标的金额，S9）[P]；分母口径 §5 第3项 [U]', uses: ['statisticalYear', 'mergeResumed', 'recoveryExcludes'],
    den: (d, c) => d.closedIn && d.f.claimFen > 0 && !inMode(d, c.settings.recoveryExcludes), num: (d) => d.f.recoveredFen > 0,
    measure: (d) => d.f.recoveredFen, denMeasure: (d) => d.f.claimFen,
  },
  {
    id: 'firstRecoveryRate', name: '首执到位率', version: 1, status: 'P', kind: 'amountRatio', unit: '%', dp: 2, columns: FIRST, rows: 'cases', headline: true,
    numeratorText: 'Σ实际到位金额', denominatorText: 'Σ申请执行标的金额（统计期内结案的首执金钱给付案件）', caseTypesText: '仅执',
    source: 'metrics.md §1 首执到位率 [P]（开鲁 57.39%）', uses: ['statisticalYear', 'recoveryExcludes'],
    den: (d, c) => d.closedIn && d.f.claimFen > 0 && !inMode(d, c.settings.recoveryExcludes), num: (d) => d.f.recoveredFen > 0,
    measure: (d) => d.f.recoveredFen, denMeasure: (d) => d.f.claimFen,
  },
  {
    id: 'withinLimitRate', name: '法定期限内结案率', version: 1, status: 'P', kind: 'ratio', unit: '%', dp: 2, columns: FIRST, rows: 'cases',
    numeratorText: '立案至结案不超过180天（非诉90天）的案件；按设置扣除公告、中止、暂缓等不计入期间', denominatorText: '首执结案数', caseTypesText: '仅执',
    source: '法发〔2006〕35号第1条；《关于严格执行案件审理期限制度的若干规定》第9条；metrics.md §1 [P]/[U]；延长期限视为期限内：未采用（§6 默认关）',
    uses: ['statisticalYear', 'limitDays', 'limitDaysNonLitigation', 'limitDeductSuspensions'],
    den: (d) => d.closedIn, num: (d, c) => withinLimit(d, c.settings),
  },
  {
    id: 'propertyWithinLimitRate', name: '有财产可供执行案件法定期限内执结率', version: 1, status: 'U', kind: 'ratio', unit: '%', dp: 2, columns: FIRST, rows: 'cases', headline: true,
    numeratorText: '其中在法定期限内结案的案件', denominatorText: '以“有财产”结案方式（默认：终本以外）结案的首执案件', caseTypesText: '仅执',
    source: 'metrics.md §6 代理口径 [U]；目标≥90%（S5）', uses: ['statisticalYear', 'propertyProxyExcludes', 'limitDays', 'limitDaysNonLitigation', 'limitDeductSuspensions'],
    den: (d, c) => d.closedIn && !inMode(d, c.settings.propertyProxyExcludes), num: (d, c) => withinLimit(d, c.settings),
  },
  {
    id: 'avgDays', name: '结案平均用时', version: 1, status: 'P', kind: 'average', unit: '天', dp: 2, columns: RATE_COLS, rows: 'cases',
    numeratorText: 'Σ（结案日 − 立案日）日历天数（按设置扣除中止等期间）', denominatorText: '结案数', caseTypesText: RATE_TYPES,
    source: 'metrics.md §1（青岛 SQL 不扣除，S9）[P]', uses: ['statisticalYear', 'mergeResumed', 'avgDaysDeductSuspensions'],
    den: (d) => d.closedIn, num: (d) => d.closedIn, measure: (d, c) => netDays(d, c.settings.avgDaysDeductSuspensions),
  },
  {
    id: 'firstAvgDays', name: '首执案件结案平均用时', version: 1, status: 'P', kind: 'average', unit: '天', dp: 2, columns: FIRST, rows: 'cases', headline: true,
    numeratorText: 'Σ（结案日 − 立案日）', denominatorText: '首执结案数', caseTypesText: '仅执',
    source: 'metrics.md §1 [P]（开鲁 2022 61.68天）', uses: ['statisticalYear', 'avgDaysDeductSuspensions'],
    den: (d) => d.closedIn, num: (d) => d.closedIn, measure: (d, c) => netDays(d, c.settings.avgDaysDeductSuspensions),
  },
  {
    id: 'completedAvgDays', name: '执行完毕案件结案平均用时', version: 1, status: 'P', kind: 'average', unit: '天', dp: 2, columns: FIRST, rows: 'cases',
    numeratorText: 'Σ（结案日 − 立案日）', denominatorText: '以执行完毕结案的首执案件', caseTypesText: '仅执',
    source: 'metrics.md §1（S10、S11 勃利）[P]', uses: ['statisticalYear', 'avgDaysDeductSuspensions'],
    den: (d) => d.closedIn && d.f.mode === '执行完毕', num: (d) => d.closedIn, measure: (d, c) => netDays(d, c.settings.avgDaysDeductSuspensions),
  },
  {
    id: 'zhongbenRate', name: '终本率', version: 1, status: 'P', kind: 'ratio', unit: '%', dp: 2, columns: RATE_COLS, rows: 'cases',
    numeratorText: '以终结本次执行程序结案的案件', denominatorText: '受理数', caseTypesText: RATE_TYPES,
    source: 'metrics.md §1（天水恒等式）[P]', uses: ['statisticalYear', 'mergeResumed'],
    den: (d) => d.accepted, num: (d) => d.closedIn && d.f.mode === ZHONGBEN,
  },
  {
    id: 'zhongbenShare', name: '终本占结案比', version: 1, status: 'P', kind: 'ratio', unit: '%', dp: 2, columns: RATE_COLS, rows: 'cases',
    numeratorText: '以终本结案的案件', denominatorText: '结案数', caseTypesText: RATE_TYPES,
    source: 'metrics.md §1 [P]', uses: ['statisticalYear', 'mergeResumed'],
    den: (d) => d.closedIn, num: (d) => d.f.mode === ZHONGBEN,
  },
  {
    // v2: the denominator is the 终本 cases reviewed, not every 终本 case (metrics.md §6; zhongbenQuality.ts).
    id: 'zhongbenQualityRate', name: '终本合格率', version: 2, status: 'P', kind: 'ratio', unit: '%', dp: ZHONGBEN_QUALITY_DP, columns: FIRST, rows: 'cases', headline: true,
    numeratorText: '最近一次终本质量评查结论为合格的案件', denominatorText: '统计期内以终本结案的首执案件中已评查的案件（未评查的不计入，另列待评查数）', caseTypesText: '仅执（不含执恢）',
    source: 'metrics.md §1（青岛报表：终本合格案件数 / 终本案件数，S9）、§6 [P]；目标≥90%（S5）', uses: ['statisticalYear'],
    den: (d) => d.closedIn && zhongbenReviewed(d.f), num: (d) => zhongbenPassed(d.f),
  },
  {
    id: 'closedPerJudge', name: '人均结案数', version: 1, status: 'P', kind: 'perCapita', unit: '件', dp: 0, columns: FIRST, rows: 'cases',
    numeratorText: '首执结案数（不含执恢、执保）', denominatorText: '员额法官人数（设置）', caseTypesText: '仅执',
    source: 'metrics.md §1（乌兰浩特 S2）[V 地方]；取整四舍五入', uses: ['statisticalYear', 'quotaJudges'],
    num: (d) => d.closedIn,
  },
];

const daysToPay = (r: DerivedReceipt) => diffCalendarDays(r.r.paidOn!, r.r.arrivedOn);
const paidIn = (r: DerivedReceipt, c: MetricContext) => r.r.paidOn !== null && r.r.paidOn >= c.period.from && r.r.paidOn <= c.period.to;
// The one payout clock (payoutClock.ts, 法发〔2017〕6号; a last day off moves per 民诉法 Art. 85): the
// receipt's due day, moved by the deferral its money carries (a deferral of part of the money moves
// only that part; the receipt's earliest part counts).
const dueOn = (r: DerivedReceipt, c: MetricContext) =>
  c.payoutDue ? outcomeDueOn(r.r.arrivedOn, r.r.deferredUntil, c.payoutDue) : (r.r.dueOn ?? outcomeDueOn(r.r.arrivedOn, r.r.deferredUntil, (d) => addCalendarDays(d, c.settings.payoutDays)));
const overdueAtEnd = (r: DerivedReceipt, c: MetricContext) => r.r.arrivedOn <= c.period.to && (r.r.paidOn === null || r.r.paidOn > c.period.to) && c.period.to > dueOn(r, c);

const money: ReceiptMetric[] = [
  {
    id: 'payoutOnTimeRate', name: '案款按期发放率', version: 2, status: 'U', kind: 'ratio', unit: '%', dp: 2, columns: ['all'], rows: 'receipts', headline: true,
    numeratorText: '在发放期限届满日（到账后30日，末日为节假日顺延；经批准暂缓的部分至暂缓期满）前发放完毕的到账款', denominatorText: '统计期内发放完毕的到账款（笔）', caseTypesText: '全部案件（一案一账号）',
    source: '法发〔2017〕6号（domain.md §7，metrics.md §1 [P]）；发放率公式 [U]', uses: ['payoutDays'],
    den: paidIn, num: (r, c) => r.r.paidOn! <= dueOn(r, c),
  },
  {
    id: 'payoutOverdue', name: '超期未发放案款（笔）', version: 2, status: 'P', kind: 'count', unit: '笔', dp: 0, columns: ['all'], rows: 'receipts', headline: true,
    numeratorText: '期末到账已超过发放期限、尚未发放完毕、且无批准暂缓的到账款', denominatorText: '—', caseTypesText: '全部案件',
    source: 'metrics.md §6 案款超期 [P]', uses: ['payoutDays'], num: overdueAtEnd,
  },
  {
    id: 'payoutOverdueAmount', name: '超期未发放案款金额', version: 2, status: 'P', kind: 'amount', unit: '元', dp: 2, columns: ['all'], rows: 'receipts',
    numeratorText: '同上各笔的到账金额合计', denominatorText: '—', caseTypesText: '全部案件',
    source: 'metrics.md §6 [P]', uses: ['payoutDays'], num: overdueAtEnd, measure: (r) => r.r.amountFen,
  },
  {
    id: 'payoutAvgDays', name: '案款平均发放天数', version: 1, status: 'P', kind: 'average', unit: '天', dp: 2, columns: ['all'], rows: 'receipts',
    numeratorText: 'Σ（发放完毕日 − 到账日）', denominatorText: '统计期内发放完毕的到账款（笔）', caseTypesText: '全部案件',
    source: 'metrics.md §1（浙江 遂昌 3.37天，S12）[P]', uses: [], den: paidIn, num: paidIn, measure: (r) => daysToPay(r),
  },
];

export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [...counts, ...rates, ...money];
export const METRIC_BY_ID: ReadonlyMap<string, MetricDefinition> = new Map(METRIC_DEFINITIONS.map((d) => [d.id, d]));

/** Which case groups a column covers; 执恢 joins the main columns when the setting merges it. */
export function columnGroups(column: MetricColumn, mergeResumed: boolean): readonly CaseGroup[] {
  switch (column) {
    case 'main':
      return mergeResumed ? ['first', 'resumed'] : ['first'];
    case 'first':
      return ['first'];
    case 'resumed':
      return ['resumed'];
    case 'preservation':
      return ['preservation'];
    case 'review':
      return ['review'];
    case 'all':
      return ['first', 'resumed', 'preservation', 'review'];
  }
}

/** The columns actually shown: 执恢 has no column of its own when merged. */
export function activeColumns(def: MetricDefinition, mergeResumed: boolean): MetricColumn[] {
  return def.columns.filter((c) => !(mergeResumed && c === 'resumed'));
}

export const ROUNDING_TEXT = ROUND;
export { CLOSURE_MODES };
