// 案号 (domain.md §1): （year）court-code [专门审判代字] type-code serial 号, per
// 《关于人民法院案件案号的若干规定》 (法〔2015〕137号, Art. 3) as amended by 法〔2018〕335号.

/** Enforcement type codes (《人民法院案件类型及其代字标准》, domain.md §1.3). */
export const ENFORCEMENT_TYPES = ['执', '执恢', '执保', '执异', '执复', '执监', '执协', '执他'] as const;
export type CaseType = (typeof ENFORCEMENT_TYPES)[number];

/** 31 provincial-level abbreviations used as high-court codes, plus 军 (PLA) and 兵 (XPCC). */
export const PROVINCE_CODES = '京津沪渝冀晋内辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川黔云藏陕甘青宁新军兵';

/** The strict pattern of domain.md §1.4, for input already passed through normalizeCaseNumber. */
export const CASE_NUMBER_REGEX =
  /^(?:（(?=\d{4}）)|\((?=\d{4}\)))(?<year>(?:19|20)\d{2})[）)](?<court>最高法|[京津沪渝冀晋内辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川黔云藏陕甘青宁新军兵](?:\d{2}|\d{4})?)(?<special>知)?(?<type>执(?:恢|保|异|复|监|协|他)?)(?<serial>[1-9]\d*)号$/u;

/** Pre-2016 numbers such as （2012）曲中法执字第66号 (domain.md §1.4). */
export const LEGACY_CASE_NUMBER_REGEX = /^[（(]\d{4}[）)][\u4e00-\u9fff\d]*?执[\u4e00-\u9fff]{0,2}字第[1-9]\d*号$/u;

// Abbreviations people reach for that are not the court codes (the court tables use 内 for Inner
// Mongolia, 黔 for Guizhou, 云/川/陕/甘 rather than 滇/蜀/秦/陇; §1.2).
const WRONG_PROVINCE_CODES: Readonly<Record<string, string>> = {
  蒙: '内蒙古应为“内”',
  贵: '贵州应为“黔”',
  滇: '云南应为“云”',
  蜀: '四川应为“川”',
  秦: '陕西应为“陕”',
  陇: '甘肃应为“甘”',
};

export type CaseNumberMode = 'strict' | 'lenient' | 'legacy';

export interface CaseNumberParts {
  year: number;
  /** 法院代字, e.g. 内0523, 最高法; for legacy numbers whatever precedes 执 (may be ''). */
  court: string;
  /** 专门审判代字 (only 知 is known, 2018 amendment). */
  special?: string;
  /** 类型代字 without 字, e.g. 执, 执恢. A CaseType in strict mode. */
  type: string;
  serial: number;
  /** True for a pre-2016 （2012）…执字第66号 number. */
  legacy?: boolean;
}

export type ParseCaseNumberResult = { ok: true; value: CaseNumberParts } | { ok: false; reason: string };

const CJK = /^[\u4e00-\u9fff]$/u;
// Invisible characters PDF extraction leaves behind (zero-width space/joiners, BOM).
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/gu;

function stripSpace(s: string): string {
  return s.replace(/\s+/gu, '').replace(INVISIBLE, '');
}

/**
 * NFKC (full-width digits → ASCII), drop all whitespace, then write the brackets full-width
 * as the rules print them. '（２０２６）黔01 执1960 号' → '（2026）黔01执1960号'.
 */
export function normalizeCaseNumber(s: string): string {
  return stripSpace(s.normalize('NFKC')).replace(/\(/gu, '（').replace(/\)/gu, '）');
}

/** 最高法, a provincial code alone (high court), +2 digits (intermediate) or +4 digits (basic). */
export function isValidCourtCode(code: string): boolean {
  if (code === '最高法') return true;
  return /^[京津沪渝冀晋内辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川黔云藏陕甘青宁新军兵](?:\d{2}|\d{4})?$/u.test(code);
}

