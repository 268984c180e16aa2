import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readSync, closeSync, writeFileSync, writeSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostname } from 'node:os';
import Database from 'better-sqlite3';
import { verifyAudit } from '../helpers/audit';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { makeId, sampleDraft } from '../helpers/drafts';
import { App, DB_FILE } from '../../src-main/app/app';
import { loadMigrations, migrate } from '../../src-main/db/migrate';
import { createBackup } from '../../src-main/services/backups/create';
import { applyRetention } from '../../src-main/services/backups/retention';
import { dailyBackupIfDue } from '../../src-main/services/backups/schedule';
import { acquireDataDirLock, LOCK_FILE } from '../../src-main/app/dataDirLock';
import { SYSTEM_ACTOR } from '../../src-main/events/log';

let t: TestApp | undefined;
const extra: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const x of extra.splice(0)) await x.close();
});

const caseCount = (t: TestApp) => t.app.db.raw<{ n: number }>('SELECT count(*) AS n FROM cases')[0]!.n;

async function file(t: TestApp, n: number): Promise<number> {
  const c = await t.call('cases.file', sampleDraft({
    title: { court: '开鲁县人民法院', number: `（2026）内0523民初${800 + n}号`, effectiveOn: '2026-09-01', cause: '借款合同纠纷' },
    debtors: [{ kind: 'person', name: `被执行人${n}`, idNumber: makeId('19810101', n + 1) }],
  }));
  return c.id;
}

describe('backups', () => {
  it('creates a checked, self-contained copy through the online backup API and lists it', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    await file(t, 1);
    await file(t, 2);
    const b = await t.call('backups.create', {});
    expect(b.kind).toBe('manual');
    expect(b.cases).toBe(2);
    expect(b.checked).toBe(true);
    expect(b.schemaVersion).toBe(t.app.schemaVersion);
    const list = await t.call('backups.list', {});
    expect(list.folder).toBe(join(t.dir, 'backups'));
    expect(list.backups.map((x) => x.name)).toEqual([b.name]);
    // One file, no -wal beside it, no leftover temporary copy.
    expect(readdirSync(list.folder).sort()).toEqual([b.name, `${b.name}.json`]);
    const copy = new Database(join(list.folder, b.name), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(t.app.db.raw("SELECT 1 FROM case_events WHERE type = 'backup.created'")).toHaveLength(1);
  });

  it('writes to the configured folder, e.g. another disk, and refuses a relative one', async () => {
    t = openTestApp();
    const other = mkdtempSync(join(tmpdir(), 'zhixing-otherdisk-'));
    expect((await t.fail('settings.set', { backupDir: 'relative/dir' })).field).toBe('backupDir');
    await t.call('settings.set', { backupDir: other });
    const b = await t.call('backups.create', {});
    expect(existsSync(join(other, b.name))).toBe(true);
  });

  it('restores: backs up the current state first, replaces the data, re-checks it and records the restore', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    await file(t, 1);
    await file(t, 2);
    const b = await t.call('backups.create', {});
    await file(t, 3);
    t.user('clerk', ['window']);
    await t.call('auth.me', {}, 'clerk');
    expect(caseCount(t)).toBe(3);
    // Only the administrator may restore.
    t.user('boss', ['management']);
    expect((await t.fail('backups.restore', { name: b.name }, 'boss')).code).toBe('forbidden');
    expect((await t.fail('backups.restore', { name: 'zhixing-2000-01-01T00-00-00-000Z-manual.sqlite' })).code).toBe('not_found');
    expect((await t.fail('backups.restore', { name: '../zhixing.sqlite' })).code).toBe('invalid_input');

    const r = await t.call('backups.restore', { name: b.name });
    expect(r.restoredFrom).toBe(b.name);
    expect(r.readOnly).toBe(false);
    expect(caseCount(t)).toBe(2);
    const list = (await t.call('backups.list', {})).backups;
    const safety = list.find((x) => x.name === r.safetyBackup)!;
    expect(safety.kind).toBe('preRestore');
    expect(safety.cases).toBe(3);
    expect(t.app.db.raw<{ payload: string }>("SELECT payload FROM case_events WHERE type = 'backup.restored'").map((e) => JSON.parse(e.payload).from)).toEqual([b.name]);
    expect((await verifyAudit(t)).ok).toBe(true);
    // The restorer keeps working; everybody else logs in again. Writes go on normally.
    expect(t.app.sessions.resolve(t.app.db, null)).toBeNull();
    await file(t, 4);
    expect(caseCount(t)).toBe(3);
    // And restoring the safety copy brings case 3 back.
    await t.call('backups.restore', { name: safety.name });
    expect(t.app.db.raw<{ n: string }>("SELECT group_concat(debtor_names) AS n FROM cases")[0]!.n).toContain('被执行人3');
  });

  it('keeps automatic backups by the retention rule and never deletes manual ones', async () => {
    t = openTestApp();
    await t.call('settings.set', { backupKeepDays: 3, backupKeepMin: 2 });
    const at = (d: string) => new Date(`${d}T12:00:00Z`);
    const db = t.app.db;
    const manual = await createBackup(db, t.dir, 'manual', SYSTEM_ACTOR, at('2026-01-01'));
    const names: string[] = [];
    for (const d of ['2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05', '2026-01-10', '2026-01-11']) {
      names.push((await createBackup(db, t.dir, 'daily', SYSTEM_ACTOR, at(d))).name);
    }
    // Every creation applies the rule; at 2026-01-11 only the newest two (within min) and those within 3 days survive.
    applyRetention(db, t.dir, at('2026-01-11'));
    const left = (await t.call('backups.list', {})).backups.map((b) => b.name);
    expect(left).toEqual([names[5], names[4], manual.name]);
    // With a long window nothing young is removed.
    await t.call('settings.set', { backupKeepDays: 365 });
    expect(applyRetention(db, t.dir, at('2026-01-12'))).toEqual([]);
  });

  it('makes one daily backup per court-local day', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    expect((await dailyBackupIfDue(t.app))?.kind).toBe('daily');
    expect(await dailyBackupIfDue(t.app)).toBeNull();
    t.app.clock.set('2026-11-22T15:30:00Z'); // 23:30 in Beijing, same day
    expect(await dailyBackupIfDue(t.app)).toBeNull();
    t.app.clock.set('2026-11-22T16:30:00Z'); // 00:30 on the 23rd in Beijing
    expect((await dailyBackupIfDue(t.app))?.kind).toBe('daily');
    await t.call('settings.set', { backupDaily: false });
    t.app.clock.set('2026-11-24T02:00:00Z');
    expect(await dailyBackupIfDue(t.app)).toBeNull();
  });

  it('backs up before migrating an older database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhixing-old-'));
    const old = new Database(join(dir, DB_FILE));
    migrate(old, loadMigrations().slice(0, 1));
    old.pragma('journal_mode = WAL');
    old.close();
    t = openTestApp({ dir });
    const list = (await t.call('backups.list', {})).backups;
    expect(list).toHaveLength(1);
    expect(list[0]!.kind).toBe('preMigration');
    expect(list[0]!.schemaVersion).toBe(1);
    expect(t.app.db.sqlite.pragma('user_version', { simple: true })).toBe(t.app.schemaVersion);
  });
});

