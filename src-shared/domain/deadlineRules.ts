import { z } from 'zod';

// The rules table of node deadlines (节点期限, domain.md §3.2). Every rule is data — a setting the
// court can edit — with its source, its unit, the event that starts the clock, the events that stop
// it and the suspension periods that do not count. Deadlines are never typed in: they are derived
// from a case's events by ./deadlines.ts.

/** Suspensions that stop clocks (法发〔2006〕35号 Art. 13 [U]; 严格执行审限规定 Art. 9, metrics.md §0). */
export const SUSPENSION_KINDS = ['公告', '中止', '暂缓', '请示', '协调', '鉴定', '评估拍卖'] as const;
export type SuspensionKind = (typeof SUSPENSION_KINDS)[number];

export const DEADLINE_UNITS = ['calendarDays', 'workingDays', 'hours', 'months', 'payloadDate'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];
export const DEADLINE_UNIT_LABELS: Record<DeadlineUnit, string> = {
  calendarDays: '日',
  workingDays: '个工作日',
  hours: '小时',
  months: '个月',
  payloadDate: '日（距到期日）',
};

/** An event type, optionally narrowed by payload values (e.g. case.stageChanged with to = 'query'). */
export const eventMatch = z.object({
  type: z.string().trim().min(1, '事件类型不能为空').max(60),
  where: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
});
export type EventMatch = z.output<typeof eventMatch>;

export const deadlineRule = z.object({
  id: z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, '规则编号只能含字母、数字、- 和 _'),
  name: z.string().trim().min(1, '规则名称不能为空').max(60),
  /** Where the rule comes from: a statute article, an SPC document or the court's internal rule. */
  source: z.string().trim().max(200).default(''),
  unit: z.enum(DEADLINE_UNITS, { error: '单位应为 日、工作日、小时、月 或 距到期日' }),
  /** Days, working days, hours or months; for payloadDate the days before the date in the payload. */
  amount: z.number().int('期限须为整数').min(0, '期限不能为负').max(10_000),
  start: z.array(eventMatch).min(1, '至少需要一个起算事件'),
  /** One clock per start event (each receipt, each freeze) instead of only the first. */
  each: z.boolean().default(false),
  stop: z.array(eventMatch).min(1, '至少需要一个完成事件'),
  /** The stop event may precede the start (e.g. the notice was already sent before assignment). */
  metIfStoppedBefore: z.boolean().default(false),
  /** Ties a stop to its start by payload fields (receipt entryId ↔ payout receiptIds; measureId ↔ measureId). */
  correlate: z.object({ start: z.string().max(40), stop: z.string().max(40) }).optional(),
  /** payloadDate: the start payload field holding the date the deadline hangs off (e.g. expiresOn). */
  dateField: z.string().max(40).optional(),
  /** Recurring obligations: `repeat` clocks of `amount` units each (终本 re-query: 10 × 6 months). */
  repeat: z.number().int().min(1).max(100).default(1),
  /** Events after which an unmet clock no longer applies (a closed case needs no notice). */
  cancelOn: z.array(eventMatch).default([{ type: 'case.closed', where: {} }]),
  /** Suspension kinds whose days do not count (domain.md §3.2 "Periods excluded"). */
  excluded: z.array(z.enum(SUSPENSION_KINDS)).default([]),
  /** Calendar-day and month periods ending on a day off end on the next working day (民诉法 2023 Art. 85). */
  lastDayRule: z.boolean().default(true),
  /** Hour clocks stand still on days off (whether Kailu's 24 h rules pause is not stated: domain.md §3.3 [U]). */
  pauseOnDaysOff: z.boolean().default(false),
  /** Case types the rule applies to; empty = all. */
  caseTypes: z.array(z.string().max(10)).default([]),
  /** Only non-litigation titles (true), only others (false), or both (null). */
  nonLitigation: z.boolean().nullable().default(null),
  active: z.boolean().default(true),
});
export type DeadlineRule = z.output<typeof deadlineRule>;
export type DeadlineRuleInput = z.input<typeof deadlineRule>;

