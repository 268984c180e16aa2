// The layouts of the files the query clerk carries between this app and the national query system
// (总对总/点对点 网络查控). Both are one header row then one row per record; xlsx (first sheet) or
// csv (comma-separated, RFC 4180 quoting, UTF-8 or GBK). Columns are found by their header text,
// so their order and any extra columns do not matter. Documented for clerks in docs/inquiries.md.

/** Request file (查控请求): one row per debtor of the batch. */
export const REQUEST_COLUMNS = {
  batch: '批次号',
  seq: '序号',
  caseNumber: '案号',
  debtor: '被执行人',
  idKind: '证件类型',
  idCode: '证件号码',
  categories: '查询财产类别',
} as const;

/** Feedback file (查控反馈): one row per finding, or one "nothing found" row per debtor/institution. */
export const FEEDBACK_COLUMNS = {
  batch: '批次号',
  caseNumber: '案号',
  debtor: '被执行人',
  idCode: '证件号码',
  assetType: '财产类型',
  institution: '协助单位',
  identifier: '账号或标识',
  value: '余额或价值（元）',
  otherFrozen: '他案冻结（元）',
  otherFrozenNote: '他案冻结说明',
  queriedOn: '查询日期',
  source: '数据来源',
} as const;
export type FeedbackColumn = keyof typeof FEEDBACK_COLUMNS;

/** Columns a feedback file must have (the others are optional). */
export const FEEDBACK_REQUIRED: readonly FeedbackColumn[] = ['batch', 'caseNumber', 'debtor', 'idCode', 'assetType', 'queriedOn'];

/** Header variants accepted for a feedback column (full-width/half-width brackets, older exports). */
export const FEEDBACK_ALIASES: Partial<Record<FeedbackColumn, readonly string[]>> = {
  institution: ['协助单位', '协助执行单位', '开户机构', '反馈单位'],
  identifier: ['账号或标识', '账号', '财产标识', '账号/标识'],
  value: ['余额或价值（元）', '余额或价值(元)', '余额（元）', '余额(元)', '金额（元）', '金额(元)', '价值（元）'],
  otherFrozen: ['他案冻结（元）', '他案冻结(元)', '已被冻结（元）', '已被冻结(元)'],
  idCode: ['证件号码', '身份证号/统一社会信用代码', '证照号码'],
  debtor: ['被执行人', '被执行人名称', '被查询人'],
};

/** The value a simulated file carries in 数据来源; an import of such a file is marked simulated. */
export const SIMULATED_SOURCE = '模拟反馈（演示用，非真实查询结果）';

export const ID_KIND_LABELS = { person: '居民身份证', org: '统一社会信用代码' } as const;
