import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeFigures, drillIds, figureFromMembers, prepare, type FactSet } from '../../src-shared/domain/metrics/compute';
import { activeColumns } from '../../src-shared/domain/metrics/definitions';
import { METRIC_BY_ID, METRIC_DEFINITIONS } from '../../src-shared/domain/metrics/definitions';
import type { CaseFact, ReceiptFact } from '../../src-shared/domain/metrics/facts';
import { unionDays } from '../../src-shared/domain/metrics/facts';
import { metricsSettingsSchema, type MetricContextSettings } from '../../src-shared/domain/metrics/metricSettings';
import { parsePeriodCode, resolvePeriod, type PeriodInput } from '../../src-shared/domain/metrics/period';
import { roundedQuotient } from '../../src-shared/domain/metrics/rounding';
import { diffCalendarDays } from '../../src-shared/domain/chineseDate';

const settings = (over: Partial<MetricContextSettings> = {}): MetricContextSettings => ({ ...metricsSettingsSchema.parse({}), payoutDays: 30, ...over });
const ctx = (p: PeriodInput, s = settings()) => ({ period: resolvePeriod(p, s.statisticalYear), settings: s, scopeKind: 'court' as const });
const NOV: PeriodInput = { kind: 'month', year: 2026, month: 11 };

let nextId = 1;
function c(over: Partial<CaseFact> & { filedOn: string }): CaseFact {
  const id = nextId++;
  return { caseId: id, number: `（2026）内0523执${id}号`, type: '执', closedOn: null, mode: null, claimFen: 0, recoveredFen: 0, nonLitigation: false, teamId: null, judgeId: null, suspendedDays: 0, reviewPass: null, ...over };
}
const rc = (caseId: number, arrivedOn: string, paidOn: string | null, amountFen = 100, deferredUntil: string | null = null): ReceiptFact => ({ entryId: `${caseId}-${arrivedOn}`, caseId, arrivedOn, amountFen, paidOn, deferredUntil });

// A hand-checked November 2026 (values worked out in the comments).
const A = c({ filedOn: '2026-10-10', closedOn: '2026-11-05', mode: '执行完毕', claimFen: 10000, recoveredFen: 10000 }); // 26 days
const B = c({ filedOn: '2026-11-02', closedOn: '2026-11-30', mode: '终结本次执行程序', claimFen: 5000, recoveredFen: 1000, reviewPass: true }); // 28 days
const C = c({ filedOn: '2026-05-01', nonLitigation: true }); // 旧存, open
const D = c({ filedOn: '2026-04-01', closedOn: '2026-11-20', mode: '执行完毕', claimFen: 20000, suspendedDays: 60 }); // 233 days, 173 net
const E = c({ filedOn: '2026-11-03', closedOn: '2026-11-10', mode: '执行完毕', type: '执恢' });
const F = c({ filedOn: '2026-11-04', closedOn: '2026-11-05', mode: '保全完毕', type: '执保' });
const G = c({ filedOn: '2026-11-06', closedOn: '2026-11-07', mode: '销案' });
const H = c({ filedOn: '2026-09-01', closedOn: '2026-10-15', mode: '执行完毕' });
const I = c({ filedOn: '2026-12-01' });
const facts: FactSet = {
  cases: [A, B, C, D, E, F, G, H, I],
  receipts: [
    rc(A.caseId, '2026-10-01', '2026-11-10'), // 40 days: late
    rc(B.caseId, '2026-11-05', '2026-11-20'), // 15 days: on time
    rc(C.caseId, '2026-09-15', null, 700), // unpaid 76 days at 11-30: overdue
    rc(D.caseId, '2026-11-25', null), // 5 days: not yet due
    rc(C.caseId, '2026-08-01', null, 300, '2026-12-31'), // deferred: not overdue
  ],
};
const fig = (figs: ReturnType<typeof computeFigures>, id: string, col = 'main') => figs.find((f) => f.metricId === id && f.column === col)!;

