import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { close, dateBetween, event, file, rng } from '../helpers/metricsData';
import { dashboard } from '../../src-main/services/metrics/dashboard';
import { computeMetrics } from '../../src-main/services/metrics/figures';
import { trailingMonths, type PeriodInput } from '../../src-shared/domain/metrics/period';
import type { DashboardPeriodInput } from '../../src-main/services/metrics/dashboard';
import type { Scope } from '../../src-main/services/metrics/facts';

let t: TestApp;
afterEach(async () => t?.close());

// The dashboard reads the facts of the periods it shows once and cuts each period (and each team) out
// of them in memory. Each of its numbers must be the one metrics.compute gives for that period alone,
// for a month, a quarter, a year to date and a year alike.
describe('the dashboard from one read of the facts', () => {
  it('gives every card, trend point and team figure metrics.compute gives for that period and scope, for 月, 季, 年初至今 and 年', async () => {
    t = openTestApp();
    t.app.clock.set('2026-12-02T02:00:00Z');
    const db = t.app.db;
    const r = rng(7);
    const teams = ['t1', 't2', 't3'];
    await t.call('settings.set', { teams: teams.map((id, i) => ({ id, name: `第${i + 1}法庭`, kind: 'tribunal' as const, areas: [], active: true })) });
    let entry = 1;
    db.tx(() => {
      for (let i = 0; i < 300; i++) {
        const filedOn = dateBetween(r, '2024-10-01', '2026-11-20');
        const id = file(db, { filedOn, type: r() < 0.15 ? '执恢' : '执' });
        const team = teams[Math.floor(r() * 3)]!;
        event(db, id, 'case.assigned', filedOn, { teamId: team, judgeId: 2 + Math.floor(r() * 4), runId: 1, rule: 'area' });
        if (r() < 0.5) {
          const arrived = dateBetween(r, filedOn, '2026-11-25');
          const receipt = entry++;
          const amountFen = 1000 + Math.floor(r() * 9000);
          event(db, id, 'ledger.receipt', arrived, { entryId: receipt, amountFen, source: 'online' });
          if (r() < 0.2) event(db, id, 'ledger.deferral', arrived, { entryId: entry++, ground: '需要参与分配', until: dateBetween(r, arrived, '2026-12-31'), approver: '审批人' });
          if (r() < 0.7) event(db, id, 'ledger.payout', dateBetween(r, arrived, '2026-11-30'), { entryId: entry++, amountFen: r() < 0.5 ? amountFen : 500, ...(r() < 0.5 ? { receiptIds: [receipt] } : {}) });
        }
        if (r() < 0.8) close(db, id, dateBetween(r, filedOn, '2026-11-30'), r() < 0.5 ? '执行完毕' : '终结本次执行程序', Math.floor(r() * 5000));
      }
    });
    const scopes: Scope[] = [{ kind: 'court' }, { kind: 'team', teamId: 't2' }];
    for (const scope of scopes) {
      // Each kind of period with the periods it is set against, written out here (not derived by the code under test).
      const cases: [DashboardPeriodInput, PeriodInput | null, PeriodInput | null, { year: number; month: number }][] = [
        [{ kind: 'month', year: 2026, month: 11 }, { kind: 'month', year: 2026, month: 10 }, { kind: 'month', year: 2025, month: 11 }, { year: 2026, month: 11 }],
        [{ kind: 'month', year: 2026, month: 3 }, { kind: 'month', year: 2026, month: 2 }, { kind: 'month', year: 2025, month: 3 }, { year: 2026, month: 3 }],
        [{ kind: 'month', year: 2025, month: 12 }, { kind: 'month', year: 2025, month: 11 }, { kind: 'month', year: 2024, month: 12 }, { year: 2025, month: 12 }],
        [{ kind: 'quarter', year: 2026, quarter: 1 }, { kind: 'quarter', year: 2025, quarter: 4 }, { kind: 'quarter', year: 2025, quarter: 1 }, { year: 2026, month: 3 }],
        [{ kind: 'ytd', year: 2026, month: 11 }, null, { kind: 'ytd', year: 2025, month: 11 }, { year: 2026, month: 11 }],
        [{ kind: 'year', year: 2025 }, { kind: 'year', year: 2024 }, null, { year: 2025, month: 12 }],
      ];
      for (const [input, before, yearAgo, end] of cases) {
        const { year, month } = end;
        const d = dashboard(db, input, scope);
        const figuresOf = (p: PeriodInput, s: Scope = scope) => computeMetrics(db, p, s).figures;
        const figures = (y: number, m: number, s: Scope = scope) => figuresOf({ kind: 'month', year: y, month: m }, s);
        const value = (figs: ReturnType<typeof figures>, id: string, col: string) => figs.find((f) => f.metricId === id && f.column === col)?.value ?? null;
        const cur = figuresOf(input);
        const prev = before ? figuresOf(before) : null;
        const last = yearAgo ? figuresOf(yearAgo) : null;
        expect(d.cards).toHaveLength(12);
        for (const card of d.cards) {
          expect(card.value, `${card.metricId} ${JSON.stringify(input)}`).toBe(value(cur, card.metricId, card.column));
          expect(card.previous).toBe(prev ? value(prev, card.metricId, card.column) : null);
          expect(card.lastYear).toBe(last ? value(last, card.metricId, card.column) : null);
        }
        trailingMonths(year, month).forEach((m, i) => {
          const figs = figures(m.year, m.month);
          expect(d.trend[i]!.values).toEqual({ accepted: value(figs, 'accepted', 'main'), closed: value(figs, 'closed', 'main'), closureRate: value(figs, 'closureRate', 'main'), firstAvgDays: value(figs, 'firstAvgDays', 'first') });
        });
        for (const team of d.teams) {
          const figs = figuresOf(input, { kind: 'team', teamId: team.teamId });
          expect(team.closureRate).toBe(value(figs, 'closureRate', 'main'));
          expect(team.accepted).toBe(value(figs, 'accepted', 'main') ?? 0);
        }
        if (scope.kind === 'court') expect(d.teams).toHaveLength(3);
      }
    }
    // The money cards are not all zero: the data exercises them.
    expect(dashboard(db, { kind: 'month', year: 2026, month: 11 }, { kind: 'court' }).cards.find((c) => c.metricId === 'payoutOnTimeRate')!.value).not.toBeNull();
  });
});
