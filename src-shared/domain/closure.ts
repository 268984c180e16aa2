// Closure modes, the facts each needs, the 终本 checklist and the re-query schedule (domain.md §4).
// Pure rules, no I/O: the back office evaluates them against a case's events, the UI shows them.

/** Closure modes of implementation cases: 法发〔2014〕26号 Art. 14 (domain.md §4.1). */
export const CLOSURE_MODES = ['执行完毕', '终结本次执行程序', '终结执行', '销案', '不予执行', '驳回申请'] as const;
/** Closure modes of 执保 cases (domain.md §4.1, [U]: local practice). */
export const PRESERVATION_CLOSURE_MODES = ['保全完毕', '部分保全', '无标的物可实施保全'] as const;
export const ALL_CLOSURE_MODES = [...CLOSURE_MODES, ...PRESERVATION_CLOSURE_MODES] as const;
export type ClosureMode = (typeof ALL_CLOSURE_MODES)[number];

export const ZHONGBEN: ClosureMode = '终结本次执行程序';

/** The modes a case of this type may close with: 执保 has its own; 执 and 执恢 the six of Art. 14. */
export function modesFor(caseType: string): readonly ClosureMode[] {
  return caseType === '执保' ? PRESERVATION_CLOSURE_MODES : CLOSURE_MODES;
}

export interface ModeRule {
  /** Why the mode exists, for the UI and for reviewers. */
  basis: string;
  /** A ground must be stated (终结执行: 民诉法 2023 Art. 268; 销案: 2014 opinion Art. 18; …). */
  needsGround: boolean;
  /** The number of a ruling made elsewhere must be entered (不予执行: the ruling on the debtor's application, Art. 19). */
  needsRulingNumber: boolean;
  /** Documents the closure produces through the documents engine. */
  documents: readonly string[];
  /** Suggested grounds (the clerk may write another). */
  grounds?: readonly string[];
}

export const MODE_RULES: Record<ClosureMode, ModeRule> = {
  执行完毕: {
    basis: '法发〔2014〕26号第15条：生效法律文书确定的义务已全部履行完毕，或执行和解协议已履行完毕',
    needsGround: false,
    needsRulingNumber: false,
    documents: ['结案通知书'],
  },
  终结本次执行程序: {
    basis: '《关于严格规范终结本次执行程序的规定（试行）》第1条；民诉法解释（2022）第517条',
    needsGround: false,
    needsRulingNumber: false,
    documents: ['终本裁定书'],
  },
  终结执行: {
    basis: '民事诉讼法（2023）第268条；法发〔2014〕26号第17条',
    needsGround: true,
    needsRulingNumber: false,
    documents: ['执行裁定书'],
    // 民事诉讼法（2023）第二百六十八条 (laws/民事诉讼法(2023-09-01).md)
    grounds: [
      '申请人撤销申请',
      '据以执行的法律文书被撤销',
      '作为被执行人的公民死亡，无遗产可供执行，又无义务承担人',
      '追索赡养费、扶养费、抚养费案件的权利人死亡',
      '作为被执行人的公民因生活困难无力偿还借款，无收入来源，又丧失劳动能力',
      '人民法院认为应当终结执行的其他情形',
    ],
  },
  销案: {
    basis: '法发〔2014〕26号第18条',
    needsGround: true,
    needsRulingNumber: false,
    documents: ['结案通知书'],
    grounds: ['被执行人提出管辖异议成立，移送有管辖权的法院', '发现其他有管辖权的法院已经立案在先', '受托法院报经高级人民法院同意退回委托', '申请执行人撤回申请'],
  },
  不予执行: {
    basis: '法发〔2014〕26号第19条：被执行人申请不予执行仲裁裁决、公证债权文书，人民法院裁定不予执行',
    needsGround: true,
    needsRulingNumber: true,
    documents: ['结案通知书'],
    grounds: ['裁定不予执行仲裁裁决', '裁定不予执行公证债权文书'],
  },
  驳回申请: {
    basis: '法发〔2014〕26号第20条：立案后发现不符合受理条件',
    needsGround: true,
    needsRulingNumber: false,
    documents: ['执行裁定书'],
  },
  保全完毕: { basis: '执保案件：保全裁定全部实施', needsGround: false, needsRulingNumber: false, documents: ['结案通知书'] },
  部分保全: { basis: '执保案件：保全裁定部分实施', needsGround: true, needsRulingNumber: false, documents: ['结案通知书'] },
  无标的物可实施保全: { basis: '执保案件：未发现可供保全的财产', needsGround: false, needsRulingNumber: false, documents: ['结案通知书'] },
};

/** 第（一）项 … 第（六）项: how a ruling and the UI name an item of an article. */
export const ITEM_NUMERALS = ['一', '二', '三', '四', '五', '六'] as const;

/**
 * The ground of a 终结执行 closure from the item of 民诉法 2023 Art. 268 the clerk picked and the
 * particulars written beside it: the item's own wording, then the particulars. Item (六) "其他情形"
 * says nothing by itself, so its particulars are required. Errors name the field in Chinese.
 */
