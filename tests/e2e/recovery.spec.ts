import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from './test';
import { makeId } from '../helpers/drafts';

// A database whose header was overwritten (a bad copy, a failing disk) no longer stops the server:
// it starts in recovery mode, the browser shows what is wrong and the latest verified backup, and
// the administrator restores it with the password of that backup — then works on as before.
// Its own web server (the shared one must stay healthy).

const PORT = Number(process.env.ZHIXING_E2E_PORT ?? 8620) + 60;
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN = 'recovery-admin-pass';

async function startServer(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['out/main/web.js', '--data', dataDir, '--port', String(PORT), '--admin-password', ADMIN, '--court-name', '开鲁县人民法院', '--court-code', '内0523', '--quiet'], { stdio: 'ignore' });
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`web server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${BASE}/api`)).status > 0) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('web server did not start');
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function call<T>(request: APIRequestContext, method: string, input: unknown, token?: string): Promise<T> {
  const res = await request.post(`${BASE}/api/${method}`, { data: input, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.data;
}

test('a damaged database header starts in recovery mode, and the administrator restores the latest verified backup from the browser', async ({ page, request }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'zhixing-e2e-recovery-'));
  let server = await startServer(dataDir);
  try {
    const token = (await call<{ token: string }>(request, 'auth.login', { username: 'admin', password: ADMIN })).token;
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }); // this server runs on the real clock
    for (let i = 0; i < 6; i++) {
      await call(request, 'cases.file', {
        type: '执',
        filedOn: today,
        confirmDuplicate: true,
        applicants: [{ kind: 'person', name: '钱申请', idNumber: '150523198503171233' }],
        debtors: [{ kind: 'person', name: `被执行人恢复${i}`, idNumber: makeId('19850505', 200 + i) }],
        title: { court: '开鲁县人民法院', number: `（2024）内0523民初${9300 + i}号`, effectiveOn: '2024-09-02', cause: '买卖合同纠纷' },
        claim: { principalFen: 200_000 + i },
      }, token);
    }
    const backup = await call<{ name: string }>(request, 'backups.create', {}, token);
    await stopServer(server);

    // The first 100 bytes — SQLite's header — overwritten.
    const fd = openSync(join(dataDir, 'zhixing.sqlite'), 'r+');
    writeSync(fd, Buffer.alloc(100, 0x20), 0, 100, 0);
    closeSync(fd);

    server = await startServer(dataDir); // starts (it used to exit here)
    await page.goto(`${BASE}/`);
    await expect(page.getByTestId('recovery-page')).toBeVisible();
    await expect(page.getByTestId('recovery-reason')).toContainText('文件头已损坏');
    await expect(page.getByTestId('recovery-backups')).toContainText('（最近）');
    await expect(page.getByTestId('recovery-pick-0')).toBeChecked();
    await page.screenshot({ path: 'test-results/e2e/recovery-mode.png', fullPage: true });

    // A wrong password is refused at its field; nothing changes.
    await page.getByTestId('recovery-password').fill('wrong-password');
    await page.getByTestId('recovery-restore').click();
    await expect(page.getByText('用户名或密码错误')).toBeVisible({ timeout: 15_000 });
    await page.getByTestId('recovery-password').fill(ADMIN);
    await page.getByTestId('recovery-restore').click();
    await expect(page.getByTestId('recovery-done')).toContainText(`已从 ${backup.name} 恢复`);
    // The page reloads into the normal login; the restored data is there.
    await expect(page.getByTestId('login-username')).toBeVisible({ timeout: 15_000 });
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('logout')).toBeVisible();
    await page.getByTestId('nav-cases').click();
    await expect(page.getByTestId('cases-total')).toHaveText('共 6 件');
    expect(readdirSync(join(dataDir, 'damaged')).some((n) => n.endsWith('.sqlite'))).toBe(true);
    expect(existsSync(join(dataDir, 'zhixing.sqlite.restoring'))).toBe(false);
    await page.screenshot({ path: 'test-results/e2e/recovery-restored.png', fullPage: true });
  } finally {
    await stopServer(server);
  }
});
