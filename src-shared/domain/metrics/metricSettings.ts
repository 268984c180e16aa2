import { z } from 'zod';
import { CLOSURE_MODES } from '../closure';

// Settings behind the metric definitions that metrics.md marks unverified or provincially varying
// (§6 "Recommended shipped defaults"). The values in force travel with every computed figure.
const mode = z.enum(CLOSURE_MODES, { error: '结案方式无效' });

export const metricsSettingsSchema = z.object({
  /** 统计年度: calendar year, or 12-01 → 11-30 (metrics.md §2, Ulanhot S2 [P]). */
  statisticalYear: z.enum(['calendar', 'decNov']).default('calendar'),
  /** 执恢 merged into the main columns (off: 执恢 in its own columns, S3/S10). */
  mergeResumed: z.boolean().default(false),
  /** Modes that are not "actual" closures for 实际执结率 (§6 default: 终本; the 2008 definition also drops 终结执行, 不予执行, 驳回申请). */
  actualClosureExcludes: z.array(mode).default(['终结本次执行程序']),
  /** Closed cases left out of 到位率 besides non-money cases (§6 [P/U]). */
  recoveryExcludes: z.array(mode).default(['销案', '不予执行', '驳回申请']),
  /** Legal limit in days: 6 months, 非诉 3 months (法发〔2006〕35号 Art. 1, S6 [V]); days as §1 "within-limit test". */
  limitDays: z.number().int().min(1).max(3650).default(180),
  limitDaysNonLitigation: z.number().int().min(1).max(3650).default(90),
  /** Subtract logged 公告/中止/暂缓… periods in the within-limit test (审限规定 Art. 9, S7). */
  limitDeductSuspensions: z.boolean().default(true),
  /** Modes that mean "no property" for 有财产可供执行案件法定期限内执结率 (§6 proxy [U]). */
  propertyProxyExcludes: z.array(mode).default(['终结本次执行程序']),
  /** Subtract suspensions in 结案平均用时 (§6 default off: plain calendar days, S9). */
  avgDaysDeductSuspensions: z.boolean().default(false),
  /** 员额法官 count for 人均结案数 (entered by the court; 0 = not set, the figure stays empty). */
  quotaJudges: z.number().int().min(0).max(1000).default(0),
  /** 12-digit court code for the exchange files (metrics.md §4); empty = use the court's 代字. */
  courtStatCode: z.string().trim().max(20).default(''),
});
export type MetricsSettings = z.output<typeof metricsSettingsSchema>;

export const referenceRange = z.object({ min: z.number().nullable().default(null), max: z.number().nullable().default(null) });

export const citySettingsSchema = z.object({
  /** 合理区间 per metric id: a court inside the band meets the standard (SPC 2024 system, metrics.md §3 [V]). None shipped. */
  ranges: z.record(z.string(), referenceRange).default({}),
  /** Ranking view is off by default: the 2024 system asks courts not to rank (metrics.md §3). */
  rankingEnabled: z.boolean().default(false),
  /** Weights per metric id for the optional overall score; none shipped (metrics.md §5 item 8). */
  weights: z.record(z.string(), z.number().min(0).max(1000)).default({}),
});
export type CitySettings = z.output<typeof citySettingsSchema>;

/** The flat view the metric definitions read: the metrics settings plus the payout clock (payoutDays, domain.md §7). */
export interface MetricContextSettings extends MetricsSettings {
  payoutDays: number;
}
export type MetricSettingKey = keyof MetricContextSettings;