export function terminationGround(item: number | null, detail: string): { ok: true; ground: string; groundItem: number } | { ok: false; field: 'groundItem' | 'ground'; message: string } {
  const grounds = MODE_RULES.终结执行.grounds!;
  if (item === null || !Number.isInteger(item) || item < 1 || item > grounds.length) return { ok: false, field: 'groundItem', message: '终结执行的事由：请选择民事诉讼法第二百六十八条的一项' };
  const text = detail.trim();
  if (item === grounds.length && !text) return { ok: false, field: 'ground', message: '终结执行的事由：选择“其他情形”时须写明具体情形' };
  if (text.length > 400) return { ok: false, field: 'ground', message: '终结执行的事由：具体情形不超过400字' };
  return { ok: true, ground: text ? `${grounds[item - 1]}：${text}` : grounds[item - 1]!, groundItem: item };
}

/** The item of Art. 268 a written ground states, when it begins with an item's wording (a ground typed or imported without the item). */
export function terminationItemOf(ground: string | undefined): number | undefined {
  const g = ground?.trim() ?? '';
  const i = MODE_RULES.终结执行.grounds!.findIndex((w) => g === w || g.startsWith(`${w}：`));
  return i < 0 ? undefined : i + 1;
}

/** Modes after which the case goes to the 终本 archive (stage 'archived') rather than 'closed'. */
export function isZhongben(mode: string): boolean {
  return mode === ZHONGBEN;
}

// ---- The 终本 checklist (《关于严格规范终结本次执行程序的规定（试行）》, 法〔2016〕373号, Arts. 1–5) ----

export const CHECKLIST_ITEMS = [
  'noticeServed',
  'reportOrderServed',
  'restrictionIssued',
  'onlineQueried',
  'nothingDisposable',
  'threeMonths',
  'debtorSearched',
  'applicantInterviewed',
] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export interface ChecklistItemRule {
  label: string;
  basis: string;
  /** 'events': checked from the case's own events; 'attestation': the clerk attests it with a note. */
  source: 'events' | 'attestation';
  /**
   * Whether a clerk's attestation (with a reference into the paper file) may satisfy an events item,
   * e.g. for a migrated case whose notices were served before the app existed. A date rule never is.
   */
  attestable: boolean;
}

export const CHECKLIST_RULES: Record<ChecklistItem, ChecklistItemRule> = {
  noticeServed: { label: '执行通知书已送达', basis: '终本规定第1条第1项', source: 'events', attestable: true },
  reportOrderServed: { label: '报告财产令已送达', basis: '终本规定第1条第1项、第2条', source: 'events', attestable: true },
  restrictionIssued: { label: '已发出限制消费令（符合条件的纳入失信名单）', basis: '终本规定第1条第2项', source: 'events', attestable: true },
  onlineQueried: { label: '已通过网络执行查控系统查询并记录', basis: '终本规定第1条第3项、第3条', source: 'events', attestable: true },
  nothingDisposable: { label: '未发现可供执行的财产或财产不能处置', basis: '终本规定第1条第3项、第4条；民诉法解释第517条', source: 'events', attestable: true },
  threeMonths: { label: '自立案之日起已超过三个月', basis: '终本规定第1条第4项', source: 'events', attestable: false },
  debtorSearched: { label: '下落不明的被执行人已依法查找（或无下落不明情形）', basis: '终本规定第1条第5项', source: 'attestation', attestable: true },
  // Met by the case's 约谈记录 (dated the day it was held); attested only for a paper file's record.
  applicantInterviewed: { label: '已约谈申请执行人，告知并听取意见（笔录在卷）', basis: '终本规定第5条', source: 'events', attestable: true },
};

// ---- Dates ----

/**
 * `date` plus `n` calendar months, clamped to the month's end (2026-08-31 + 6 → 2027-02-28), the
 * way a period "of six months" ends on the corresponding day of the later month.
 */
export function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * 终本规定 Art. 1(4): more than three months must have passed since filing, i.e. the earliest 终本
 * date is the day after the date three months on (filed 2026-01-15 → earliest 2026-04-16).
 */
export function earliestZhongbenDate(filedOn: string): string {
  const end = addMonths(filedOn, 3);
  const next = new Date(`${end}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * 终本规定 Art. 9: for five years after termination the court queries the debtor's property every
 * six months. Round k (1-based) is due on terminatedOn + k × interval months.
 */
export function requeryDueDates(terminatedOn: string, intervalMonths: number, years: number): string[] {
  const rounds = Math.floor((years * 12) / intervalMonths);
  return Array.from({ length: rounds }, (_, i) => addMonths(terminatedOn, (i + 1) * intervalMonths));
}

/** Reasons a 终本 quality review may fail, one per checklist item plus the ruling itself. */
export const REVIEW_REASONS = [
  ...CHECKLIST_ITEMS.map((k) => CHECKLIST_RULES[k].label),
  '终本裁定书内容不全',
  '卷宗材料不全或未扫描',
  '终本后未按期复查',
] as const;
