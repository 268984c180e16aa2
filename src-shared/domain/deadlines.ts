import { addCalendarDays, diffCalendarDays } from './chineseDate';
import type { DeadlineRule, EventMatch, SuspensionKind } from './deadlineRules';
import { addMonths, isWorkingDay, nextWorkingDay, type WorkingCalendar } from './workingDays';
import { clockEntriesFromEvents, nextDueOn, outcomeDueOn, payoutDueOf, payoutSchedule, PAYOUT_RULE_ID, receiptOutcomes } from './payoutClock';

// Deadlines derived from a case's events (never typed in). Given the rules table, the working-day
// calendar and the case's event list, returns every clock the case has: when it started, when it
// is due (net of excluded suspension periods), and whether it was met, met late, is still open,
// paused by a running suspension, or no longer applies. Pure: the same events always give the same
// clocks, so the derived `deadlines` table can be rebuilt at any time.

export interface CaseEventLite {
  id: number;
  type: string;
  /** UTC ISO timestamp the event was recorded. */
  at: string;
  /** Court-local date the event takes effect. */
  onDate: string;
  payload: Record<string, unknown>;
}

export interface CaseFacts {
  type: string;
  nonLitigation: boolean;
}

export type DeadlineStatus = 'open' | 'met' | 'late' | 'paused' | 'cancelled';
export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  open: '进行中',
  met: '按期完成',
  late: '超期完成',
  paused: '暂停计算',
  cancelled: '不再适用',
};

export interface DeadlineInstance {
  ruleId: string;
  /** 1 for single clocks; the k-th period of a recurring rule; the k-th start of an `each` rule. */
  seq: number;
  startEventId: number;
  startOn: string;
  startAt: string;
  /** Null while a suspension that stops this clock is still running. */
  dueOn: string | null;
  /** Hour rules only: the exact moment (UTC ISO). */
  dueAt: string | null;
  status: DeadlineStatus;
  doneEventId: number | null;
  doneOn: string | null;
  doneAt: string | null;
  /** Days not counted because of suspensions. */
  excludedDays: number;
}

export interface Suspension {
  kind: SuspensionKind;
  from: string;
  /** The day the clock runs again (exclusive); null while suspended. */
  to: string | null;
}

/** Pairs case.suspended / case.unsuspended events of the same kind into intervals. */
export function suspensionsOf(events: readonly CaseEventLite[]): Suspension[] {
  const out: Suspension[] = [];
  const open = new Map<string, Suspension>();
  for (const e of events) {
    const kind = e.payload.kind as SuspensionKind | undefined;
    if (!kind) continue;
    if (e.type === 'case.suspended' && !open.has(kind)) {
      const s: Suspension = { kind, from: e.onDate, to: null };
      open.set(kind, s);
      out.push(s);
    } else if (e.type === 'case.unsuspended') {
      const s = open.get(kind);
      if (s) {
        s.to = e.onDate < s.from ? s.from : e.onDate;
        open.delete(kind);
      }
    }
  }
  return out;
}

export function matches(e: CaseEventLite, list: readonly EventMatch[]): boolean {
  return list.some((m) => m.type === e.type && Object.entries(m.where).every(([k, v]) => e.payload[k] === v));
}

const HOUR = 3_600_000;
const COURT_OFFSET = 8 * HOUR; // Asia/Shanghai, UTC+8, no DST since 1991

function localDate(ms: number): string {
  return new Date(ms + COURT_OFFSET).toISOString().slice(0, 10);
}
function nextLocalMidnight(ms: number): number {
  const local = ms + COURT_OFFSET;
  return Math.floor(local / (24 * HOUR)) * 24 * HOUR + 24 * HOUR - COURT_OFFSET;
}

