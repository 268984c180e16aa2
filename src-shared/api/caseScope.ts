import type { z } from 'zod';
import { SCOPED_ROLES, type Access } from './roles';

// Case ownership is part of each method's contract. A tribunal team's officer sees and changes only
// the team's cases (services/auth/scope.ts); every method says how the cases it touches are found,
// so the registry can hold it to that before the handler runs. Three shapes:
//
//   cases: 'none'                                   touches no case data (settings, calendar, own account)
//   cases: 'court'                                  reads or changes cases court-wide with no narrowing:
//                                                   the registry refuses it on a method open to a scoped role
//   cases: { ids: { 'measureIds[]': 'measure' } }   ids in the input, by path and kind: each is resolved to
//                                                   its cases (src-main/services/auth/caseRefs.ts) and a case
//                                                   outside the caller's scope is refused (403) first
//   cases: { narrows: 'rows' }                      the handler narrows its rows, counts or file to
//                                                   `ctx.scope` (lists, boards, badges, exports)
//   cases: { ids: { batchId: 'inquiryBatch' }, narrows: 'file' }
//                                                   and an uploaded file names cases: the handler checks each
//
// Paths name fields of the parsed input: `caseId`, `scope.teamId`, `items[].assetId`, `caseIds[]`
// (`[]` = every element of a list). A path that is not in the input schema stops the start-up.

/** What an id in an input denotes; each kind has a resolver to case ids in src-main/services/auth/caseRefs.ts. */
export const CASE_REF_KINDS = {
  case: '案件',
  asset: '财产',
  measure: '控制措施',
  document: '文书',
  documentBatch: '文书批次及其合并打印文件',
  inquiryBatch: '查控批次',
  controlBatch: '控制批次',
  requeryBatch: '终本复查批次',
  ledgerEntry: '案款分录',
  job: '长任务（发起人及其中的案件）',
  assignmentRun: '分案批次',
  reportExport: '上报文件（全院）',
  team: '团队（其全部案件）',
  judge: '承办法官（其所在团队）',
  creditListing: '失信名单登记',
  creditCorrection: '失信纠正申请',
  restriction: '限制消费登记',
  restrictionViolation: '违反限制消费举报',
  coercionRequest: '协助申请',
  coercionMeasure: '强制措施',
  coercionLeave: '拘留期间请假',
  coercionReferral: '拒执罪移送',
  coercionOperation: '集中拘传行动（其中的全部案件）',
  workRecord: '笔录',
  attachment: '附件',
  transferRequest: '移交申请',
  closureRequest: '终本申请',
} as const;
export type CaseRefKind = keyof typeof CASE_REF_KINDS;

export type CaseScopeSpec =
  | 'none'
  | 'court'
  | {
      /** Input path → kind of id found there. Every case reached must be in the caller's scope. */
      readonly ids?: Readonly<Record<string, CaseRefKind>>;
      /** The handler applies `ctx.scope` itself: 'rows' narrows what it lists or counts, 'file' checks the cases an uploaded file names. */
      readonly narrows?: 'rows' | 'file';
    };

/** True when a role whose users see only some cases (today: 'team') may call a method with this access. */
export function openToScopedRole(access: Access): boolean {
  if (access === 'public') return false;
  if (access === 'user') return true;
  return access.some((r) => (SCOPED_ROLES as readonly string[]).includes(r));
}

/** `items[].assetId` → [{ key: 'items', each: true }, { key: 'assetId', each: false }]. */
export function parsePath(path: string): { key: string; each: boolean }[] {
  return path.split('.').map((seg) => {
    const each = seg.endsWith('[]');
    const key = each ? seg.slice(0, -2) : seg;
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) throw new Error(`case scope path ${path}: bad segment ${seg}`);
    return { key, each };
  });
}

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; options?: z.ZodType[]; left?: z.ZodType; right?: z.ZodType; getter?: () => z.ZodType };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schemas a value may have after unwrapping optional/default/nullable/pipe and the branches of unions. */
function alternatives(s: z.ZodType, depth = 0): z.ZodType[] {
  if (depth > 20) return [s];
  const d = defOf(s);
  switch (d.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return alternatives(d.innerType!, depth + 1);
    case 'pipe':
      return alternatives(d.in!, depth + 1);
    case 'lazy':
      return alternatives(d.getter!(), depth + 1);
    case 'union':
      return d.options!.flatMap((o) => alternatives(o, depth + 1));
    case 'intersection':
      return [...alternatives(d.left!, depth + 1), ...alternatives(d.right!, depth + 1)];
    default:
      return [s];
  }
}

/**
 * Checks that a declared path exists in an input schema and ends in an id (a number or a string,
 * or a list of them when the last segment ends in []). Returns the reason when it does not.
 */
export function pathProblem(input: z.ZodType, path: string): string | null {
  let level = alternatives(input);
  let segments: ReturnType<typeof parsePath>;
  try {
    segments = parsePath(path);
  } catch (e) {
    return (e as Error).message;
  }
  for (const { key, each } of segments) {
    const next: z.ZodType[] = [];
    for (const s of level) {
      const d = defOf(s);
      if (d.type !== 'object' || !d.shape || !(key in d.shape)) continue;
      let child = alternatives(d.shape[key]!);
      if (each) child = child.flatMap((c) => (defOf(c).type === 'array' ? alternatives(defOf(c).element!) : []));
      next.push(...child);
    }
    if (next.length === 0) return `no field ${key}${each ? '[]' : ''} in the input`;
    level = next;
  }
  const leafTypes = new Set(level.map((s) => defOf(s).type));
  for (const t of leafTypes) if (t !== 'number' && t !== 'string' && t !== 'int') return `ends in a ${t}, not an id`;
  return null;
}

/** The declaration in words, for the generated references (docs/permissions.md, docs/api.md). */
export function caseScopeText(decl: CaseScopeSpec): string {
  if (decl === 'none') return '不涉及案件数据';
  if (decl === 'court') return '全院范围（不向只看本团队案件的角色开放）';
  const parts: string[] = [];
  const ids = Object.entries(decl.ids ?? {});
  if (ids.length) parts.push(`输入中的 ${ids.map(([path, kind]) => `\`${path}\`（${CASE_REF_KINDS[kind]}）`).join('、')} 须属本人可办的案件`);
  if (decl.narrows === 'rows') parts.push('结果只含本人可见的案件');
  if (decl.narrows === 'file') parts.push('上传文件所涉案件逐一核对');
  return parts.join('；');
}