/**
 * Why a court code (法院代字) is not one of the table's forms (domain.md §1.2), in Chinese naming
 * the field; null when it is valid. 最高法; a province abbreviation (high court); +2 digits
 * (intermediate court, prefecture part of GB/T 2260); +4 digits (basic court, last 4 of the county code).
 */
export function courtCodeProblem(raw: string): string | null {
  const code = stripSpace(raw.normalize('NFKC'));
  if (code === '') return '法院代字不能为空';
  if (isValidCourtCode(code)) return null;
  const first = [...code][0]!;
  const wrong = WRONG_PROVINCE_CODES[first];
  if (wrong) return `法院代字有误：${wrong}（如 内0523）`;
  if (!PROVINCE_CODES.includes(first)) return `法院代字有误：应以省级简称开头（如 内、粤、黔）或为“最高法”`;
  const rest = code.slice(first.length);
  if (!/^\d*$/u.test(rest)) return '法院代字有误：省级简称后只能是数字';
  return `法院代字有误：省级简称后应为2位数字（中级法院）或4位数字（基层法院），现为${rest.length}位`;
}

export function isEnforcementType(t: string): t is CaseType {
  return (ENFORCEMENT_TYPES as readonly string[]).includes(t);
}

// NFKC maps full-width brackets to ASCII, so whether the pair matched must be read on the raw
// text: （2023)… is a typo the rules' pattern rejects (§1.4).
function bracketKinds(raw: string): { ok: true } | { ok: false; reason: string } {
  const kinds = new Set<'full' | 'half'>();
  for (const ch of raw) {
    if (ch === '（' || ch === '）') kinds.add('full');
    else if (/^[()]$/u.test(ch.normalize('NFKC'))) kinds.add('half');
  }
  return kinds.size > 1 ? { ok: false, reason: '括号须同为全角或同为半角' } : { ok: true };
}

function fail(reason: string): ParseCaseNumberResult {
  return { ok: false, reason };
}

function parseCourt(court: string, mode: CaseNumberMode): string | null {
  // Returns an error reason, or null when the code is acceptable.
  if (court === '最高法') return null;
  const head = court[0]!;
  const digits = court.slice(1);
  if (!CJK.test(head)) return `法院代字无效：“${court}”`;
  if (!/^\d*$/u.test(digits)) return `法院代字无效：“${court}”`;
  if (digits.length !== 0 && digits.length !== 2 && digits.length !== 4) {
    return `法院代字无效：“${court}”数字部分须为2位或4位`;
  }
  if (mode === 'strict' && !PROVINCE_CODES.includes(head)) {
    const hint = WRONG_PROVINCE_CODES[head];
    return hint !== undefined ? `法院代字无效：${hint}` : `法院代字无效：“${head}”不是省级法院代字`;
  }
  return null;
}

function parseModern(s: string, mode: CaseNumberMode): ParseCaseNumberResult {
  const head = /^（(\d+)）/u.exec(s);
  if (head === null) return fail('案号须以括号内的四位年份开头，如（2026）');
  const yearText = head[1]!;
  if (yearText.length !== 4) return fail('年份须为四位数字');
  if (!/^(?:19|20)\d{2}$/u.test(yearText)) return fail(`年份无效：${yearText}`);
  if (!s.endsWith('号')) return fail('案号须以“号”结尾');

  const body = s.slice(head[0].length, -1); // court + special + type + serial
  const serialMatch = /\d+$/u.exec(body);
  if (serialMatch === null) return fail('缺少案件序号');
  const serialText = serialMatch[0];

  // 执 and 知 are never provincial codes, so a prefix starting with them has no court code.
  const prefix = body.slice(0, serialMatch.index);
  const courtMatch = /^(?:最高法|[^\d执知]\d*)/u.exec(prefix);
  if (courtMatch === null) return fail('缺少法院代字');
  const court = courtMatch[0];
  const courtError = parseCourt(court, mode);
  if (courtError !== null) return fail(courtError);

  let rest = prefix.slice(court.length);
  let special: string | undefined;
  if (rest.startsWith('知')) {
    special = '知';
    rest = rest.slice(1);
  }
  const type = rest;
  if (type === '') return fail('缺少案件类型代字');
  if (!type.startsWith('执')) return fail(`不是执行类案件类型代字：“${type}”`);
  if (mode === 'strict') {
    if (!isEnforcementType(type)) return fail(`“${type}”不是现行标准的执行类案件类型代字`);
  } else if (!/^执[\u4e00-\u9fff]{0,2}$/u.test(type)) {
    return fail(`不是执行类案件类型代字：“${type}”`);
  }

  // Checked after the type so that a missing type (内0523123号) is not reported as a leading zero.
  if (serialText.startsWith('0')) return fail('序号不得以0开头');
  const serial = Number(serialText);
  if (!Number.isSafeInteger(serial)) return fail('序号过大');

  const value: CaseNumberParts = { year: Number(yearText), court, type, serial };
  if (special !== undefined) value.special = special;
  return { ok: true, value };
}

