import { describe, expect, it } from 'vitest';
import shipped from '../../resources/calendar/holidays-2020-2026.json';
import { makeCalendar, type CalendarEntry } from '../../src-shared/domain/workingDays';
import { defaultDeadlineRules } from '../../src-shared/domain/deadlineRules';
import { bucketOf, computeDeadlines, type CaseEventLite } from '../../src-shared/domain/deadlines';
import { outcomeDueOn, payoutDueOf, receiptClocks, receiptOutcomes, type ClockEntry } from '../../src-shared/domain/payoutClock';
import { addCalendarDays } from '../../src-shared/domain/chineseDate';

// The deadline board and the 案款 page read one payout clock (法发〔2017〕6号, domain.md §7 [P]): for
// any ledger, on any day, a receipt is overdue on the board exactly when the page counts some of its
// money as overdue. Ledgers drawn at random (fixed seed): receipts, out-flows, deferrals of the whole
// account or of a sum, reversals.

const cal = makeCalendar(shipped.days as CalendarEntry[], shipped.years);
const rules = defaultDeadlineRules().filter((r) => r.id === 'payout');
const facts = { type: '执', nonLitigation: false };

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A random ledger as rows (what the 案款 page reads) and as events (what the board reads). */
function ledger(seed: number): { rows: ClockEntry[]; events: CaseEventLite[] } {
  const r = rng(seed);
  const int = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  const rows: ClockEntry[] = [];
  const events: CaseEventLite[] = [];
  let day = '2026-03-01';
  let balance = 0;
  for (let i = 1; i <= int(3, 12); i++) {
    day = addCalendarDays(day, int(0, 20));
    const id = 100 + i;
    const pick = r();
    let row: ClockEntry;
    let payload: Record<string, unknown>;
    let type: string;
    if (pick < 0.4 || balance === 0) {
      const amountFen = int(1, 50) * 1000;
      balance += amountFen;
      row = { id, kind: 'receipt', amountFen, onDate: day, deferredUntil: null, reversed: false };
      type = 'ledger.receipt';
      payload = { entryId: id, amountFen, source: 'voluntary' };
    } else if (pick < 0.7) {
      const kind = (['payout', 'fee', 'refund'] as const)[int(0, 2)]!;
      const amountFen = int(1, balance);
      balance -= amountFen;
      row = { id, kind, amountFen, onDate: day, deferredUntil: null, reversed: false };
      type = `ledger.${kind}`;
      payload = { entryId: id, amountFen };
    } else if (pick < 0.9) {
      const until = addCalendarDays(day, int(5, 90));
      const amountFen = r() < 0.5 ? 0 : int(1, balance);
      row = { id, kind: 'deferral', amountFen, onDate: day, deferredUntil: until, reversed: false };
      type = 'ledger.deferral';
      payload = { entryId: id, ground: '需要参与分配', until, approver: '局长', ...(amountFen ? { amountFen } : {}) };
    } else {
      const target = rows.find((x) => !x.reversed && x.kind !== 'reversal' && (x.kind !== 'receipt' || x.amountFen <= balance));
      if (!target) continue;
      target.reversed = true;
      if (target.kind === 'receipt') balance -= target.amountFen;
      else if (target.kind !== 'deferral') balance += target.amountFen;
      row = { id, kind: 'reversal', amountFen: target.amountFen, onDate: day, deferredUntil: null, reversed: false };
      type = 'ledger.reversal';
      payload = { entryId: id, reverses: target.id, reversedKind: target.kind, reversedLabel: '', amountFen: target.amountFen, reason: '误录' };
    }
    rows.push(row);
    events.push({ id: 1000 + i, type, at: `${day}T02:00:00.000Z`, onDate: day, payload });
  }
  return { rows, events };
}

describe('the board and the 案款 page agree on the payout clock', () => {
  it('on every day of 200 random ledgers, a receipt is overdue on the board iff the page counts money of it overdue', () => {
    const dueOf = payoutDueOf(rules, cal);
    let overdueSeen = 0;
    let deferredSeen = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const { rows, events } = ledger(seed);
      const clocks = computeDeadlines(facts, events, rules, cal);
      for (let today = '2026-03-01'; today <= '2026-12-31'; today = addCalendarDays(today, 7)) {
        const page = receiptClocks(rows, today, dueOf);
        const board = clocks.filter((d) => d.status !== 'cancelled');
        expect(board.length).toBe(page.length);
        const boardOverdue = board.map((d) => bucketOf(d, new Date(`${today}T04:00:00Z`), today, today) === 'overdue');
        // Board clocks are numbered in recording order, the page's receipts by arrival date: match by start event.
        const byStart = new Map(board.map((d, i) => [d.startEventId, boardOverdue[i]]));
        for (const r of page) {
          const ev = events.find((e) => e.type === 'ledger.receipt' && e.payload.entryId === r.entryId)!;
          expect([seed, today, r.entryId, byStart.get(ev.id)]).toEqual([seed, today, r.entryId, r.overdue]);
          if (r.overdue) overdueSeen++;
          if (r.deferredFen > 0 && r.overdueFen > 0) deferredSeen++;
        }
      }
    }
    // The draw covers the cases that matter: money overdue, and money partly deferred while the rest is overdue.
    expect(overdueSeen).toBeGreaterThan(100);
    expect(deferredSeen).toBeGreaterThan(10);
  });
});

describe('案款按期发放率 reads the same clock', () => {
  it('in 200 random ledgers, a paid-out receipt is late for the metric iff the board says late iff the 案款 page showed it overdue on the day it was paid', () => {
    const dueOf = payoutDueOf(rules, cal);
    let late = 0;
    let onTime = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const { rows, events } = ledger(seed);
      const board = computeDeadlines(facts, events, rules, cal);
      for (const o of receiptOutcomes(rows)) {
        if (o.paidOn === null) continue;
        const receipt = rows.find((x) => x.id === o.entryId)!;
        const metricLate = o.paidOn > outcomeDueOn(receipt.onDate, o.deferredUntil, dueOf);
        const ev = events.find((e) => e.type === 'ledger.receipt' && e.payload.entryId === o.entryId)!;
        const clock = board.find((d) => d.startEventId === ev.id)!;
        // The page as it stood on the morning of the payout day (that day's out-flows not yet made).
        const morning = rows.filter((x) => x.onDate < o.paidOn! || (x.onDate === o.paidOn && !['payout', 'fee', 'refund'].includes(x.kind)));
        const page = receiptClocks(morning, o.paidOn, dueOf).find((x) => x.entryId === o.entryId)!;
        expect([seed, o.entryId, metricLate]).toEqual([seed, o.entryId, clock.status === 'late']);
        expect([seed, o.entryId, metricLate]).toEqual([seed, o.entryId, page.overdue]);
        if (metricLate) late++;
        else onTime++;
      }
    }
    expect(late).toBeGreaterThan(10);
    expect(onTime).toBeGreaterThan(10);
  });
});
