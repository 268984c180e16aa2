import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanInput, cleanText, MAX_INPUT_DEPTH } from '../../src-shared/api/hygiene';
import { DATE_MAX, DATE_MIN, fen, id, isoDate } from '../../src-shared/api/common';
import { MAX_AMOUNT_FEN, MAX_LEDGER_ENTRIES_PER_CASE } from '../../src-shared/domain/money';

// Input hygiene (src-shared/api/hygiene.ts), property-tested: what the rules promise holds for any
// string, not only for the examples below.

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\ufe0f', '\u180e', '\u3164', '\u0001', '\u0008', '\u001b', '\u007f', '\u009b'];
const CHINESE_PUNCTUATION = '，：；（）！？、。“”‘’《》【】';
const invisible = fc.constantFrom(...INVISIBLE);
const chinese = fc.string({ unit: fc.constantFrom(...'张三李四王五开鲁县人民法院执行局内蒙古通辽市有限公司'.split(''), ...CHINESE_PUNCTUATION.split('')), minLength: 1, maxLength: 30 });
const anyText = fc.string({ unit: 'binary', maxLength: 40 });

const ok = (s: string) => {
  const c = cleanText(s);
  if (!c.ok) throw new Error(`refused: ${JSON.stringify(s)} (${c.reason})`);
  return c.value;
};

describe('cleanText', () => {
  it('leaves printable ASCII, tabs and line feeds as they are', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...' abcXYZ019!@#$%^&*()_+-=[]{};:\'",.<>/?\\|`~\t\n'.split('')) }), (s) => {
        expect(ok(s)).toBe(s);
      }));
  });

  it('keeps Chinese text and its full-width punctuation exactly as typed', () => {
    fc.assert(fc.property(chinese, (s) => {
        expect(ok(s)).toBe(s);
      }));
    expect(ok('（2024）内0523民初123号')).toBe('（2024）内0523民初123号');
    expect(ok('房屋一套（120㎡），①号楼')).toBe('房屋一套（120㎡），①号楼');
  });

  it('folds full-width digits and letters (NFKC) and the ideographic space', () => {
    expect(ok('１５０５２３１９８００１０１１２３Ｘ')).toBe('15052319800101123X');
    expect(ok('开鲁\u3000法院')).toBe('开鲁 法院');
    expect(ok('ﬁle')).toBe('file');
  });

  it('removes every invisible or control character: inserted anywhere, it changes nothing', () => {
    fc.assert(
      fc.property(chinese, fc.array(fc.tuple(fc.nat(), invisible), { minLength: 1, maxLength: 5 }), (s, inserts) => {
        let t = s;
        for (const [at, ch] of inserts) {
          const i = at % (t.length + 1);
          t = t.slice(0, i) + ch + t.slice(i);
        }
        expect(ok(t)).toBe(ok(s));
      }),
    );
  });

  it('never lets out a control, format, bidi or zero-width character, and is idempotent', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const c = cleanText(s);
        if (!c.ok) return;
        expect(c.value).not.toMatch(/[\x00-\x08\x0B-\x1F\x7F-\x9F\p{Cf}\uFE00-\uFE0F]/u);
        expect(c.value).not.toMatch(/\p{Cs}/u);
        expect(cleanText(c.value)).toEqual({ ok: true, value: c.value });
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses NUL and lone surrogates, naming them', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        expect(cleanText(`${a}\u0000${b}`)).toEqual({ ok: false, reason: expect.stringMatching(/空字符（NUL）|孤立的代理项/) });
      }),
    );
    fc.assert(
      fc.property(chinese, fc.integer({ min: 0xd800, max: 0xdfff }), (s, cu) => {
        expect(cleanText(s + String.fromCharCode(cu))).toEqual({ ok: false, reason: '含有无效的字符编码（孤立的代理项）' });
      }),
    );
    expect(ok('😀')).toBe('😀'); // a pair is a character
  });

  it('refuses a value made only of invisible characters instead of emptying it', () => {
    fc.assert(fc.property(fc.array(invisible, { minLength: 1, maxLength: 6 }), (cs) => {
        expect(cleanText(cs.join(''))).toEqual({ ok: false, reason: '只含有不可见字符或控制字符' });
      }));
    for (const one of INVISIBLE) expect(cleanText(one), JSON.stringify(one)).toEqual({ ok: false, reason: '只含有不可见字符或控制字符' });
    expect(ok('')).toBe('');
    expect(ok('   ')).toBe('   ');
  });

  it('turns CR and CRLF into LF', () => {
    expect(ok('第一行\r\n第二行\r第三行')).toBe('第一行\n第二行\n第三行');
  });
});

