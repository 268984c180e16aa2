// 公民身份号码 (GB 11643-1999), domain.md §2.1:
// 6-digit address code + 8-digit birth date + 3-digit sequence (odd = male) + check character.
// The address code is deliberately not checked: retired GB/T 2260 codes stay valid on old cards,
// so an unknown code is a warning for the UI, never a rejection (§2.1).
import { isIsoDate, isRealDate } from './chineseDate';

// Wᵢ = 2^(18−i) mod 11 (GB 11643 §6.2 / ISO 7064 MOD 11-2).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdNumberResult =
  | {
      ok: true;
      /** Normalised 18-character number, check character X in upper case. */
      value: string;
      /** YYYY-MM-DD */
      birthDate: string;
      sex: '男' | '女';
      /** Present (true) when the input was an old 15-digit number. */
      converted15?: boolean;
    }
  | { ok: false; reason: string };

/** Check character for the first 17 digits. Throws RangeError if `first17` is not 17 ASCII digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('身份证号码前17位须为数字');
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[s % 11]!;
}

/**
 * Validate and normalise a resident identity number.
 * Accepts full-width digits, spaces, a lower-case x, and old 15-digit numbers
 * (converted by inserting '19' before the 2-digit year and computing the check character).
 * @param today court-local date (YYYY-MM-DD); the birth date may not be after it.
 */
export function validateIdNumber(s: string, today: string): IdNumberResult {
  if (!isIsoDate(today)) throw new RangeError(`today 须为YYYY-MM-DD日期：${today}`);
  const raw = s.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
  if (raw === '') return { ok: false, reason: '身份证号码为空' };

  let id: string;
  let converted15 = false;
  if (raw.length === 15) {
    if (!/^\d{15}$/.test(raw)) return { ok: false, reason: '15位身份证号码须全部为数字' };
    const first17 = `${raw.slice(0, 6)}19${raw.slice(6)}`;
    id = first17 + idCheckChar(first17);
    converted15 = true;
  } else if (raw.length === 18) {
    if (!/^\d{17}[\dX]$/.test(raw)) {
      return { ok: false, reason: '身份证号码格式错误：前17位须为数字，末位为数字或X' };
    }
    id = raw;
  } else {
    return { ok: false, reason: `身份证号码须为18位（或旧式15位），当前为${raw.length}位` };
  }

  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!isRealDate(y, m, d)) return { ok: false, reason: '身份证号码中的出生日期不是有效日期' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  // ISO strings of equal length compare chronologically.
  if (birthDate < '1900-01-01') return { ok: false, reason: '身份证号码中的出生日期早于1900年' };
  if (birthDate > today) return { ok: false, reason: '身份证号码中的出生日期晚于今天' };

  if (!converted15 && idCheckChar(id.slice(0, 17)) !== id[17]) {
    // The expected character is not shown: a mistyped middle digit would otherwise be "fixed"
    // by changing the last one.
    return { ok: false, reason: '身份证号码校验码不符，请逐位核对' };
  }

  const sex = Number(id[16]) % 2 === 1 ? '男' : '女';
  return converted15 ? { ok: true, value: id, birthDate, sex, converted15: true } : { ok: true, value: id, birthDate, sex };
}
