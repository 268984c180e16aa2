import { termClass, type AssetType } from '../../../src-shared/domain/assets';
import { daysInMonth } from '../../../src-shared/domain/chineseDate';
import type { Settings } from '../../../src-shared/settings';

/**
 * `date` plus whole years, keeping the day (29 Feb → 28 Feb in a common year). A term counts from
 * the day after the start (民诉法 2023 Art. 85: 期间开始的日不计算在期间内), so a one-year freeze
 * from 2026-11-22 is in force through 2027-11-22.
 */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const m = Number(date.slice(5, 7));
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Term in years for a measure on this kind of asset (民诉法解释 2022 Art. 485; setting measureTermYears). */
export function termYears(settings: Settings, type: AssetType): number {
  return settings.measureTermYears[termClass(type)];
}

export const YEARS_CN = ['', '一', '二', '三'] as const;
