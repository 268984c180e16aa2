import { z } from 'zod';
import { maskAccount, maskAssetIdentifier, maskBirthDate, maskIdCode, maskIdNumber, maskPhone, maskText } from '../domain/masking';

// Identifiers in API outputs are masked by construction: an output schema marks each field that
// carries one with `masked(kind, schema)`, and the registry masks those fields of every answer,
// for every role, before it leaves the back office (src-main/api/registry.ts). The full values come
// only from `cases.reveal`, whose answer is logged on the case. Files (documents, the query request
// file, the payout list, the monthly export) are not API answers: their own rules are in docs/security.md.

export const MASK_KINDS = {
  idNumber: '身份证号：保留前6位和后4位',
  phone: '电话：保留前3位和后4位',
  account: '账号：保留后4位',
  birthDate: '出生日期（取自身份证号）：全部遮盖',
  idCode: '证件号码：身份证号遮盖，统一社会信用代码照常显示',
  assetIdentifier: '财产标识：账户类（存款、网络支付、证券、公积金、保险）保留后4位，其他财产的长数字串遮盖',
  text: '文字：其中的身份证号和9位以上数字（账号、电话）保留后4位',
  payload: '事件内容：按字段名遮盖身份证号、电话、账号、出生日期，其余文字同“文字”',
} as const;
export type MaskKind = keyof typeof MASK_KINDS;

export const maskedFields = z.registry<{ mask: MaskKind }>();

/** Marks an output field as carrying an identifier of this kind (the schema itself is unchanged). */
export function masked<T extends z.ZodType>(kind: MaskKind, schema: T): T {
  maskedFields.add(schema, { mask: kind });
  return schema;
}

/** Where the marked fields of an output are: a tree following objects, lists and records. */
export interface MaskPlan {
  kind?: MaskKind;
  fields?: Record<string, MaskPlan>;
  each?: MaskPlan;
}

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; options?: z.ZodType[]; left?: z.ZodType; right?: z.ZodType; valueType?: z.ZodType; getter?: () => z.ZodType };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function merge(a: MaskPlan | null, b: MaskPlan | null): MaskPlan | null {
  if (!a) return b;
  if (!b) return a;
  const out: MaskPlan = { ...a };
  if (b.kind) out.kind = b.kind;
  if (b.each) out.each = merge(a.each ?? null, b.each) ?? undefined;
  if (b.fields) {
    out.fields = { ...(a.fields ?? {}) };
    for (const [k, v] of Object.entries(b.fields)) {
      const m = merge(out.fields[k] ?? null, v);
      if (m) out.fields[k] = m;
    }
  }
  return out;
}

/** The mask plan of a schema, or null when nothing in it is marked. */
export function maskPlan(schema: z.ZodType, depth = 0): MaskPlan | null {
  if (depth > 40) return null;
  const meta = maskedFields.get(schema);
  if (meta) return { kind: meta.mask };
  const d = defOf(schema);
  switch (d.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return maskPlan(d.innerType!, depth + 1);
    case 'pipe':
      return merge(maskPlan(d.in!, depth + 1), maskPlan(d.out!, depth + 1));
    case 'lazy':
      return maskPlan(d.getter!(), depth + 1);
    case 'union':
      return d.options!.reduce<MaskPlan | null>((acc, o) => merge(acc, maskPlan(o, depth + 1)), null);
    case 'intersection':
      return merge(maskPlan(d.left!, depth + 1), maskPlan(d.right!, depth + 1));
    case 'array': {
      const each = maskPlan(d.element!, depth + 1);
      return each ? { each } : null;
    }
    case 'record': {
      const each = maskPlan(d.valueType!, depth + 1);
      return each ? { each } : null;
    }
    case 'object': {
      const fields: Record<string, MaskPlan> = {};
      for (const [k, v] of Object.entries(d.shape ?? {})) {
        const p = maskPlan(v, depth + 1);
        if (p) fields[k] = p;
      }
      return Object.keys(fields).length ? { fields } : null;
    }
    default:
      return null;
  }
}

const PAYLOAD_KEYS: [RegExp, (v: string, parent: Record<string, unknown>) => string | null][] = [
  [/^(idNumber|idCode|debtorCode)$/i, (v) => maskIdCode(v)],
  [/phone/i, (v) => maskPhone(v)],
  [/account/i, (v) => maskAccount(v)],
  [/birthDate/i, (v) => maskBirthDate(v)],
  [/^identifier$/, (v, parent) => maskAssetIdentifier(v, parent.type ?? parent.assetType)],
];
/** Keys of references, numbers and times: kept as they are (a batch's UUID must still open the batch). */
const KEPT_KEYS = /(^id$|Id$|Ids$|^number$|Number$|hash|^at$|At$|On$|^kind$|^type$|^status$)/;

function maskPayload(v: unknown, depth = 0): unknown {
  if (depth > 10) return v;
  if (typeof v === 'string') return maskText(v);
  if (Array.isArray(v)) return v.map((x) => maskPayload(x, depth + 1));
  if (v && typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(obj)) {
      const rule = typeof x === 'string' ? PAYLOAD_KEYS.find(([re]) => re.test(k)) : undefined;
      out[k] = rule ? rule[1](x as string, obj) : typeof x === 'string' && KEPT_KEYS.test(k) ? x : maskPayload(x, depth + 1);
    }
    return out;
  }
  return v;
}

function maskValue(kind: MaskKind, v: unknown, parent: Record<string, unknown> | null): unknown {
  if (kind === 'payload') return maskPayload(v);
  if (typeof v !== 'string') return v;
  switch (kind) {
    case 'idNumber':
      return maskIdNumber(v);
    case 'phone':
      return maskPhone(v);
    case 'account':
      return maskAccount(v);
    case 'birthDate':
      return maskBirthDate(v);
    case 'idCode':
      return maskIdCode(v);
    case 'assetIdentifier':
      return maskAssetIdentifier(v, parent?.type ?? parent?.assetType);
    case 'text':
      return maskText(v);
  }
}

/** A copy of `value` with every marked field masked (the handler's own objects are never changed). */
export function applyMasks(value: unknown, plan: MaskPlan | null, parent: Record<string, unknown> | null = null): unknown {
  if (!plan || value === null || value === undefined) return value;
  if (plan.kind) return maskValue(plan.kind, value, parent);
  if (Array.isArray(value)) return plan.each ? value.map((x) => applyMasks(x, plan.each!, parent)) : value;
  if (typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  if (plan.fields) {
    const out: Record<string, unknown> = { ...obj };
    for (const [k, p] of Object.entries(plan.fields)) if (k in out) out[k] = applyMasks(out[k], p, obj);
    return out;
  }
  if (plan.each) return Object.fromEntries(Object.entries(obj).map(([k, x]) => [k, applyMasks(x, plan.each!, obj)]));
  return value;
}

/** The marked fields of a plan as paths (`parties[].idNumber`), for the generated API reference. */
export function maskedPaths(plan: MaskPlan | null, prefix = ''): { path: string; kind: MaskKind }[] {
  if (!plan) return [];
  if (plan.kind) return [{ path: prefix || '(result)', kind: plan.kind }];
  const out: { path: string; kind: MaskKind }[] = [];
  if (plan.each) out.push(...maskedPaths(plan.each, `${prefix}[]`));
  for (const [k, p] of Object.entries(plan.fields ?? {})) out.push(...maskedPaths(p, prefix ? `${prefix}.${k}` : k));
  return out;
}
