import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { checksumOf, loadMigrations, migrate, NewerSchemaError, type Migration } from '../../src-main/db/migrate';
import { DB_FILE } from '../../src-main/app/app';
import { projections } from '../../src-main/events/projections';
import { applyShippedCalendar, SHIPPED_CALENDAR, type ShippedCalendar } from '../../src-main/services/calendar/shipped';
import { SYSTEM_ACTOR } from '../../src-main/events/log';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const memory = () => new Database(':memory:');
const m = (version: number, sql: string): Migration => ({ version, name: `m${version}`, sql });
const tables = (db: Database.Database) => (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 't%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

describe('the register of applied migrations', () => {
  it('runs a migration numbered below the highest applied, once', () => {
    const db = memory();
    expect(migrate(db, [m(1, 'CREATE TABLE t1 (x)'), m(3, 'CREATE TABLE t3 (x)')]).applied).toEqual([1, 3]);
    // A branch merged later brings migration 2: user_version alone (3) would have skipped it.
    expect(migrate(db, [m(1, 'CREATE TABLE t1 (x)'), m(2, 'CREATE TABLE t2 (x)'), m(3, 'CREATE TABLE t3 (x)')]).applied).toEqual([2]);
    expect(tables(db)).toEqual(['t1', 't2', 't3']);
    expect(migrate(db, [m(1, 'CREATE TABLE t1 (x)'), m(2, 'CREATE TABLE t2 (x)'), m(3, 'CREATE TABLE t3 (x)')]).applied).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    const rows = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual([1, 2, 3].map((v) => ({ version: v, name: `m${v}`, checksum: checksumOf(m(v, `CREATE TABLE t${v} (x)`)) })));
  });

  it('reports an applied migration whose file changed, without running it again', () => {
    const db = memory();
    migrate(db, [m(1, 'CREATE TABLE t1 (x)')]);
    const r = migrate(db, [m(1, 'CREATE TABLE t1 (x, y)')]);
    expect(r).toEqual({ applied: [], changed: [{ version: 1, name: 'm1' }] });
    expect(db.prepare('SELECT * FROM t1').columns().map((c) => c.name)).toEqual(['x']);
  });

  it('refuses a database a newer version wrote (a migration it does not know), all or nothing', () => {
    const db = memory();
    migrate(db, [m(1, 'CREATE TABLE t1 (x)'), m(5, 'CREATE TABLE t5 (x)')]);
    expect(() => migrate(db, [m(1, 'CREATE TABLE t1 (x)'), m(2, 'CREATE TABLE t2 (x)')])).toThrow(NewerSchemaError);
    expect(tables(db)).toEqual(['t1', 't5']);
    // A failing migration leaves nothing of the batch.
    const fresh = memory();
    expect(() => migrate(fresh, [m(1, 'CREATE TABLE t1 (x)'), m(2, 'CREATE TABLE t2 (x); SELECT nope FROM nowhere')])).toThrow();
    expect(tables(fresh)).toEqual([]);
  });

  it('takes a database from before the register at its user_version, and upgrades it', () => {
    const db = memory();
    db.exec('CREATE TABLE t1 (x)');
    db.pragma('user_version = 1');
    expect(migrate(db, [m(1, 'CREATE TABLE t1 (x)'), m(2, 'CREATE TABLE t2 (x)')]).applied).toEqual([2]);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([1, 2]);
  });

  it('keeps every migration file frozen: no imports but the Migration type', async () => {
    const files = import.meta.glob<string>('../../src-main/db/migrations/*.ts', { query: '?raw', import: 'default', eager: true });
    expect(Object.keys(files).length).toBe(loadMigrations().length);
    for (const [name, text] of Object.entries(files)) {
      const imports = text.split('\n').filter((l) => /^\s*import\b/.test(l));
      expect(imports, name).toEqual([`import type { Migration } from '../migrate';`]);
      expect(text, name).not.toMatch(/CREATE TRIGGER (?!\w+_no_(update|delete) BEFORE (UPDATE|DELETE) ON \w+ BEGIN SELECT RAISE)/);
    }
  });
});

describe('a court created by the version before the projections (schema 60)', () => {
  // tests/fixtures/court-v060.sqlite: three cases filed, assigned, paid and closed by the code of
  // commit 69bbb5e (how: tests/fixtures/court-v060.md). Its metric facts came from SQL triggers, its
  // deadlines from a read handler, and it carries the triggers' bug: case 1's closure date was
  // corrected to 2026-02-27 but its facts still say 2026-03-01.
  function openFixture(): TestApp {
    const dir = mkdtempSync(join(tmpdir(), 'zhixing-v060-'));
    copyFileSync(join(__dirname, '../fixtures/court-v060.sqlite'), join(dir, DB_FILE));
    const old = new Database(join(dir, DB_FILE), { readonly: true });
    const before = { facts: old.prepare('SELECT * FROM metric_case_facts ORDER BY case_id').all(), receipts: old.prepare('SELECT * FROM metric_receipts ORDER BY case_id, entry_id').all() };
    expect(old.pragma('user_version', { simple: true })).toBe(60);
    old.close();
    t = openTestApp({ dir });
    fixtureBefore = before;
    return t;
  }
  let fixtureBefore: { facts: unknown[]; receipts: unknown[] } = { facts: [], receipts: [] };

  it('upgrades cleanly: the register starts at 60, migration 90 runs, the triggers are gone, the derived tables are derived again', async () => {
    const t = openFixture();
    const db = t.app.db;
    expect(db.raw('SELECT version, name FROM schema_migrations ORDER BY version')).toEqual(loadMigrations().map((x) => ({ version: x.version, name: x.name })));
    expect(t.app.changedMigrations).toEqual([]);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(t.app.schemaVersion);
    // Left: only the guards that refuse UPDATE/DELETE.
    const triggers = db.raw<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).map((r) => r.name);
    expect(triggers).toEqual(['case_events_no_delete', 'case_events_no_update', 'deadlines_no_update', 'ledger_entries_no_delete', 'ledger_entries_no_update']);
    expect(db.raw(`SELECT name FROM sqlite_master WHERE name IN ('metric_event_replay', 'deadline_sync', 'case_search_positions')`)).toEqual([]);
    for (const p of projections()) expect(db.raw('SELECT name, version, status FROM projection_state WHERE name = ?', p.name)).toEqual([{ name: p.name, version: p.version, status: 'current' }]);
    expect(db.raw<{ payload: string }>(`SELECT payload FROM case_events WHERE type = 'projection.rebuilt' ORDER BY id`).map((e) => JSON.parse(e.payload).projection)).toEqual(projections().map((p) => p.name));
  });

  it('gets the fix of the metric facts: the corrected closure date, everything else as the triggers had it', async () => {
    const t = openFixture();
    const facts = t.app.db.raw<{ case_id: number; closed_on: string | null }>('SELECT * FROM metric_case_facts ORDER BY case_id');
    expect(facts.find((f) => f.case_id === 1)!.closed_on).toBe('2026-02-27');
    expect(facts).toEqual((fixtureBefore.facts as { case_id: number }[]).map((f) => (f.case_id === 1 ? { ...f, closed_on: '2026-02-27' } : f)));
    // Receipts: paid out as the triggers had it; each now keeps the deferral its due day carries
    // (migration 146): case 2's deferral of the whole account until 2026-04-01 covers its unpaid 9007.
    expect(t.app.db.raw('SELECT * FROM metric_receipts ORDER BY case_id, entry_id')).toEqual(
      (fixtureBefore.receipts as { case_id: number; entry_id: string }[]).map((r) => ({ ...r, deferred_until: r.case_id === 2 && r.entry_id === '9007' ? '2026-04-01' : null })),
    );
    const feb = await t.call('metrics.compute', { period: { kind: 'month', year: 2026, month: 2 } });
    expect(feb.figures.find((f) => f.metricId === 'closed' && f.column === 'main')!.value).toBe(1);
    expect(feb.rebuilding).toBeNull();
  });

  it('keeps the search index, the deadline clocks and the calendar working', async () => {
    const t = openFixture();
    expect((await t.call('cases.list', { filter: { text: '额尔敦' } })).rows.map((r) => r.id)).toEqual([2]);
    expect((await t.call('cases.list', { filter: { text: '包' } })).rows.map((r) => r.id)).toEqual([1]);
    const clocks = await t.call('deadlines.forCase', { caseId: 3 });
    expect(clocks.find((k) => k.ruleId === 'notices')).toMatchObject({ startOn: '2026-01-10' });
    // The calendar the migration used to seed is the one the app ships: nothing to change, no event.
    expect(t.app.db.raw(`SELECT 1 FROM case_events WHERE type = 'calendar.changed'`)).toEqual([]);
    expect((await t.call('calendar.get', { year: 2026 })).years).toEqual(SHIPPED_CALENDAR.years);
  });
});