// Caller has checked LEGACY_CASE_NUMBER_REGEX.
function parseLegacy(s: string): ParseCaseNumberResult {
  const m = /^（(\d{4})）([\u4e00-\u9fff\d]*?)(执[\u4e00-\u9fff]{0,2})字第(\d+)号$/u.exec(s)!;
  const serial = Number(m[4]);
  if (!Number.isSafeInteger(serial)) return fail('序号过大');
  return { ok: true, value: { year: Number(m[1]), court: m[2]!, type: m[3]!, serial, legacy: true } };
}

/**
 * Parse an enforcement case number.
 * - strict (default): the §1.4 pattern — province list, the eight enforcement type codes.
 * - lenient (imported data): any single CJK character as the court's provincial part and
 *   `执` + up to two CJK characters as the type (§1.4).
 * - legacy (old files): everything lenient accepts, plus pre-2016 numbers like
 *   （2012）曲中法执字第66号, returned with legacy: true.
 * Input is normalised first (NFKC, whitespace removed); mixed full/half-width brackets are rejected.
 */
export function parseCaseNumber(s: string, opts: { mode?: CaseNumberMode } = {}): ParseCaseNumberResult {
  const mode = opts.mode ?? 'strict';
  const raw = stripSpace(s);
  if (raw === '') return fail('案号为空');
  const brackets = bracketKinds(raw);
  if (!brackets.ok) return brackets;
  const norm = normalizeCaseNumber(raw);
  if (norm.startsWith('〔')) return fail('案号年份须用圆括号（），不用六角括号〔〕');

  const modern = parseModern(norm, mode);
  if (modern.ok) return modern;
  if (LEGACY_CASE_NUMBER_REGEX.test(norm)) {
    return mode === 'legacy' ? parseLegacy(norm) : fail('这是2016年以前的旧式案号（…字第…号），请按旧案号录入');
  }
  return modern;
}

/**
 * Print a case number with full-width brackets: （2026）内0523执12号. Parts with legacy: true
 * are printed in the old style （2012）曲中法执字第66号. Throws RangeError on parts that cannot
 * form a case number (the parts are not checked against the strict code tables, so lenient
 * results still round-trip).
 */
export function formatCaseNumber(parts: CaseNumberParts): string {
  const { year, court, special, type, serial, legacy } = parts;
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw new RangeError(`年份无效：${year}`);
  if (!Number.isSafeInteger(serial) || serial < 1) throw new RangeError(`序号无效：${serial}`);
  if (!type.startsWith('执')) throw new RangeError(`不是执行类案件类型代字：“${type}”`);
  const y = String(year).padStart(4, '0');
  if (legacy === true) return `（${y}）${court}${type}字第${serial}号`;
  if (court === '') throw new RangeError('缺少法院代字');
  return `（${y}）${court}${special ?? ''}${type}${serial}号`;
}
