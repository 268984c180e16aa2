import { z } from 'zod';
import { deadlineRule, defaultDeadlineRules } from './domain/deadlineRules';
import { triageSettings } from './domain/triage';

// Court settings. Every rule tagged unverified in domain.md is a setting here with its documented
// default (never a constant in code). Stored per key in the `settings` table; missing keys take
// these defaults, so a new key never needs a data migration.
export const teamSetting = z.object({
  id: z.string().trim().min(1).max(50).regex(/^[A-Za-z0-9_-]+$/, '团队编号只能含字母、数字、- 和 _'),
  name: z.string().trim().min(1, '团队名称不能为空').max(50),
  kind: z.enum(['tribunal', 'fastTrack', 'centre', 'other']).default('tribunal'),
  /** Township or address keywords that route a debtor's case to this tribunal (分案). */
  areas: z.array(z.string().trim().min(1).max(50)).default([]),
  active: z.boolean().default(true),
});
export type TeamSetting = z.infer<typeof teamSetting>;

export const caseAccountSetting = z.object({
  bank: z.string().max(100).default(''),
  accountName: z.string().max(100).default(''),
  accountNumber: z.string().max(60).default(''),
});

export const SETTINGS_SCHEMA = {
  courtName: z.string().trim().min(1, '法院名称不能为空').max(60).default('开鲁县人民法院'),
  courtCode: z.string().trim().min(1).max(10).default('内0523'),
  /** The court's enforcement account; a case's sub-account is this number plus the case serial (一案一账号, domain.md §7). */
  caseAccount: caseAccountSetting.default({ bank: '', accountName: '', accountNumber: '' }),
  officePhone: z.string().max(50).default(''),
  officeAddress: z.string().max(200).default(''),
  teams: z.array(teamSetting).max(100).default([]),
  /** Duplicate filing check: same title number and same debtor ID/credit code. */
  duplicateCheck: z.boolean().default(true),
  // documents (issue 3)
  /** The officer named on notices as contact (联系人); blank prints the office phone only. */
  documentContact: z.object({ name: z.string().max(50).default(''), phone: z.string().max(50).default('') }).default({ name: '', phone: '' }),
  /** 限制消费令 is signed by the court president (限高规定 Art. 5). */
  courtPresident: z.string().max(50).default(''),
  /** Days the 执行通知书 gives the debtor to perform, counted from service [U]: forms say 立即 or a few days; 0 prints 立即. */
  performanceDays: z.number().int().min(0).max(60).default(3),
  /** Deadline in the 报告财产令 to hand in the report, days from service [U] (财产调查规定 Art. 4(1) leaves it to the court). */
  propertyReportDays: z.number().int().min(1).max(60).default(5),
  /** Kailu's internal limit for making and sending the notices, in working days from filing (domain.md §3.2, seed). */
  noticeDeadlineWorkingDays: z.number().int().min(1).max(30).default(3),
  // — Triage, assignment and deadlines (issue 5) —
  /** 繁简分流 thresholds (src-shared/domain/triage.ts; seeds/003). */
  triage: triageSettings.default(triageSettings.parse({})),
  /**
   * 均衡分案 (domain.md §8 [U]): no judge over `cap` cases, counted as open cases under the judge or
   * cases assigned to the judge this calendar year. Judges are users with role 'team' (tribunal teams)
   * or 'fastTrack' and a team_id.
   */
  assignment: z
    .object({
      cap: z.number().int().min(1, '上限至少为1件').max(100_000).default(400),
      capBasis: z.enum(['open', 'assignedThisYear'], { error: '计算口径应为 open（在办）或 assignedThisYear（本年分案）' }).default('open'),
    })
    .default({ cap: 400, capBasis: 'open' }),
  /** The rules table of node deadlines (src-shared/domain/deadlineRules.ts, domain.md §3.2). */
  deadlineRules: z
    .array(deadlineRule)
    .max(200)
    .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, '节点期限规则编号重复')
    .default(defaultDeadlineRules()),
  /** The board's "due soon" column: due within this many working days. */
  deadlineSoonWorkingDays: z.number().int().min(1).max(30).default(3),
  // — Closure and the 终本 archive (issue 6) —
  /** Months between re-queries of a 终本 case (终本规定 Art. 9: every six months). */
  zhongbenRequeryIntervalMonths: z.number().int().min(1).max(24).default(6),
  /** Years after termination during which the re-queries run (终本规定 Art. 9: five years). */
  zhongbenRequeryYears: z.number().int().min(1).max(20).default(5),
  /** The archive's due list shows rounds falling due within this many days. */
  zhongbenRequeryLookaheadDays: z.number().int().min(0).max(180).default(30),
} as const;

export const settingsSchema = z.object(SETTINGS_SCHEMA);
export type Settings = z.output<typeof settingsSchema>;
export type SettingKey = keyof typeof SETTINGS_SCHEMA;
export const settingsPatch = settingsSchema.partial();
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