const m = (type: string, where: Record<string, string | number | boolean> = {}): EventMatch => ({ type, where });
const ENFORCEMENT = ['执', '执恢'];
const ALL_SUSPENSIONS = [...SUSPENSION_KINDS];

/** The documented defaults (domain.md §3.2). Amounts are editable in 设置 → 节点期限. */
export const DEFAULT_DEADLINE_RULES: DeadlineRuleInput[] = [
  {
    id: 'notices',
    name: '集约制作并发出执行通知等文书',
    source: '开鲁法院内部规定：立案之日起3个工作日内（seeds/003，domain.md §3.2）',
    unit: 'workingDays',
    amount: 3,
    start: [m('case.filed')],
    stop: [m('document.generated', { kind: '执行通知书' })],
    caseTypes: ENFORCEMENT,
    excluded: ['公告'],
  },
  {
    id: 'officer',
    name: '确定承办人',
    source: '法发〔2006〕35号 第2条：立案后7日内确定承办人',
    unit: 'calendarDays',
    amount: 7,
    start: [m('case.filed')],
    stop: [m('case.assigned'), m('case.stageChanged', { to: 'fastTrack' })],
    caseTypes: ENFORCEMENT,
  },
  {
    id: 'noticeAfterAssignment',
    name: '承办人收案后发出执行通知及报告财产令',
    source: '法发〔2006〕35号 第4条：承办人收到案件材料后3日内；财产调查规定 第3条：报告财产令与执行通知同时发出',
    unit: 'calendarDays',
    amount: 3,
    start: [m('case.assigned')],
    stop: [m('document.generated', { kind: '报告财产令' })],
    metIfStoppedBefore: true,
    caseTypes: ENFORCEMENT,
  },
  {
    id: 'firstQuery',
    name: '发起首次网络查控',
    source: '开鲁法院内部规定：卷宗移交查控人员后24小时内（seeds/003）',
    unit: 'hours',
    amount: 24,
    start: [m('case.stageChanged', { to: 'query' })],
    stop: [m('inquiry.requested')],
  },
  {
    id: 'control',
    name: '网查反馈后采取控制措施',
    source: '开鲁法院内部规定：网查反馈后24小时内控制（seeds/003）',
    unit: 'hours',
    amount: 24,
    start: [m('inquiry.feedback', { nothingFound: false })],
    stop: [m('measure.applied')],
    cancelOn: [m('case.closed'), m('triage.decided')],
  },
  {
    id: 'handover',
    name: '繁简分流并移交执行团队',
    source: '开鲁法院内部规定：繁简分流后3日内移交（seeds/003）',
    unit: 'calendarDays',
    amount: 3,
    start: [m('case.stageChanged', { to: 'triage' })],
    each: true,
    stop: [m('case.assigned'), m('case.stageChanged', { to: 'fastTrack' })],
    lastDayRule: false,
  },
  {
    id: 'closure',
    name: '有财产可供执行案件结案',
    source: '法发〔2006〕35号 第1条：立案之日起6个月内执结',
    unit: 'months',
    amount: 6,
    start: [m('case.filed'), m('case.migrated')],
    stop: [m('case.closed')],
    cancelOn: [],
    excluded: ALL_SUSPENSIONS,
    caseTypes: ENFORCEMENT,
    nonLitigation: false,
  },
  {
    id: 'closureNonLitigation',
    name: '非诉执行案件结案',
    source: '法发〔2006〕35号 第1条：非诉执行案件3个月内执结',
    unit: 'months',
    amount: 3,
    start: [m('case.filed'), m('case.migrated')],
    stop: [m('case.closed')],
    cancelOn: [],
    excluded: ALL_SUSPENSIONS,
    caseTypes: ENFORCEMENT,
    nonLitigation: true,
  },
  {
    id: 'payout',
    name: '执行款发放',
    source: '法发〔2017〕6号：财务部门通知到账之日起30日内发放（domain.md §7 [P]）',
    unit: 'calendarDays',
    amount: 30,
    start: [m('ledger.receipt')],
    each: true,
    stop: [m('ledger.payout'), m('ledger.deferral'), m('ledger.refund')],
    correlate: { start: 'entryId', stop: 'receiptIds' },
    cancelOn: [m('ledger.reversal')],
  },
  {
    id: 'renewal',
    name: '续行查封、冻结',
    source: '民诉法解释（2022）第485条：存款冻结1年、动产查封2年、不动产及其他财产权3年，期满前续行',
    unit: 'payloadDate',
    amount: 0,
    dateField: 'expiresOn',
    start: [m('measure.applied'), m('measure.renewed')],
    each: true,
    // A freeze whose money was all deducted ends (measure.ended): nothing is left to renew.
    stop: [m('measure.renewed'), m('measure.released'), m('measure.ended')],
    correlate: { start: 'measureId', stop: 'measureId' },
    cancelOn: [],
    lastDayRule: false,
  },
  {
    id: 'requery',
    name: '终本案件定期网络查询',
    source: '终本规定（2016）第9条：终本后5年内每6个月查询一次并告知申请执行人',
    unit: 'months',
    amount: 6,
    repeat: 10,
    start: [m('case.closed', { mode: '终结本次执行程序' })],
    stop: [m('archive.requeried')],
    cancelOn: [m('case.resumed')],
    lastDayRule: false,
  },
  // Credit sanctions (desks.md §5). None is cancelled by the case's closure: a listing must be deleted
  // and a restriction lifted whatever the state of the case.
  {
    id: 'creditDeletion',
    name: '删除失信信息',
    source: '失信规定（法释〔2017〕7号）第10条：删除事由出现之日起3个工作日内删除失信信息',
    unit: 'workingDays',
    amount: 3,
    start: [m('credit.removalDue')],
    each: true,
    stop: [m('credit.deleted')],
    correlate: { start: 'listingId', stop: 'listingId' },
    // A reversed receipt withdraws a clock the ledger started (services/credit/grounds.ts afterReversal).
    cancelOn: [m('credit.removalUndone')],
  },
  {
    id: 'creditTermEnd',
    name: '失信期限届满删除',
    source: '失信规定（法释〔2017〕7号）第2条、第10条第2款：纳入期限届满后3个工作日内删除',
    unit: 'payloadDate',
    amount: 0,
    dateField: 'termDeleteBy',
    start: [m('credit.listed')],
    each: true,
    stop: [m('credit.deleted')],
    correlate: { start: 'listingId', stop: 'listingId' },
    cancelOn: [],
    lastDayRule: false,
  },
  {
    id: 'creditListingDecision',
    name: '审查纳入失信名单申请',
    source: '失信规定（法释〔2017〕7号）第5条：申请执行人申请纳入的，人民法院应当自收到申请之日起15日内审查并作出决定（desks.md §5 [P]，未核实：默认15日）',
    unit: 'calendarDays',
    amount: 15,
    start: [m('credit.listingRequested')],
    each: true,
    stop: [m('credit.listed'), m('credit.listingRequestRejected')],
    correlate: { start: 'requestId', stop: 'requestId' },
  },
  {
    id: 'creditCorrectionReview',
    name: '审查失信纠正申请',
    source: '失信规定（法释〔2017〕7号）第11条：收到书面纠正申请之日起15日内审查',
    unit: 'calendarDays',
    amount: 15,
    start: [m('credit.correctionFiled')],
    each: true,
    stop: [m('credit.correctionDecided')],
    correlate: { start: 'correctionId', stop: 'correctionId' },
    cancelOn: [],
  },
  {
    id: 'creditCorrectionFix',
    name: '纠正失信信息',
    source: '失信规定（法释〔2017〕7号）第11条：理由成立的，3个工作日内纠正',
    unit: 'workingDays',
    amount: 3,
    start: [m('credit.correctionDecided', { result: 'corrected' })],
    each: true,
    stop: [m('credit.corrected')],
    correlate: { start: 'correctionId', stop: 'correctionId' },
    cancelOn: [],
  },
  {
    id: 'restrictionLift',
    name: '解除限制消费',
    source: '限高规定（法释〔2015〕17号）第9条：履行完毕的，应当及时解除（“及时”未定期限：默认3个工作日，与删除失信信息同 [U]）',
    unit: 'workingDays',
    amount: 3,
    start: [m('restriction.liftDue')],
    each: true,
    stop: [m('restriction.lifted')],
    correlate: { start: 'restrictionId', stop: 'restrictionId' },
    cancelOn: [m('restriction.liftUndone')],
  },
  // Compulsory measures (desks.md §2). Each clock is tied to its measure or referral by id.
  ...compelClock('compelAlert', '拘传调查询问满7小时（8小时届满前提醒）', 7, false),
  ...compelClock('compel', '拘传调查询问不得超过8小时', 8, false),
  ...compelClock('compelComplexAlert', '拘传调查询问满23小时（24小时届满前提醒）', 23, true),
  ...compelClock('compelComplex', '情况复杂的拘传调查询问不得超过24小时', 24, true),
  {
    id: 'detentionFamily',
    name: '拘留后通知家属',
    source: '民诉法解释（2022）第180条：拘留后24小时内通知其家属；无法通知的记录在案',
    unit: 'hours',
    amount: 24,
    start: [m('coercion.detained')],
    each: true,
    stop: [m('coercion.familyNotified')],
    correlate: { start: 'measureId', stop: 'measureId' },
  },
  {
    id: 'detentionEnd',
    name: '拘留期满解除',
    source: '民诉法（2023）第118条：拘留期限15日以下；拘留所条例第27条：准假外出期间不计入拘留期限',
    unit: 'payloadDate',
    amount: 0,
    dateField: 'endsOn',
    start: [m('coercion.detained'), m('coercion.leaveReturned')],
    each: true,
    stop: [m('coercion.released'), m('coercion.leaveReturned')],
    correlate: { start: 'measureId', stop: 'measureId' },
    lastDayRule: false,
  },
  {
    id: 'detentionLeaveDecision',
    name: '拘留期间请假申请的决定',
    source: '拘留所条例第27条：被拘留人请假的，决定机关应当在12小时内作出是否准假的决定（desks.md §2 [V]）',
    unit: 'hours',
    amount: 12,
    start: [m('coercion.leaveApplied')],
    each: true,
    stop: [m('coercion.leave'), m('coercion.leaveRefused')],
    correlate: { start: 'applicationId', stop: 'applicationId' },
    cancelOn: [],
    lastDayRule: false,
  },
  {
    id: 'detentionEmergencyApproval',
    name: '紧急拘留后报院长补办批准手续',
    source: '民诉法解释（2022）第181条：紧急情况先行拘留的，拘留后立即报告院长补办批准手续（“立即”未定时数：默认24小时 [U]）',
    unit: 'hours',
    amount: 24,
    start: [m('coercion.detained', { emergency: true })],
    each: true,
    stop: [m('coercion.emergencyDecided')],
    correlate: { start: 'measureId', stop: 'measureId' },
    cancelOn: [],
    lastDayRule: false,
  },
  {
    id: 'coercionReview',
    name: '上级法院复议罚款、拘留决定',
    source: '民诉法解释（2022）第185条：上级人民法院收到复议申请后5日内作出决定',
    unit: 'calendarDays',
    amount: 5,
    start: [m('coercion.reviewFiled')],
    each: true,
    stop: [m('coercion.reviewDecided')],
    correlate: { start: 'measureId', stop: 'measureId' },
    cancelOn: [],
  },
  {
    id: 'policeDecision',
    name: '公安机关决定是否立案（拒执罪移送）',
    source: '法发〔2025〕8号：公安机关收到移送后7日内决定是否立案（desks.md §2 [P]）',
    unit: 'calendarDays',
    amount: 7,
    start: [m('coercion.referred', { complex: false })],
    each: true,
    stop: [m('coercion.policeAnswered')],
    correlate: { start: 'referralId', stop: 'referralId' },
    cancelOn: [],
  },
  {
    id: 'policeDecisionComplex',
    name: '公安机关决定是否立案（重大复杂的拒执罪移送）',
    source: '法发〔2025〕8号：重大、复杂案件30日内决定（desks.md §2 [P]）',
    unit: 'calendarDays',
    amount: 30,
    start: [m('coercion.referred', { complex: true })],
    each: true,
    stop: [m('coercion.policeAnswered')],
    correlate: { start: 'referralId', stop: 'referralId' },
    cancelOn: [],
  },
  {
    id: 'privateProsecution',
    name: '公安机关60日未答复，可告知申请执行人提起自诉',
    source: '法〔2018〕147号：公安机关不予接受或者60日内不予书面答复的，申请执行人可以提起自诉',
    unit: 'calendarDays',
    amount: 60,
    start: [m('coercion.referred')],
    each: true,
    stop: [m('coercion.policeAnswered'), m('coercion.privateProsecution')],
    correlate: { start: 'referralId', stop: 'referralId' },
    cancelOn: [],
  },
];

