// Half-up rounding of a quotient, exact on integers (metrics.md §1 "Rounding": every published
// percentage reproduces with half-up to 2 decimals, e.g. Kailu 3929/3979 = 98.7434… → 98.74).
// BigInt so that money sums in fen times 10^4 never lose precision.

/** round_half_up(num / den × scale, dp) for num ≥ 0, den > 0; returns a plain number like 98.74. */
export function roundedQuotient(num: number, den: number, scale: number, dp: number): number {
  if (!(den > 0) || num < 0) throw new RangeError('roundedQuotient: 分子须非负、分母须为正');
  const factor = 10n ** BigInt(dp);
  const n = BigInt(Math.round(num)) * BigInt(scale) * factor;
  const d = BigInt(Math.round(den));
  const q = (2n * n + d) / (2n * d); // floor((n/d) + 1/2): half-up for non-negative values
  const whole = q / factor;
  const frac = q % factor;
  return Number(`${whole}.${frac.toString().padStart(dp, '0')}`);
}

/** A value formatted with exactly `dp` decimals (98.7 → '98.70'), as printed in reports. */
export function fixed(value: number, dp: number): string {
  return value.toFixed(dp);
}
