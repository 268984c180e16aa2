import { formatYuan } from '../money';

// How a figure is written on the dashboard, its print and its export: one place, so the page, the
// PDF and the workbook agree. Amounts are kept in fen and shown in 元 (design.md: money in integer
// fen); counts are whole numbers; rates and days carry 2 decimals (metrics.md §1 "Rounding").

/** A figure as shown: 98.74% · 61.68天 · 3979件 · 1,234.50元; '—' when there is no value. */
export function formatFigure(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === '%') return `${value.toFixed(2)}%`;
  if (unit === '元') return `${formatYuan(Math.round(value * 100))}元`;
  if (unit === '天') return `${value.toFixed(2)}${unit}`;
  return `${value}${unit}`;
}

/** Whether a metric's numerator (and denominator) are sums of money in fen: 执行到位率, 超期未发放金额. */
export function partsAreAmounts(kind: string): boolean {
  return kind === 'amountRatio' || kind === 'amount';
}

/** Numerator / denominator as shown: '3929 / 3979', or in 元 for an amount ratio ('666,657.82元 / 2,701,055.87元'). */
export function formatParts(numerator: number, denominator: number | null, kind: string): string {
  const one = (v: number) => (partsAreAmounts(kind) ? `${formatYuan(Math.round(v))}元` : String(v));
  return denominator === null ? one(numerator) : `${one(numerator)} / ${one(denominator)}`;
}

/** A numerator or denominator as a number for a spreadsheet cell: 元 for an amount ratio, else as is. */
export function partValue(v: number | null, kind: string): number | null {
  return v === null ? null : partsAreAmounts(kind) ? Math.round(v) / 100 : v;
}

/** The change from `before` to `now`: whole numbers for counts (件, 笔: '-241'), 2 decimals otherwise ('+1.25'). */
export function formatChange(now: number | null, before: number | null, unit: string): string {
  if (now === null || before === null) return '';
  const whole = unit === '件' || unit === '笔';
  const d = whole ? Math.round(now - before) : Math.round((now - before) * 100) / 100;
  return `${d >= 0 ? '+' : ''}${whole ? String(d) : d.toFixed(2)}`;
}
