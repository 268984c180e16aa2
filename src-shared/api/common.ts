import { z } from 'zod';
import { MAX_AMOUNT_FEN } from '../domain/money';

// Building blocks shared by many method schemas. Every string has already been through the text
// hygiene of ./hygiene.ts when a schema sees it (the registry cleans input first).

/**
 * The dates an input may name. None before the founding of the People's Republic (1949-10-01): no
 * enforcement title, filing or receipt predates it, so an earlier date is a typing error (0001-01-01).
 * None after 2100-12-31: the working-day calendar (calendar.set) covers years up to 2100, so no
 * time limit could be counted past it.
 */
export const DATE_MIN = '1949-10-01';
export const DATE_MAX = '2100-12-31';

const DATE_EXPECTED = '应为日期 YYYY-MM-DD';
export const isoDate = z
  .string({ error: (iss) => (iss.input === undefined || iss.input === null ? '必填项不能为空' : DATE_EXPECTED) })
  .regex(/^\d{4}-\d{2}-\d{2}$/, DATE_EXPECTED)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, `不是有效的日期（${DATE_EXPECTED}）`)
  .refine((s) => s >= DATE_MIN && s <= DATE_MAX, `日期应在 ${DATE_MIN} 至 ${DATE_MAX} 之间`);

/** Money in integer fen, 0 … MAX_AMOUNT_FEN (100亿元), so that every sum stays exact (domain/money.ts). */
export const fen = z
  .number({ error: (iss) => (iss.input === undefined || iss.input === null ? '必填项不能为空' : '金额应为整数（单位：分）') })
  .int('金额应为整数（单位：分）')
  .min(0, '金额不能为负')
  .max(MAX_AMOUNT_FEN, `金额不能超过 ${MAX_AMOUNT_FEN / 100 / 1e8} 亿元`);

const MB = 1024 * 1024;
/**
 * An uploaded file: base64 text in JSON (the desktop, tests), or the bytes themselves once the web
 * transport has decoded the declared `fileFields` off the request thread.
 */
export const fileContent = (maxBytes: number) =>
  z
    .custom<string | Uint8Array>((v) => typeof v === 'string' || v instanceof Uint8Array, { error: '应为文件内容（base64 编码的文本）' })
    .superRefine((v, ctx) => {
      const bytes = typeof v === 'string' ? Math.floor((v.length * 3) / 4) : v.length;
      if (bytes === 0) ctx.addIssue({ code: 'custom', message: '文件内容为空' });
      else if (bytes > maxBytes + 3) ctx.addIssue({ code: 'custom', message: `文件超过文件大小上限 ${Math.round(maxBytes / MB)} MB，整份未导入` });
    })
    .meta({ type: 'string', contentEncoding: 'base64', description: '文件内容（base64）' });

/** The request body that carries `fileBytes` of files as base64 (4 characters per 3 bytes), with room for the rest. */
export const uploadBodyBytes = (fileBytes: number) => Math.ceil(fileBytes / 3) * 4 + MB;

/** A row id: a positive integer. */
export const id = z
  .number({ error: (iss) => (iss.input === undefined || iss.input === null ? '必填项不能为空' : '类型错误：应为整数') })
  .int('类型错误：应为整数')
  .positive('应为正整数');
export const shortText = (max = 200) => z.string().trim().max(max, `不能超过${max}个字`);
export const requiredText = (label: string, max = 200) =>
  z.string({ error: `${label}不能为空` }).trim().min(1, `${label}不能为空`).max(max, `${label}不能超过${max}个字`);

export const sortDir = z.enum(['asc', 'desc']);
export const paging = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
};
export const pageOf = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row), total: z.number().int() });

export const emptyInput = z.object({}).strict().default({});
export const okOutput = z.object({ ok: z.literal(true) });

/**
 * Set while the derived table behind a read is being derived again from the event log (its rules
 * changed): the figures may still be the old ones for the cases not yet reached. Null when current.
 */
export const rebuildingView = z
  .object({ label: z.string(), done: z.number().int(), total: z.number().int() })
  .nullable()
  .describe('派生数据重新生成进度（规则更新后按事件日志重新计算期间不为空）');
