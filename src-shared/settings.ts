import { z } from 'zod';
import { citySettingsSchema, metricsSettingsSchema } from './domain/metrics/metricSettings';
import { deadlineRule, defaultDeadlineRules } from './domain/deadlineRules';
import { triageSettings } from './domain/triage';
import { courtCodeProblem } from './domain/caseNumber';

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
  /**
   * Who signs the rulings of the team's cases (民诉法 Art. 157: 审判人员、书记员署名) unless the case names
   * its own: the judge (审判员) when the case has no assigned judge, and the clerk (书记员). The
   * command centre's team signs for cases not yet handed to a team.
   */
  judgeId: z.number().int().positive().nullable().default(null),
  clerkId: z.number().int().positive().nullable().default(null),
});
export type TeamSetting = z.infer<typeof teamSetting>;

export const caseAccountSetting = z.object({
  bank: z.string().max(100).default(''),
  accountName: z.string().max(100).default(''),
  accountNumber: z.string().max(60).default(''),
});

export const SETTINGS_SCHEMA = {
  courtName: z.string().trim().min(1, '法院名称不能为空').max(60).default('开鲁县人民法院'),
  // The court code of every case number (domain.md §1.2): checked by the same rule as the setup screen.
  courtCode: z
    .string()
    .trim()
    .min(1, '法院代字不能为空')
    .max(10, '法院代字不能超过10个字')
    .superRefine((code, ctx) => {
      const problem = courtCodeProblem(code);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .default('内0523'),
  /** The court's enforcement account; a case's sub-account is this number plus the case serial (一案一账号, domain.md §7). */
  caseAccount: caseAccountSetting.default({ bank: '', accountName: '', accountNumber: '' }),
  officePhone: z.string().max(50).default(''),
  officeAddress: z.string().max(200).default(''),
  teams: z.array(teamSetting).max(100).default([]),
  /** Duplicate filing check: same title number and same debtor ID/credit code. */
  duplicateCheck: z.boolean().default(true),
  // — Query, control and money (domain.md §3.2, §7). The time limits themselves (24 h query, 24 h control, 30-day
  // payout, 3 working days for notices, 终本 re-query every 6 months) are rules of `deadlineRules`. —
  /** Term of a freeze/seizure in years by kind of property (民诉法解释 2022 Art. 485 maxima: 1 / 2 / 3). */
  measureTermYears: z
    .object({ deposit: z.number().int().min(1).max(1).default(1), movable: z.number().int().min(1).max(2).default(2), realEstate: z.number().int().min(1).max(3).default(3) })
    .default({ deposit: 1, movable: 2, realEstate: 3 }),
  /** Renewal (续冻/续封) alerts start this many days before a measure expires. */
  measureRenewalAlertDays: z.number().int().min(1).max(365).default(30),
  /**
   * Who approves money leaving a case account and a change of the payout account (法发〔2017〕6号,
   * domain.md §7 [P]: the bureau chief or the president in charge): these users by id, each an active
   * user holding the 综合管理 (leaders') role; empty = every such user.
   */
  payoutApprovers: z.array(z.number().int().positive()).max(20).default([]),
  /** Days within which unidentified funds should be claimed to a case (Jiayu local rule, domain.md §7 [U]). */
  unidentifiedClaimDays: z.number().int().min(1).max(365).default(3),
  // documents (domain.md §5)
  /** The officer named on notices as contact (联系人); blank prints the office phone only. */
  documentContact: z.object({ name: z.string().max(50).default(''), phone: z.string().max(50).default('') }).default({ name: '', phone: '' }),
  /** 限制消费令 is signed by the court president (限高规定 Art. 5). */
  courtPresident: z.string().max(50).default(''),
  /** Days the 执行通知书 gives the debtor to perform, counted from service [U]: forms say 立即 or a few days; 0 prints 立即. */
  performanceDays: z.number().int().min(0).max(60).default(3),
  /** Deadline in the 报告财产令 to hand in the report, days from service [U] (财产调查规定 Art. 4(1) leaves it to the court). */
  propertyReportDays: z.number().int().min(1).max(60).default(5),
  /**
   * When the 限制消费令 is issued (限高规定 法释〔2015〕17号 Art. 1: the debtor has not performed within the
   * period of the 执行通知书): 'afterNoticePeriod' — from the queue of cases whose notice period has run
   * out unperformed; 'withNotice' — together with the notice, reciting the ground true on that day
   * (the title's own period has passed unperformed, and the applicant's request, Art. 4).
   */
  consumptionOrderTiming: z.enum(['afterNoticePeriod', 'withNotice'], { error: '限制消费令发出时机应为“履行期届满后”或“与执行通知书一并发出”' }).default('afterNoticePeriod'),
  // — Compulsory measures (desks.md §2) —
  /**
   * Who may approve 拘传, 罚款, 拘留, 搜查 and early release (民诉法 Art. 119, 259; 解释 Art. 182: the
   * president, or the vice-president he authorises): these users by id; empty = every user holding
   * the 综合管理 (leaders') role.
   */
  coercionApprovers: z.array(z.number().int().positive()).max(20).default([]),
  /** A detained person is handed to the detention centre only after a medical check is recorded [U] (practice, 拘留所条例 Art. 19; desks.md §12 item 13). */
  coercionMedicalCheck: z.boolean().default(true),
  /** Pad the batch print file with a blank page after every document of odd length, so each starts on a front page (duplex printing). */
  printDuplex: z.boolean().default(false),
  // — Closure and the 终本 archive (domain.md §4) —
  /** The archive's due list shows rounds falling due within this many days. */
  zhongbenRequeryLookaheadDays: z.number().int().min(0).max(180).default(30),
  /**
   * 终本 closures are made by the 终本 group, on a team's proposal (终本申请) or its own review: Kailu
   * closes centrally (seeds/003: 结案及终本案件管理组主要负责统一集中结案; the 终本案件管控组 keeps the 终本
   * files) [P]. Off: the teams that close cases also close them as 终本.
   */
  zhongbenClosedByGroup: z.boolean().default(true),
  // — Credit sanctions (desks.md §5) —
  /** A request to re-list a debtor deleted for performance is not supported within this many months (失信规定 2017 Art. 10 para. 3 [P]: 6). */
  creditRelistBlockMonths: z.number().int().min(0).max(24).default(6),
  // — Security and backups —
  /** Wrong passwords in a row before an account is locked (OWASP ASVS V2.2.1: throttle guessing). */
  loginMaxFailures: z.number().int().min(3, '至少3次').max(20, '不超过20次').default(5),
  /** Minutes an account stays locked after too many wrong passwords. */
  loginLockMinutes: z.number().int().min(1).max(1440).default(15),
  /** Minutes without activity before the screen locks; the server drops an idle session after the same time. */
  idleLockMinutes: z.number().int().min(1, '至少1分钟').max(480, '不超过480分钟').default(15),
  /** A session ends this many hours after its login whatever the activity (a working day; OWASP ASVS V3.3.3 absolute timeout). */
  sessionMaxHours: z.number().int().min(1, '至少1小时').max(72, '不超过72小时').default(12),
  /** Failed logins from one client address within loginLockMinutes before that address is paused for loginLockMinutes (password spraying). */
  loginAddressMaxFailures: z.number().int().min(5, '至少5次').max(1000, '不超过1000次').default(20),
  /** Backup folder (can be on another disk); empty = the "backups" folder inside the data folder. */
  backupDir: z
    .string()
    .trim()
    .max(500)
    .refine((s) => s === '' || /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(s), '备份文件夹须为绝对路径（如 D:\\执行备份）')
    .default(''),
  /** One automatic backup per day while the app runs. */
  backupDaily: z.boolean().default(true),
  /** Retention: automatic backups older than this many days are deleted ... */
  backupKeepDays: z.number().int().min(1).max(3650).default(30),
  /** ... but the newest this many backups are always kept. Manual backups are never deleted automatically. */
  backupKeepMin: z.number().int().min(1).max(1000).default(7),
  // — Triage, assignment and deadlines (domain.md §3) —
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
  // — Metrics, reports and city level (metrics.md) —
  /** Metric definitions that metrics.md marks unverified or provincial (src-shared/domain/metrics/metricSettings.ts). */
  metrics: metricsSettingsSchema.default(metricsSettingsSchema.parse({})),
  /** City level (中院汇总): 合理区间, optional ranking and weights — none shipped (metrics.md §3). */
  city: citySettingsSchema.default(citySettingsSchema.parse({})),
} as const;

/**
 * Who may change each setting. 'admin': settings that change the court's identity (its name and
 * code in every case number and report, the court account money is paid into, the president who
 * signs) or its security (where backups go and how long they are kept, login lockout, the idle
 * lock) — only the system administrator. 'management': the operational rules 综合管理 runs the
 * bureau by. Every key is listed (the type requires it); settings.set refuses a non-administrator
 * a change to an 'admin' key, naming the setting.
 */
export const SETTING_EDITORS: { readonly [K in keyof typeof SETTINGS_SCHEMA]: { editor: 'admin' | 'management'; label: string } } = {
  courtName: { editor: 'admin', label: '法院名称' },
  courtCode: { editor: 'admin', label: '法院代字' },
  caseAccount: { editor: 'admin', label: '执行款专户' },
  courtPresident: { editor: 'admin', label: '院长姓名（限制消费令署名）' },
  backupDir: { editor: 'admin', label: '备份文件夹' },
  backupDaily: { editor: 'admin', label: '每天自动备份' },
  backupKeepDays: { editor: 'admin', label: '自动备份保留天数' },
  backupKeepMin: { editor: 'admin', label: '至少保留备份份数' },
  loginMaxFailures: { editor: 'admin', label: '密码连续错误锁定次数' },
  loginLockMinutes: { editor: 'admin', label: '账号锁定分钟数' },
  idleLockMinutes: { editor: 'admin', label: '无操作锁屏分钟数' },
  sessionMaxHours: { editor: 'admin', label: '登录会话最长小时数' },
  loginAddressMaxFailures: { editor: 'admin', label: '同一计算机登录失败暂停次数' },
  officePhone: { editor: 'management', label: '执行局电话' },
  officeAddress: { editor: 'management', label: '执行局地址' },
  teams: { editor: 'management', label: '执行团队' },
  duplicateCheck: { editor: 'management', label: '重复立案检查' },
  measureTermYears: { editor: 'management', label: '冻结、查封期限' },
  measureRenewalAlertDays: { editor: 'management', label: '续行提醒天数' },
  unidentifiedClaimDays: { editor: 'management', label: '不明款认领天数' },
  documentContact: { editor: 'management', label: '文书联系人' },
  performanceDays: { editor: 'management', label: '履行期限天数' },
  consumptionOrderTiming: { editor: 'management', label: '限制消费令发出时机' },
  printDuplex: { editor: 'management', label: '双面打印补空白页' },
  coercionApprovers: { editor: 'admin', label: '强制措施批准人（院长及授权副院长）' },
  payoutApprovers: { editor: 'admin', label: '案款审批人（局长、分管院领导）' },
  coercionMedicalCheck: { editor: 'management', label: '送拘前须登记体检结果' },
  propertyReportDays: { editor: 'management', label: '报告财产期限天数' },
  zhongbenRequeryLookaheadDays: { editor: 'management', label: '终本复查提前天数' },
  creditRelistBlockMonths: { editor: 'management', label: '删除失信后不予再纳入月数' },
  zhongbenClosedByGroup: { editor: 'management', label: '终本结案由终本管控组办理' },
  triage: { editor: 'management', label: '繁简分流规则' },
  assignment: { editor: 'management', label: '分案上限' },
  deadlineRules: { editor: 'management', label: '节点期限规则' },
  deadlineSoonWorkingDays: { editor: 'management', label: '即将到期工作日数' },
  metrics: { editor: 'management', label: '指标设置' },
  city: { editor: 'management', label: '中院汇总设置' },
};

export const settingsSchema = z.object(SETTINGS_SCHEMA);
export type Settings = z.output<typeof settingsSchema>;
export type SettingKey = keyof typeof SETTINGS_SCHEMA;
/**
 * A change to some settings: only the keys given. The defaults are taken off first — a plain
 * `.partial()` keeps them, so every key left out would come back as its default and overwrite the
 * court's stored value.
 */
export const settingsPatch = z.object(
  Object.fromEntries(Object.entries(SETTINGS_SCHEMA).map(([k, s]) => [k, (s instanceof z.ZodDefault ? s.removeDefault() : s).optional()])) as {
    [K in keyof typeof SETTINGS_SCHEMA]: z.ZodOptional<(typeof SETTINGS_SCHEMA)[K] extends z.ZodDefault<infer T> ? T : (typeof SETTINGS_SCHEMA)[K]>;
  },
);
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
