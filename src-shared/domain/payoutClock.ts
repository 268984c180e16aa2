import { addCalendarDays, diffCalendarDays } from './chineseDate';
import { defaultDeadlineRules, type DeadlineRule } from './deadlineRules';
import { nextWorkingDay, type WorkingCalendar } from './workingDays';

// The payout clock (法发〔2017〕6号 as read in domain.md §7 [P]): money must be paid out within N
// days (rule `payout`, 30) of its arrival. This is the one definition of what is due when and what is
// overdue: the 案款 page (services/ledger/view.ts) and the deadline board (domain/deadlines.ts) both
// read `payoutSchedule`, so they cannot disagree.
//
// Out-flows (payout, fee, refund) are matched to the receipts oldest first, so each receipt knows how
// much of it is still waiting. An approved deferral of the whole account moves the due day of all the
// money to its end date (the latest one counts). A deferral of a sum (amountFen > 0: the part held for
// a distribution, say) moves the due day of that much of the outstanding money only, oldest money
// first; the rest keeps its own clock. Sums are laid over the money longest deferral first, so the
// deferrals still running always cover the oldest money.

export const PAYOUT_RULE_ID = 'payout';
/** The ledger events the payout clock reads. */
export const PAYOUT_CLOCK_EVENTS = ['ledger.receipt', 'ledger.payout', 'ledger.fee', 'ledger.refund', 'ledger.deferral', 'ledger.reversal'] as const;

export interface ClockEntry {
  id: number;
  kind: string;
  amountFen: number;
  onDate: string;
  deferredUntil: string | null;
  reversed: boolean;
  /** The event that recorded the entry (the board's clocks name it); absent when read from the ledger rows. */
  eventId?: number;
}

/** A part of a receipt's outstanding money with its own due day. */
export interface PayoutSegment {
  amountFen: number;
  dueOn: string;
  /** The deferral that set this due day, if any. */
  deferredUntil: string | null;
}

export interface ReceiptSchedule {
  entryId: number;
  eventId: number | null;
  onDate: string;
  amountFen: number;
  outstandingFen: number;
  /** N days after arrival (a last day off moves to the next working day when the rule says so). */
  dueOn: string;
  /** End of a whole-account deferral, if one was granted. */
  wholeDeferredUntil: string | null;
  /** The outstanding money split by due day (empty once all of it has left the account). */
  segments: PayoutSegment[];
  /** The out-flow that took the last of this receipt, when none of it is outstanding. */
  settledBy: { id: number; eventId: number | null; onDate: string } | null;
  /** The reversal of the receipt itself: no clock. */
  reversed: boolean;
}

/** The due-day function of the payout rule as the court set it (amount, last-day rule). */
export function payoutDueOf(rules: readonly DeadlineRule[], cal: WorkingCalendar | null): (onDate: string) => string {
  const rule = rules.find((r) => r.id === PAYOUT_RULE_ID && r.active) ?? defaultDeadlineRules().find((r) => r.id === PAYOUT_RULE_ID)!;
  return (onDate) => {
    const due = addCalendarDays(onDate, rule.amount);
    return rule.lastDayRule && cal ? nextWorkingDay(due, cal, true) : due;
  };
}

const later = (a: string, b: string | null) => (b && b > a ? b : a);
const byDate = (a: { onDate: string; id: number }, b: { onDate: string; id: number }) => (a.onDate === b.onDate ? a.id - b.id : a.onDate < b.onDate ? -1 : 1);

