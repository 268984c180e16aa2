// The catalogue of case events. Every change to a case is one event (全程留痕); deadlines and
// metrics are computed from them. `node` names the process node of the national case-flow system
// the event corresponds to (metrics.md §4), so reports can be mapped onto it.
export interface EventTypeInfo {
  label: string;
  node?: string;
}

export const EVENT_TYPES: Record<string, EventTypeInfo> = {
  'case.filed': { label: '立案', node: '立案审查' },
  'case.migrated': { label: '迁移旧案', node: '立案审查' },
  'case.interviewed': { label: '初次接待笔录', node: '立案审查' },
  'case.stageChanged': { label: '流转' },
  'settings.changed': { label: '修改设置' },
  'user.created': { label: '新建用户' },
  'system.setup': { label: '首次设置' },
  // Each later domain adds its own section below (documents, inquiries, measures, ledger, triage,
  // assignment, closure, archive, ...).
};

export function eventLabel(type: string): string {
  return EVENT_TYPES[type]?.label ?? type;
}