/** Excluded days for one rule: a membership test plus "is a suspension still running from day d". */
class Exclusions {
  constructor(private readonly periods: Suspension[]) {}
  has(date: string): boolean {
    return this.periods.some((p) => date >= p.from && (p.to === null || date < p.to));
  }
  /** A running (unended) suspension has started on or before `date`. */
  runningBy(date: string): boolean {
    return this.periods.some((p) => p.to === null && p.from <= date);
  }
  /** Excluded days in (from, to]. */
  countIn(from: string, to: string): number {
    let n = 0;
    for (const p of this.periods) {
      const a = p.from > from ? p.from : addCalendarDays(from, 1);
      const bExcl = p.to === null ? addCalendarDays(to, 1) : p.to <= to ? p.to : addCalendarDays(to, 1);
      if (bExcl > a) n += diffCalendarDays(bExcl, a);
    }
    return n;
  }
  get empty(): boolean {
    return this.periods.length === 0;
  }
}

interface Due {
  dueOn: string | null;
  dueAt: string | null;
  excludedDays: number;
}

/** The due date of the k-th period of `rule` started by `start`. */
export function dueFor(rule: DeadlineRule, start: CaseEventLite, k: number, cal: WorkingCalendar, ex: Exclusions): Due | null {
  const n = rule.amount * k;
  switch (rule.unit) {
    case 'payloadDate': {
      const d = rule.dateField ? start.payload[rule.dateField] : undefined;
      if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return null; // e.g. a deduction: nothing expires
      return { dueOn: addCalendarDays(d, -n), dueAt: null, excludedDays: 0 };
    }
    case 'calendarDays':
    case 'months': {
      const base = rule.unit === 'months' ? addMonths(start.onDate, n) : addCalendarDays(start.onDate, n);
      let due = base;
      let excluded = 0;
      if (!ex.empty) {
        // Each excluded day inside the period pushes the end one day further; repeat until stable.
        for (let i = 0; i < 100; i++) {
          if (ex.runningBy(due)) return { dueOn: null, dueAt: null, excludedDays: ex.countIn(start.onDate, due) };
          excluded = ex.countIn(start.onDate, due);
          const next = addCalendarDays(base, excluded);
          if (next === due) break;
          due = next;
        }
      }
      if (rule.lastDayRule) due = nextWorkingDay(due, cal, true);
      return { dueOn: due, dueAt: null, excludedDays: excluded };
    }
    case 'workingDays': {
      let d = start.onDate;
      let left = n;
      let excluded = 0;
      while (left > 0) {
        d = addCalendarDays(d, 1);
        if (ex.has(d)) {
          if (ex.runningBy(d)) return { dueOn: null, dueAt: null, excludedDays: excluded };
          excluded++;
          continue;
        }
        if (isWorkingDay(d, cal)) left--;
      }
      return { dueOn: d, dueAt: null, excludedDays: excluded };
    }
    case 'hours': {
      let t = Date.parse(start.at);
      let left = n * HOUR;
      let excluded = 0;
      for (let guard = 0; guard < 10_000; guard++) {
        const day = localDate(t);
        const midnight = nextLocalMidnight(t);
        const off = ex.has(day) || (rule.pauseOnDaysOff && !isWorkingDay(day, cal));
        if (off) {
          if (ex.runningBy(day)) return { dueOn: null, dueAt: null, excludedDays: excluded };
          if (ex.has(day)) excluded++;
          t = midnight;
          continue;
        }
        if (left <= midnight - t) {
          const dueMs = t + left;
          return { dueOn: localDate(dueMs), dueAt: new Date(dueMs).toISOString(), excludedDays: excluded };
        }
        left -= midnight - t;
        t = midnight;
      }
      return null;
    }
  }
}

function correlationOf(payload: Record<string, unknown>, key: string): unknown {
  return payload[key];
}

/**
 * A clock of the case's own enforcement process: its rule is cancelled by the case's closure. Such a
 * clock does not start once the case is closed (a query's feedback or a payment arriving after a
 * 终本 closure owes no 24-hour control), and stands still while the enforcement is suspended (中止,
 * 民诉法（2023）第267条; not counted until resumption: 严格执行审限规定 第9条第（九）项).
 * Obligations that outlive the closure (the 终本 re-queries, renewals, payouts, credit sanctions)
 * declare no closure cancel and keep running.
 */
export function followsCase(rule: Pick<DeadlineRule, 'cancelOn'>): boolean {
  return rule.cancelOn.some((m) => m.type === 'case.closed');
}

