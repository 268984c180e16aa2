// 统一社会信用代码 (GB 32100-2015), domain.md §2.2:
// 1 registering authority + 1 entity type + 6 division code + 9 entity identifier (GB 11714
// organisation code, positions 9–17) + 1 check character.

// 31 characters; I, O, S, V, Z are left out so they cannot be misread as 1, 0, 5, U, 2.
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// wᵢ = 3^(i−1) mod 31.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
// GB 11714 organisation-code weights for its 8 body characters.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export type CreditCodeResult =
  | { ok: true; value: string; warnings: string[] }
  | { ok: false; reason: string };

/** Check character for the first 17 characters. Throws RangeError on characters outside the charset. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('统一社会信用代码前17位长度不符');
  let s = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i]!);
    if (v < 0) throw new RangeError(`统一社会信用代码含非法字符“${first17[i]}”`);
    s += v * WEIGHTS[i]!;
  }
  const c = 31 - (s % 31);
  return CREDIT_CODE_CHARSET[c === 31 ? 0 : c]!;
}

/** GB 11714 check character for an 8-character organisation-code body (A=10 … Z=35), or null if malformed. */
export function orgCodeCheckChar(body8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return null;
  let s = 0;
  for (let i = 0; i < 8; i++) s += parseInt(body8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (s % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * Validate a unified social credit code. Input is NFKC-normalised, stripped of whitespace and
 * upper-cased. A failed inner GB 11714 check (positions 9–17) is only a warning: whether every
 * 主体标识码 satisfies GB 11714 is unverified (domain.md §2.2, §9 item 8).
 */
export function validateCreditCode(s: string): CreditCodeResult {
  const code = s.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
  if (code === '') return { ok: false, reason: '统一社会信用代码为空' };
  if (code.length !== 18) {
    return { ok: false, reason: `统一社会信用代码须为18位，当前为${code.length}位` };
  }
  for (const ch of code) {
    if (!CREDIT_CODE_CHARSET.includes(ch)) {
      return {
        ok: false,
        reason: `统一社会信用代码含非法字符“${ch}”（只用数字和大写字母，不含I、O、S、V、Z）`,
      };
    }
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    return { ok: false, reason: '统一社会信用代码校验码不符，请逐位核对' };
  }
  const warnings: string[] = [];
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) {
    warnings.push('主体标识码（第9–17位）不符合组织机构代码校验规则，请核对');
  }
  return { ok: true, value: code, warnings };
}
