import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './test';

// First run on an empty data folder (its own web server started without --admin-password): the
// first screen sets up the court — name, court code checked by the court-code rule (domain.md
// §1.2), a tribunal with its towns, a window clerk — and the administrator's password; then the
// clerk logs in and the new case carries the court's own code.

const PORT = Number(process.env.ZHIXING_E2E_PORT ?? 8620) + 70;
const BASE = `http://127.0.0.1:${PORT}`;
let server: ChildProcess;

test.use({ latinAllow: ['chuang'] });

test.beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhixing-e2e-setup-'));
  server = spawn(process.execPath, ['out/main/web.js', '--data', dataDir, '--port', String(PORT), '--quiet'], { stdio: 'ignore' });
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`web server exited (${server.exitCode})`);
    try {
      if ((await fetch(`${BASE}/api`)).status > 0) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('web server did not start');
});

test.afterAll(async () => {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
});

test('first run: the court, a tribunal with its towns, a clerk and the admin password, then filing under the court code', async ({ page }) => {
  await page.goto(BASE + '/');
  const form = page.getByTestId('setup-form');
  await expect(form).toBeVisible();

  // The demo check box is a real box, not a sliver.
  const box = await page.getByTestId('setup-demo').boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(12);

  // A wrong court code is named, in Chinese, as the clerk types it and on saving.
  await page.getByTestId('setup-court-name').fill('通辽市科尔沁区人民法院');
  await page.getByTestId('setup-court-code').fill('蒙0502');
  await expect(page.getByTestId('setup-court-code-error')).toHaveText('法院代字有误：内蒙古应为“内”（如 内0523）');
  await page.getByTestId('login-password').fill('setup-admin-1');
  await page.getByTestId('setup-password2').fill('setup-admin-1');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText('法院代字有误：内蒙古应为“内”（如 内0523）');
  await page.getByTestId('setup-court-code').fill('内0502');
  await expect(page.getByTestId('setup-court-code-error')).toHaveCount(0);

  await page.getByTestId('setup-add-team').click();
  await page.getByTestId('setup-team-name').fill('庆和法庭');
  await page.getByTestId('setup-team-towns').fill('庆和镇、莫力庙苏木');
  await page.getByTestId('setup-add-user').click();
  await page.getByTestId('setup-user-username').fill('chuang');
  await page.getByTestId('setup-user-name').fill('窗口甲');
  await page.getByTestId('setup-user-password').fill('window-pass-1');
  // A user without a role is refused, naming the user.
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText('第1个用户：至少选择一个角色');
  await page.getByTestId('setup-user-role-window').check();
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('logout')).toBeVisible();

  const api = async <T,>(method: string, input: unknown, token?: string): Promise<T> => {
    const res = await page.request.post(`${BASE}/api/${method}`, { data: input, headers: token ? { authorization: `Bearer ${token}` } : {} });
    const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.data;
  };
  expect(await api('system.info', {})).toMatchObject({ initialized: true, courtConfigured: true, courtName: '通辽市科尔沁区人民法院', courtCode: '内0502' });
  const admin = (await api<{ token: string }>('auth.login', { username: 'admin', password: 'setup-admin-1' })).token;
  const settings = await api<{ teams: { name: string; areas: string[] }[] }>('settings.get', {}, admin);
  expect(settings.teams.map((t) => [t.name, t.areas])).toEqual([['庆和法庭', ['庆和镇', '莫力庙苏木']]]);
  const clerk = await api<{ user: { roles: string[] } }>('auth.login', { username: 'chuang', password: 'window-pass-1' });
  expect(clerk.user.roles).toEqual(['window']);
});