describe('metric definitions on a hand-checked month', () => {
  const figs = computeFigures(facts, ctx(NOV));
  it('counts 旧存 + 新收 = 受理 and 结案, leaving out 销案, 执恢 and 执保 from the 执 column', () => {
    expect(fig(figs, 'carriedOver').value).toBe(3); // A, C, D
    expect(fig(figs, 'newlyFiled').value).toBe(1); // B (G is 销案)
    expect(fig(figs, 'accepted').value).toBe(4);
    expect(fig(figs, 'closed').value).toBe(3);
    expect(fig(figs, 'closedBy:销案').value).toBe(1);
    expect(fig(figs, 'accepted', 'resumed').value).toBe(1);
    expect(fig(figs, 'accepted', 'preservation').value).toBe(1);
    expect(fig(figs, 'accepted', 'all').value).toBe(6);
    expect(fig(figs, 'openAtEnd').value).toBe(1);
  });
  it('computes the rates with numerator and denominator', () => {
    expect(fig(figs, 'closureRate')).toMatchObject({ value: 75, numerator: 3, denominator: 4 });
    expect(fig(figs, 'actualClosureRate')).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
    expect(fig(figs, 'completionRate').value).toBe(66.67);
    expect(fig(figs, 'zhongbenRate').value).toBe(25);
    expect(fig(figs, 'recoveryRate')).toMatchObject({ value: 31.43, numerator: 11000, denominator: 35000 });
    expect(fig(figs, 'firstAvgDays', 'first')).toMatchObject({ value: 95.67, numerator: 287, denominator: 3 });
    expect(fig(figs, 'withinLimitRate', 'first').value).toBe(100);
    expect(fig(figs, 'propertyWithinLimitRate', 'first')).toMatchObject({ value: 100, numerator: 2, denominator: 2 });
    expect(fig(figs, 'zhongbenQualityRate', 'first')).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    expect(fig(figs, 'closureRate', 'resumed').value).toBe(100);
    expect(figs.find((f) => f.metricId === 'closureRate' && f.column === 'preservation')).toBeUndefined();
  });
  it('applies the settings in force and carries them with the figure', () => {
    const s = settings({ limitDeductSuspensions: false });
    const f = fig(computeFigures(facts, ctx(NOV, s)), 'withinLimitRate', 'first');
    expect(f.value).toBe(66.67);
    expect(f.settings).toMatchObject({ limitDeductSuspensions: false, limitDays: 180 });
    const merged = computeFigures(facts, ctx(NOV, settings({ mergeResumed: true })));
    expect(fig(merged, 'accepted').value).toBe(5);
    expect(merged.some((x) => x.column === 'resumed')).toBe(false);
    expect(fig(computeFigures(facts, ctx(NOV, settings({ actualClosureExcludes: ['终结本次执行程序', '执行完毕'] }))), 'actualClosureRate').value).toBe(0);
  });
  it('computes 案款 timeliness and the overdue stock', () => {
    expect(fig(figs, 'payoutOnTimeRate', 'all')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(fig(figs, 'payoutOverdue', 'all').value).toBe(1);
    expect(fig(figs, 'payoutOverdueAmount', 'all').value).toBe(7);
    expect(fig(figs, 'payoutAvgDays', 'all').value).toBe(27.5);
  });
  it('counts a receipt on time by the payout clock\'s due day: the court\'s (Art. 85, a deferral of its money), or the one stated in an export', () => {
    // Arrived 2026-11-06: day 30 is Sunday 12-06, so the court's due day is Monday 12-07 (民诉法 Art. 85). Paid 12-07.
    const monday = rc(90, '2026-11-06', '2026-12-07');
    const DEC: PeriodInput = { kind: 'month', year: 2026, month: 12 };
    const rate = (r: ReceiptFact, c: ReturnType<typeof ctx> & { payoutDue?: (d: string) => string }) => fig(computeFigures({ cases: [], receipts: [r] }, c), 'payoutOnTimeRate', 'all').numerator;
    const courtDue = (d: string) => (d === '2026-11-06' ? '2026-12-07' : 'never');
    expect(rate(monday, { ...ctx(DEC), payoutDue: courtDue })).toBe(1);
    // Without the court's calendar (a city recomputing an old export): 30 calendar days, late.
    expect(rate(monday, ctx(DEC))).toBe(0);
    // The export states the court's due day: on time again.
    expect(rate({ ...monday, dueOn: '2026-12-07' }, ctx(DEC))).toBe(1);
    // Its money deferred until 12-10 (stated by hand): paid 12-09 is on time; paid 12-11 late.
    expect(rate({ ...rc(91, '2026-11-06', '2026-12-09'), deferredUntil: '2026-12-10' }, { ...ctx(DEC), payoutDue: courtDue })).toBe(1);
    expect(rate({ ...rc(92, '2026-11-06', '2026-12-11'), deferredUntil: '2026-12-10' }, { ...ctx(DEC), payoutDue: courtDue })).toBe(0);
  });
  it('leaves 人均结案数 empty until the quota-judge count is set, then rounds half-up to an integer', () => {
    expect(fig(figs, 'closedPerJudge', 'first').value).toBeNull();
    expect(fig(computeFigures(facts, ctx(NOV, settings({ quotaJudges: 2 }))), 'closedPerJudge', 'first').value).toBe(2); // 3/2 = 1.5 → 2
  });
});

describe('Kailu checks (seeds/003)', () => {
  it('2022: 3,929 closed of 3,979 accepted → 98.74 %; Q1 2023: 976 of 1,147 → 85.09 %', () => {
    const cases: CaseFact[] = [];
    for (let i = 0; i < 3979; i++) cases.push(c({ filedOn: i < 300 ? '2021-06-01' : '2022-03-01', closedOn: i < 3929 ? '2022-09-01' : i < 3979 - 0 ? '2023-02-01' : null, mode: '执行完毕' }));
    for (let i = 0; i < 1097; i++) cases.push(c({ filedOn: '2023-02-15', closedOn: i < 926 ? '2023-03-15' : null, mode: i < 926 ? '终结本次执行程序' : null }));
    expect(fig(computeFigures({ cases, receipts: [] }, ctx({ kind: 'year', year: 2022 })), 'closureRate')).toMatchObject({ value: 98.74, numerator: 3929, denominator: 3979 });
    expect(fig(computeFigures({ cases, receipts: [] }, ctx({ kind: 'quarter', year: 2023, quarter: 1 })), 'closureRate')).toMatchObject({ value: 85.09, numerator: 976, denominator: 1147 });
  });
  it('rounds half-up exactly on the published figures', () => {
    expect(roundedQuotient(3929, 3979, 100, 2)).toBe(98.74);
    expect(roundedQuotient(976, 1147, 100, 2)).toBe(85.09);
    expect(roundedQuotient(1310, 2394, 100, 2)).toBe(54.72); // Tianshui
    expect(roundedQuotient(197831, 219977, 100, 2)).toBe(89.93); // Jilin
    expect(roundedQuotient(1, 8, 100, 1)).toBe(12.5);
    expect(roundedQuotient(1, 800, 100, 2)).toBe(0.13); // 0.125 → 0.13 (half-up, not banker's)
    expect(roundedQuotient(3306, 10, 1, 0)).toBe(331); // Kailu 2020 人均 330.6 → 331
  });
});

describe('periods', () => {
  it('codes months, quarters and years as courts do, with the 12-01 → 11-30 statistical year as an option', () => {
    expect(resolvePeriod({ kind: 'month', year: 2026, month: 11 })).toMatchObject({ code: '202611', from: '2026-11-01', to: '2026-11-30' });
    expect(resolvePeriod({ kind: 'quarter', year: 2026, quarter: 4 })).toMatchObject({ code: '2026Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(resolvePeriod({ kind: 'year', year: 2026 }, 'decNov')).toMatchObject({ code: '2026', from: '2025-12-01', to: '2026-11-30' });
    expect(resolvePeriod({ kind: 'ytd', year: 2026, month: 2 })).toMatchObject({ from: '2026-01-01', to: '2026-02-28' });
    expect(parsePeriodCode('2026Q4')).toEqual({ kind: 'quarter', year: 2026, quarter: 4 });
    expect(parsePeriodCode('202613')).toEqual({ kind: 'month', year: 2026, month: 13 });
    expect(parsePeriodCode('26Q4')).toBeNull();
  });
  it('adds up overlapping suspensions once', () => {
    expect(unionDays([{ from: '2026-01-10', to: '2026-01-20' }, { from: '2026-01-15', to: '2026-01-25' }, { from: '2026-02-01', to: null }], '2026-01-01', '2026-02-05', diffCalendarDays)).toBe(19);
  });
});

describe('drill-down', () => {
  it('every numerator case set is a subset of its denominator, and counts match the figure (random data)', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const caseArb = fc.record({
      filedOn: day,
      len: fc.option(fc.integer({ min: 0, max: 400 })),
      mode: fc.constantFrom('执行完毕', '终结本次执行程序', '终结执行', '销案', '不予执行'),
      type: fc.constantFrom('执', '执', '执恢', '执保'),
      claim: fc.integer({ min: 0, max: 100000 }),
      pass: fc.option(fc.boolean()),
    });
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (specs, month) => {
        const cases = specs.map((s) => {
          const closedOn = s.len === null ? null : new Date(Date.parse(`${s.filedOn}T00:00:00Z`) + s.len * 86_400_000).toISOString().slice(0, 10);
          return c({ filedOn: s.filedOn, closedOn, mode: closedOn ? s.mode : null, type: s.type, claimFen: s.claim, recoveredFen: Math.floor(s.claim / 3), reviewPass: s.pass });
        });
        const k = ctx({ kind: 'month', year: 2025, month });
        const figs = computeFigures({ cases, receipts: [] }, k);
        for (const f of figs) {
          const def = METRIC_BY_ID.get(f.metricId)!;
          if (def.rows !== 'cases') continue;
          const ids = drillIds({ cases, receipts: [] }, k, def, f.column);
          expect(ids.numerator.length).toBe(f.numeratorCases);
          if (ids.denominator) {
            const den = new Set(ids.denominator);
            expect(ids.numerator.every((id) => den.has(id))).toBe(true);
            expect(ids.denominator.length).toBe(f.denominatorCases);
          }
        }
        // 受理 = 旧存 + 新收 and 结案 + 未结 = 受理 in every column.
        for (const col of ['main', 'resumed', 'preservation', 'all']) {
          expect(fig(figs, 'accepted', col).value).toBe(fig(figs, 'carriedOver', col).value! + fig(figs, 'newlyFiled', col).value!);
          expect(fig(figs, 'closed', col).value! + fig(figs, 'openAtEnd', col).value!).toBe(fig(figs, 'accepted', col).value);
        }
      }),
      { numRuns: 60 },
    );
  });
  it('counts every figure in one pass per group exactly as from the lists of its rows (random cases, receipts, settings)', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const caseArb = fc.record({
      filedOn: day,
      len: fc.option(fc.integer({ min: 0, max: 400 })),
      mode: fc.constantFrom('执行完毕', '终结本次执行程序', '终结执行', '销案', '不予执行', '保全完毕'),
      type: fc.constantFrom('执', '执', '执恢', '执保', '执异'),
      claim: fc.integer({ min: 0, max: 100000 }),
      pass: fc.option(fc.boolean()),
      suspended: fc.integer({ min: 0, max: 90 }),
      nonLitigation: fc.boolean(),
      receipts: fc.array(fc.record({ arrive: fc.integer({ min: 0, max: 300 }), pay: fc.option(fc.integer({ min: 0, max: 90 })), amount: fc.integer({ min: 1, max: 5000 }) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 50 }), fc.integer({ min: 1, max: 12 }), fc.boolean(), fc.boolean(), (specs, month, merge, deduct) => {
        const plus = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
        const receipts: ReceiptFact[] = [];
        const cases = specs.map((s) => {
          const closedOn = s.len === null ? null : plus(s.filedOn, s.len);
          const f = c({ filedOn: s.filedOn, closedOn, mode: closedOn ? s.mode : null, type: s.type, claimFen: s.claim, recoveredFen: Math.floor(s.claim / 3), reviewPass: s.pass, suspendedDays: s.suspended, nonLitigation: s.nonLitigation });
          for (const r of s.receipts) receipts.push(rc(f.caseId, plus(s.filedOn, r.arrive), r.pay === null ? null : plus(s.filedOn, r.arrive + r.pay), r.amount));
          return f;
        });
        // A receipt whose case is not among the facts (closed long before): counted under 'all' only.
        receipts.push(rc(999_999, '2025-01-02', null, 50));
        const k = ctx({ kind: 'month', year: 2025, month }, settings({ mergeResumed: merge, limitDeductSuspensions: deduct }));
        const set = { cases, receipts };
        const figs = computeFigures(set, k);
        const p = prepare(set, k);
        let i = 0;
        for (const def of METRIC_DEFINITIONS) for (const col of activeColumns(def, merge)) expect(figs[i++], `${def.id} ${col}`).toEqual(figureFromMembers(p, def, col));
        expect(i).toBe(figs.length);
      }),
      { numRuns: 80 },
    );
  });
  it('has one definition per id', () => {
    expect(new Set(METRIC_DEFINITIONS.map((d) => d.id)).size).toBe(METRIC_DEFINITIONS.length);
  });
});
