import { afterEach, describe, expect, it } from 'vitest';
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openTestApp, ADMIN_PASSWORD, type TestApp } from '../helpers/testApp';
import { verifyAudit } from '../helpers/audit';
import { makeId, sampleDraft } from '../helpers/drafts';
import { App, DB_FILE } from '../../src-main/app/app';
import type { CallContext } from '../../src-main/api/context';
import type { FromBackOffice, ToBackOffice } from '../../src-main/electron/backOfficeProtocol';

// A damaged database of any kind — a page of `users` or `jobs` (read on every start), the file's
// header, a file cut short — starts the app in recovery mode with the latest verified backup
// offered, instead of the process exiting. (Damage to other pages opens read-only: backups.test.ts.)

const opened: App[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

let seq = 0;
/** A data folder with `n` cases and a backup of them, closed. */
async function court(n: number): Promise<{ dir: string; backup: string }> {
  const t: TestApp = openTestApp({ keep: true });
  t.app.clock.set('2026-11-22T02:00:00Z');
  for (let i = 0; i < n; i++) {
    seq++;
    await t.call(
      'cases.file',
      sampleDraft({
        title: { court: '开鲁县人民法院', number: `（2026）内0523民初${7000 + seq}号`, effectiveOn: '2026-09-01', cause: '借款合同纠纷' },
        debtors: [{ kind: 'person', name: `被执行人${seq}`, idNumber: makeId('19830303', seq) }],
        confirmDuplicate: true,
      }),
    );
  }
  const backup = (await t.call('backups.create', {})).name;
  // Written after the backup: lost by the restore, as the screen says.
  await t.call('cases.file', sampleDraft({ confirmDuplicate: true }));
  await t.close();
  return { dir: t.dir, backup };
}

function overwritePage(dir: string, table: string): void {
  const p = new Database(join(dir, DB_FILE), { readonly: true });
  const root = (p.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table) as { rootpage: number }).rootpage;
  const size = p.pragma('page_size', { simple: true }) as number;
  p.close();
  const fd = openSync(join(dir, DB_FILE), 'r+');
  writeSync(fd, Buffer.alloc(size, 0x5a), 0, size, (root - 1) * size);
  closeSync(fd);
}

const DAMAGE: Record<string, (dir: string) => void> = {
  'a page of users': (dir) => overwritePage(dir, 'users'),
  'a page of jobs': (dir) => overwritePage(dir, 'jobs'),
  'the header': (dir) => {
    const fd = openSync(join(dir, DB_FILE), 'r+');
    writeSync(fd, Buffer.from('this is not a database header, it was overwritten by a bad copy!!'), 0, 64, 0);
    closeSync(fd);
  },
  'a truncated file': (dir) => truncateSync(join(dir, DB_FILE), Math.floor(statSync(join(dir, DB_FILE)).size / 3)),
};

const anon = (app: App): CallContext => ({ app, user: null, token: null, workstation: 'test', transport: 'internal' });

async function call<T>(app: App, method: string, input: unknown): Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string; field?: string } }> {
  return (await app.registry.call(method, input, anon(app))) as never;
}

