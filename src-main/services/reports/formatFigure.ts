/** A figure as printed: 98.74% · 61.68天 · 3979件 · 1234.50元; '—' when there is no value. */
export function formatFigure(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === '%') return `${value.toFixed(2)}%`;
  if (unit === '天' || unit === '元') return `${value.toFixed(2)}${unit}`;
  return `${value}${unit}`;
}