/**
 * The events as the clocks read them: a supervisor's correction of the closure date
 * (case.closureCorrected) moves the closure to the corrected day, so the 终本 re-queries run from the
 * day the case entered the 终本 archive as it now stands (终本规定 第9条: every 6 months for 5 years).
 */
export function effectiveEvents(events: readonly CaseEventLite[]): readonly CaseEventLite[] {
  if (!events.some((e) => e.type === 'case.closureCorrected')) return events;
  const out = [...events];
  let closedAt = -1;
  out.forEach((e, i) => {
    if (e.type === 'case.closed') closedAt = i;
    else if (e.type === 'case.closureCorrected' && closedAt >= 0 && out[closedAt]!.onDate !== e.onDate) out[closedAt] = { ...out[closedAt]!, onDate: e.onDate };
  });
  return out;
}

/** Every clock of one case under the given rules. Events must be in id order. */
export function computeDeadlines(facts: CaseFacts, allEvents: readonly CaseEventLite[], rules: readonly DeadlineRule[], cal: WorkingCalendar): DeadlineInstance[] {
  const events = effectiveEvents(allEvents);
  const suspensions = suspensionsOf(events);
  // The case is closed from its (first) closure on; a resumption is a new 执恢 case with its own clocks (2014 意见 第6条, domain.md §4.4).
  const closedFrom = events.find((e) => e.type === 'case.closed')?.id ?? Infinity;
  const out: DeadlineInstance[] = [];
  for (const rule of rules) {
    if (!rule.active) continue;
    if (rule.caseTypes.length > 0 && !rule.caseTypes.includes(facts.type)) continue;
    if (rule.nonLitigation !== null && rule.nonLitigation !== facts.nonLitigation) continue;
    if (rule.id === PAYOUT_RULE_ID) {
      out.push(...payoutClocks(rule, events, cal));
      continue;
    }
    const ofCase = followsCase(rule);
    let starts = events.filter((e) => matches(e, rule.start) && !(ofCase && e.id > closedFrom));
    if (starts.length === 0) continue;
    if (!rule.each) starts = starts.slice(0, 1);
    const stops = events.filter((e) => matches(e, rule.stop));
    const cancels = events.filter((e) => matches(e, rule.cancelOn));
    // 中止 stops the process's clocks, but not one counted in hours: those run for a person held
    // (拘传 questioning, a detainee's family told within 24 h: 民诉法解释 第180条、第482条).
    const pausedBySuspension = ofCase && rule.unit !== 'hours';
    const ex = new Exclusions(suspensions.filter((s) => rule.excluded.includes(s.kind) || (pausedBySuspension && s.kind === '中止')));
    // A stop without a correlation value (a payout that names no receipt) settles the oldest open clock, once.
    const usedLoose = new Set<number>();
    let seq = 0;
    for (const s of starts) {
      const key = rule.correlate ? correlationOf(s.payload, rule.correlate.start) : undefined;
      const candidates = stops.filter((e) => {
        if (!rule.metIfStoppedBefore && e.id <= s.id) return false;
        if (!rule.correlate || key === undefined) return true;
        const v = correlationOf(e.payload, rule.correlate.stop);
        if (v === undefined || v === null) return !usedLoose.has(e.id);
        return Array.isArray(v) ? v.includes(key) : v === key;
      });
      const cancel = cancels.find((e) => e.id > s.id);
      let prevDue: string | null = null;
      let usedIdx = -1;
      for (let k = 1; k <= rule.repeat; k++) {
        const due = dueFor(rule, s, k, cal, ex);
        if (!due) break;
        seq++;
        // Recurring periods: the k-th is met by the first unused stop after the (k−1)-th due date.
        const idx = candidates.findIndex((e, i) => i > usedIdx && (k === 1 || prevDue === null || e.onDate > prevDue));
        const stop = idx >= 0 ? candidates[idx] : undefined;
        let status: DeadlineStatus;
        if (stop && (!cancel || stop.id <= cancel.id)) {
          usedIdx = idx;
          if (rule.correlate && correlationOf(stop.payload, rule.correlate.stop) == null) usedLoose.add(stop.id);
          const late = due.dueAt ? stop.at > due.dueAt : due.dueOn !== null && stop.onDate > due.dueOn;
          status = late ? 'late' : 'met';
        } else if (cancel) status = 'cancelled';
        else status = due.dueOn === null ? 'paused' : 'open';
        const done = status === 'met' || status === 'late' ? stop! : status === 'cancelled' ? cancel! : null;
        out.push({
          ruleId: rule.id,
          seq,
          startEventId: s.id,
          startOn: s.onDate,
          startAt: s.at,
          dueOn: due.dueOn,
          dueAt: due.dueAt,
          status,
          doneEventId: done?.id ?? null,
          doneOn: done?.onDate ?? null,
          doneAt: done?.at ?? null,
          excludedDays: due.excludedDays,
        });
        // Later periods of a recurring rule only matter once this one is done.
        if (status !== 'met' && status !== 'late') break;
        prevDue = due.dueOn;
      }
    }
  }
  return out;
}

