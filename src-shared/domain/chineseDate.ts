// Calendar dates as court-local 'YYYY-MM-DD' strings.
// All arithmetic is integer day counting (proleptic Gregorian), never `Date` in the machine's local
// zone: a clerk's laptop set to another zone must not move a deadline by a day.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True when y-m-d is a real calendar date (year 0000–9999). */
export function isRealDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 0 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

/** `YYYY-MM-DD` and a real calendar date (rejects 2026-02-29, 2026-13-01, '2026-1-5'). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function parseIso(s: string): [number, number, number] {
  const m = ISO_DATE.exec(s);
  if (m === null || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`日期无效：“${s}”，应为YYYY-MM-DD格式的真实日期`);
  }
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

// Days since 1970-01-01 (H. Hinnant's days_from_civil): exact integer maths, no time zones.
function toDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatIso(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** `date` plus `n` calendar days (n may be negative). Throws RangeError on a bad date or a result outside 0000–9999. */
export function addCalendarDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`天数须为整数：${n}`);
  const [y, m, d] = parseIso(date);
  const [ry, rm, rd] = fromDayNumber(toDayNumber(y, m, d) + n);
  if (ry < 0 || ry > 9999) throw new RangeError(`日期超出范围：${date} 加 ${n} 天`);
  return formatIso(ry, rm, rd);
}

/**
 * Calendar days from `b` to `a`, i.e. a − b (same sign convention as date-fns
 * differenceInCalendarDays): diffCalendarDays('2026-03-01', '2026-02-28') === 1,
 * and addCalendarDays(b, diffCalendarDays(a, b)) === a.
 */
export function diffCalendarDays(a: string, b: string): number {
  return dayNumberOf(a) - dayNumberOf(b);
}

// Metrics take the difference of the same few thousand dates hundreds of thousands of times: each
// valid date is parsed once (a court's dates span decades, so the table stays small; it is emptied
// if something feeds it far more).
const dayNumbers = new Map<string, number>();
function dayNumberOf(s: string): number {
  let n = dayNumbers.get(s);
  if (n === undefined) {
    n = toDayNumber(...parseIso(s));
    if (dayNumbers.size >= 100_000) dayNumbers.clear();
    dayNumbers.set(s, n);
  }
  return n;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one, and courtToday runs
// per row in imports and lists: one formatter per time zone, kept for the process.
const formats = new Map<string, Intl.DateTimeFormat>();
function courtDateFormat(tz: string): Intl.DateTimeFormat {
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'gregory', numberingSystem: 'latn' });
    formats.set(tz, f);
  }
  return f;
}

/**
 * Today's date at the court (default Asia/Shanghai, UTC+8, no DST) as YYYY-MM-DD.
 * Deadlines run on the court's calendar, not the clock of whichever machine runs the code.
 */
export function courtToday(now: Date, tz = 'Asia/Shanghai'): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('时间无效');
  const parts = courtDateFormat(tz).formatToParts(now);
  const get = (type: 'year' | 'month' | 'day'): number => {
    const p = parts.find((x) => x.type === type);
    if (p === undefined) throw new RangeError('无法取得法院当地日期');
    return Number(p.value);
  };
  return formatIso(get('year'), get('month'), get('day'));
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

// 1–31 the way they are read: 十, 十一, 二十, 二十二, 三十一 (never 一十 or 二十〇).
function chineseOrdinal(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  const tail = ones === 0 ? '' : DIGITS[ones];
  return head + tail;
}

/**
 * The date as written at the foot of court documents (裁判文书落款): the year digit by digit
 * with 〇 for zero, month and day as spoken numbers. '2026-11-22' → '二〇二六年十一月二十二日'.
 * (Not the anti-forgery 票据 style 零壹拾月, which is only for bank instruments.)
 */
export function toChineseDate(date: string): string {
  const [y, m, d] = parseIso(date);
  const year = [...pad(y, 4)].map((c) => DIGITS[Number(c)]).join('');
  return `${year}年${chineseOrdinal(m)}月${chineseOrdinal(d)}日`;
}
