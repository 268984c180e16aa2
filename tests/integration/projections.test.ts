import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { runDemo, DEFAULT_DEMO_OPTIONS } from '../../src-main/demo/run';
import { appendEvent, EventPayloadError, SYSTEM_ACTOR } from '../../src-main/events/log';
import { projections } from '../../src-main/events/projections';
import { markForRebuild, stateOf } from '../../src-main/events/projectionState';
import { reprojectAll, reprojectStep } from '../../src-main/events/reproject';
import { deadlineClocks } from '../../src-main/services/deadlines/projection';
import type { Db } from '../../src-main/db/connection';
import { LEGACY_ORACLE_SQL } from '../fixtures/legacyMetricTriggers';
import { file } from '../helpers/metricsData';

const opened: TestApp[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});
function open(opts: Parameters<typeof openTestApp>[0] = {}): TestApp {
  const t = openTestApp(opts);
  t.app.clock.set('2026-11-22T02:00:00Z');
  opened.push(t);
  return t;
}

const count = (db: Db, sql: string) => db.raw<{ n: number }>(sql)[0]!.n;

/** Every table the projections keep, in a comparable form (no rowids: they are storage, not content). */
function derived(db: Db) {
  return {
    facts: db.raw('SELECT * FROM metric_case_facts ORDER BY case_id'),
    suspensions: db.raw('SELECT case_id, kind, from_date, to_date FROM metric_suspensions ORDER BY case_id, kind, from_date'),
    receipts: db.raw('SELECT case_id, entry_id, arrived_on, amount_fen, paid_on, deferred_until, reversed FROM metric_receipts ORDER BY case_id, entry_id'),
    deadlines: db.raw('SELECT * FROM deadlines ORDER BY case_id, rule_id, seq'),
    tally: db.raw('SELECT * FROM deadline_tally WHERE n > 0 ORDER BY due_on, stage, team_id, judge_id, rule_id'),
    grams: db.raw('SELECT gram, case_id FROM case_grams ORDER BY gram, case_id'),
    // The trigram index answers from its own b-tree: the same matches for a sample of searches.
    fts: ['开鲁', '有限公司', '内0523执', '刘', '0523'].map((q) => db.raw(`SELECT rowid FROM cases_fts WHERE search_text LIKE ? ORDER BY rowid`, `%${q}%`)),
  };
}

describe('typed events', () => {
  it('refuses a payload its schema does not accept, before anything is written', () => {
    const t = open();
    const db = t.app.db;
    const id = db.tx(() => file(db, { filedOn: '2026-03-02' }));
    const before = count(db, 'SELECT count(*) AS n FROM case_events');
    const factsBefore = db.raw('SELECT * FROM metric_case_facts');
    const bad: [string, unknown][] = [
      ['missing field', { caseId: id, type: 'case.closed', payload: { recoveredFen: 0, unpaidFen: 0 } }],
      ['wrong value', { caseId: id, type: 'case.closed', payload: { mode: '结了', recoveredFen: 0, unpaidFen: 0 } }],
      ['unknown key (a typo)', { caseId: id, type: 'ledger.receipt', payload: { entryId: 1, amountFen: 5, source: 'online', ammountFen: 5 } }],
      ['unknown type', { caseId: id, type: 'case.archived', payload: {} }],
      ['case event without its case', { caseId: null, type: 'case.suspended', payload: { kind: '公告' } }],
      ['court event with a case', { caseId: id, type: 'settings.changed', payload: { keys: [], before: {}, after: {} } }],
    ];
    for (const [why, ev] of bad) {
      expect(() => db.tx(() => appendEvent(db, SYSTEM_ACTOR, t.app.clock.now(), ev as never)), why).toThrow(EventPayloadError);
    }
    expect(count(db, 'SELECT count(*) AS n FROM case_events')).toBe(before);
    expect(db.raw('SELECT * FROM metric_case_facts')).toEqual(factsBefore);
    // A failed event takes the rest of its transaction with it.
    expect(() =>
      db.tx(() => {
        appendEvent(db, SYSTEM_ACTOR, t.app.clock.now(), { caseId: id, type: 'archive.reviewed', payload: { pass: true, reasons: [] } });
        appendEvent(db, SYSTEM_ACTOR, t.app.clock.now(), { caseId: id, type: 'archive.reviewed', payload: { pass: 'yes', reasons: [] } as never });
      }),
    ).toThrow(/archive\.reviewed: payload\.pass/);
    expect(count(db, 'SELECT count(*) AS n FROM case_events')).toBe(before);
  });
});

