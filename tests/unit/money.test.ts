import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fenToChineseCapital, fenToYuanString, formatYuan, isFen, parseYuan } from '../../src-shared/domain/money';

function fenOf(input: string | number, allowNegative = false): number {
  const r = parseYuan(input, { allowNegative });
  if (!r.ok) throw new Error(`expected ${String(input)} to parse: ${r.reason}`);
  return r.fen;
}

function reasonOf(input: string | number, allowNegative = false): string {
  const r = parseYuan(input, { allowNegative });
  if (r.ok) throw new Error(`expected rejection of ${String(input)}`);
  return r.reason;
}

describe('isFen', () => {
  it('accepts safe integers only', () => {
    expect(isFen(0)).toBe(true);
    expect(isFen(-1)).toBe(true);
    expect(isFen(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(isFen(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
    expect(isFen(1.5)).toBe(false);
    expect(isFen(Number.NaN)).toBe(false);
    expect(isFen(Infinity)).toBe(false);
    expect(isFen('1')).toBe(false);
    expect(isFen(null)).toBe(false);
  });
});

describe('parseYuan', () => {
  it('accepts the usual ways amounts are written', () => {
    expect(fenOf('12345.6')).toBe(1234560);
    expect(fenOf('1,234.56')).toBe(123456);
    expect(fenOf('¥1,234')).toBe(123400);
    expect(fenOf('￥1,234.00元')).toBe(123400);
    expect(fenOf(' ¥ 1,234,567.8 ')).toBe(123456780);
    expect(fenOf('1234元')).toBe(123400);
    expect(fenOf('0.01')).toBe(1);
    expect(fenOf('0')).toBe(0);
    expect(fenOf('007.5')).toBe(750);
    expect(fenOf('+5')).toBe(500);
  });
  it('accepts full-width digits and punctuation (NFKC)', () => {
    expect(fenOf('１２３４．５６')).toBe(123456);
    expect(fenOf('１，２３４．５')).toBe(123450);
    expect(fenOf('￥１２３')).toBe(12300);
  });
  it('accepts extra trailing zeros, which lose nothing', () => {
    expect(fenOf('1.230')).toBe(123);
    expect(fenOf('1.000')).toBe(100);
  });
  it('rejects more than two decimals', () => {
    expect(reasonOf('1.234')).toBe('金额最多两位小数');
    expect(reasonOf('0.001')).toBe('金额最多两位小数');
    expect(reasonOf(0.1 + 0.2)).toBe('金额最多两位小数'); // 0.30000000000000004
    expect(reasonOf(1.005)).toBe('金额最多两位小数');
  });
  it('rejects negatives unless allowed', () => {
    expect(reasonOf('-12.5')).toBe('金额不能为负数');
    expect(reasonOf(-5)).toBe('金额不能为负数');
    expect(fenOf('-12.5', true)).toBe(-1250);
    expect(fenOf('−12.5', true)).toBe(-1250); // U+2212 minus sign
    expect(fenOf('-¥1,234.5', true)).toBe(-123450);
    expect(fenOf('¥-1,234.5', true)).toBe(-123450);
    expect(fenOf(-5, true)).toBe(-500);
    expect(Object.is(fenOf('-0'), 0)).toBe(true); // zero is not negative, and never -0
    expect(Object.is(fenOf('-0.00', true), 0)).toBe(true);
  });
  it('rejects things that are not amounts', () => {
    for (const bad of ['', '   ', 'abc', '¥', '-', '1e5', '12.', '.5', '1.2.3', '--1', '-¥-1', '1 234', '12a', '一百', '0x10']) {
      expect(parseYuan(bad, { allowNegative: true }).ok).toBe(false);
    }
    expect(reasonOf('')).toBe('金额不能为空');
    expect(reasonOf('12.')).toBe('小数点后缺少数字');
    expect(reasonOf(Number.NaN)).toBe('金额不是有效数字');
    expect(reasonOf(Infinity)).toBe('金额不是有效数字');
    expect(reasonOf(1e-7)).toContain('格式无效');
  });
  it('checks thousands separators', () => {
    for (const bad of ['1,23', '12,345,67', ',123', '1234,567', '1,,234', '1,234,']) {
      expect(reasonOf(bad)).toMatch(/千分位|格式无效/u);
    }
    expect(fenOf('123,456,789')).toBe(12345678900);
  });
  it('accepts numbers through their decimal string', () => {
    expect(fenOf(12.34)).toBe(1234);
    expect(fenOf(100)).toBe(10000);
    expect(fenOf(0.07)).toBe(7);
    expect(fenOf(1.1)).toBe(110);
    expect(fenOf(19.99)).toBe(1999); // 19.99 * 100 === 1998.9999999999998 in floats
    expect(reasonOf(2 ** 43 + 1)).toContain('文本');
  });
  it('rejects amounts beyond Number.MAX_SAFE_INTEGER fen', () => {
    expect(fenOf('90,071,992,547,409.91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(reasonOf('90071992547409.92')).toBe('金额超出可处理范围');
    expect(reasonOf('999999999999999999999999')).toBe('金额超出可处理范围');
    expect(fenOf('-90071992547409.91', true)).toBe(-Number.MAX_SAFE_INTEGER);
  });
});

describe('formatYuan / fenToYuanString', () => {
  it('formats with separators and two decimals', () => {
    expect(formatYuan(12345600)).toBe('123,456.00');
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(-0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatYuan(99999)).toBe('999.99');
    expect(formatYuan(100000)).toBe('1,000.00');
    expect(formatYuan(-123456789)).toBe('-1,234,567.89');
    expect(formatYuan(Number.MAX_SAFE_INTEGER)).toBe('90,071,992,547,409.91');
  });
  it('fenToYuanString has no separators', () => {
    expect(fenToYuanString(12345600)).toBe('123456.00');
    expect(fenToYuanString(1)).toBe('0.01');
    expect(fenToYuanString(-150)).toBe('-1.50');
    expect(fenToYuanString(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
  });
  it('throws on non-fen values', () => {
    for (const bad of [1.5, Number.NaN, Infinity, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => formatYuan(bad)).toThrow(RangeError);
      expect(() => fenToYuanString(bad)).toThrow(RangeError);
      expect(() => fenToChineseCapital(bad)).toThrow(RangeError);
    }
  });
});

describe('fenToChineseCapital', () => {
  const yuan = (y: number, cents = 0): number => y * 100 + cents;

  it('the examples in the PBoC rules on filling in instruments', () => {
    expect(fenToChineseCapital(yuan(1409, 50))).toBe('壹仟肆佰零玖元伍角');
    expect(fenToChineseCapital(yuan(6007, 14))).toBe('陆仟零柒元壹角肆分');
    expect(fenToChineseCapital(yuan(1680, 32))).toBe('壹仟陆佰捌拾元零叁角贰分');
    // Rule 3 allows either form; we take the first (spoken) one.
    expect(fenToChineseCapital(yuan(107000, 53))).toBe('壹拾万柒仟元零伍角叁分');
    expect(fenToChineseCapital(yuan(16409, 2))).toBe('壹万陆仟肆佰零玖元零贰分');
    expect(fenToChineseCapital(yuan(325, 4))).toBe('叁佰贰拾伍元零肆分');
    expect(fenToChineseCapital(yuan(1000))).toBe('壹仟元整');
  });

  it('the examples in the brief', () => {
    expect(fenToChineseCapital(123456)).toBe('壹仟贰佰叁拾肆元伍角陆分');
    expect(fenToChineseCapital(10000)).toBe('壹佰元整');
    expect(fenToChineseCapital(0)).toBe('零元整');
    expect(fenToChineseCapital(100000000)).toBe('壹佰万元整');
    expect(fenToChineseCapital(100200)).toBe('壹仟零贰元整');
    expect(fenToChineseCapital(1000010)).toBe('壹万元零壹角');
    expect(fenToChineseCapital(1000050)).toBe('壹万元零伍角');
  });

  it('jiao and fen', () => {
    expect(fenToChineseCapital(1)).toBe('壹分');
    expect(fenToChineseCapital(5)).toBe('伍分');
    expect(fenToChineseCapital(10)).toBe('壹角');
    expect(fenToChineseCapital(50)).toBe('伍角');
    expect(fenToChineseCapital(45)).toBe('肆角伍分');
    expect(fenToChineseCapital(100)).toBe('壹元整');
    expect(fenToChineseCapital(101)).toBe('壹元零壹分');
    expect(fenToChineseCapital(110)).toBe('壹元壹角');
    expect(fenToChineseCapital(111)).toBe('壹元壹角壹分');
    expect(fenToChineseCapital(yuan(10, 5))).toBe('壹拾元零伍分');
    expect(fenToChineseCapital(yuan(10, 50))).toBe('壹拾元零伍角');
    expect(fenToChineseCapital(yuan(10, 55))).toBe('壹拾元零伍角伍分');
  });

  it('tens are always 壹拾', () => {
    expect(fenToChineseCapital(yuan(10))).toBe('壹拾元整');
    expect(fenToChineseCapital(yuan(11))).toBe('壹拾壹元整');
    expect(fenToChineseCapital(yuan(110))).toBe('壹佰壹拾元整');
    expect(fenToChineseCapital(yuan(1010))).toBe('壹仟零壹拾元整');
    expect(fenToChineseCapital(yuan(100000))).toBe('壹拾万元整');
    expect(fenToChineseCapital(yuan(1e9))).toBe('壹拾亿元整');
  });

  it('zeros inside and across the 万 and 亿 groups', () => {
    const cases: [number, string][] = [
      [10001, '壹万零壹元整'],
      [10010, '壹万零壹拾元整'],
      [10100, '壹万零壹佰元整'],
      [11000, '壹万壹仟元整'],
      [100100, '壹拾万零壹佰元整'],
      [1001000, '壹佰万壹仟元整'],
      [1010000, '壹佰零壹万元整'],
      [1000100, '壹佰万零壹佰元整'],
      [10000000, '壹仟万元整'],
      [10000001, '壹仟万零壹元整'],
      [10101010, '壹仟零壹拾万壹仟零壹拾元整'],
      [50003020, '伍仟万叁仟零贰拾元整'],
      [5003020, '伍佰万叁仟零贰拾元整'],
      [107000, '壹拾万柒仟元整'],
      [100000000, '壹亿元整'],
      [100010000, '壹亿零壹万元整'],
      [100001000, '壹亿零壹仟元整'],
      [110000000, '壹亿壹仟万元整'],
      [101000000, '壹亿零壹佰万元整'],
      [1000000001, '壹拾亿零壹元整'], // 10,0000,0001
      [1000010001, '壹拾亿零壹万零壹元整'],
      [1234567890, '壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元整'],
      [1e12, '壹万亿元整'],
      [1e12 + 1e8, '壹万零壹亿元整'],
      [9e13, '玖拾万亿元整'],
    ];
    for (const [y, expected] of cases) expect(fenToChineseCapital(yuan(y)), String(y)).toBe(expected);
    expect(fenToChineseCapital(yuan(1000000000, 1))).toBe('壹拾亿元零壹分');
  });

  it('the largest safe amount', () => {
    expect(fenToChineseCapital(Number.MAX_SAFE_INTEGER)).toBe(
      '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分',
    );
  });

  it('negative amounts are prefixed with 负', () => {
    expect(fenToChineseCapital(-123456)).toBe('负壹仟贰佰叁拾肆元伍角陆分');
    expect(fenToChineseCapital(-5)).toBe('负伍分');
    expect(fenToChineseCapital(-0)).toBe('零元整');
  });
});

// ---- property-based ----

// Reference reader for capitals, written independently of the formatter and strict about 零:
// 亿 and 万 split the number into sections; a lower section that does not reach its top digit must
// open with 零, and inside a section 零 stands exactly where digit positions are skipped.
const DIGIT: Record<string, number> = { 零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 };
const POS: Record<string, number> = { 拾: 1, 佰: 2, 仟: 3 };
function readLower(s: string, width: number): number {
  if (s === '') return 0;
  const leadingZero = s.startsWith('零');
  const v = readInteger(leadingZero ? s.slice(1) : s);
  expect(v > 0).toBe(true);
  expect(leadingZero).toBe(v < 10 ** (width - 1));
  return v;
}
function readInteger(s: string): number {
  const yi = s.lastIndexOf('亿');
  if (yi >= 0) return readInteger(s.slice(0, yi)) * 1e8 + readLower(s.slice(yi + 1), 8);
  const wan = s.lastIndexOf('万');
  if (wan >= 0) return readInteger(s.slice(0, wan)) * 1e4 + readLower(s.slice(wan + 1), 4);
  let total = 0;
  let lastPos: number | null = null;
  let sawZero = false;
  const chars = [...s];
  expect(chars.length).toBeGreaterThan(0);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '零') {
      expect(lastPos).not.toBeNull();
      expect(sawZero).toBe(false);
      sawZero = true;
      continue;
    }
    const d = DIGIT[ch];
    if (d === undefined || d === 0) throw new Error(`unexpected ${ch} in ${s}`); // e.g. bare 拾
    const unit = chars[i + 1];
    const pos = unit !== undefined && unit in POS ? POS[unit]! : 0;
    if (pos > 0) i++;
    if (lastPos !== null) {
      expect(pos).toBeLessThan(lastPos);
      expect(sawZero).toBe(lastPos - pos > 1);
    }
    total += d * 10 ** pos;
    lastPos = pos;
    sawZero = false;
  }
  expect(sawZero).toBe(false);
  return total;
}
function readCapital(s: string): number {
  const negative = s.startsWith('负');
  let rest = negative ? s.slice(1) : s;
  if (rest === '零元整') return 0;
  let yuanPart = 0;
  const yuanAt = rest.indexOf('元');
  if (yuanAt >= 0) {
    yuanPart = readInteger(rest.slice(0, yuanAt));
    rest = rest.slice(yuanAt + 1);
  }
  if (rest === '整') return (negative ? -1 : 1) * yuanPart * 100;
  rest = rest.replace(/^零/u, '');
  const m = /^(?:([壹贰叁肆伍陆柒捌玖])角)?(?:([壹贰叁肆伍陆柒捌玖])分)?$/u.exec(rest);
  if (m === null || rest === '') throw new Error(`bad decimals in ${s}`);
  const cents = (m[1] ? DIGIT[m[1]]! * 10 : 0) + (m[2] ? DIGIT[m[2]]! : 0);
  return (negative ? -1 : 1) * (yuanPart * 100 + cents);
}

const safeFen = fc.oneof(
  fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
  // Sparse digits exercise the zero rules: a few non-zero digits in a sea of zeros.
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 9 })), { maxLength: 4 })
    .map((ds) => Math.min(ds.reduce((acc, [p, d]) => acc + d * 10 ** p, 0), Number.MAX_SAFE_INTEGER)),
);

describe('properties', () => {
  it('parseYuan(formatYuan(fen)) and parseYuan(fenToYuanString(fen)) round-trip', () => {
    fc.assert(
      fc.property(safeFen, (fen) => {
        expect(parseYuan(formatYuan(fen), { allowNegative: true })).toEqual({ ok: true, fen: fen === 0 ? 0 : fen });
        expect(parseYuan(fenToYuanString(fen), { allowNegative: true })).toEqual({ ok: true, fen: fen === 0 ? 0 : fen });
      }),
    );
  });

  it('parseYuan(number) is exact for amounts a double can carry', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), (fen) => {
        expect(parseYuan(fen / 100, { allowNegative: true })).toEqual({ ok: true, fen: fen === 0 ? 0 : fen });
      }),
    );
  });

  it('the reference reader itself rejects misplaced or missing 零', () => {
    for (const bad of ['壹拾万壹佰元整', '壹仟零零贰元整', '拾元整', '壹仟贰元整', '壹万零壹仟元整', '壹亿壹万元整', '壹佰零元整']) {
      expect(() => readCapital(bad), bad).toThrow();
    }
    expect(readCapital('壹拾万零壹佰元整')).toBe(10010000);
  });

  it('capitals read back to the same amount and follow the zero rules', () => {
    fc.assert(
      fc.property(safeFen, (fen) => {
        const cap = fenToChineseCapital(fen);
        expect(readCapital(cap)).toBe(fen === 0 ? 0 : fen);
        if (fen !== 0) {
          expect(cap).not.toMatch(/零零|零[拾佰仟万亿元角分]|零$/u);
          expect(cap.endsWith('整')).toBe(Math.abs(fen) % 100 === 0);
          const abs = Math.abs(fen);
          const [y, jiao, f] = [Math.floor(abs / 100), Math.floor(abs / 10) % 10, abs % 10];
          if (y > 0) expect(cap.includes('元零')).toBe((jiao === 0 && f > 0) || (jiao > 0 && y % 10 === 0));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
