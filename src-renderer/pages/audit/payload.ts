import { ROLES, type Role } from '../../../src-shared/api/roles';
import { stageLabel } from '../../format';
import { fieldLabel } from '../../../src-shared/fieldLabels';
import { ASSET_TYPE_LABELS } from '../../../src-shared/domain/assets';
import { TRACK_LABELS } from '../../../src-shared/domain/triage';
import { DIST_RULE_LABELS } from '../../../src-shared/domain/distribution';

// How an event's payload reads in the audit views: "before → after" where the event carries both
// (users.update, settings.set, closure corrections), the stage move for stage changes, and the
// remaining fields in short form otherwise. The full payload is shown under the grid.

const FIELD_LABELS: Record<string, string> = {
  displayName: '姓名',
  roles: '角色',
  teamId: '团队',
  allCases: '可查看全部案件',
  active: '启用',
  lockedUntil: '锁定至',
  username: '用户名',
  userId: '用户',
  reason: '理由',
  fields: '查看的字段',
  from: '从',
  to: '到',
  name: '文件',
  closed_on: '结案日期',
  ground: '理由',
  ruling_number: '裁定书号',
  note: '备注',
  number: '案号',
  type: '类型',
  kind: '种类',
  track: '繁简',
  batchNumber: '批次号',
  judgeName: '法官',
  mode: '结案方式',
  amountFen: '金额（分）',
};

/** Coded values a payload carries (asset kinds, tracks, distribution rules, revealed fields, where from). */
const VALUE_LABELS: Record<string, string> = {
  ...ASSET_TYPE_LABELS,
  ...TRACK_LABELS,
  ...DIST_RULE_LABELS,
  manual: '人工',
  web: '网页端',
  desktop: '桌面端',
  parties: '当事人',
  interview: '立案谈话',
  payoutAccount: '收款账户',
};

/** A value in Chinese where it is a code (a word of Latin letters, or a path such as `parties.0.idNumber`), else as written. */
export function valueText(v: string): string {
  if (!/^[a-z][A-Za-z]*(?:\.(?:\d+|[a-z][A-Za-z]*))*$/u.test(v)) return v;
  const last = v.split('.').filter((p) => !/^\d+$/u.test(p)).at(-1)!;
  return VALUE_LABELS[v] ?? fieldLabel(v) ?? VALUE_LABELS[last] ?? v;
}

/** Where an act was done: the web mode records 'web@<address>', a desktop its machine's name. */
export function workstationText(w: string): string {
  return w.replace(/^web(?=@|$)/u, '网页端');
}

/** A payload key in Chinese (never the key itself on screen). */
export const label = (k: string) => FIELD_LABELS[k] ?? fieldLabel(k) ?? '其他信息';

function show(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (key === 'roles' && Array.isArray(v)) return v.map((r) => ROLES[r as Role] ?? String(r)).join('、');
  if (typeof v === 'string') return valueText(v);
  if (typeof v === 'number') return String(v);
  let s: string;
  if (Array.isArray(v)) s = v.map((x) => show(key, x)).join('、');
  else if (isRecord(v)) s = Object.entries(v).map(([k, x]) => `${label(k)} ${show(k, x)}`).join('，');
  else s = String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One line for the grid cell. */
export function payloadSummary(type: string, payload: unknown): string {
  if (!isRecord(payload)) return payload === null || payload === undefined ? '' : show('', payload);
  const { before, after } = payload;
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const who = typeof payload.username === 'string' ? `${payload.username}：` : '';
    return who + keys.map((k) => `${label(k)} ${show(k, before[k])} → ${show(k, after[k])}`).join('；');
  }
  if (type === 'case.stageChanged' && typeof payload.from === 'string' && typeof payload.to === 'string') {
    return `${stageLabel(payload.from)} → ${stageLabel(payload.to)}${typeof payload.reason === 'string' ? `（${payload.reason}）` : ''}`;
  }
  return Object.entries(payload)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${label(k)}：${show(k, v)}`)
    .join('；');
}

/** The whole payload, one "名称：值" line per field (nested objects indented), for the record view. */
export function payloadLines(payload: unknown, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  if (!isRecord(payload)) return payload === null || payload === undefined ? [] : [pad + show('', payload)];
  return Object.entries(payload).flatMap(([k, v]) => {
    if (isRecord(v)) return [`${pad}${label(k)}：`, ...payloadLines(v, depth + 1)];
    if (Array.isArray(v) && v.some(isRecord)) return [`${pad}${label(k)}：`, ...v.flatMap((x) => payloadLines(x, depth + 1))];
    return [`${pad}${label(k)}：${show(k, v)}`];
  });
}
