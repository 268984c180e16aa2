// The per-case and per-receipt facts every metric is computed from. They are derived from case
// events only (plus the case's type and claim from the register) and are the same shape in the
// court's database (metric_case_facts, kept by triggers) and in the export's detail rows, so the
// city level recomputes figures with exactly the code the court used.

/** 首执 / 执恢 / 执保 / 审查类 (metrics.md §0). */
export type CaseGroup = 'first' | 'resumed' | 'preservation' | 'review';

export function caseGroup(type: string): CaseGroup {
  if (type === '执') return 'first';
  if (type === '执恢') return 'resumed';
  if (type === '执保') return 'preservation';
  return 'review';
}

export interface CaseFact {
  caseId: number;
  number: string;
  type: string;
  filedOn: string;
  closedOn: string | null;
  mode: string | null;
  claimFen: number;
  recoveredFen: number;
  nonLitigation: boolean;
  teamId: string | null;
  judgeId: number | null;
  /** Days between filing and closure during which a 公告/中止/暂缓… suspension ran (union of intervals; 0 for open cases). */
  suspendedDays: number;
  /** Latest 终本 quality review: true pass, false fail, null not reviewed. */
  reviewPass: boolean | null;
}

export interface ReceiptFact {
  /** The ledger entry id of the receipt ('ledger.receipt' payload.entryId). */
  entryId: string;
  caseId: number;
  arrivedOn: string;
  amountFen: number;
  /** Date the receipt was fully paid out, by the payout clock (payoutClock.receiptOutcomes: the oldest money leaves first). */
  paidOn: string | null;
  /** The deferral end its due day carries (payoutClock.receiptOutcomes; part of the money deferred: that part only). */
  deferredUntil: string | null;
  /**
   * The payout clock's due day as the court computed it (its rule and working calendar), stated in
   * the monthly export so the city recomputes 案款按期发放率 by the court's days off.
   */
  dueOn?: string;
}

/** Days covered by the union of [from, to) intervals, clipped to [start, end). */
export function unionDays(intervals: readonly { from: string; to: string | null }[], start: string, end: string, diff: (a: string, b: string) => number): number {
  const clipped = intervals
    .map((i) => ({ from: i.from < start ? start : i.from, to: i.to === null || i.to > end ? end : i.to }))
    .filter((i) => i.from < i.to)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let total = 0;
  let curFrom: string | null = null;
  let curTo = '';
  for (const i of clipped) {
    if (curFrom === null || i.from > curTo) {
      if (curFrom !== null) total += diff(curTo, curFrom);
      curFrom = i.from;
      curTo = i.to;
    } else if (i.to > curTo) curTo = i.to;
  }
  if (curFrom !== null) total += diff(curTo, curFrom);
  return total;
}
