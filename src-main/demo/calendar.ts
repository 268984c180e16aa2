import chineseDays from 'chinese-days';
import type { Rng } from './random';

// Filing happens on working days (the State Council's holiday schedule, with make-up days), more after
// the Spring Festival and before the year closes, fewer in the holiday month and at harvest.
const MONTH_WEIGHT = [1.1, 0.75, 1.25, 1.1, 1.0, 1.0, 0.9, 0.9, 1.0, 0.85, 1.1, 1.05];

/** The court's working days of `year` up to and including `until`. */
export function workingDays(year: number, until: string): string[] {
  const end = `${year}-12-31` < until ? `${year}-12-31` : until;
  if (end < `${year}-01-01`) return [];
  return chineseDays.getWorkdaysInRange(`${year}-01-01`, end, true).filter((d: string) => d <= end);
}

/**
 * Filing dates for about `perYear` cases in `year` (a partial year gets its share), in date order.
 * The yearly volume moves a little from year to year, as a real court's does.
 */
export function filingDates(rng: Rng, year: number, perYear: number, until: string): string[] {
  const days = workingDays(year, until);
  if (days.length === 0) return [];
  const full = workingDays(year, `${year}-12-31`).length;
  return datesForCount(rng, year, Math.round(perYear * (0.92 + rng.next() * 0.16) * (days.length / full)), until);
}

/** Exactly `count` filing dates in `year` (up to `until`), spread over its working days by season. */
export function datesForCount(rng: Rng, year: number, count: number, until: string): string[] {
  const days = workingDays(year, until);
  if (days.length === 0) return [];
  // 年底控制收案: the last fortnight of the year files few cases, so the year can close nearly all it
  // received (Kailu's 执结率 98.74%, metrics.md).
  const table = days.map((d) => [d, MONTH_WEIGHT[Number(d.slice(5, 7)) - 1]! * (d.slice(5) >= '12-16' ? 0.3 : 1)] as const);
  return Array.from({ length: count }, () => rng.weighted(table)).sort();
}