describe('cleanInput', () => {
  it('cleans every string at any depth and names the path of the one refused', () => {
    expect(cleanInput({ a: ['x\u200by', { b: '１' }], n: 5, t: true, z: null })).toEqual({ ok: true, value: { a: ['xy', { b: '1' }], n: 5, t: true, z: null } });
    expect(cleanInput({ debtors: [{ name: '张三' }, { name: '李\u0000四' }] })).toEqual({ ok: false, field: 'debtors.1.name', reason: '含有空字符（NUL）' });
  });

  it('keeps a "__proto__" key a plain field', () => {
    const r = cleanInput(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'));
    expect(r.ok).toBe(true);
    const v = (r as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`refuses nesting past ${MAX_INPUT_DEPTH} levels`, () => {
    let deep: unknown = 1;
    for (let i = 0; i < MAX_INPUT_DEPTH + 2; i++) deep = [deep];
    expect(cleanInput(deep)).toMatchObject({ ok: false, reason: `输入嵌套超过 ${MAX_INPUT_DEPTH} 层` });
  });
});

describe('dates and money at the boundary', () => {
  it(`accepts every real date from ${DATE_MIN} to ${DATE_MAX} and nothing outside`, () => {
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    const lo = Date.UTC(1949, 9, 1);
    const hi = Date.UTC(2100, 11, 31);
    fc.assert(fc.property(fc.integer({ min: lo, max: hi }), (t) => {
        expect(isoDate.safeParse(day(t)).success).toBe(true);
      }));
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: Date.UTC(1, 0, 1), max: lo - 86_400_000 }), fc.integer({ min: hi + 86_400_000, max: Date.UTC(9999, 11, 31) })), (t) => {
        const r = isoDate.safeParse(day(t));
        expect(r.success).toBe(false);
        expect(r.error!.issues[0]!.message).toBe('日期应在 1949-10-01 至 2100-12-31 之间');
      }),
    );
    expect(isoDate.safeParse('0001-01-01').success).toBe(false);
    expect(isoDate.safeParse('2026-02-30').error!.issues[0]!.message).toBe('不是有效的日期（应为日期 YYYY-MM-DD）');
    expect(isoDate.safeParse(20260101, { reportInput: true }).error!.issues[0]!.message).toBe('应为日期 YYYY-MM-DD');
  });

  it('bounds money so that a case ledger at its limit still sums exactly', () => {
    // The bound's reason, checked: the most entries a case may hold, each the largest amount, stay below 2^53.
    expect(MAX_AMOUNT_FEN * MAX_LEDGER_ENTRIES_PER_CASE).toBeLessThan(2 ** 53);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: MAX_AMOUNT_FEN }), { minLength: 1, maxLength: 200 }), (xs) => {
        for (const x of xs) expect(fen.safeParse(x).success).toBe(true);
        const sum = xs.reduce((a, b) => a + b, 0);
        expect(Number.isSafeInteger(sum)).toBe(true);
        expect(BigInt(sum)).toBe(xs.reduce((a, b) => a + BigInt(b), 0n));
      }),
    );
    expect(fen.safeParse(MAX_AMOUNT_FEN + 1).error!.issues[0]!.message).toBe('金额不能超过 100 亿元');
    expect(fen.safeParse(2 ** 53 - 1).success).toBe(false);
    expect(fen.safeParse(1.5).error!.issues[0]!.message).toBe('金额应为整数（单位：分）');
    expect(id.safeParse('12', { reportInput: true }).error!.issues[0]!.message).toBe('类型错误：应为整数');
  });
});
