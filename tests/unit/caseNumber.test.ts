import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  CASE_NUMBER_REGEX,
  ENFORCEMENT_TYPES,
  PROVINCE_CODES,
  formatCaseNumber,
  isValidCourtCode,
  normalizeCaseNumber,
  parseCaseNumber,
  type CaseNumberParts,
} from '../../src-shared/domain/caseNumber';

function reasonOf(s: string, mode?: 'strict' | 'lenient' | 'legacy'): string {
  const r = parseCaseNumber(s, mode ? { mode } : {});
  if (r.ok) throw new Error(`expected rejection of ${s}`);
  return r.reason;
}

function valueOf(s: string, mode?: 'strict' | 'lenient' | 'legacy'): CaseNumberParts {
  const r = parseCaseNumber(s, mode ? { mode } : {});
  if (!r.ok) throw new Error(`expected ${s} to parse: ${r.reason}`);
  return r.value;
}

describe('normalizeCaseNumber', () => {
  it('applies NFKC, removes whitespace and writes full-width brackets', () => {
    expect(normalizeCaseNumber('（2026）黔01 执1960 号')).toBe('（2026）黔01执1960号');
    expect(normalizeCaseNumber('(2023)内0523执123号')).toBe('（2023）内0523执123号');
    expect(normalizeCaseNumber('（２０２３）内０５２３执１２３号')).toBe('（2023）内0523执123号');
    expect(normalizeCaseNumber(' （2023）\u3000内0523\t执\n123号 ')).toBe('（2023）内0523执123号');
    expect(normalizeCaseNumber('（2023）内0523\u200b执123号')).toBe('（2023）内0523执123号');
  });
});

describe('parseCaseNumber — domain.md §1.4 accept examples', () => {
  it('（2023）内0523执123号', () => {
    expect(valueOf('（2023）内0523执123号')).toEqual({ year: 2023, court: '内0523', type: '执', serial: 123 });
  });
  it('(2023)内0523执123号 (half-width pair)', () => {
    expect(valueOf('(2023)内0523执123号')).toEqual({ year: 2023, court: '内0523', type: '执', serial: 123 });
  });
  it('（2023）内0523执恢12号', () => {
    expect(valueOf('（2023）内0523执恢12号')).toEqual({ year: 2023, court: '内0523', type: '执恢', serial: 12 });
  });
  it('（2021）最高法执监344号', () => {
    expect(valueOf('（2021）最高法执监344号')).toEqual({ year: 2021, court: '最高法', type: '执监', serial: 344 });
  });
  it('（2019）黔0102执47号', () => {
    expect(valueOf('（2019）黔0102执47号')).toEqual({ year: 2019, court: '黔0102', type: '执', serial: 47 });
  });
  it('high and intermediate court codes: （2020）湘执复244号, 粤07', () => {
    expect(valueOf('（2020）湘执复244号')).toEqual({ year: 2020, court: '湘', type: '执复', serial: 244 });
    expect(valueOf('（2024）粤07执异5号').court).toBe('粤07');
  });
  it('PDF-extracted spacing: （2026）黔01 执1960 号', () => {
    expect(valueOf('（2026）黔01 执1960 号')).toEqual({ year: 2026, court: '黔01', type: '执', serial: 1960 });
  });
  it('full-width digits are normalised', () => {
    expect(valueOf('（２０２３）内０５２３执１２３号').serial).toBe(123);
  });
  it('specialised-trial code 知 (2018 amendment)', () => {
    expect(valueOf('（2019）最高法知执1号')).toEqual({
      year: 2019,
      court: '最高法',
      special: '知',
      type: '执',
      serial: 1,
    });
  });
  it('all eight enforcement type codes', () => {
    for (const t of ENFORCEMENT_TYPES) expect(valueOf(`（2026）内0523${t}7号`).type).toBe(t);
  });
  it('军 and 兵 court codes', () => {
    expect(valueOf('（2022）军执1号').court).toBe('军');
    expect(valueOf('（2022）兵0101执1号').court).toBe('兵0101');
  });
});

