import { addCalendarDays } from './chineseDate';
import { validateIdNumber } from './idNumber';
import { addMonths } from './workingDays';

// Rules of the dishonest list (《最高人民法院关于公布失信被执行人名单信息的若干规定》as revised by
// 法释〔2017〕7号; laws/ holds the 2013 text it replaced, desks.md §5 the 2017 articles) and of the
// consumption restriction (《最高人民法院关于限制被执行人高消费及有关消费的若干规定》法释〔2015〕17号).
// Pure: no I/O. The back office applies them (src-main/services/credit), the UI shows the labels.

/** 2017 rules Art. 1: the six grounds, in the article's order. */
export const LISTING_GROUNDS = [
  '有履行能力而拒不履行生效法律文书确定义务',
  '以伪造证据、暴力、威胁等方法妨碍、抗拒执行',
  '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行',
  '违反财产报告制度',
  '违反限制消费令',
  '无正当理由拒不履行执行和解协议',
] as const;
export type ListingGround = 1 | 2 | 3 | 4 | 5 | 6;

export function groundLabel(g: number): string {
  return `第一条第（${'一二三四五六'[g - 1]}）项：${LISTING_GROUNDS[g - 1]}`;
}

/** 2017 rules Art. 2 para. 1: grounds (2)–(6) list for two years. Ground (1) has no term. */
export const BASE_TERM_YEARS = 2;
/** Art. 2 para. 2: the term may be extended by one to three years (serious violent obstruction, several kinds of dishonest conduct). */
export const MAX_EXTENSION_YEARS = 3;

/** The last day on the list of a listing with a term, or null for ground (1). */
export function termEndsOn(ground: ListingGround, decidedOn: string, extensionYears: number): string | null {
  if (ground === 1) return null;
  return addCalendarDays(addMonths(decidedOn, 12 * (BASE_TERM_YEARS + extensionYears)), -1);
}

/** Removal grounds of 2017 rules Art. 10 (and a correction of Art. 12, and the end of a term). */
export const REMOVAL_GROUNDS = ['performed', 'settlementPerformed', 'applicantRequest', 'requeryNothing', 'terminated', 'notEnforced', 'suspended', 'termEnded', 'corrected'] as const;
export type RemovalGround = (typeof REMOVAL_GROUNDS)[number];
export const REMOVAL_GROUND_LABELS: Record<RemovalGround, string> = {
  performed: '被执行人已履行生效法律文书确定的全部义务',
  settlementPerformed: '当事人达成执行和解协议且已履行完毕',
  applicantRequest: '申请执行人书面申请删除失信信息，人民法院审查同意',
  requeryNothing: '终结本次执行程序后，通过网络执行查控系统查询被执行人财产两次以上，未发现有可供执行财产，且申请执行人或者其他人未提供有效财产线索',
  terminated: '人民法院依法裁定终结执行',
  notEnforced: '人民法院依法裁定不予执行',
  suspended: '因审判监督或破产程序，人民法院依法裁定对失信被执行人中止执行',
  termEnded: '纳入失信被执行人名单的期限届满',
  corrected: '经审查纳入失信被执行人名单错误，予以纠正',
};
/** The item of Art. 10 para. 1 each ground falls under (the term's end is para. 2; a correction Art. 12). */
export const REMOVAL_GROUND_ARTICLE: Record<RemovalGround, string> = {
  performed: '第十条第一款第（一）项',
  settlementPerformed: '第十条第一款第（二）项',
  applicantRequest: '第十条第一款第（三）项',
  requeryNothing: '第十条第一款第（四）项',
  suspended: '第十条第一款第（五）项',
  notEnforced: '第十条第一款第（六）项',
  terminated: '第十条第一款第（七）项',
  termEnded: '第十条第二款',
  corrected: '第十二条',
};
/** 2017 rules Art. 10 para. 1 and 2: deletion within three working days of the ground. */
export const DELETION_WORKING_DAYS = 3;

/**
 * Minors are never listed (2017 rules Art. 4). Minority is read from the validated ID number, never
 * typed: null when of age on `on`, else the reason to refuse.
 */
export function minorityBar(idNumber: string | null, on: string): { birthDate: string } | { error: string } {
  if (!idNumber) return { error: '被执行人未登记身份证号码：无法核实其是否成年，也无法录入失信被执行人名单库（第四条、第六条）' };
  const v = validateIdNumber(idNumber, on);
  if (!v.ok) return { error: `被执行人身份证号码无效（${v.reason}）：无法核实其是否成年（第四条）` };
  // 已满十八周岁 from the day after the 18th birthday (过了周岁生日，从第二天起，为已满周岁: 法释〔2006〕1号
  // Art. 2, the courts' way of counting full years); a 29 February birthday falls on 28 February in other
  // years (民法典 Art. 201 para. 2: no corresponding day, the month's last day). Erring late never lists a minor.
  const adultFrom = addCalendarDays(addMonths(v.birthDate, 12 * 18), 1);
  if (on < adultFrom) return { error: `被执行人生于${v.birthDate}，${on}时未满十八周岁：未成年人不得纳入失信被执行人名单（第四条）` };
  return { birthDate: v.birthDate };
}

/** Age in whole years on `on` (entry data, 2017 rules Art. 6 (2)). */
export function ageOn(birthDate: string, on: string): number {
  let years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (on.slice(5) < birthDate.slice(5)) years--;
  return years;
}

/** Consumption restriction persons (2015 rules Art. 3 para. 2): an organisation and the four natural persons. */
export const RESTRICTED_ROLES = ['debtor', 'legalRep', 'principal', 'responsible', 'controller'] as const;
export type RestrictedRole = (typeof RESTRICTED_ROLES)[number];
export const RESTRICTED_ROLE_LABELS: Record<RestrictedRole, string> = {
  debtor: '被执行人',
  legalRep: '法定代表人',
  principal: '主要负责人',
  responsible: '影响债务履行的直接责任人员',
  controller: '实际控制人',
};

/** Single permissions (2015 rules Art. 8; the 2019 examples: medical care, funerals, exams; Art. 3 para. 2: private spending from one's own money). */
export const PERMISSION_KINDS = ['medical', 'funeral', 'exam', 'privateFunds', 'other'] as const;
export type PermissionKind = (typeof PERMISSION_KINDS)[number];
export const PERMISSION_KIND_LABELS: Record<PermissionKind, string> = {
  medical: '就医',
  funeral: '奔丧',
  exam: '赴考',
  privateFunds: '以个人财产因私消费',
  other: '其他生活或经营必需',
};

/** Lifting (2015 rules Art. 9): may on security or the applicant's consent; must on full performance. */
export const LIFT_GROUNDS = ['performed', 'security', 'consent'] as const;
export type LiftGround = (typeof LIFT_GROUNDS)[number];
export const LIFT_GROUND_LABELS: Record<LiftGround, string> = {
  performed: '被执行人已履行完毕生效法律文书确定的义务',
  security: '被执行人提供确实有效的担保',
  consent: '申请执行人同意解除',
};

/** What a violation report leads to (2015 rules Art. 11: refusal to perform; 民诉法 fines and detention). */
export const VIOLATION_FOLLOWUPS = ['none', 'fineRequested', 'detentionRequested'] as const;
export type ViolationFollowup = (typeof VIOLATION_FOLLOWUPS)[number];
export const VIOLATION_FOLLOWUP_LABELS: Record<ViolationFollowup, string> = {
  none: '待审查',
  fineRequested: '已提请罚款',
  detentionRequested: '已提请拘留',
};