/** The questioning clock of one 拘传 (民诉法解释（2022）第482条: 8 h; 24 h when complex and detention is possible). */
function compelClock(id: string, name: string, hours: number, complex: boolean): DeadlineRuleInput[] {
  return [
    {
      id,
      name,
      source: '民诉法解释（2022）第482条：调查询问不得超过8小时；情况复杂、依法可能采取拘留措施的不得超过24小时',
      unit: 'hours',
      amount: hours,
      start: [m('coercion.compelled', { complex })],
      each: true,
      stop: [m('coercion.questioned')],
      correlate: { start: 'measureId', stop: 'measureId' },
      cancelOn: [],
      lastDayRule: false,
    },
  ];
}

export function defaultDeadlineRules(): DeadlineRule[] {
  return DEFAULT_DEADLINE_RULES.map((r) => deadlineRule.parse(r));
}

/**
 * A court's saved table with every shipped rule it does not hold (by id) added with its default, in
 * the shipped order after the court's own rows: a clock shipped after the court saved its table
 * (a new desk's limits) runs there too. A rule the court edited stays as edited; one it disabled
 * (`active: false`) stays disabled — removing a shipped rule is saved as disabling it
 * (`keepShippedRules`), so a rule missing from a saved table is one the court never saw.
 */
export function withShippedRules(saved: readonly DeadlineRule[]): DeadlineRule[] {
  const held = new Set(saved.map((r) => r.id));
  return [...saved, ...defaultDeadlineRules().filter((r) => !held.has(r.id))];
}

/**
 * The table as it is saved: a shipped rule left out of it is kept, disabled, so that it is not
 * added back as new when the table is read (withShippedRules).
 */
export function keepShippedRules(rules: readonly DeadlineRule[], current: readonly DeadlineRule[]): DeadlineRule[] {
  const held = new Set(rules.map((r) => r.id));
  const dropped = withShippedRules(current).filter((r) => !held.has(r.id) && DEFAULT_DEADLINE_RULES.some((d) => d.id === r.id));
  return [...rules, ...dropped.map((r) => ({ ...r, active: false }))];
}

/**
 * The amount of one rule of the court's table, for the queues that show a clock before the deadline
 * engine has derived it (notice queue, query queue, payout clock, 终本 re-query schedule). One table,
 * so changing a limit in 设置 → 节点期限 changes every place it shows. Falls back to the documented
 * default when the court has removed the rule.
 */
export function ruleAmount(rules: readonly DeadlineRule[], id: string): { amount: number; repeat: number } {
  const r = rules.find((x) => x.id === id && x.active) ?? defaultDeadlineRules().find((x) => x.id === id);
  if (!r) throw new Error(`no deadline rule ${id}`);
  return { amount: r.amount, repeat: r.repeat };
}
