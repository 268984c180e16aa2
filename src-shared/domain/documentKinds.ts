// The documents the app produces (domain.md §5) and the ways one is served (民诉法 2023 Arts. 87–95).
// Kinds are Chinese names on purpose: they are the agreed cross-domain identifiers (event payloads,
// the register) and what the clerk reads.

export const DOCUMENT_KINDS = [
  '执行通知书',
  '报告财产令',
  '限制消费令',
  '执行案件受理通知书',
  '执行风险告知书',
  '送达回证',
  '初次接待笔录',
  '执行裁定书',
  '协助执行通知书',
  '结案通知书',
  '终本裁定书',
  '查询结果告知书',
  '纳入失信名单决定书',
  '删除失信信息决定书',
  '解除限制消费令',
  // Compulsory measures (民诉法 Arts. 118–119, 259; desks.md §2) and the referral for 拒执罪.
  '拘传票',
  '罚款决定书',
  '拘留决定书',
  '补办拘留批准手续记录',
  '提前解除拘留决定书',
  '搜查令',
  '搜查笔录',
  '案件移送函',
  // Work records (src-shared/domain/workRecords.ts), printed from the case page.
  '执行笔录',
  '谈话笔录',
  '约谈记录',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * The notice set of a new money case: the 执行通知书 and, sent together with it, the 报告财产令
 * (财产调查规定 Art. 3: 金钱债权执行中，报告财产令应当与执行通知同时发出). A case leaves the notice
 * queue (stage filed → query) once both exist.
 */
export const NOTICE_SET_REQUIRED: readonly DocumentKind[] = ['执行通知书', '报告财产令'];
/** What the batch preselects: the two above plus the consumption restriction (限高规定 Art. 1). */
export const NOTICE_SET_DEFAULT: readonly DocumentKind[] = ['执行通知书', '报告财产令', '限制消费令'];

/** Service methods (送达方式): 民诉法 2023 Art. 88 直接, Art. 89 留置, Art. 90 电子, Art. 91 邮寄, Art. 95 公告. */
export const SERVICE_METHODS = ['直接送达', '留置送达', '邮寄送达', '电子送达', '公告送达'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

/** 公告送达 is deemed served 30 days after publication (民诉法 2023 Art. 95). */
export const PUBLICATION_DEEMED_DAYS = 30;

/** China Post EMS tracking numbers: two letters, nine digits, CN (UPU S10), or 13 digits (domestic). */
export const EMS_TRACKING_REGEX = /^(?:[A-Z]{2}\d{9}CN|\d{13})$/;
