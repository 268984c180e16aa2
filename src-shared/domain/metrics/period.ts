import { daysInMonth, isIsoDate } from '../chineseDate';

// Statistical periods and their codes as courts exchange them (metrics.md §4, Qingdao convention):
// month 202611, quarter 2026Q4, year 2026. Year-to-date and custom ranges get a range code
// (202601-202611, 20260105-20260220); they are for inside the court, not for the monthly export.

export type PeriodInput =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'year'; year: number }
  | { kind: 'ytd'; year: number; month: number }
  | { kind: 'custom'; from: string; to: string };

/**
 * 'calendar' or 'decNov': the Ulanhot statistical year 12-01 → 11-30 (metrics.md §2 [P], S2).
 * With decNov, a year and a year-to-date start on 1 December of the previous year; both the
 * 受理 and the 结案 window move, so every numerator stays a subset of its denominator.
 */
export type StatisticalYear = 'calendar' | 'decNov';

export interface Period {
  kind: PeriodInput['kind'];
  code: string;
  label: string;
  from: string; // inclusive, court-local
  to: string; // inclusive
}

const p2 = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => `${y}-${p2(m)}-${p2(daysInMonth(y, m))}`;

export function resolvePeriod(p: PeriodInput, statYear: StatisticalYear = 'calendar'): Period {
  switch (p.kind) {
    case 'month':
      return { kind: 'month', code: `${p.year}${p2(p.month)}`, label: `${p.year}年${p.month}月`, from: `${p.year}-${p2(p.month)}-01`, to: lastDay(p.year, p.month) };
    case 'quarter': {
      const m0 = (p.quarter - 1) * 3 + 1;
      return { kind: 'quarter', code: `${p.year}Q${p.quarter}`, label: `${p.year}年第${'一二三四'[p.quarter - 1]}季度`, from: `${p.year}-${p2(m0)}-01`, to: lastDay(p.year, m0 + 2) };
    }
    case 'year':
      if (statYear === 'decNov') return { kind: 'year', code: `${p.year}`, label: `${p.year}统计年度（${p.year - 1}年12月至${p.year}年11月）`, from: `${p.year - 1}-12-01`, to: `${p.year}-11-30` };
      return { kind: 'year', code: `${p.year}`, label: `${p.year}年`, from: `${p.year}-01-01`, to: `${p.year}-12-31` };
    case 'ytd': {
      // Under decNov, December opens the next statistical year.
      const start = statYear === 'decNov' ? (p.month === 12 ? `${p.year}-12-01` : `${p.year - 1}-12-01`) : `${p.year}-01-01`;
      const to = lastDay(p.year, p.month);
      return { kind: 'ytd', code: `${start.slice(0, 4)}${start.slice(5, 7)}-${p.year}${p2(p.month)}`, label: `${start.slice(0, 4)}年${Number(start.slice(5, 7))}月至${p.year}年${p.month}月`, from: start, to };
    }
    case 'custom':
      return { kind: 'custom', code: `${p.from.replaceAll('-', '')}-${p.to.replaceAll('-', '')}`, label: `${p.from}至${p.to}`, from: p.from, to: p.to };
  }
}

/** Checks a period input; returns a Chinese message naming the problem, or null. */
export function periodProblem(p: PeriodInput): string | null {
  if (p.kind === 'custom') {
    if (!isIsoDate(p.from) || !isIsoDate(p.to)) return '起止日期应为有效的 YYYY-MM-DD';
    if (p.from > p.to) return '开始日期不能晚于结束日期';
    return null;
  }
  if (!Number.isInteger(p.year) || p.year < 2000 || p.year > 2100) return '统计年份应在2000至2100之间';
  if ((p.kind === 'month' || p.kind === 'ytd') && !(Number.isInteger(p.month) && p.month >= 1 && p.month <= 12)) return '月份应为1至12';
  if (p.kind === 'quarter' && !(Number.isInteger(p.quarter) && p.quarter >= 1 && p.quarter <= 4)) return '季度应为1至4';
  return null;
}

/** '202611' | '2026Q4' | '2026' → the period input, or null when the code is not one of those. */
export function parsePeriodCode(code: string): PeriodInput | null {
  let m = /^(\d{4})(\d{2})$/.exec(code);
  if (m) return { kind: 'month', year: Number(m[1]), month: Number(m[2]) };
  m = /^(\d{4})Q([1-4])$/.exec(code);
  if (m) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) };
  m = /^(\d{4})$/.exec(code);
  if (m) return { kind: 'year', year: Number(m[1]) };
  return null;
}

/** The month before, and the same month a year earlier (dashboard comparisons). */
export function previousMonth(year: number, month: number): { year: number; month: number } {
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

/** The 12 months ending with the given one, oldest first. */
export function trailingMonths(year: number, month: number, n = 12): { year: number; month: number }[] {
  const out: { year: number; month: number }[] = [];
  let cur = { year, month };
  for (let i = 0; i < n; i++) {
    out.unshift(cur);
    cur = previousMonth(cur.year, cur.month);
  }
  return out;
}

/**
 * The last month that has ended on `today` (court-local YYYY-MM-DD): what the monthly report to the
 * city court (上报) is made for — the month under way is not complete yet.
 */
export function lastCompleteMonth(today: string): { year: number; month: number } {
  return previousMonth(Number(today.slice(0, 4)), Number(today.slice(5, 7)));
}
