// Money is an integer number of fen (分) everywhere (domain.md §7): ledgers must balance to the
// fen, and binary floats cannot represent 0.1 yuan exactly. Parsing works on the decimal string.

export type Fen = number;

/**
 * The largest amount one money field accepts: 100亿元. A basic-level court hears claims below 5亿元
 * (above that the intermediate court has first-instance jurisdiction), so this is twenty times the
 * largest real amount, and small enough that sums stay exact (see MAX_LEDGER_ENTRIES_PER_CASE).
 */
export const MAX_AMOUNT_FEN = 1_000_000_000_000;

/**
 * Entries one case's ledger may hold: MAX_AMOUNT_FEN × 5,000 = 5 × 10^15 fen stays below 2^53
 * (Number.MAX_SAFE_INTEGER ≈ 9.007 × 10^15), so every sum over a case's entries is exact in a double.
 * A real case has dozens.
 */
export const MAX_LEDGER_ENTRIES_PER_CASE = 5_000;

/** A safe integer: the only valid representation of an amount of money. */
export function isFen(n: unknown): n is Fen {
  return Number.isSafeInteger(n);
}

export type ParseYuanResult = { ok: true; fen: Fen } | { ok: false; reason: string };

const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Parse an amount in yuan into fen.
 * Accepts '12345.6', '1,234.56', '¥1,234', '￥1,234.00元', full-width digits and punctuation (NFKC),
 * surrounding spaces. Thousands separators must be in the right places.
 * Rejects: more than 2 decimals (extra trailing zeros such as '1.230' are accepted, they lose
 * nothing), negatives unless opts.allowNegative, exponents, NaN/Infinity, and totals above
 * Number.MAX_SAFE_INTEGER fen. A number input is read through its shortest decimal string, so a
 * float artefact like 0.1 + 0.2 is rejected rather than silently rounded; numbers above 2^43 yuan
 * are refused (pass a string).
 */
export function parseYuan(input: string | number, opts: { allowNegative?: boolean } = {}): ParseYuanResult {
  let s: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: '金额不是有效数字' };
    // Above 2^43 yuan a double no longer tells neighbouring fen apart reliably.
    if (Math.abs(input) > 2 ** 43) return { ok: false, reason: '金额过大，请以文本形式输入' };
    s = String(input); // exponent forms (1e-7) fall through to the format error below
  } else if (typeof input === 'string') {
    s = input;
  } else {
    return { ok: false, reason: '金额不是有效数字' };
  }
  s = s.normalize('NFKC').trim().replace(/\u2212/gu, '-');
  if (s === '') return { ok: false, reason: '金额不能为空' };

  // Optional sign, optional currency sign (either order), optional trailing 元.
  const m = /^([-+]?)\s*[¥]?\s*([-+]?)\s*([\d,]*(?:\.\d*)?)\s*元?$/u.exec(s);
  if (m === null || (m[1] !== '' && m[2] !== '')) return { ok: false, reason: `金额格式无效：“${input}”` };
  const negative = (m[1] || m[2]) === '-';
  const body = m[3]!;
  const dot = body.indexOf('.');
  const intPart = dot < 0 ? body : body.slice(0, dot);
  let frac = dot < 0 ? '' : body.slice(dot + 1);

  if (intPart === '') return { ok: false, reason: `金额格式无效：“${input}”` };
  if (dot >= 0 && frac === '') return { ok: false, reason: '小数点后缺少数字' };
  if (intPart.includes(',') && !/^\d{1,3}(?:,\d{3})+$/.test(intPart)) {
    return { ok: false, reason: '千分位分隔符位置错误' };
  }
  frac = frac.replace(/0+$/u, '');
  if (frac.length > 2) return { ok: false, reason: '金额最多两位小数' };

  const fenBig = BigInt(intPart.replace(/,/gu, '')) * 100n + BigInt(frac.padEnd(2, '0'));
  if (fenBig > MAX_FEN) return { ok: false, reason: '金额超出可处理范围' };
  if (negative && fenBig !== 0n && !opts.allowNegative) return { ok: false, reason: '金额不能为负数' };
  const fen = Number(fenBig);
  return { ok: true, fen: negative && fen !== 0 ? -fen : fen };
}

function assertFen(fen: number): void {
  if (!isFen(fen)) throw new RangeError(`金额须为整数分：${fen}`);
}