describe('the shipped working-day calendar', () => {
  it('is loaded by the app at start; a newer one replaces the shipped years, never a year the court entered itself', async () => {
    t = openTestApp();
    const cal = await t.call('calendar.get', { year: 2025 });
    expect(cal.years).toEqual(SHIPPED_CALENDAR.years);
    expect(cal.days).toEqual(SHIPPED_CALENDAR.days.filter((d) => d.date.startsWith('2025-')));
    t.app.clock.set('2026-11-22T02:00:00Z');
    await t.call('calendar.set', { years: [2026], days: [{ date: '2026-10-09', kind: 'holiday', name: '本院补休' }], source: '本院通知' });
    // The next version ships 2027 and corrects a 2025 day.
    const next: ShippedCalendar = {
      source: 'chinese-days 9.9.9（测试）',
      years: [...SHIPPED_CALENDAR.years, 2027],
      days: [...SHIPPED_CALENDAR.days.map((d) => (d.date === '2025-10-08' ? { ...d, name: '国庆节（更正）' } : d)), { date: '2027-01-01', kind: 'holiday', name: '元旦' }],
    };
    expect(applyShippedCalendar(t.app.db, SYSTEM_ACTOR, t.app.clock.now(), next)).toEqual(SHIPPED_CALENDAR.years.filter((y) => y !== 2026).concat(2027));
    expect((await t.call('calendar.get', { year: 2026 })).days).toEqual([{ date: '2026-10-09', kind: 'holiday', name: '本院补休' }]);
    expect((await t.call('calendar.get', { year: 2025 })).days.find((d) => d.date === '2025-10-08')!.name).toBe('国庆节（更正）');
    expect((await t.call('calendar.get', { year: 2027 })).days).toEqual([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    // Loaded once: the same file again changes nothing.
    expect(applyShippedCalendar(t.app.db, SYSTEM_ACTOR, t.app.clock.now(), next)).toEqual([]);
  });
});
