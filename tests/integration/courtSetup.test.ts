import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../src-main/app/app';
import { TEST_PASSWORD_COST } from '../helpers/testApp';
import { sampleDraft } from '../helpers/drafts';
import type { MethodName } from '../../src-shared/api';
import { migration as courtIdentityMigration } from '../../src-main/db/migrations/155_court_identity';

// First run on an empty data folder: system.setup writes the court (name, code per domain.md §1.2),
// its teams with their townships, the first users and the administrator's password in one
// transaction; no case is filed before the court is set (the code is in every number, 案号规定 Art. 3).

const apps: { app: App; dir: string }[] = [];
afterEach(async () => {
  for (const { app, dir } of apps.splice(0)) {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function fresh(opts: { adminPassword?: string } = {}): App {
  const dir = mkdtempSync(join(tmpdir(), 'zhixing-setup-'));
  const app = new App({ dataDir: dir, mode: 'web', quiet: true, testClock: true, passwordCost: TEST_PASSWORD_COST, ...opts });
  app.clock.set('2026-11-23T02:00:00Z');
  apps.push({ app, dir });
  return app;
}

interface Result {
  ok: boolean;
  data: unknown;
  error: { code: string; message: string; field?: string };
}

async function call(app: App, method: MethodName, input: unknown, token?: string): Promise<Result> {
  const user = token ? app.sessions.resolve(app.db, token, app.clock.now()) : null;
  return (await app.registry.call(method, input as never, { ...app.internalContext(user), token: token ?? null })) as unknown as Result;
}

async function login(app: App, username: string, password: string): Promise<string> {
  const r = await call(app, 'auth.login', { username, password });
  if (!r.ok) throw new Error(r.error.message);
  return (r.data as { token: string }).token;
}

const court = { name: '通辽市科尔沁区人民法院', code: '内0502' };

describe('system.setup', () => {
  it('sets the court, the teams with their towns and the first users at once', async () => {
    const app = fresh();
    expect((await call(app, 'system.info', {})).data).toMatchObject({ initialized: false, courtConfigured: false });
    const r = await call(app, 'system.setup', {
      adminPassword: 'admin-pass-1',
      court,
      teams: [{ name: '庆和法庭', towns: ['庆和镇', '莫力庙苏木'] }, { name: '快执团队', kind: 'fastTrack' }],
      users: [{ username: 'chuang', displayName: '窗口甲', password: 'password-1', roles: ['window'] }, { username: 'faguan', displayName: '法官乙', password: 'password-2', roles: ['team'], team: 0 }],
    });
    expect(r).toMatchObject({ ok: true });
    expect((await call(app, 'system.info', {})).data).toMatchObject({ initialized: true, courtConfigured: true, courtName: '通辽市科尔沁区人民法院', courtCode: '内0502' });

    const admin = await login(app, 'admin', 'admin-pass-1');
    const settings = (await call(app, 'settings.get', {}, admin)).data as { teams: { id: string; name: string; kind: string; areas: string[] }[] };
    expect(settings.teams.map((t) => [t.name, t.kind, t.areas])).toEqual([['庆和法庭', 'tribunal', ['庆和镇', '莫力庙苏木']], ['快执团队', 'fastTrack', []]]);
    const users = (await call(app, 'users.list', {}, admin)).data as { username: string; roles: string[]; teamId: string | null }[];
    expect(users.find((u) => u.username === 'faguan')).toMatchObject({ roles: ['team'], teamId: settings.teams[0]!.id });

    // The window clerk files under the court's own code.
    const clerk = await login(app, 'chuang', 'password-1');
    const filed = await call(app, 'cases.file', sampleDraft({ filedOn: '2026-11-23' }), clerk);
    expect(filed.ok).toBe(true);
    expect((filed.data as { number: string }).number).toBe('（2026）内0502执1号');
  });

  it('refuses a wrong court code naming the field, and writes nothing', async () => {
    const app = fresh();
    const r = await call(app, 'system.setup', { adminPassword: 'admin-pass-1', court: { name: '开鲁县人民法院', code: '蒙0523' } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: 'invalid_input', field: 'court.code', message: '法院代字有误：内蒙古应为“内”（如 内0523）' });
    expect((await call(app, 'system.info', {})).data).toMatchObject({ initialized: false, courtConfigured: false });
  });

  it('writes nothing when a later part fails (a user whose name is taken by the administrator)', async () => {
    const app = fresh();
    const r = await call(app, 'system.setup', { adminPassword: 'admin-pass-1', court, teams: [{ name: '庆和法庭' }], users: [{ username: 'ADMIN', displayName: '甲', password: 'password-1', roles: ['window'] }] });
    expect(r.ok).toBe(false);
    expect((await call(app, 'system.info', {})).data).toMatchObject({ initialized: false, courtConfigured: false });
  });

  it('cannot run twice', async () => {
    const app = fresh();
    expect((await call(app, 'system.setup', { adminPassword: 'admin-pass-1', court })).ok).toBe(true);
    const again = await call(app, 'system.setup', { adminPassword: 'other-pass-1', court: { name: '开鲁县人民法院', code: '内0523' } });
    expect(!again.ok && again.error.code).toBe('conflict');
  });

  it('refuses to file a case until the court is set (a scripted start without a court)', async () => {
    const app = fresh({ adminPassword: 'admin-pass-1' });
    expect((await call(app, 'system.info', {})).data).toMatchObject({ initialized: true, courtConfigured: false });
    const admin = await login(app, 'admin', 'admin-pass-1');
    const refused = await call(app, 'cases.file', sampleDraft({ filedOn: '2026-11-23' }), admin);
    expect(!refused.ok && refused.error).toMatchObject({ code: 'conflict', message: '本院尚未完成首次设置（法院名称和法院代字），暂不能立案：请系统管理员先完成首次设置' });
    // Saving the court in the settings, even with the values shown as defaults, sets it.
    expect((await call(app, 'settings.set', { courtName: '开鲁县人民法院', courtCode: '内0523' }, admin)).ok).toBe(true);
    const filed = await call(app, 'cases.file', sampleDraft({ filedOn: '2026-11-23' }), admin);
    expect((filed.data as { number: string }).number).toBe('（2026）内0523执1号');
  });

  it('migration 155 keeps a database already in use filing under the code it has always used', async () => {
    // A database whose administrator was set before the court was chosen at first run.
    const app = fresh({ adminPassword: 'admin-pass-1' });
    expect((await call(app, 'system.info', {})).data).toMatchObject({ courtConfigured: false });
    app.db.sqlite.exec(courtIdentityMigration.sql);
    expect((await call(app, 'system.info', {})).data).toMatchObject({ courtConfigured: true, courtName: '开鲁县人民法院', courtCode: '内0523' });
    // On a fresh database (no administrator yet, no cases) it writes nothing.
    const empty = fresh();
    empty.db.sqlite.exec(courtIdentityMigration.sql);
    expect((await call(empty, 'system.info', {})).data).toMatchObject({ courtConfigured: false });
  });
});