describe('start-up integrity check', () => {
  it('puts a damaged database into read-only mode and lets the administrator restore the latest backup', async () => {
    const first = openTestApp({ keep: true });
    first.app.clock.set('2026-11-22T02:00:00Z');
    for (let i = 0; i < 60; i++) await file(first, 100 + i);
    const b = await first.call('backups.create', {});
    const dir = first.dir;
    await first.close();

    // Damage one page of an index on disk (a failing disk, a bad copy).
    const probe = new Database(join(dir, DB_FILE), { readonly: true });
    const root = (probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'parties_case'").get() as { rootpage: number }).rootpage;
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    const fd = openSync(join(dir, DB_FILE), 'r+');
    const garbage = Buffer.alloc(pageSize, 0x5a);
    writeSync(fd, garbage, 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);

    t = openTestApp({ dir });
    const h = await t.call('system.health', {});
    expect(h.readOnly).toBe(true);
    expect(h.quickCheck?.ok).toBe(false);
    expect(h.latestBackup?.name).toBe(b.name);
    expect((await t.fail('cases.file', sampleDraft())).code).toBe('read_only');
    expect((await t.call('system.info', {})).readOnly).toBe(true);

    const r = await t.call('backups.restore', { name: b.name });
    expect(r.readOnly).toBe(false);
    // The damaged state is kept too, marked unchecked, for recovery by hand.
    const kept = (await t.call('backups.list', {})).backups.find((x) => x.name === r.safetyBackup);
    expect(kept).toMatchObject({ kind: 'preRestore', checked: false });
    expect(t.app.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(caseCount(t)).toBe(60);
    await file(t, 500);
    expect(caseCount(t)).toBe(61);
  });
});

describe('one process per data folder', () => {
  it('refuses a second exclusive start with a clear message, and takes over a stale lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhixing-lock-'));
    const a = new App({ dataDir: dir, mode: 'web', exclusive: true, quiet: true, adminPassword: 'admin-pass-1' , court: { name: '开鲁县人民法院', code: '内0523' }});
    extra.push(a);
    expect(() => new App({ dataDir: dir, mode: 'web', exclusive: true, quiet: true })).toThrow(/已被另一个执行案件管理系统程序打开.*进程 \d+/);
    // The service layer may still open the folder (the concurrency test's child processes do).
    const b = new App({ dataDir: dir, mode: 'web', quiet: true });
    await b.close();
    await a.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);

    // A lock held by another live process on this computer.
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    extra.push({ close: () => void child.kill('SIGKILL') });
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: child.pid, host: hostname(), startedAt: '2026-11-22T02:00:00Z' }));
    expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`进程 ${child.pid}`));
    // Its owner dies without cleaning up: the next start takes the lock over.
    child.kill('SIGKILL');
    await new Promise((ok) => child.once('exit', ok));
    const release = acquireDataDirLock(dir);
    const buf = Buffer.alloc(200);
    const fd = openSync(join(dir, LOCK_FILE), 'r');
    const n = readSync(fd, buf, 0, 200, 0);
    closeSync(fd);
    expect(JSON.parse(buf.subarray(0, n).toString()).pid).toBe(process.pid);
    release();
  });
});
