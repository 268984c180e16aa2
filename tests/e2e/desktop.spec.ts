import { expect, test } from './test';
import { ADMIN_PASSWORD } from './playwright.config';

// The desktop's page in a real browser: the same bundled UI the Electron window loads, with the
// preload bridge stood in for by a script that plays main's part (the Electron binary cannot run
// here; main itself is tested in tests/integration/electronShell.test.ts and desktopClient.test.ts).
// Like main, the stand-in keeps the session token to itself and calls the web mode's API with it.
// Proves: the first-run choice and fingerprint confirmation, a login in which the page never holds
// the token, the link banner, and the refused-certificate screen with its way back to the choice.

const FINGERPRINT = 'FA:9B:31:45:E5:B7:F5:AD:A3:3A:71:62:5A:A8:B7:C4:95:FE:6D:0E:81:7C:8D:B3:C5:43:39:85:F0:DE:AF:7F';

test('desktop page: first-run choice, pinned server, no token in the page, link banner, refused certificate', async ({ page }) => {
  await page.addInitScript((fingerprint: string) => {
    let token: string | null = null;
    let mode: 'local' | 'server' | null = null;
    const listeners = new Set<(e: { topic: string; data: unknown }) => void>();
    const w = window as unknown as Record<string, unknown>;
    w.__desktopTest = {
      emit: (topic: string, data: unknown) => listeners.forEach((l) => l({ topic, data })),
      hasToken: () => token !== null,
    };
    w.zhixing = {
      async invoke(method: string, input: unknown) {
        if (!mode) return { ok: false, error: { code: 'unavailable', message: '尚未选择使用方式' } };
        const res = await fetch(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(input ?? {}) });
        const r = (await res.json()) as { ok: boolean; data?: { token?: string; user?: unknown }; error?: { code: string } };
        if (method === 'auth.login' && r.ok) {
          token = r.data!.token!;
          return { ok: true, data: { user: r.data!.user } };
        }
        if (method === 'auth.logout' || (!r.ok && r.error!.code === 'unauthorized')) token = null;
        return r;
      },
      onEvent(l: (e: { topic: string; data: unknown }) => void) {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      async connection(req: { action: string; address?: string; fingerprint256?: string }) {
        const link = { state: 'connected' };
        if (req.action === 'state') return { ok: true, data: mode === 'server' ? { mode, address: '10.20.1.5:8443', fingerprint256: fingerprint, link } : { mode, link } };
        if (req.action === 'probe') {
          if (req.address !== '10.20.1.5:8443') return { ok: false, error: { code: 'invalid_input', message: '请在地址后写上端口，例如 10.20.1.5:8443', field: 'address' } };
          const pairs = fingerprint.split(':');
          return { ok: true, data: { address: req.address, fingerprint256: fingerprint, fingerprintLines: [0, 8, 16, 24].map((i) => pairs.slice(i, i + 8).join(' ')), subject: 'CN=10.20.1.5', validTo: 'Dec  2 04:21:50 2036 GMT' } };
        }
        if (req.action === 'useServer') {
          if (req.fingerprint256 !== fingerprint) return { ok: false, error: { code: 'conflict', message: '证书已变化' } };
          mode = 'server';
          return { ok: true, data: { mode, address: '10.20.1.5:8443', fingerprint256: fingerprint, link } };
        }
        if (req.action === 'reset') {
          if (token) return { ok: false, error: { code: 'conflict', message: '请先退出登录，再更改连接方式' } };
          mode = null;
          return { ok: true, data: { mode, link } };
        }
        return { ok: false, error: { code: 'invalid_input', message: '?' } };
      },
    };
  }, FINGERPRINT);

  await page.goto('/');
  await expect(page.getByTestId('connection-choice')).toBeVisible();
  await expect(page.getByTestId('mode-local')).toContainText('本机单机使用');
  await page.getByTestId('mode-server').click();
  await page.getByTestId('server-address').fill('10.20.1.5');
  await page.getByTestId('server-probe').click();
  await expect(page.getByTestId('connection-error')).toContainText('请在地址后写上端口');
  await page.getByTestId('server-address').fill('10.20.1.5:8443');
  await page.getByTestId('server-probe').click();
  await expect(page.getByTestId('server-fingerprint')).toHaveText('FA 9B 31 45 E5 B7 F5 AD\nA3 3A 71 62 5A A8 B7 C4\n95 FE 6D 0E 81 7C 8D B3\nC5 43 39 85 F0 DE AF 7F');
  await expect(page.getByText('请与系统管理员提供的证书指纹逐组核对')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('fingerprint.png') });
  await page.getByTestId('server-confirm').click();

  await expect(page.getByTestId('connection-settings')).toContainText('已连接本院服务器 10.20.1.5:8443');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('logout')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __desktopTest: { hasToken(): boolean } }).__desktopTest.hasToken())).toBe(true);
  // The page keeps no token: only the flag that main holds a session for it.
  expect(await page.evaluate(() => Object.keys(sessionStorage).sort())).toEqual(['zhixing.session']);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);

  const emit = (topic: string, data: unknown) => page.evaluate(([t, d]) => (window as unknown as { __desktopTest: { emit(t: string, d: unknown): void } }).__desktopTest.emit(t as string, d), [topic, data] as const);
  await emit('connection', { state: 'reconnecting', message: '与本院服务器的连接已断开，正在重新连接（第 2 次）。' });
  await expect(page.getByTestId('link-banner')).toContainText('正在重新连接');
  await page.screenshot({ path: test.info().outputPath('link-banner.png') });
  await expect(page.getByTestId('logout')).toBeVisible(); // the page stays, with what was typed
  await emit('connection', { state: 'connected', resumed: true });
  await expect(page.getByTestId('link-banner')).toContainText('已重新连接');

  await emit('connection', { state: 'refused', message: '本院服务器 10.20.1.5:8443 出示的安全证书与本机首次连接时确认并保存的不一致，已拒绝连接。' });
  await expect(page.getByTestId('connection-problem-message')).toContainText('安全证书与本机首次连接时确认并保存的不一致');
  await page.screenshot({ path: test.info().outputPath('refused.png') });
  await page.getByTestId('connection-change').click();
  await expect(page.getByTestId('connection-choice')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __desktopTest: { hasToken(): boolean } }).__desktopTest.hasToken())).toBe(false);
});
