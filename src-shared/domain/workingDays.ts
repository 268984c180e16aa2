import { addCalendarDays, daysInMonth, isIsoDate } from './chineseDate';

// The working-day calendar (domain.md §3.3). There is no permanent statutory table: each year the
// State Council General Office publishes its 《关于XXXX年部分节假日安排的通知》, which names the days
// off (法定节假日 plus the weekend days folded into each holiday block) and the weekend days that are
// worked instead (调休上班). The calendar is therefore data: a table `date → holiday | workday` over
// the default rule "Monday to Friday are working days". Make-up Saturdays/Sundays count as working
// days. Pure functions only; the table is shipped in resources/ and edited through calendar.set.

export type DayKind = 'holiday' | 'workday';

export interface CalendarEntry {
  date: string;
  /** holiday = a day off that would otherwise be worked; workday = a weekend day that is worked (调休). */
  kind: DayKind;
  /** e.g. 国庆节, 春节. */
  name: string;
}

export interface WorkingCalendar {
  /** Years whose holiday notice is entered. Outside them only weekends are days off (see `covers`). */
  years: number[];
  /** Exceptions to the Monday–Friday rule, keyed by date. */
  days: Record<string, { kind: DayKind; name: string }>;
}

export type DayType = 'workday' | 'weekend' | 'holiday' | 'makeup';

export const DAY_TYPE_LABELS: Record<DayType, string> = {
  workday: '工作日',
  weekend: '休息日',
  holiday: '节假日',
  makeup: '调休上班',
};

export function makeCalendar(entries: readonly CalendarEntry[], years: readonly number[]): WorkingCalendar {
  const days: WorkingCalendar['days'] = {};
  for (const e of entries) days[e.date] = { kind: e.kind, name: e.name };
  const allYears = new Set(years);
  for (const e of entries) allYears.add(Number(e.date.slice(0, 4)));
  return { years: [...allYears].sort((a, b) => a - b), days };
}

/** The calendar as a list, sorted by date (what calendar.get returns and calendar.set accepts). */
export function calendarEntries(cal: WorkingCalendar): CalendarEntry[] {
  return Object.entries(cal.days)
    .map(([date, d]) => ({ date, kind: d.kind, name: d.name }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`日期无效：“${date}”`);
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function dayType(date: string, cal: WorkingCalendar): DayType {
  const d = cal.days[date];
  if (d?.kind === 'holiday') return 'holiday';
  if (d?.kind === 'workday') return 'makeup';
  const w = dayOfWeek(date);
  return w === 0 || w === 6 ? 'weekend' : 'workday';
}

export function isWorkingDay(date: string, cal: WorkingCalendar): boolean {
  const t = dayType(date, cal);
  return t === 'workday' || t === 'makeup';
}

/** True when the year's holiday notice is in the calendar (otherwise results there are weekends-only estimates). */
export function covers(cal: WorkingCalendar, date: string): boolean {
  return cal.years.includes(Number(date.slice(0, 4)));
}

/** The first working day after `date` (or `date` itself when `inclusive` and it is a working day). */
export function nextWorkingDay(date: string, cal: WorkingCalendar, inclusive = false): string {
  let d = inclusive ? date : addCalendarDays(date, 1);
  // The longest run of days off (春节 plus weekends) is under 10 days; 40 guards against a bad table.
  for (let i = 0; i < 40; i++) {
    if (isWorkingDay(d, cal)) return d;
    d = addCalendarDays(d, 1);
  }
  throw new RangeError(`${date} 之后 40 天内没有工作日，请检查节假日表`);
}

/**
 * The n-th working day after `date`. The starting day is not counted (民诉法 2023 Art. 85:
 * 期间开始的时和日，不计算在期间内), so a case filed on 2025-09-30 with 3 working days runs to
 * 2025-10-11, a make-up Saturday. n = 0 returns `date`; a negative n counts backwards.
 */
export function addWorkingDays(date: string, n: number, cal: WorkingCalendar): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`工作日数须为整数：${n}`);
  if (!isIsoDate(date)) throw new RangeError(`日期无效：“${date}”`);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = date;
  while (left > 0) {
    d = addCalendarDays(d, step);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** Working days in (from, to]: the days a clerk had, not counting the starting day. Negative when to < from. */
export function workingDaysBetween(from: string, to: string, cal: WorkingCalendar): number {
  if (from === to) return 0;
  if (to < from) return -workingDaysBetween(to, from, cal);
  let n = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n;
}

/**
 * A statutory period of n calendar days: the starting day is not counted, and when the last day is
 * a day off the period ends on the first working day after it (民诉法 2023 Art. 85 ¶2–3).
 */
export function addStatutoryDays(date: string, n: number, cal: WorkingCalendar): string {
  return nextWorkingDay(addCalendarDays(date, n), cal, true);
}

/** `date` plus n months, clamped to the month's last day (2025-08-31 + 6 months = 2026-02-28). */
export function addMonths(date: string, n: number): string {
  if (!isIsoDate(date)) throw new RangeError(`日期无效：“${date}”`);
  if (!Number.isSafeInteger(n)) throw new RangeError(`月数须为整数：${n}`);
  const y0 = Number(date.slice(0, 4));
  const m0 = Number(date.slice(5, 7)) - 1 + n;
  const y = y0 + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A statutory period of n months with the Art. 85 last-day rule. */
export function addStatutoryMonths(date: string, n: number, cal: WorkingCalendar): string {
  return nextWorkingDay(addMonths(date, n), cal, true);
}

export interface CalendarProblem {
  row: number;
  field: 'date' | 'kind' | 'name';
  reason: string;
}

/**
 * Checks a calendar before it is stored or imported: real dates, no date twice, a make-up working
 * day only on a weekend (a weekday is already a working day), a holiday only where it changes
 * something or is part of a holiday block (weekends inside a block are allowed).
 */
export function checkCalendar(entries: readonly CalendarEntry[]): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const seen = new Set<string>();
  entries.forEach((e, row) => {
    if (!isIsoDate(e.date)) {
      problems.push({ row, field: 'date', reason: `日期无效：“${e.date}”` });
      return;
    }
    if (seen.has(e.date)) problems.push({ row, field: 'date', reason: `日期重复：${e.date}` });
    seen.add(e.date);
    if (e.kind !== 'holiday' && e.kind !== 'workday') problems.push({ row, field: 'kind', reason: '类型应为 holiday（放假）或 workday（调休上班）' });
    if (e.kind === 'workday') {
      const w = dayOfWeek(e.date);
      if (w !== 0 && w !== 6) problems.push({ row, field: 'kind', reason: `${e.date} 是周一至周五，本来就是工作日，不能登记为调休上班` });
    }
    if (!e.name || !e.name.trim()) problems.push({ row, field: 'name', reason: '节日名称不能为空' });
  });
  return problems;
}