/** The payout clock of every receipt of a case, independent of today. */
export function payoutSchedule(entries: readonly ClockEntry[], dueOf: (onDate: string) => string): ReceiptSchedule[] {
  const receiptsAll = entries.filter((e) => e.kind === 'receipt').sort(byDate);
  const live = entries.filter((e) => !e.reversed && e.kind !== 'reversal');
  const outflows = live.filter((e) => e.kind === 'payout' || e.kind === 'fee' || e.kind === 'refund').sort(byDate);
  const deferrals = live.filter((e) => e.kind === 'deferral' && e.deferredUntil);
  const whole = deferrals.filter((e) => e.amountFen === 0).reduce<string | null>((m, e) => (!m || e.deferredUntil! > m ? e.deferredUntil : m), null);
  // Partial deferrals, longest first, laid over the outstanding money oldest first.
  const shields = deferrals
    .filter((e) => e.amountFen > 0)
    .map((e) => ({ left: e.amountFen, until: e.deferredUntil! }))
    .sort((a, b) => (a.until < b.until ? 1 : a.until > b.until ? -1 : 0));
  let outTotal = outflows.reduce((s, e) => s + e.amountFen, 0);
  let need = 0; // receipts so far, oldest first: what the out-flows must reach to settle this one
  return receiptsAll.map((r) => {
    const dueOn = dueOf(r.onDate);
    const base = { entryId: r.id, eventId: r.eventId ?? null, onDate: r.onDate, amountFen: r.amountFen, dueOn, wholeDeferredUntil: whole };
    if (r.reversed) return { ...base, outstandingFen: 0, segments: [], settledBy: null, reversed: true };
    need += r.amountFen;
    const used = Math.min(outTotal, r.amountFen);
    outTotal -= used;
    const outstandingFen = r.amountFen - used;
    const effectiveDue = later(dueOn, whole);
    const segments: PayoutSegment[] = [];
    let rest = outstandingFen;
    for (const s of shields) {
      if (rest === 0) break;
      const take = Math.min(rest, s.left);
      if (take === 0) continue;
      s.left -= take;
      rest -= take;
      segments.push({ amountFen: take, dueOn: later(effectiveDue, s.until), deferredUntil: later(s.until, whole) });
    }
    if (rest > 0) segments.unshift({ amountFen: rest, dueOn: effectiveDue, deferredUntil: whole });
    let settledBy: ReceiptSchedule['settledBy'] = null;
    if (outstandingFen === 0) {
      let cum = 0;
      for (const o of outflows) {
        cum += o.amountFen;
        if (cum >= need) {
          settledBy = { id: o.id, eventId: o.eventId ?? null, onDate: o.onDate };
          break;
        }
      }
    }
    return { ...base, outstandingFen, segments, settledBy, reversed: false };
  });
}

/** The earliest due day of a receipt's outstanding money (the board's clock), or null when none is outstanding. */
export function nextDueOn(r: ReceiptSchedule): string | null {
  return r.segments.reduce<string | null>((m, s) => (!m || s.dueOn < m ? s.dueOn : m), null);
}

export interface ReceiptClock {
  entryId: number;
  onDate: string;
  amountFen: number;
  outstandingFen: number;
  dueOn: string;
  daysLeft: number;
  deferredUntil: string | null;
  /** Of the outstanding money, what an approved deferral still running keeps from counting as overdue. */
  deferredFen: number;
  /** Outstanding, past its due day and not deferred. */
  overdueFen: number;
  overdue: boolean;
}

/** The receipts' clocks as they stand today (the 案款 page). Overdue: money whose due day is before today. */
export function receiptClocks(entries: readonly ClockEntry[], today: string, dueOf: (onDate: string) => string): ReceiptClock[] {
  return payoutSchedule(entries, dueOf)
    .filter((r) => !r.reversed)
    .map((r) => {
      const overdueFen = r.segments.filter((s) => today > s.dueOn).reduce((n, s) => n + s.amountFen, 0);
      const running = r.segments.filter((s) => s.deferredUntil !== null && today <= s.deferredUntil);
      const deferredFen = running.reduce((n, s) => n + s.amountFen, 0);
      const partialUntil = running.reduce<string | null>((m, s) => (!m || s.deferredUntil! > m ? s.deferredUntil : m), null);
      return {
        entryId: r.entryId,
        onDate: r.onDate,
        amountFen: r.amountFen,
        outstandingFen: r.outstandingFen,
        dueOn: r.dueOn,
        daysLeft: diffCalendarDays(r.dueOn, today),
        deferredUntil: r.wholeDeferredUntil ?? partialUntil,
        deferredFen,
        overdueFen,
        overdue: overdueFen > 0,
      };
    });
}

