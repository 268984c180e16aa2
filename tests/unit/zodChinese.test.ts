import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../../src-shared/zodChinese';

// zod's English defaults never reach the clerk: with the app's configuration loaded every schema
// without its own message reports in Chinese and names the field when its Chinese name is known.

const first = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error!.issues[0]!.message;

describe('zod messages in Chinese', () => {
  it('a number over its maximum names the field and the limit', () => {
    expect(first(z.object({ limit: z.number().max(1000) }), { limit: 5000 })).toBe('每页条数：不能大于 1000');
  });

  it('a number under its minimum, a long text, a short list', () => {
    expect(first(z.object({ principalFen: z.number().int().min(0) }), { principalFen: -1 })).toBe('本金（分）：不能小于 0');
    expect(first(z.object({ cause: z.string().max(5) }), { cause: '一二三四五六' })).toBe('案由：不能超过5个字');
    expect(first(z.object({ debtors: z.array(z.string()).min(1) }), { debtors: [] })).toBe('被执行人：至少1项');
  });

  it('a missing value and a value of the wrong type', () => {
    expect(first(z.object({ filedOn: z.string() }), {})).toBe('立案日期：必填项不能为空');
    expect(first(z.object({ limit: z.number() }), { limit: 'x' })).toBe('每页条数：类型错误：应为数字');
  });

  it('a field without a Chinese name still gets a Chinese message', () => {
    expect(first(z.object({ zzz: z.number().max(3) }), { zzz: 4 })).toBe('不能大于 3');
  });

  it("keeps the schema's own message", () => {
    expect(first(z.object({ limit: z.number().max(1000, '每页最多1000条') }), { limit: 5000 })).toBe('每页最多1000条');
  });

  it('no English word in a message of any common kind', () => {
    const schema = z.object({ a: z.enum(['x', 'y']), b: z.email(), c: z.literal(3), d: z.strictObject({}) });
    for (const issue of schema.safeParse({ a: 'q', b: 'nope', c: 4, d: { e: 1 } }).error!.issues) expect(issue.message).not.toMatch(/[A-Za-z]{3,}/);
  });
});