describe('projections on the demo court', () => {
  // The demo generator drives the real services day by day (src-main/demo): every event of these
  // two years went through appendEvent and its projections. Smaller than the full demo, same code.
  const twoYears = { ...DEFAULT_DEMO_OPTIONS, fromYear: 2025, toYear: 2026, casesPerYear: 150 };

  it('keeps tables live that a re-projection from the whole log reproduces exactly', async () => {
    const t = open();
    await runDemo(t.app, twoYears);
    const db = t.app.db;
    expect(count(db, 'SELECT count(*) AS n FROM cases')).toBeGreaterThan(250);
    expect(count(db, "SELECT count(*) AS n FROM metric_receipts WHERE paid_on IS NOT NULL")).toBeGreaterThan(20);
    expect(count(db, "SELECT count(*) AS n FROM deadlines WHERE status = 'open'")).toBeGreaterThan(20);
    const live = derived(db);

    // metrics.rebuildFacts goes through the projection's own code, as the start-up job does.
    const r = await t.call('metrics.rebuildFacts', {});
    expect(r.cases).toBe(live.facts.length);
    // Everything else: forget, then derive from the log, chunk by chunk.
    db.tx(() => {
      db.sqlite.exec('DELETE FROM metric_case_facts; DELETE FROM metric_suspensions; DELETE FROM metric_receipts; DELETE FROM deadlines; DELETE FROM deadline_tally; DELETE FROM case_grams;');
      for (const p of projections()) markForRebuild(db, { ...p }, t.app.clock.nowIso());
    });
    expect(count(db, 'SELECT count(*) AS n FROM deadlines')).toBe(0);
    const small = projections().map((p) => ({ ...p, chunk: p.chunk === 'whole' ? p.chunk : 37 }));
    for (const p of small) while (!reprojectStep(db, p, () => t.app.clock.now()).finished);
    expect(derived(db)).toEqual(live);
    for (const p of projections()) expect(stateOf(db, p.name)).toMatchObject({ status: 'current', version: p.version });
  }, 300_000);

  it('derives the metric facts the old SQL triggers derived (first-in first-out settlement included)', async () => {
    const t = open();
    await runDemo(t.app, twoYears);
    const db = t.app.db;
    db.sqlite.exec(LEGACY_ORACLE_SQL);
    // Version 2 moves a corrected closure date; the triggers never did. The demo corrects none.
    expect(count(db, "SELECT count(*) AS n FROM case_events WHERE type = 'case.closureCorrected'")).toBe(0);
    expect(db.raw('SELECT * FROM metric_case_facts ORDER BY case_id')).toEqual(db.raw('SELECT * FROM legacy_facts ORDER BY case_id'));
    expect(db.raw('SELECT case_id, kind, from_date, to_date FROM metric_suspensions ORDER BY case_id, id')).toEqual(db.raw('SELECT case_id, kind, from_date, to_date FROM legacy_suspensions ORDER BY case_id, id'));
    const receipts = 'SELECT case_id, entry_id, arrived_on, amount_fen, paid_on, reversed FROM TABLE ORDER BY case_id, entry_id';
    expect(db.raw(receipts.replace('TABLE', 'metric_receipts'))).toEqual(db.raw(receipts.replace('TABLE', 'legacy_receipts')));
    // Payouts that name no receipt settle first-in first-out: the demo has both kinds.
    expect(count(db, "SELECT count(*) AS n FROM case_events WHERE type = 'ledger.payout'")).toBeGreaterThan(10);
  }, 300_000);
});

describe('re-projection when the rules change', () => {
  it('re-derives every clock after new deadline rules, chunk by chunk, and resumes after a stop', async () => {
    const t = open({ keep: true });
    const db = t.app.db;
    const ids = db.tx(() => Array.from({ length: 60 }, (_, i) => file(db, { filedOn: `2026-0${1 + (i % 9)}-1${i % 10}` })));
    const notices = () => db.raw<{ due_on: string }>(`SELECT due_on FROM deadlines WHERE rule_id = 'notices' ORDER BY case_id`).map((r) => r.due_on);
    const before = notices();
    expect(before).toHaveLength(ids.length);

    // A longer notice period (settings.changed names deadlineRules): every clock must move.
    const s = await t.call('settings.get', {});
    const rules = s.deadlineRules.map((r) => (r.id === 'notices' ? { ...r, amount: r.amount + 5 } : r));
    // Done by hand in chunks of 7 here; the handler would do a court this small at once.
    db.tx(() => setRules(db, rules));
    expect(stateOf(db, 'deadlineClocks')).toMatchObject({ status: 'rebuilding', cursor: 0, until: ids.at(-1) });
    const board = await t.call('deadlines.board', {});
    expect(board.rebuilding).toEqual({ label: '节点期限', done: 0, total: ids.at(-1) });
    const seven = { ...deadlineClocks, chunk: 7 };
    reprojectStep(db, seven, () => t.app.clock.now());
    reprojectStep(db, seven, () => t.app.clock.now());
    expect(stateOf(db, 'deadlineClocks')).toMatchObject({ status: 'rebuilding', cursor: ids[0]! + 13 });
    expect((await t.call('deadlines.board', {})).rebuilding).toMatchObject({ done: ids[0]! + 13 });
    // The app stops here; the next start carries on from the cursor.
    const dir = t.dir;
    await opened.pop()!.close();
    const again = open({ dir });
    expect(stateOf(again.app.db, 'deadlineClocks')).toMatchObject({ status: 'current' });
    expect((await again.call('deadlines.board', {})).rebuilding).toBeNull();
    const after = again.app.db.raw<{ due_on: string }>(`SELECT due_on FROM deadlines WHERE rule_id = 'notices' ORDER BY case_id`).map((r) => r.due_on);
    expect(after.every((d, i) => d > before[i]!)).toBe(true);
    // And the result is what a fresh projection of the same log gives.
    const snapshot = derived(again.app.db);
    again.app.db.tx(() => markForRebuild(again.app.db, deadlineClocks, again.app.clock.nowIso()));
    reprojectAll(again.app.db, () => again.app.clock.now());
    expect(derived(again.app.db)).toEqual(snapshot);
  });
});

/** Writes the rules as settings.set does, with its event (the projection reads both). */
function setRules(db: Db, rules: unknown): void {
  const before = db.raw<{ value: string }>(`SELECT value FROM settings WHERE key = 'deadlineRules'`)[0];
  db.rawRun(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('deadlineRules', ?, '2026-11-22T02:00:00Z', 'test') ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    JSON.stringify(rules),
  );
  appendEvent(db, SYSTEM_ACTOR, new Date('2026-11-22T02:00:00Z'), { caseId: null, type: 'settings.changed', payload: { keys: ['deadlineRules'], before: { deadlineRules: before ? JSON.parse(before.value) : null }, after: { deadlineRules: rules } } });
}
