import { diffCalendarDays } from '../chineseDate';
import { caseGroup, type CaseFact, type CaseGroup, type ReceiptFact } from './facts';
import type { MetricContextSettings } from './metricSettings';
import type { Period } from './period';

// Period-relative facts of one case, worked out once per computation (metrics.md §6 defaults):
// 旧存 = open at period start; 新收 = filed in the period; 受理 = 旧存 + 新收; 结案 = closed in the
// period; 销案 closed by the period end is left out of everything (S3).

export interface DerivedCase {
  f: CaseFact;
  group: CaseGroup;
  carried: boolean;
  newly: boolean;
  accepted: boolean;
  closedIn: boolean;
  /** Closed as 销案 by the end of the period: shown for information, outside every count. */
  cancelled: boolean;
  openAtEnd: boolean;
  /** Calendar days filing → closure (closed cases), or filing → period end (open cases). */
  days: number;
  /** Days of logged suspensions up to closure. */
  suspended: number;
}

export interface DerivedReceipt {
  r: ReceiptFact;
  c: DerivedCase | undefined;
}

export interface MetricContext {
  period: Period;
  settings: MetricContextSettings;
  /** Per-capita figures only make sense for the whole court. */
  scopeKind: 'court' | 'team' | 'judge';
  /**
   * The payout rule's due day of money that arrived on a day (payoutClock.payoutDueOf: the court's
   * rule and working calendar, 民诉法 Art. 85). Without it: payoutDays calendar days.
   */
  payoutDue?: (onDate: string) => string;
}

export function deriveCase(f: CaseFact, p: Period): DerivedCase {
  const cancelled = f.mode === '销案' && f.closedOn !== null && f.closedOn <= p.to;
  const openAtStart = f.filedOn < p.from && (f.closedOn === null || f.closedOn >= p.from);
  const carried = !cancelled && openAtStart;
  const newly = !cancelled && f.filedOn >= p.from && f.filedOn <= p.to;
  const accepted = carried || newly;
  const closedBy = f.closedOn !== null && f.closedOn <= p.to;
  const closedIn = accepted && closedBy && f.closedOn! >= p.from;
  const end = closedBy ? f.closedOn! : p.to;
  const days = diffCalendarDays(end, f.filedOn);
  return { f, group: caseGroup(f.type), carried, newly, accepted, closedIn, cancelled, openAtEnd: accepted && !closedBy, days, suspended: f.suspendedDays };
}

/** Days used by a closed case, net of suspensions when the setting asks for it. */
export function netDays(d: DerivedCase, deduct: boolean): number {
  return deduct ? Math.max(0, d.days - d.suspended) : d.days;
}

/** Closed within the legal limit: 180 days, 非诉 90 (法发〔2006〕35号 Art. 1), net of Art. 9 periods when set. */
export function withinLimit(d: DerivedCase, s: MetricContextSettings): boolean {
  const limit = d.f.nonLitigation ? s.limitDaysNonLitigation : s.limitDays;
  return d.closedIn && netDays(d, s.limitDeductSuspensions) <= limit;
}