/**
 * The payout clock of each receipt, from the one definition the 案款 page uses (./payoutClock.ts): open
 * until none of the receipt is outstanding, due on the earliest due day of what is (a deferral of part
 * of the money moves only that part's day); met or late by the out-flow that took the last of it;
 * cancelled when the receipt is reversed.
 */
function payoutClocks(rule: DeadlineRule, events: readonly CaseEventLite[], cal: WorkingCalendar): DeadlineInstance[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const reversalOf = new Map<number, CaseEventLite>();
  for (const e of events) if (e.type === 'ledger.reversal' && typeof e.payload.reverses === 'number') reversalOf.set(e.payload.reverses, e);
  const entries = clockEntriesFromEvents(events);
  const dueOf = payoutDueOf([rule], cal);
  const schedule = payoutSchedule(entries, dueOf);
  // Met or late against the due day its money carried when it was paid out (a deferral of part of
  // the money counts for that part only): the same as 案款按期发放率 (metrics/definitions.ts).
  const outcomes = new Map(receiptOutcomes(entries).map((o) => [o.entryId, o]));
  const out: DeadlineInstance[] = [];
  // Numbered in the order the receipts were recorded, as the other `each` clocks.
  const inOrder = schedule.filter((r) => r.eventId !== null).sort((a, b) => a.eventId! - b.eventId!);
  inOrder.forEach((r, i) => {
    const start = byId.get(r.eventId!)!;
    const done = r.reversed ? reversalOf.get(r.entryId) : r.settledBy?.eventId != null ? byId.get(r.settledBy.eventId) : undefined;
    const effectiveDue = outcomeDueOn(r.onDate, outcomes.has(r.entryId) ? outcomes.get(r.entryId)!.deferredUntil : r.wholeDeferredUntil, dueOf);
    const status: DeadlineStatus = r.reversed ? 'cancelled' : r.outstandingFen > 0 ? 'open' : done && done.onDate > effectiveDue ? 'late' : 'met';
    out.push({
      ruleId: rule.id,
      seq: i + 1,
      startEventId: start.id,
      startOn: start.onDate,
      startAt: start.at,
      dueOn: status === 'open' ? nextDueOn(r) : effectiveDue,
      dueAt: null,
      status,
      doneEventId: status === 'open' ? null : (done?.id ?? null),
      doneOn: status === 'open' ? null : (done?.onDate ?? null),
      doneAt: status === 'open' ? null : (done?.at ?? null),
      excludedDays: 0,
    });
  });
  return out;
}

export type Bucket = 'overdue' | 'today' | 'soon';
export const BUCKET_LABELS: Record<Bucket, string> = { overdue: '已超期', today: '今日到期', soon: '3个工作日内到期' };

/** Where an open clock stands at `now`: overdue, due today, due within the horizon, or later (null). */
export function bucketOf(d: Pick<DeadlineInstance, 'status' | 'dueOn' | 'dueAt'>, now: Date, today: string, horizon: string): Bucket | null {
  if (d.status !== 'open' || d.dueOn === null) return null;
  if (d.dueAt ? Date.parse(d.dueAt) < now.getTime() : d.dueOn < today) return 'overdue';
  if (d.dueOn === today) return 'today';
  if (d.dueOn <= horizon) return 'soon';
  return null;
}
