import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { sampleDraft } from '../helpers/drafts';
import { signers } from '../helpers/inquiries';
import { reprojectAll } from '../../src-main/events/reproject';

// 案款按期发放率 counts a receipt as paid on time or late by the one payout clock the 案款 page and the
// deadline board show (法发〔2017〕6号 as read in domain.md §7 [P]: 30 days from arrival; a last day
// that is a day off moves to the next working day, 民诉法 2023 Art. 85; out-flows take the oldest
// money, fees count; a deferral of part of the money moves only that part's due day).

let t: TestApp;
afterEach(async () => t?.close());

const idOf = (username: string) => t.app.db.raw<{ id: number }>('SELECT id FROM users WHERE username = ?', username)[0]!.id;

async function fileCase() {
  const c = await t.call(
    'cases.file',
    sampleDraft({
      filedOn: '2026-11-02',
      title: { court: '开鲁县人民法院', number: '（2026）内0523民初7301号', effectiveOn: '2026-09-01', cause: '民间借贷纠纷', kind: '民事判决书', ordered: '被告偿还原告借款本金' },
      claim: { principalFen: 10_000_000, interestFen: 0, costsFen: 0 },
      interview: { contactConfirmed: true, payoutBank: '中国农业银行开鲁支行', payoutAccountName: '张三', payoutAccount: '6228480000000000001', requests: [] },
    }),
  );
  await signers(t, [c.id]);
  return c;
}

const onTimeRate = async (month: number) => {
  const r = await t.call('metrics.compute', { period: { kind: 'month', year: 2026, month }, scope: { kind: 'court' }, metricIds: ['payoutOnTimeRate', 'payoutOverdue'] });
  const f = (id: string) => r.figures.find((x) => x.metricId === id)!;
  return { rate: f('payoutOnTimeRate'), overdue: f('payoutOverdue') };
};

describe('案款按期发放率 by the payout clock (one definition for the dashboard, the board and the 案款 page)', () => {
  it('a partial deferral, a fee, a reversal and a late payout: the same receipts on time and late everywhere', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-20T02:00:00Z');
    t.user('money1', ['money']);
    t.user('chief', ['management']);
    const c = await fileCase();
    const receipt = async (amountFen: number, on: string) =>
      (await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen, on, source: 'voluntary' }, 'money1')).entries.at(-1)!.id;
    // By hand, from the rule (30 days after arrival, Art. 85 for a last day off):
    // R1 100,000 on 11-03: due 12-03 (Thu).  R2 200,000 on 11-04: due 12-04 (Fri).
    // R3 50,000 on 11-05: entered in error and reversed, no clock.  R4 300,000 on 11-06: day 30 is
    // 12-06, a Sunday, so due Monday 12-07.
    await receipt(100_000, '2026-11-03');
    await receipt(200_000, '2026-11-04');
    const r3 = await receipt(50_000, '2026-11-05');
    await receipt(300_000, '2026-11-06');
    await t.call('ledger.record', { kind: 'reversal', caseId: c.id, entryId: r3, reason: '错账，款项非本案' }, 'money1');
    // The execution fee (20,000) takes the oldest money: 20,000 of R1; 80,000 of R1 is left.
    await t.call('ledger.record', { kind: 'fee', caseId: c.id, amountFen: 20_000 }, 'money1');
    // 200,000 held for a distribution until 12-20 covers the oldest money outstanding: the 80,000 of
    // R1 and 120,000 of R2. The other 80,000 of R2 keeps its own day (12-04); R4 keeps 12-07.
    await t.call('ledger.record', { kind: 'deferral', caseId: c.id, ground: '需要参与分配', reason: '争议部分待分配方案确定', until: '2026-12-20', amountFen: 200_000, approverId: idOf('chief') }, 'money1');

    // Saturday 12-05: only R2 is overdue (its undeferred 80,000), on the 案款 page and on the board.
    t.app.clock.set('2026-12-05T02:00:00Z');
    const page = await t.call('ledger.get', { caseId: c.id });
    expect(page.receipts.map((r) => [r.onDate, r.overdueFen])).toEqual([
      ['2026-11-03', 0],
      ['2026-11-04', 80_000],
      ['2026-11-06', 0],
    ]);
    const board = (await t.call('deadlines.forCase', { caseId: c.id })).filter((d) => d.ruleId === 'payout');
    const overdueOnBoard = (await t.call('deadlines.cases', { bucket: 'overdue', ruleId: 'payout', limit: 100 })).rows.filter((r) => r.caseId === c.id);
    expect(overdueOnBoard).toHaveLength(1);
    expect(board.find((d) => d.seq === overdueOnBoard[0]!.seq)!.dueOn).toBe('2026-12-04');
    // The dashboard at the end of 12-05 (a custom period): one receipt overdue, the same one.
    const atFive = await t.call('metrics.compute', { period: { kind: 'custom', from: '2026-12-01', to: '2026-12-05' }, scope: { kind: 'court' }, metricIds: ['payoutOverdue'] });
    expect(atFive.figures.find((x) => x.metricId === 'payoutOverdue')!.value).toBe(1);

    // Monday 12-07: 280,000 paid out (the rest of R1 and all of R2, oldest first), then R4's 300,000.
    t.app.clock.set('2026-12-07T02:00:00Z');
    await t.call('ledger.record', { kind: 'payout', caseId: c.id, amountFen: 280_000, approverId: idOf('chief') }, 'money1');
    const done = await t.call('ledger.record', { kind: 'payout', caseId: c.id, amountFen: 300_000, approverId: idOf('chief') }, 'money1');
    expect(done.balanceFen).toBe(0);
    // By hand: R1 paid 12-07, its money deferred to 12-20: on time (35 days after arrival, which a
    // plain 30-day count would call late). R2 paid 12-07, 80,000 of it due 12-04: late. R4 paid on
    // its due day 12-07 (Art. 85): on time. 2 of 3 on time.
    const board2 = (await t.call('deadlines.forCase', { caseId: c.id })).filter((d) => d.ruleId === 'payout');
    expect(board2.filter((d) => d.status !== 'cancelled').map((d) => [d.status, d.dueOn, d.doneOn])).toEqual([
      ['met', '2026-12-20', '2026-12-07'],
      ['late', '2026-12-04', '2026-12-07'],
      ['met', '2026-12-07', '2026-12-07'],
    ]);
    expect(board2.filter((d) => d.status === 'cancelled')).toHaveLength(1);
    const dec = await onTimeRate(12);
    expect([dec.rate.numerator, dec.rate.denominator]).toEqual([2, 3]);
    expect(dec.rate.value).toBeCloseTo(66.67, 2);
    expect(dec.overdue.value).toBe(0);

    // Re-projected from the log, the metric facts say the same.
    const facts = () => t.app.db.raw('SELECT entry_id, arrived_on, amount_fen, paid_on, deferred_until, reversed FROM metric_receipts WHERE case_id = ? ORDER BY entry_id', c.id);
    const live = facts();
    expect(live.map((r) => (r as { deferred_until: string | null }).deferred_until)).toEqual(['2026-12-20', null, null, null]);
    reprojectAll(t.app.db, () => t.app.clock.now());
    expect(facts()).toEqual(live);
    expect(await onTimeRate(12)).toEqual(dec);
  });
});
