import type { Fen } from './money';

// 申请执行费 (诉讼费用交纳办法 2006, Art. 14(1)): 没有执行金额或者价额的 50–500 元 each; otherwise
//   ≤ 1万元: 50元; 1万–50万 part: 1.5%; 50万–500万: 1%; 500万–1000万: 0.5%; > 1000万: 0.1%.
// It is not paid in advance (Art. 20) but charged to the debtor; domain.md §7 tags the scale [U].
const BANDS: readonly [upToFen: number, rate: number][] = [
  [50_000_000, 0.015],
  [500_000_000, 0.01],
  [1_000_000_000, 0.005],
  [Number.MAX_SAFE_INTEGER, 0.001],
];

/** The application fee in fen for an amount in fen, rounded half-up to the fen. */
export function executionFeeFen(amountFen: Fen): Fen {
  if (amountFen <= 0) return 0;
  if (amountFen <= 1_000_000) return 5_000;
  let fee = 5_000;
  let lower = 1_000_000;
  for (const [upper, rate] of BANDS) {
    if (amountFen <= lower) break;
    const part = Math.min(amountFen, upper) - lower;
    fee += part * rate;
    lower = upper;
  }
  return Math.round(fee);
}