describe('recovery mode', () => {
  for (const [kind, damage] of Object.entries(DAMAGE)) {
    it(`starts on ${kind} and restores the latest verified backup`, async () => {
      const { dir, backup } = await court(4);
      const original = readFileSync(join(dir, DB_FILE));
      damage(dir);
      const app = new App({ dataDir: dir, mode: 'web', quiet: true, exclusive: true });
      opened.push(app);
      expect(app.recovery).not.toBeNull();
      const info = await call<{ recovery: boolean; readOnly: boolean }>(app, 'system.info', {});
      expect(info).toMatchObject({ ok: true, data: { recovery: true, readOnly: true } });
      // Nothing else is served: not the login, not a setup of the empty stand-in.
      for (const [method, input] of [['auth.login', { username: 'admin', password: ADMIN_PASSWORD }], ['system.setup', { adminPassword: 'new-admin-pass', court: { name: '开鲁县人民法院', code: '内0523' } }], ['cases.list', {}]] as const) {
        const r = await call(app, method, input);
        expect(r.ok, method).toBe(false);
        expect(!r.ok && r.error.message).toMatch(/恢复模式/);
      }
      const status = await call<{ reason: string; backups: { name: string; verified: boolean }[] }>(app, 'recovery.status', {});
      if (!status.ok) throw new Error(status.error.message);
      expect(status.data.reason).toMatch(kind === 'the header' ? /文件头已损坏/ : /已损坏/);
      expect(status.data.reason).not.toContain(dir);
      expect(status.data.backups[0]).toMatchObject({ name: backup, verified: true });

      // The administrator of the backup, and only with the right password.
      const wrong = await call(app, 'recovery.restore', { name: backup, username: 'admin', password: 'not-the-password' });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized', field: 'password' } });
      expect(app.recovery).not.toBeNull();
      const done = await call<{ restoredFrom: string; damagedKept: string }>(app, 'recovery.restore', { name: backup, username: 'admin', password: ADMIN_PASSWORD });
      if (!done.ok) throw new Error(done.error.message);
      expect(app.recovery).toBeNull();
      expect(app.readOnly).toBe(false);
      // The damaged file is kept for whoever investigates.
      expect(existsSync(join(dir, done.data.damagedKept))).toBe(true);
      expect(readFileSync(join(dir, done.data.damagedKept)).equals(original)).toBe(false);

      // The app works on the restored data: log in, the backup's 4 cases, the restore in the log.
      const login = await call<{ token: string }>(app, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
      if (!login.ok) throw new Error(login.error.message);
      expect(app.db.raw<{ n: number }>('SELECT count(*) AS n FROM cases')[0]!.n).toBe(4);
      const ev = app.db.raw<{ actor_name: string; payload: string }>("SELECT actor_name, payload FROM case_events WHERE type = 'backup.restored'");
      expect(ev).toHaveLength(1);
      expect(JSON.parse(ev[0]!.payload)).toMatchObject({ from: backup });
      expect(ev[0]!.actor_name).toBe('系统管理员');
      expect(app.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const t = { app, call: async (m: string, i: unknown) => {
        const r = await app.registry.call(m, i, { app, user: app.sessions.resolve(app.db, login.data.token), token: login.data.token, workstation: 'test', transport: 'internal' });
        if (!r.ok) throw new Error(r.error.message);
        return r.data;
      } } as unknown as TestApp;
      expect((await verifyAudit(t)).problems).toEqual([]);
    });
  }

  it('starts the desktop back office (utility process) in recovery mode too, and restores through it', async () => {
    const { dir, backup } = await court(3);
    DAMAGE['the header']!(dir);
    const { serveBackOffice } = await import('../../src-main/electron/backOfficeHost');
    const fromBackOffice: FromBackOffice[] = [];
    let toBackOffice: ((m: ToBackOffice) => void) | null = null;
    let app: App | null = null;
    serveBackOffice(
      { postMessage: (m) => fromBackOffice.push(structuredClone(m)), onMessage: (l) => (toBackOffice = l) },
      (dataDir) => (app = new App({ dataDir, mode: 'desktop', exclusive: true, quiet: true })),
    );
    let id = 0;
    const ask = async (method: string, input: unknown) => {
      const me = ++id;
      toBackOffice!({ type: 'call', id: me, method, input, token: null });
      for (let i = 0; i < 600; i++) {
        const r = fromBackOffice.find((m) => m.type === 'result' && m.id === me);
        if (r && r.type === 'result') return r.result as { ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string } };
        await new Promise((ok) => setTimeout(ok, 10));
      }
      throw new Error(`${method}: no answer`);
    };
    toBackOffice!({ type: 'open', dataDir: dir });
    await new Promise((ok) => setTimeout(ok, 50));
    opened.push(app!);
    // It used to post 'fatal' here: the window had nothing to offer.
    expect(fromBackOffice.map((m) => m.type)).toEqual(['ready']);
    expect((await ask('system.info', {})).data).toMatchObject({ recovery: true, mode: 'desktop' });
    expect(((await ask('recovery.status', {})).data as { backups: { name: string; verified: boolean }[] }).backups[0]).toMatchObject({ name: backup, verified: true });
    expect((await ask('recovery.restore', { name: backup, username: 'admin', password: ADMIN_PASSWORD })).ok).toBe(true);
    expect(await ask('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).toMatchObject({ ok: true });
  });

  it('does not offer a planted backup with a forged sidecar, even when it is the newest', async () => {
    const { dir, backup } = await court(2);
    const folder = join(dir, 'backups');
    const planted = 'zhixing-2027-01-01T00-00-00-000Z-manual.sqlite';
    copyFileSync(join(folder, backup), join(folder, planted));
    writeFileSync(join(folder, `${planted}.json`), JSON.stringify({ ...JSON.parse(readFileSync(join(folder, `${backup}.json`), 'utf8')), name: planted, createdAt: '2027-01-01T00:00:00.000Z' }));
    DAMAGE['the header']!(dir);
    const app = new App({ dataDir: dir, mode: 'web', quiet: true });
    opened.push(app);
    const status = await call<{ backups: { name: string; verified: boolean; problem: string | null }[] }>(app, 'recovery.status', {});
    if (!status.ok) throw new Error(status.error.message);
    expect(status.data.backups.map((b) => [b.name, b.verified])).toEqual([
      [planted, false],
      [backup, true],
    ]);
    const r = await call(app, 'recovery.restore', { name: planted, username: 'admin', password: ADMIN_PASSWORD });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(app.recovery).not.toBeNull();
  });

  it('finds the backups on another disk when the settings are in the damaged part', async () => {
    const { dir } = await court(1);
    const other = join(dir, '..', `${readdirSync(join(dir, '..')).length}-otherdisk`);
    const t = openTestApp({ dir, keep: true });
    await t.call('settings.set', { backupDir: other });
    const moved = (await t.call('backups.create', {})).name;
    await t.close();
    DAMAGE['a truncated file']!(dir);
    const app = new App({ dataDir: dir, mode: 'web', quiet: true });
    opened.push(app);
    const status = await call<{ backups: { name: string; verified: boolean }[] }>(app, 'recovery.status', {});
    if (!status.ok) throw new Error(status.error.message);
    expect(status.data.backups[0]).toMatchObject({ name: moved, verified: true });
  });
});
