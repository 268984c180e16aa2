import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  orgCodeCheckChar,
  validateCreditCode,
} from '../../src-shared/domain/creditCode';

function reasonOf(s: string): string {
  const r = validateCreditCode(s);
  if (r.ok) throw new Error(`expected rejection of ${s}`);
  return r.reason;
}

describe('creditCodeCheckChar', () => {
  it('widely circulated sample 91350100M000100Y43', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });
  it('domain.md §2.2 worked example: S = 2419, 2419 mod 31 = 1, 31 − 1 = 30 → Y', () => {
    expect(creditCodeCheckChar('91150523MA0N4B2K6')).toBe('Y');
  });
  it('maps 31 to 0', () => {
    // S ≡ 0 (mod 31): all zeros.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });
  it('throws on bad input', () => {
    expect(() => creditCodeCheckChar('9135010')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100O000100Y4')).toThrow(RangeError);
  });
});

describe('orgCodeCheckChar (GB 11714)', () => {
  it('worked example MA0N4B2K: S = 522, 11 − 5 = 6', () => {
    expect(orgCodeCheckChar('MA0N4B2K')).toBe('6');
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
  });
  it('writes 10 as X and 11 as 0', () => {
    expect(orgCodeCheckChar('00000000')).toBe('0'); // S = 0 → 11 − 0 = 11 → 0
    expect(orgCodeCheckChar('00000006')).toBe('X'); // S = 12, 12 mod 11 = 1 → 10 → X
    expect(orgCodeCheckChar('00000001')).toBe('9'); // S = 2 → 9
  });
  it('returns null for malformed bodies', () => {
    expect(orgCodeCheckChar('MA0N4B2')).toBeNull();
    expect(orgCodeCheckChar('ma0n4b2k')).toBeNull();
  });
});

describe('validateCreditCode', () => {
  it('accepts 91350100M000100Y43 with no warnings', () => {
    expect(validateCreditCode('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43', warnings: [] });
  });
  it('accepts the worked example 91150523MA0N4B2K6Y (inner check 6 ok)', () => {
    expect(validateCreditCode('91150523MA0N4B2K6Y')).toEqual({ ok: true, value: '91150523MA0N4B2K6Y', warnings: [] });
  });
  it('upper-cases, NFKC-normalises and strips spaces', () => {
    expect(validateCreditCode('91150523ma0n4b2k6y')).toMatchObject({ ok: true, value: '91150523MA0N4B2K6Y' });
    expect(validateCreditCode(' ９１１５０５２３ MA0N4B2K6Y ')).toMatchObject({ ok: true, value: '91150523MA0N4B2K6Y' });
  });
  it('a failed inner GB 11714 check is only a warning', () => {
    const first17 = '91150523MA0N4B2K7';
    const code = first17 + creditCodeCheckChar(first17);
    const r = validateCreditCode(code);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0]).toContain('主体标识码');
    }
  });
  it('rejects a wrong check character', () => {
    expect(reasonOf('91350100M000100Y44')).toContain('校验码');
    expect(reasonOf('91150523MA0N4B2K6X')).toContain('校验码');
  });
  it('rejects characters outside the 31-character set (I, O, S, V, Z)', () => {
    for (const bad of ['I', 'O', 'S', 'V', 'Z', '-', '中']) {
      expect(reasonOf(`91350100M000100Y4${bad}`)).toContain(`非法字符“${bad}”`);
    }
  });
  it('rejects wrong lengths and empty input', () => {
    expect(reasonOf('')).toBe('统一社会信用代码为空');
    expect(reasonOf('91350100M000100Y4')).toContain('18位');
    expect(reasonOf('91350100M000100Y433')).toContain('18位');
  });
});

// ---- property-based ----

const codeChar = fc.constantFrom(...CREDIT_CODE_CHARSET);
const first17Arb = fc.array(codeChar, { minLength: 17, maxLength: 17 }).map((cs) => cs.join(''));

describe('properties', () => {
  it('17 characters + computed check character validate; every other check character fails', () => {
    fc.assert(
      fc.property(first17Arb, (first17) => {
        const good = creditCodeCheckChar(first17);
        expect(validateCreditCode(first17 + good).ok).toBe(true);
        expect(validateCreditCode((first17 + good).toLowerCase()).ok).toBe(true);
        for (const c of CREDIT_CODE_CHARSET) {
          if (c !== good) expect(validateCreditCode(first17 + c).ok).toBe(false);
        }
      }),
    );
  });

  it('matches the GB 32100 definition: Σ value·3^(i−1) + check ≡ 0 (mod 31)', () => {
    fc.assert(
      fc.property(first17Arb, (first17) => {
        const code = first17 + creditCodeCheckChar(first17);
        let s = 0;
        for (let i = 0; i < 17; i++) s += CREDIT_CODE_CHARSET.indexOf(code[i]!) * (3 ** i % 31);
        expect((s + CREDIT_CODE_CHARSET.indexOf(code[17]!)) % 31).toBe(0);
      }),
    );
  });

  it('detects every single substitution and adjacent transposition in the first 17 characters', () => {
    fc.assert(
      fc.property(first17Arb, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 30 }), (first17, i, delta) => {
        const code = first17 + creditCodeCheckChar(first17);
        const v = CREDIT_CODE_CHARSET.indexOf(code[i]!);
        const sub = code.slice(0, i) + CREDIT_CODE_CHARSET[(v + delta) % 31] + code.slice(i + 1);
        expect(validateCreditCode(sub).ok).toBe(false);
        if (i < 16 && code[i] !== code[i + 1]) {
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(validateCreditCode(swapped).ok).toBe(false);
        }
      }),
    );
  });

  it('warns exactly when the inner organisation-code check fails', () => {
    fc.assert(
      fc.property(first17Arb, (first17) => {
        const r = validateCreditCode(first17 + creditCodeCheckChar(first17));
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.warnings.length === 0).toBe(orgCodeCheckChar(first17.slice(8, 16)) === first17[16]);
      }),
    );
  });
});
