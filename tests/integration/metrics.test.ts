import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { close, event, file, kailuDataset } from '../helpers/metricsData';

let t: TestApp;
afterEach(async () => t?.close());

type Figs = Awaited<ReturnType<TestApp['call']>> & { figures: { metricId: string; column: string; value: number | null; numerator: number; denominator: number | null; settings: Record<string, unknown> }[] };
const pick = (r: { figures: Figs['figures'] }, id: string, col = 'main') => r.figures.find((f) => f.metricId === id && f.column === col)!;

describe('metrics computed from case events on a real database', () => {
  it('reproduces Kailu: 2022 3,929/3,979 = 98.74 %, Q1 2023 976/1,147 = 85.09 %, with 执恢 apart and 销案 excluded', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    kailuDataset(t.app.db);
    const y = await t.call('metrics.compute', { period: { kind: 'year', year: 2022 } });
    expect(pick(y, 'accepted')).toMatchObject({ value: 3979 });
    expect(pick(y, 'carriedOver').value).toBe(300);
    expect(pick(y, 'newlyFiled').value).toBe(3679);
    expect(pick(y, 'closureRate')).toMatchObject({ value: 98.74, numerator: 3929, denominator: 3979 });
    expect(pick(y, 'closureRate', 'resumed')).toMatchObject({ value: 50, numerator: 20, denominator: 40 });
    expect(pick(y, 'accepted', 'preservation').value).toBe(30);
    expect(pick(y, 'closedBy:销案').value).toBe(20);
    const q = await t.call('metrics.compute', { period: { kind: 'quarter', year: 2023, quarter: 1 } });
    expect(pick(q, 'closureRate')).toMatchObject({ value: 85.09, numerator: 976, denominator: 1147 });
    expect(pick(q, 'carriedOver').value).toBe(50);

    // Drill-down: the lists behind the figure, numerator ⊆ denominator.
    const num = await t.call('metrics.drilldown', { period: { kind: 'quarter', year: 2023, quarter: 1 }, metricId: 'closureRate', column: 'main', side: 'numerator', limit: 5000 });
    const den = await t.call('metrics.drilldown', { period: { kind: 'quarter', year: 2023, quarter: 1 }, metricId: 'closureRate', column: 'main', side: 'denominator', limit: 5000 });
    expect(num.total).toBe(976);
    expect(den.total).toBe(1147);
    const denIds = new Set(den.rows.map((r) => r.caseId));
    expect(num.rows.every((r) => denIds.has(r.caseId) && r.inNumerator)).toBe(true);
    expect(den.rows.filter((r) => r.inNumerator).length).toBe(976);
    expect(num.rows.every((r) => r.type === '执' && r.closedOn! >= '2023-01-01' && r.closedOn! <= '2023-03-31')).toBe(true);

    // The facts kept by triggers equal a rebuild from the whole event log.
    const snapshot = () => JSON.stringify(t.app.db.raw('SELECT * FROM metric_case_facts ORDER BY case_id'));
    const before = snapshot();
    await t.call('metrics.rebuildFacts', {});
    expect(snapshot()).toBe(before);
  });

  it('scopes figures to a team and a judge by the latest assignment, and names the settings in force', async () => {
    t = openTestApp();
    t.app.clock.set('2026-12-02T02:00:00Z');
    const db = t.app.db;
    const ids = db.tx(() => [1, 2, 3, 4].map((i) => file(db, { filedOn: `2026-11-0${i}` })));
    db.tx(() => {
      event(db, ids[0]!, 'case.assigned', '2026-11-05', { teamId: 'T1', judgeId: 7, runId: 1, rule: 'area' });
      event(db, ids[1]!, 'case.assigned', '2026-11-05', { teamId: 'T1', judgeId: 7, runId: 1, rule: 'area' });
      event(db, ids[2]!, 'case.assigned', '2026-11-05', { teamId: 'T1', judgeId: 8, runId: 1, rule: 'area' });
      event(db, ids[2]!, 'case.reassigned', '2026-11-10', { teamId: 'T2', judgeId: 9 });
      close(db, ids[0]!, '2026-11-20', '执行完毕', 1_000_000);
      close(db, ids[2]!, '2026-11-21', '终结本次执行程序');
    });
    const nov = { kind: 'month', year: 2026, month: 11 } as const;
    const team = await t.call('metrics.compute', { period: nov, scope: { kind: 'team', teamId: 'T1' } });
    expect(pick(team, 'closureRate')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    const judge = await t.call('metrics.compute', { period: nov, scope: { kind: 'judge', judgeId: 9 } });
    expect(pick(judge, 'closureRate')).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    const court = await t.call('metrics.compute', { period: nov });
    expect(pick(court, 'closureRate')).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
    expect(pick(court, 'closureRate').settings).toEqual({ statisticalYear: 'calendar', mergeResumed: false });
    // A changed setting changes the figure and travels with it.
    const s = await t.call('settings.get', {});
    await t.call('settings.set', { metrics: { ...s.metrics, actualClosureExcludes: [] } });
    const after = await t.call('metrics.compute', { period: nov });
    expect(pick(after, 'actualClosureRate')).toMatchObject({ value: 50, settings: { actualClosureExcludes: [] } });
    expect(pick(court, 'actualClosureRate').value).toBe(25);
    const defs = await t.call('metrics.definitions', {});
    const cr = defs.find((d) => d.id === 'closureRate')!;
    expect(cr.numeratorText).toBe('结案数');
    expect(cr.roundingText).toContain('四舍五入');
  });

  it('follows the 12-01 → 11-30 statistical year when set, and takes suspensions and 案款 from their events', async () => {
    t = openTestApp();
    t.app.clock.set('2026-12-20T02:00:00Z');
    const db = t.app.db;
    const [a, b, c] = db.tx(() => [file(db, { filedOn: '2025-12-10' }), file(db, { filedOn: '2026-01-05' }), file(db, { filedOn: '2026-12-05' })]);
    db.tx(() => {
      event(db, b!, 'case.suspended', '2026-02-01', { kind: '公告' });
      event(db, b!, 'case.suspended', '2026-02-20', { kind: '中止' });
      event(db, b!, 'case.unsuspended', '2026-03-02', { kind: '公告' });
      event(db, b!, 'case.unsuspended', '2026-04-02', { kind: '中止' });
      close(db, b!, '2026-08-01', '执行完毕'); // 208 days, 60 suspended → 148 net: within 180
      event(db, a!, 'ledger.receipt', '2026-10-01', { entryId: 11, amountFen: 5000, source: 'online' });
      event(db, a!, 'ledger.receipt', '2026-10-20', { entryId: 12, amountFen: 3000, source: 'online' });
      event(db, a!, 'ledger.payout', '2026-11-15', { entryId: 13, amountFen: 5000 }); // FIFO: settles receipt 11 (45 days)
      event(db, a!, 'ledger.payout', '2026-11-16', { entryId: 14, amountFen: 3000, receiptIds: [12] }); // 27 days
      event(db, c!, 'ledger.receipt', '2026-12-06', { entryId: 15, amountFen: 100, source: 'cash' });
    });
    const cal = await t.call('metrics.compute', { period: { kind: 'year', year: 2026 } });
    expect(pick(cal, 'accepted').value).toBe(3);
    const s = await t.call('settings.get', {});
    await t.call('settings.set', { metrics: { ...s.metrics, statisticalYear: 'decNov' } });
    const dn = await t.call('metrics.compute', { period: { kind: 'year', year: 2026 } });
    expect(dn.period).toMatchObject({ code: '2026', from: '2025-12-01', to: '2026-11-30' });
    expect(pick(dn, 'newlyFiled')).toMatchObject({ value: 2, settings: { statisticalYear: 'decNov' } });
    expect(pick(dn, 'withinLimitRate', 'first')).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    const nov = await t.call('metrics.compute', { period: { kind: 'month', year: 2026, month: 11 } });
    expect(pick(nov, 'payoutOnTimeRate', 'all')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(pick(nov, 'payoutAvgDays', 'all').value).toBe(36);
    const oct = await t.call('metrics.compute', { period: { kind: 'month', year: 2026, month: 10 } });
    expect(pick(oct, 'payoutOverdue', 'all').value).toBe(0); // 30 days on 10-31: not yet overdue
    const drill = await t.call('metrics.drilldown', { period: { kind: 'month', year: 2026, month: 11 }, metricId: 'payoutOnTimeRate', column: 'all', side: 'denominator' });
    expect(drill.rows.map((r) => r.caseId)).toEqual([a]);
    const err = await t.fail('metrics.drilldown', { period: { kind: 'month', year: 2026, month: 11 }, metricId: 'nope', column: 'main' });
    expect(err).toMatchObject({ code: 'not_found', field: 'metricId' });
    const bad = await t.fail('metrics.compute', { period: { kind: 'month', year: 2026, month: 13 } });
    expect(bad).toMatchObject({ code: 'invalid_input', field: 'period.month' });
  });
});
