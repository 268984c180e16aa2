import { addCalendarDays, diffCalendarDays } from '../../../src-shared/domain/chineseDate';

// The payout clock (法发〔2017〕6号 as read in domain.md §7 [P]): money must be paid out within N
// days (setting payoutDays, 30) of its arrival. Out-flows (payout, fee, refund) are matched to the
// receipts oldest first, so each receipt knows how much of it is still waiting.

export interface ClockEntry {
  id: number;
  kind: string;
  amountFen: number;
  onDate: string;
  deferredUntil: string | null;
  reversed: boolean;
}

export interface ReceiptClock {
  entryId: number;
  onDate: string;
  amountFen: number;
  outstandingFen: number;
  dueOn: string;
  daysLeft: number;
  deferredUntil: string | null;
  /** Of the outstanding money, what an approved deferral keeps from counting as overdue. */
  deferredFen: number;
  /** Outstanding, past its due day and not deferred. */
  overdueFen: number;
  overdue: boolean;
}

export function receiptClocks(entries: ClockEntry[], today: string, payoutDays: number): ReceiptClock[] {
  const live = entries.filter((e) => !e.reversed && e.kind !== 'reversal');
  const receipts = live.filter((e) => e.kind === 'receipt').sort((a, b) => (a.onDate === b.onDate ? a.id - b.id : a.onDate < b.onDate ? -1 : 1));
  let outflow = live.filter((e) => e.kind === 'payout' || e.kind === 'fee' || e.kind === 'refund').reduce((s, e) => s + e.amountFen, 0);
  // An approved deferral of the whole account stops the clock until its end date (the latest one
  // counts). A deferral of a sum (amountFen > 0: the part held for a distribution, say) keeps that
  // much of the money past its due day from counting as overdue until its end date, oldest money
  // first; the rest is overdue as usual (法发〔2017〕6号, domain.md §7 [P]).
  const deferrals = live.filter((e) => e.kind === 'deferral' && e.deferredUntil);
  const deferredUntil = deferrals.filter((e) => e.amountFen === 0).reduce<string | null>((m, e) => (!m || e.deferredUntil! > m ? e.deferredUntil : m), null);
  let shield = deferrals.filter((e) => e.amountFen > 0 && today <= e.deferredUntil!).reduce((s, e) => s + e.amountFen, 0);
  const partialUntil = deferrals.filter((e) => e.amountFen > 0 && today <= e.deferredUntil!).reduce<string | null>((m, e) => (!m || e.deferredUntil! > m ? e.deferredUntil : m), null);
  return receipts.map((r) => {
    const used = Math.min(outflow, r.amountFen);
    outflow -= used;
    const outstandingFen = r.amountFen - used;
    const dueOn = addCalendarDays(r.onDate, payoutDays);
    const effectiveDue = deferredUntil && deferredUntil > dueOn ? deferredUntil : dueOn;
    const late = outstandingFen > 0 && today > effectiveDue;
    const wholeDeferred = deferredUntil !== null && today <= deferredUntil;
    const shielded = late ? Math.min(outstandingFen, shield) : 0;
    shield -= shielded;
    const deferredFen = wholeDeferred ? outstandingFen : shielded;
    const overdueFen = late ? outstandingFen - shielded : 0;
    return {
      entryId: r.id,
      onDate: r.onDate,
      amountFen: r.amountFen,
      outstandingFen,
      dueOn,
      daysLeft: diffCalendarDays(dueOn, today),
      deferredUntil: deferredUntil ?? (shielded > 0 ? partialUntil : null),
      deferredFen,
      overdueFen,
      overdue: overdueFen > 0,
    };
  });
}

/** The receipts an out-flow of `amountFen` settles, given what was outstanding before it (oldest first). */
export function receiptsSettledBy(before: ReceiptClock[], amountFen: number): number[] {
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