function splitFen(fen: Fen): { sign: string; yuan: string; cents: string } {
  assertFen(fen);
  const abs = Math.abs(fen);
  const rem = abs % 100; // exact for safe integers
  return {
    sign: fen < 0 ? '-' : '',
    yuan: String((abs - rem) / 100),
    cents: String(rem).padStart(2, '0'),
  };
}

/** 12345600 → '123,456.00' (thousands separators, always 2 decimals, '-' for negatives). */
export function formatYuan(fen: Fen): string {
  const { sign, yuan, cents } = splitFen(fen);
  return `${sign}${yuan.replace(/\B(?=(\d{3})+$)/gu, ',')}.${cents}`;
}

/** 12345600 → '123456.00' (no separators; for exports and bank files). */
export function fenToYuanString(fen: Fen): string {
  const { sign, yuan, cents } = splitFen(fen);
  return `${sign}${yuan}.${cents}`;
}

const CAP_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const CAP_UNITS = ['', '拾', '佰', '仟'] as const;

// 1–9999 in capitals. Zeros between non-zero digits collapse to one 零; trailing zeros vanish.
// Ten is always 壹拾 (never bare 拾), so a digit cannot be added in front of it.
function capitalBelow10k(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += CAP_DIGITS[d]! + CAP_UNITS[pos]!;
  }
  return out;
}

// Positive integer in capitals, grouped by 万 and 亿 as spoken: 100010000 → 壹亿零壹万,
// 1000000001 → 壹拾亿零壹, 90万亿 → 玖拾万亿. A 零 marks a gap only when the lower part does not
// fill its top digit (100100 → 壹拾万零壹佰, but 107000 → 壹拾万柒仟).
function capitalInteger(n: number): string {
  if (n >= 1e8) {
    const high = Math.floor(n / 1e8);
    const low = n % 1e8;
    return capitalInteger(high) + '亿' + (low === 0 ? '' : (low < 1e7 ? '零' : '') + capitalInteger(low));
  }
  if (n >= 1e4) {
    const high = Math.floor(n / 1e4);
    const low = n % 1e4;
    return capitalBelow10k(high) + '万' + (low === 0 ? '' : (low < 1e3 ? '零' : '') + capitalBelow10k(low));
  }
  return capitalBelow10k(n);
}

/**
 * 大写金额 for vouchers, receipts and rulings, following the PBoC 《正确填写票据和结算凭证的
 * 基本规定》 (annex to 《支付结算办法》, 银发〔1997〕393号):
 * - 整 after 元 when there are no 角/分; nothing after 角 or 分 (整 after 角 is optional; omitted).
 * - Runs of zeros inside the number are written as one 零 (¥6,007.14 → 陆仟零柒元壹角肆分).
 * - 角 is 0 but 分 is not → 元 must be followed by 零 (¥325.04 → 叁佰贰拾伍元零肆分).
 * - Where the rule makes 零 optional we take the first form of its examples, which is also how the
 *   number is read aloud: zeros that end a 万/亿 section are absorbed by the unit (a 零 appears
 *   only when the next section lacks its top digit), while 元位 0 before a non-zero 角 gets 零:
 *   ¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分, ¥107,000.53 → 壹拾万柒仟元零伍角叁分,
 *   ¥100,100 → 壹拾万零壹佰元整.
 * - Whole yuan 0: '零元整' for zero; otherwise only 角/分 (¥0.50 → 伍角, ¥0.05 → 伍分).
 * - Negative amounts (refunds, red vouchers) are prefixed with 负.
 * Examples: 123456 → 壹仟贰佰叁拾肆元伍角陆分; 10000 → 壹佰元整; 100200 → 壹仟零贰元整;
 * 1000050 → 壹万元零伍角; 100000000 → 壹佰万元整.
 */
export function fenToChineseCapital(fen: Fen): string {
  assertFen(fen);
  if (fen === 0) return '零元整';
  const abs = Math.abs(fen);
  const fenDigit = abs % 10;
  const jiao = Math.floor(abs / 10) % 10;
  const yuan = (abs - (abs % 100)) / 100;

  let out = fen < 0 ? '负' : '';
  if (yuan > 0) {
    out += capitalInteger(yuan) + '元';
    if (jiao === 0 && fenDigit === 0) return out + '整';
    if (jiao === 0 || yuan % 10 === 0) out += '零';
  }
  if (jiao > 0) out += CAP_DIGITS[jiao]! + '角';
  if (fenDigit > 0) out += CAP_DIGITS[fenDigit]! + '分';
  return out;
}