describe('parseCaseNumber — domain.md §1.4 reject examples', () => {
  it('（2023）蒙0523执123号: Inner Mongolia is 内', () => {
    expect(reasonOf('（2023）蒙0523执123号')).toBe('法院代字无效：内蒙古应为“内”');
  });
  it('leading zero in the serial (执0123)', () => {
    expect(reasonOf('（2023）内0523执0123号')).toBe('序号不得以0开头');
  });
  it('non-enforcement type codes', () => {
    expect(reasonOf('（2024）内0523民初1661号')).toContain('不是执行类案件类型代字');
    expect(reasonOf('（2024）内0523刑初5号')).toContain('不是执行类案件类型代字');
  });
  it('non-standard 执 codes (执配, 执请, 执行) in strict mode', () => {
    expect(reasonOf('（2024）内0523执配5号')).toContain('执配');
    expect(reasonOf('（2024）内0523执请5号')).toContain('不是现行标准');
    expect(reasonOf('（2024）内0523执行5号')).toContain('执行');
  });
  it('mixed brackets, in both directions', () => {
    expect(reasonOf('（2023)内0523执123号')).toBe('括号须同为全角或同为半角');
    expect(reasonOf('(2023）内0523执123号')).toBe('括号须同为全角或同为半角');
    expect(reasonOf('（2023)内0523执123号', 'lenient')).toBe('括号须同为全角或同为半角');
    expect(reasonOf('（2012)曲中法执字第66号', 'legacy')).toBe('括号须同为全角或同为半角');
  });
  it('other structural errors', () => {
    expect(reasonOf('')).toBe('案号为空');
    expect(reasonOf('   ')).toBe('案号为空');
    expect(reasonOf('2023内0523执123号')).toContain('年份');
    expect(reasonOf('（23）内0523执123号')).toBe('年份须为四位数字');
    expect(reasonOf('（1899）内0523执123号')).toContain('年份无效');
    expect(reasonOf('（2023）内0523执123')).toBe('案号须以“号”结尾');
    expect(reasonOf('（2023）内0523执号')).toBe('缺少案件序号');
    expect(reasonOf('（2023）执123号')).toBe('缺少法院代字');
    expect(reasonOf('（2023）0523执123号')).toBe('缺少法院代字');
    expect(reasonOf('（2023）内0523123号')).toBe('缺少案件类型代字');
    expect(reasonOf('（2023）内052执123号')).toContain('2位或4位');
    expect(reasonOf('（2023）内05231执123号')).toContain('2位或4位');
    expect(reasonOf('（2023）港0523执123号')).toBe('法院代字无效：“港”不是省级法院代字');
    expect(reasonOf('（2023）贵0102执1号')).toBe('法院代字无效：贵州应为“黔”');
    expect(reasonOf('〔2023〕内0523执123号')).toContain('〔〕');
    expect(reasonOf('（2023）最高法01执1号')).toContain('不是执行类案件类型代字');
    expect(reasonOf(`（2023）内0523执${'9'.repeat(20)}号`)).toBe('序号过大');
  });
  it('old-style numbers are pointed to legacy mode', () => {
    expect(reasonOf('（2012）曲中法执字第66号')).toContain('旧式案号');
    expect(reasonOf('（2012）曲中法执字第66号', 'lenient')).toContain('旧式案号');
  });
});

describe('parseCaseNumber — lenient mode', () => {
  it('accepts any CJK character as the provincial part and 执 + up to 2 CJK characters', () => {
    expect(valueOf('（2023）蒙0523执123号', 'lenient')).toEqual({ year: 2023, court: '蒙0523', type: '执', serial: 123 });
    expect(valueOf('（2023）内0523执配5号', 'lenient').type).toBe('执配');
    expect(valueOf('（2023）内0523执恢保5号', 'lenient').type).toBe('执恢保');
    expect(valueOf('（2021）最高法执监344号', 'lenient').court).toBe('最高法');
  });
  it('still rejects non-enforcement types, long types, leading zeros and bad digit counts', () => {
    expect(reasonOf('（2024）内0523民初1661号', 'lenient')).toContain('不是执行类案件类型代字');
    expect(reasonOf('（2024）内0523执恢保全1号', 'lenient')).toContain('不是执行类案件类型代字');
    expect(reasonOf('（2023）内0523执0123号', 'lenient')).toBe('序号不得以0开头');
    expect(reasonOf('（2023）内052执123号', 'lenient')).toContain('2位或4位');
  });
});

describe('parseCaseNumber — legacy mode', () => {
  it('parses pre-2016 numbers: （2012）曲中法执字第66号', () => {
    expect(valueOf('（2012）曲中法执字第66号', 'legacy')).toEqual({
      year: 2012,
      court: '曲中法',
      type: '执',
      serial: 66,
      legacy: true,
    });
    expect(valueOf('(2014)开法执恢字第3号', 'legacy')).toEqual({
      year: 2014,
      court: '开法',
      type: '执恢',
      serial: 3,
      legacy: true,
    });
  });
  it('also accepts current numbers, without the legacy flag', () => {
    const v = valueOf('（2023）内0523执123号', 'legacy');
    expect(v).toEqual({ year: 2023, court: '内0523', type: '执', serial: 123 });
    expect(v.legacy).toBeUndefined();
  });
  it('rejects malformed legacy numbers', () => {
    expect(parseCaseNumber('（2012）曲中法执字第066号', { mode: 'legacy' }).ok).toBe(false);
    expect(parseCaseNumber('（2012）曲中法民字第66号', { mode: 'legacy' }).ok).toBe(false);
    expect(parseCaseNumber('（2012）曲中法执字66号', { mode: 'legacy' }).ok).toBe(false); // no 第
  });
});

