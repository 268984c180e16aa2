import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { idCheckChar, validateIdNumber } from '../../src-shared/domain/idNumber';

const TODAY = '2026-06-01';

function reasonOf(s: string, today = TODAY): string {
  const r = validateIdNumber(s, today);
  if (r.ok) throw new Error(`expected rejection of ${s}`);
  return r.reason;
}

describe('idCheckChar', () => {
  it('reproduces the domain.md §2.1 worked example (S = 273, r = 9 → 3)', () => {
    expect(idCheckChar('15052319850317123')).toBe('3');
  });
  it('reproduces the GB 11643 sample 11010519491231002X', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
  });
  it('throws on malformed input', () => {
    expect(() => idCheckChar('1505231985031712')).toThrow(RangeError);
    expect(() => idCheckChar('1505231985031712X')).toThrow(RangeError);
  });
});

describe('validateIdNumber — examples', () => {
  it('worked example 150523198503171233 (male, 1985-03-17)', () => {
    expect(validateIdNumber('150523198503171233', TODAY)).toEqual({
      ok: true,
      value: '150523198503171233',
      birthDate: '1985-03-17',
      sex: '男',
    });
  });
  it('sample 11010519491231002X (female, 1949-12-31), lower-case x stored upper-case', () => {
    const expected = { ok: true, value: '11010519491231002X', birthDate: '1949-12-31', sex: '女' };
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual(expected);
    expect(validateIdNumber('11010519491231002x', TODAY)).toEqual(expected);
  });
  it('tolerates full-width digits and spaces', () => {
    const r = validateIdNumber(' １５０５２３ 19850317 1233 ', TODAY);
    expect(r.ok && r.value).toBe('150523198503171233');
  });
  it('converts 15-digit numbers by inserting 19 and computing the check character', () => {
    expect(validateIdNumber('150523850317123', TODAY)).toEqual({
      ok: true,
      value: '150523198503171233',
      birthDate: '1985-03-17',
      sex: '男',
      converted15: true,
    });
    expect(validateIdNumber('110105491231002', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X', sex: '女' });
  });
  it('a wrong check character is rejected without revealing the expected one', () => {
    const reason = reasonOf('150523198503171234');
    expect(reason).toContain('校验码');
    expect(reason).not.toContain('3');
    expect(reasonOf('110105194912310021')).toContain('校验码');
  });
  it('rejects impossible or out-of-range birth dates', () => {
    const withDate = (d: string): string => {
      const first17 = `150523${d}123`;
      return first17 + idCheckChar(first17);
    };
    expect(reasonOf(withDate('19850230'))).toContain('不是有效日期');
    expect(reasonOf(withDate('19851301'))).toContain('不是有效日期');
    expect(reasonOf(withDate('19850001'))).toContain('不是有效日期');
    expect(reasonOf(withDate('19000229'))).toContain('不是有效日期'); // 1900 is not a leap year
    expect(validateIdNumber(withDate('20000229'), TODAY).ok).toBe(true); // 2000 is
    expect(reasonOf(withDate('18991231'))).toContain('1900');
    expect(validateIdNumber(withDate('19000101'), TODAY).ok).toBe(true);
    expect(reasonOf(withDate('20260602'))).toContain('晚于今天');
    expect(validateIdNumber(withDate('20260601'), TODAY).ok).toBe(true); // born today
    expect(reasonOf('150523850230123')).toContain('不是有效日期'); // 15-digit too
  });
  it('rejects wrong length and characters', () => {
    expect(reasonOf('')).toBe('身份证号码为空');
    expect(reasonOf('15052319850317123')).toContain('18位');
    expect(reasonOf('1505231985031712333')).toContain('18位');
    expect(reasonOf('15052319850317123Y')).toContain('格式错误');
    expect(reasonOf('1505231985031712X3')).toContain('格式错误');
    expect(reasonOf('15052385031712X')).toContain('15位');
  });
  it('requires a valid today', () => {
    expect(() => validateIdNumber('150523198503171233', '2026-02-30')).toThrow(RangeError);
  });
});

// ---- property-based ----

const CHECK = '0123456789X';
const dateArb = fc
  .integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2026, 5, 1) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10).replaceAll('-', ''));
const first17Arb = fc
  .tuple(fc.integer({ min: 0, max: 999999 }), dateArb, fc.integer({ min: 0, max: 999 }))
  .map(([addr, date, seq]) => String(addr).padStart(6, '0') + date + String(seq).padStart(3, '0'));

describe('properties', () => {
  it('idCheckChar equals (12 − S mod 11) mod 11 with 10 written X, for any 17 digits', () => {
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 }), (ds) => {
        const s = ds.reduce((acc, d, i) => acc + d * w[i]!, 0);
        const v = (12 - (s % 11)) % 11;
        expect(idCheckChar(ds.join(''))).toBe(v === 10 ? 'X' : String(v));
      }),
    );
  });

  it('17 digits + computed check character validates; every other check character fails', () => {
    fc.assert(
      fc.property(first17Arb, (first17) => {
        const good = idCheckChar(first17);
        const r = validateIdNumber(first17 + good, TODAY);
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.value).toBe(first17 + good);
          expect(r.sex).toBe(Number(first17[16]) % 2 === 1 ? '男' : '女');
        }
        for (const c of CHECK) {
          if (c !== good) expect(validateIdNumber(first17 + c, TODAY).ok).toBe(false);
        }
      }),
    );
  });

  it('detects every single-digit substitution and adjacent transposition', () => {
    fc.assert(
      fc.property(first17Arb, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (first17, i, delta) => {
        const id = first17 + idCheckChar(first17);
        const changed = id.slice(0, i) + String((Number(id[i]) + delta) % 10) + id.slice(i + 1);
        expect(validateIdNumber(changed, TODAY).ok).toBe(false);
        if (i < 16 && id[i] !== id[i + 1]) {
          const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
          expect(validateIdNumber(swapped, TODAY).ok).toBe(false);
        }
      }),
    );
  });

  it('15-digit numbers convert to the 18-digit number with the same digits', () => {
    const date19 = fc
      .integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(1999, 11, 31) })
      .map((ms) => new Date(ms).toISOString().slice(2, 10).replaceAll('-', ''));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999999 }), date19, fc.integer({ min: 0, max: 999 }), (addr, yymmdd, seq) => {
        const old = String(addr).padStart(6, '0') + yymmdd + String(seq).padStart(3, '0');
        const r = validateIdNumber(old, TODAY);
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.converted15).toBe(true);
          expect(r.value.slice(0, 6) + r.value.slice(8, 17)).toBe(old);
          expect(validateIdNumber(r.value, TODAY)).toMatchObject({ ok: true, value: r.value });
        }
      }),
    );
  });
});
