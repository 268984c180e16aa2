import { z } from 'zod';

// Building blocks shared by many method schemas.
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '不是有效的日期');
export const fen = z.number().int('金额须为整数分').min(0, '金额不能为负').max(Number.MAX_SAFE_INTEGER, '金额过大');
export const id = z.number().int().positive();
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