/** The receipts an out-flow of `amountFen` settles, given what was outstanding before it (oldest first). */
export function receiptsSettledBy(before: readonly { entryId: number; outstandingFen: number }[], amountFen: number): number[] {
  const ids: number[] = [];
  let left = amountFen;
  for (const r of before) {
    if (left <= 0) break;
    if (r.outstandingFen <= 0) continue;
    ids.push(r.entryId);
    left -= r.outstandingFen;
  }
  return ids;
}

/** The ledger entries as the case's events tell them (the board reads events, not the ledger rows). */
export function clockEntriesFromEvents(events: readonly { id: number; type: string; onDate: string; payload: Record<string, unknown> }[]): ClockEntry[] {
  const reversed = new Set<number>();
  for (const e of events) if (e.type === 'ledger.reversal' && typeof e.payload.reverses === 'number') reversed.add(e.payload.reverses);
  const out: ClockEntry[] = [];
  for (const e of events) {
    if (!(PAYOUT_CLOCK_EVENTS as readonly string[]).includes(e.type)) continue;
    const entryId = e.payload.entryId;
    if (typeof entryId !== 'number') continue;
    const kind = e.type.slice('ledger.'.length);
    const amount = typeof e.payload.amountFen === 'number' ? e.payload.amountFen : 0;
    const until = kind === 'deferral' && typeof e.payload.until === 'string' ? e.payload.until : null;
    out.push({ id: entryId, kind, amountFen: amount, onDate: e.onDate, deferredUntil: until, reversed: reversed.has(entryId), eventId: e.id });
  }
  return out;
}

/** What the metrics keep of a receipt's clock: when it was paid out and the deferral its due day carries. */
export interface ReceiptOutcome {
  entryId: number;
  /** The day the out-flow that took the last of it was made (oldest money leaves first), or null. */
  paidOn: string | null;
  /**
   * The deferral end its due day is moved to: the earliest over its parts (a part no deferral covers
   * keeps the plain due day: null), read on the day it was paid out (or as it stands, if unpaid).
   * Independent of the court's settings: the due day is later(dueOf(onDate), deferredUntil).
   */
  deferredUntil: string | null;
}

/** The paid-out day and deferral of every live receipt, by the payout clock (the one the board and 案款 page show). */
export function receiptOutcomes(entries: readonly ClockEntry[]): ReceiptOutcome[] {
  const noDue = (d: string) => d; // deferrals are independent of the due-day rule
  const now = payoutSchedule(entries, noDue).filter((r) => !r.reversed);
  const deferralOf = (r: ReceiptSchedule | undefined): string | null => {
    if (!r || r.segments.length === 0) return r?.wholeDeferredUntil ?? null;
    let min: string | null = null;
    for (const s of r.segments) {
      if (s.deferredUntil === null) return null;
      if (min === null || s.deferredUntil < min) min = s.deferredUntil;
    }
    return min;
  };
  return now.map((r) => {
    if (!r.settledBy) return { entryId: r.entryId, paidOn: null, deferredUntil: deferralOf(r) };
    // The clock as it stood just before the settling out-flow: the money it took, with its due days.
    const paidOn = r.settledBy.onDate;
    const before = entries.filter((e) => e.onDate < paidOn || (e.onDate === paidOn && e.kind !== 'payout' && e.kind !== 'fee' && e.kind !== 'refund'));
    const then = payoutSchedule(before, noDue).find((x) => x.entryId === r.entryId);
    return { entryId: r.entryId, paidOn, deferredUntil: deferralOf(then) };
  });
}

/** The due day of a receipt's money given its outcome's deferral (the later of the two). */
export function outcomeDueOn(onDate: string, deferredUntil: string | null, dueOf: (onDate: string) => string): string {
  return later(dueOf(onDate), deferredUntil);
}
