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
  overdue: boolean;
}

export function receiptClocks(entries: ClockEntry[], today: string, payoutDays: number): ReceiptClock[] {
  const live = entries.filter((e) => !e.reversed && e.kind !== 'reversal');
  const receipts = live.filter((e) => e.kind === 'receipt').sort((a, b) => (a.onDate === b.onDate ? a.id - b.id : a.onDate < b.onDate ? -1 : 1));
  let outflow = live.filter((e) => e.kind === 'payout' || e.kind === 'fee' || e.kind === 'refund').reduce((s, e) => s + e.amountFen, 0);
  // An approved deferral stops the clock until its end date (the latest one counts).
  const deferredUntil = live.filter((e) => e.kind === 'deferral').reduce<string | null>((m, e) => (e.deferredUntil && (!m || e.deferredUntil > m) ? e.deferredUntil : m), null);
  return receipts.map((r) => {
    const used = Math.min(outflow, r.amountFen);
    outflow -= used;
    const outstandingFen = r.amountFen - used;
    const dueOn = addCalendarDays(r.onDate, payoutDays);
    const effectiveDue = deferredUntil && deferredUntil > dueOn ? deferredUntil : dueOn;
    return {
      entryId: r.id,
      onDate: r.onDate,
      amountFen: r.amountFen,
      outstandingFen,
      dueOn,
      daysLeft: diffCalendarDays(dueOn, today),
      deferredUntil,
      overdue: outstandingFen > 0 && today > effectiveDue,
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