describe('formatCaseNumber', () => {
  it('prints full-width brackets', () => {
    expect(formatCaseNumber({ year: 2026, court: '内0523', type: '执', serial: 12 })).toBe('（2026）内0523执12号');
    expect(formatCaseNumber({ year: 2019, court: '最高法', special: '知', type: '执', serial: 1 })).toBe(
      '（2019）最高法知执1号',
    );
    expect(formatCaseNumber({ year: 2012, court: '曲中法', type: '执', serial: 66, legacy: true })).toBe(
      '（2012）曲中法执字第66号',
    );
  });
  it('throws on impossible parts', () => {
    expect(() => formatCaseNumber({ year: 2026, court: '内0523', type: '执', serial: 0 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ year: 2026, court: '内0523', type: '执', serial: 1.5 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ year: 20260, court: '内0523', type: '执', serial: 1 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ year: 2026, court: '内0523', type: '民初', serial: 1 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ year: 2026, court: '', type: '执', serial: 1 })).toThrow(RangeError);
  });
});

describe('isValidCourtCode', () => {
  it('accepts 最高法, a provincial code alone, +2 digits, +4 digits', () => {
    for (const c of ['最高法', '内', '湘', '军', '兵', '粤07', '湘01', '粤0703', '黔0102', '内0523']) {
      expect(isValidCourtCode(c)).toBe(true);
    }
    expect([...PROVINCE_CODES]).toHaveLength(33);
    for (const p of PROVINCE_CODES) expect(isValidCourtCode(p)).toBe(true);
  });
  it('rejects everything else', () => {
    for (const c of ['', '蒙0523', '内052', '内05231', '内1', '最高', '最高法01', '0523', '内0523执', '港']) {
      expect(isValidCourtCode(c)).toBe(false);
    }
  });
});

// ---- property-based ----

const province = fc.constantFrom(...PROVINCE_CODES);
const courtArb = fc.oneof(
  fc.constant('最高法'),
  province,
  fc.tuple(province, fc.integer({ min: 0, max: 99 })).map(([p, n]) => p + String(n).padStart(2, '0')),
  fc.tuple(province, fc.integer({ min: 0, max: 9999 })).map(([p, n]) => p + String(n).padStart(4, '0')),
);
const partsArb = fc.record(
  {
    year: fc.integer({ min: 1900, max: 2099 }),
    court: courtArb,
    special: fc.constant('知'),
    type: fc.constantFrom(...ENFORCEMENT_TYPES),
    serial: fc.oneof(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
  },
  { requiredKeys: ['year', 'court', 'type', 'serial'] },
);

// The reference: §1.4 regex on the normalised text, mixed raw brackets rejected, and (our one
// addition) a serial that fits in a safe integer.
function regexAccepts(s: string): boolean {
  const raw = s.replace(/\s+/gu, '');
  if (/[（）]/u.test(raw) && /[()]/u.test(raw)) return false;
  const m = CASE_NUMBER_REGEX.exec(normalizeCaseNumber(s));
  return m !== null && Number.isSafeInteger(Number(m.groups?.serial));
}

describe('properties', () => {
  it('format → parse round-trips, with either bracket width and sprinkled whitespace', () => {
    fc.assert(
      fc.property(partsArb, fc.boolean(), fc.nat(), (parts, halfWidth, spacePos) => {
        let s = formatCaseNumber(parts);
        expect(isValidCourtCode(parts.court)).toBe(true);
        if (halfWidth) s = s.replace('（', '(').replace('）', ')');
        const i = spacePos % (s.length + 1);
        s = `${s.slice(0, i)} ${s.slice(i)}`;
        const r = parseCaseNumber(s);
        expect(r).toEqual({ ok: true, value: parts });
        if (r.ok) expect(formatCaseNumber(r.value)).toBe(normalizeCaseNumber(s));
      }),
    );
  });

  it('strict parsing agrees with the §1.4 regex on near-miss strings', () => {
    const piece = fc.constantFrom(
      '（', '）', '(', ')', '2023', '1899', '20', '内', '蒙', '最高法', '知', '执', '恢', '监', '民', '初',
      '0523', '05', '0', '1', '12', '号', '字第', ' ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const s = pieces.join('');
        expect(parseCaseNumber(s).ok).toBe(regexAccepts(s));
      }),
      { numRuns: 5000 },
    );
    // Seeded with valid numbers mutated by one piece, so that both outcomes are exercised.
    fc.assert(
      fc.property(partsArb, fc.nat(), piece, (parts, pos, ins) => {
        const base = formatCaseNumber(parts);
        const i = pos % (base.length + 1);
        const s = base.slice(0, i) + ins + base.slice(i);
        expect(parseCaseNumber(s).ok).toBe(regexAccepts(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('every rejection has a Chinese reason', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const r = parseCaseNumber(s, { mode: 'legacy' });
        if (!r.ok) expect(r.reason).toMatch(/[\u4e00-\u9fff]/u);
      }),
    );
  });

  it('lenient and legacy accept a superset of strict', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        const s = formatCaseNumber(parts);
        expect(parseCaseNumber(s, { mode: 'lenient' })).toEqual(parseCaseNumber(s));
        expect(parseCaseNumber(s, { mode: 'legacy' })).toEqual(parseCaseNumber(s));
      }),
    );
  });
});
