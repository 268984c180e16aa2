// Where a case stands in the pipeline (design.md §2). Each stage is owned by one group of the
// command centre; the navigation shows one queue per stage.
export const CASE_STAGES = [
  'filed', // 已立案，待发通知 (文书集约)
  'query', // 通知已发，待网络查控
  'control', // 已有查控反馈，待控制
  'triage', // 待繁简分流
  'fastTrack', // 快执团队办理
  'assignment', // 待分案
  'team', // 法庭执行团队办理
  'closed', // 已结案
  'archived', // 终本库（终结本次执行程序）
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const STAGE_LABELS: Record<CaseStage, string> = {
  filed: '待发通知',
  query: '待查控',
  control: '待控制',
  triage: '待分流',
  fastTrack: '快执',
  assignment: '待分案',
  team: '团队办案',
  closed: '已结案',
  archived: '终本库',
};

/** Case types the filing window registers (执行实施类, domain.md §1.3). */
export const FILING_TYPES = ['执', '执恢', '执保'] as const;
export type FilingType = (typeof FILING_TYPES)[number];
