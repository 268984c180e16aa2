import { ZHONGBEN } from '../closure';
import { caseGroup } from './facts';
import { roundedQuotient } from './rounding';

// 终本合格率 (metrics.md §1 and §6; domain.md §6): 终本 cases passing quality review ÷ 终本 cases
// reviewed, over the 首执 (执) cases terminated in the period; 执恢 excluded. A case not yet reviewed
// is neither passed nor failed: it is counted beside the rate as awaiting review. Half-up, 2 dp.
// THE definition: the dashboard and the figures (definitions.ts), the 终本 archive page
// (archive.reviewStats) and the monthly report upward all count with these predicates.

export const ZHONGBEN_QUALITY_DP = 2;

/** A 终本 case as the rate reads it: its type, closure mode and the latest review (null = not reviewed). */
export interface ZhongbenQualityRow {
  type: string;
  mode: string | null;
  reviewPass: boolean | null;
}

/** Terminated in the period as a 首执 终本 case (the caller has tested the period). */
export const zhongbenTerminated = (r: ZhongbenQualityRow): boolean => caseGroup(r.type) === 'first' && r.mode === ZHONGBEN;
/** The denominator: of those, the cases reviewed. */
export const zhongbenReviewed = (r: ZhongbenQualityRow): boolean => zhongbenTerminated(r) && r.reviewPass !== null;
/** The numerator: of those, the cases whose latest review passed. */
export const zhongbenPassed = (r: ZhongbenQualityRow): boolean => zhongbenReviewed(r) && r.reviewPass === true;

export interface ZhongbenQuality {
  terminated: number;
  reviewed: number;
  passed: number;
  /** terminated − reviewed, shown beside the rate. */
  awaiting: number;
  ratePct: number | null;
}

export function zhongbenQuality(rows: Iterable<ZhongbenQualityRow>): ZhongbenQuality {
  let terminated = 0;
  let reviewed = 0;
  let passed = 0;
  for (const r of rows) {
    if (zhongbenTerminated(r)) terminated++;
    if (zhongbenReviewed(r)) reviewed++;
    if (zhongbenPassed(r)) passed++;
  }
  return { terminated, reviewed, passed, awaiting: terminated - reviewed, ratePct: reviewed > 0 ? roundedQuotient(passed, reviewed, 100, ZHONGBEN_QUALITY_DP) : null };
}
