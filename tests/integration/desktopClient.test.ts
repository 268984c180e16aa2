import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { openTestApp, ADMIN_PASSWORD, type TestApp } from '../helpers/testApp';
import { startHttpsCourt, type HttpsCourt } from '../helpers/httpsCourt';
import { createServerCertificate, type ServerCertificate } from '../../src-main/net/certificate';
import { probeCertificate } from '../../src-main/net/pinnedTls';
import { DesktopShell, type WindowContents } from '../../src-main/electron/desktopShell';
import { DesktopSettingsStore } from '../../src-main/electron/desktopSettings';
import { RemoteBackend } from '../../src-main/electron/remoteBackend';
import { FileCache } from '../../src-main/electron/fileCache';
import type { Backend } from '../../src-main/electron/backend';
import type { ApiResult } from '../../src-shared/api/errors';
import type { ConnectionEvent, ConnectionView, ServerProbe } from '../../src-shared/desktopBridge';

// The desktop as a client of the court server (client mode), with Electron left out: the shell's
// main-process part against a real HTTPS server with a self-signed certificate. The certificate
// is pinned by its SHA-256 fingerprint once the clerk confirmed it; a different certificate is
// refused before anything is sent; the session token never reaches the page.

class FakeWindow implements WindowContents {
  readonly id = 1;
  readonly sent: { channel: string; payload: { topic: string; data: unknown } }[] = [];
  readonly returned: unknown[] = [];
  private destroyed: (() => void) | null = null;
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload: payload as { topic: string; data: unknown } });
  }
  isDestroyed(): boolean {
    return false;
  }
  once(_e: 'destroyed', l: () => void): void {
    this.destroyed = l;
  }
  close(): void {
    this.destroyed?.();
  }
  links(): ConnectionEvent[] {
    return this.sent.filter((s) => s.payload.topic === 'connection').map((s) => s.payload.data as ConnectionEvent);
  }
}

let t: TestApp;
let certA: ServerCertificate;
let certB: ServerCertificate;
let court: HttpsCourt;
let shell: DesktopShell;
let win: FakeWindow;
const userData = mkdtempSync(join(tmpdir(), 'zhixing-desktop-client-'));
const opened: { path: string; reveal: boolean }[] = [];
const store = new DesktopSettingsStore(join(userData, 'zhixing-desktop.json'));
const cache = new FileCache(join(userData, 'cache', 'files'));
const FAST = [50, 100, 200];

async function invoke(method: string, input: unknown = {}): Promise<ApiResult<unknown>> {
  const r = await shell.invoke(win, method, input);
  win.returned.push(r);
  return r;
}

/** The token as the server issued it: read from what the server received (the test's only way to it). */
function tokenSeen(): string {
  const auth = court.seen.map((s) => s.authorization).filter((a): a is string => !!a);
  const last = auth.at(-1);
  if (!last) throw new Error('no authorization header seen');
  return last.slice('Bearer '.length);
}

beforeAll(async () => {
  t = openTestApp();
  [certA, certB] = await Promise.all([createServerCertificate({ hosts: ['127.0.0.1'] }), createServerCertificate({ hosts: ['127.0.0.1'] })]);
  court = await startHttpsCourt(t.app, certA);
  shell = new DesktopShell({
    settings: store,
    local: () => {
      throw new Error('not in this test');
    },
    remote: (address, fp): Backend => new RemoteBackend(address, fp, cache, FAST),
    probe: probeCertificate,
    openFile: (path, reveal) => void opened.push({ path, reveal }),
  });
  win = new FakeWindow();
  shell.attach(win);
});

afterAll(async () => {
  await shell.close();
  await court.kill();
  await t.close();
});

describe('desktop client of the court server', () => {
  it('asks first: nothing is reachable before the choice', async () => {
    const state = (await shell.connection({ action: 'state' })) as { ok: true; data: ConnectionView };
    expect(state.data.mode).toBeNull();
    const r = await invoke('system.info');
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('refuses malformed addresses with a Chinese message naming the field', async () => {
    for (const [address, message] of [
      ['', '请填写服务器地址'],
      ['10.20.1.5', '请在地址后写上端口'],
      ['http://10.20.1.5:8443', '只能通过 HTTPS'],
      ['10.20.1.5:70000', '端口应为 1 到 65535'],
      ['bad host:80', '格式不对'],
    ] as const) {
      const r = await shell.connection({ action: 'probe', address });
      expect(r, address).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'address' } });
      expect((r as { error: { message: string } }).error.message, address).toContain(message);
    }
    // nothing listens on port 1
    const refused = await shell.connection({ action: 'probe', address: '127.0.0.1:1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect((refused as { error: { message: string } }).error.message).toContain('无法连接本院服务器 127.0.0.1:1');
  });

  it('shows the server certificate fingerprint and pins it only when the confirmed one is still shown', async () => {
    const address = `127.0.0.1:${court.port}`;
    const probe = (await shell.connection({ action: 'probe', address })) as { ok: true; data: ServerProbe };
    expect(probe.ok).toBe(true);
    expect(probe.data.fingerprint256).toBe(certA.fingerprint256);
    expect(probe.data.fingerprintLines.join(' ').replace(/ /g, ':')).toBe(certA.fingerprint256);
    expect(court.seen).toHaveLength(0); // fetching the certificate sends no request
    // A fingerprint other than the one the server shows is never pinned.
    const wrong = await shell.connection({ action: 'useServer', address, fingerprint256: certB.fingerprint256 });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'conflict', field: 'fingerprint256' } });
    expect(store.read()).toBeNull();
    const ok = (await shell.connection({ action: 'useServer', address, fingerprint256: probe.data.fingerprint256.toLowerCase() })) as { ok: true; data: ConnectionView };
    expect(ok.data).toMatchObject({ mode: 'server', address, fingerprint256: certA.fingerprint256 });
    const saved = JSON.parse(readFileSync(store.file, 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ version: 1, mode: 'server', host: '127.0.0.1', port: court.port, fingerprint256: certA.fingerprint256 });
    // Changing it needs the reset first (the login page's 更改连接方式).
    expect(await shell.connection({ action: 'useLocal' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('calls the server through main; the page gets the user but never the token', async () => {
    const info = await invoke('system.info');
    expect(info).toMatchObject({ ok: true, data: { app: 'zhixing' } });
    const login = (await invoke('auth.login', { username: 'admin', password: ADMIN_PASSWORD })) as { ok: true; data: Record<string, unknown> };
    expect(login.ok).toBe(true);
    expect(Object.keys(login.data)).toEqual(['user']);
    const me = await invoke('auth.me');
    expect(me).toMatchObject({ ok: true, data: { username: 'admin' } });
    const token = tokenSeen();
    expect(token.length).toBeGreaterThan(20);
    expect(court.seen.at(-1)).toMatchObject({ path: '/api/auth.me', authorization: `Bearer ${token}`, host: `127.0.0.1:${court.port}` });
    // Events of the session are read by main and forwarded to the window.
    await expect.poll(() => court.seen.some((s) => s.path === '/api/events' && s.authorization === `Bearer ${token}`)).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    t.app.bus.publish({ topic: 'cases', data: { changed: [42] }, audience: { kind: 'everyone' } });
    await expect.poll(() => win.sent.find((s) => s.payload.topic === 'cases')?.payload.data).toEqual({ changed: [42] });
    expect(JSON.stringify(win.sent)).not.toContain(token);
    expect(JSON.stringify(win.returned)).not.toContain(token);
  });

  it('downloads file results into the local cache and opens or reveals them with the OS', async () => {
    const r = await invoke('test.file', { name: '../../(2026)内0523执1号-通知书.pdf' });
    expect(r).toEqual({ ok: true, data: { opened: '../../(2026)内0523执1号-通知书.pdf' } });
    const f = opened.at(-1)!;
    expect(f.reveal).toBe(false);
    expect(f.path.startsWith(cache.root + sep)).toBe(true);
    expect(f.path.endsWith(`${sep}(2026)内0523执1号-通知书.pdf`)).toBe(true); // no way out of the cache folder
    expect(readFileSync(f.path, 'utf8')).toBe('%PDF-1.7 测试文件\n');
    await invoke('test.file', { name: 'a.pdf', action: 'reveal' });
    expect(opened.at(-1)!.reveal).toBe(true);
  });

  it('reconnects the event stream after the server restarts, telling the window', async () => {
    const token = tokenSeen();
    await court.kill();
    await expect.poll(() => win.links().some((l) => l.state === 'reconnecting')).toBe(true);
    const down = await invoke('cases.counts');
    expect(down).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect((down as { error: { message: string } }).error.message).toContain('无法连接本院服务器');
    court = await startHttpsCourt(t.app, certA, court.port);
    await expect.poll(() => win.links().at(-1), { timeout: 10_000 }).toMatchObject({ state: 'connected', resumed: true });
    await expect.poll(() => court.seen.some((s) => s.path === '/api/events')).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    t.app.bus.publish({ topic: 'cases', data: { changed: [43] }, audience: { kind: 'everyone' } });
    await expect.poll(() => win.sent.filter((s) => s.payload.topic === 'cases').at(-1)?.payload.data).toEqual({ changed: [43] });
    expect(await invoke('auth.me')).toMatchObject({ ok: true });
    expect(JSON.stringify(win.sent)).not.toContain(token);
  });

  it('drops the token when the server answers 401, and sends it no more', async () => {
    const token = tokenSeen();
    t.app.sessions.logout(token); // revoked on the server (expiry, an administrator)
    const r = await invoke('auth.me');
    expect(r).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await invoke('system.info');
    expect(court.seen.at(-1)).toMatchObject({ path: '/api/system.info', authorization: undefined });
    // log in again for the next test
    expect(await invoke('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).toMatchObject({ ok: true });
  });

  it('drops the token at logout', async () => {
    const token = tokenSeen();
    expect(await invoke('auth.logout')).toMatchObject({ ok: true });
    expect(t.app.sessions.resolve(t.app.db, token)).toBeNull();
    await invoke('auth.me');
    expect(court.seen.at(-1)).toMatchObject({ path: '/api/auth.me', authorization: undefined });
    expect(await invoke('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).toMatchObject({ ok: true });
  });

  it('refuses a server showing another certificate, sends it nothing, and says why in Chinese', async () => {
    const token = tokenSeen();
    await court.kill();
    court = await startHttpsCourt(t.app, certB, court.port); // same address, another certificate
    const r = (await invoke('cases.counts')) as { ok: false; error: { code: string; message: string } };
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('unavailable');
    expect(r.error.message).toContain(`本院服务器 127.0.0.1:${court.port} 出示的安全证书与本机首次连接时确认并保存的不一致`);
    expect(r.error.message).toContain('可能是有人冒充本院服务器');
    expect(r.error.message).toContain('管理员更换了服务器证书');
    expect(r.error.message).toContain('联系系统管理员');
    expect(r.error.message).toContain(certA.fingerprint256.split(':').slice(0, 8).join(' '));
    expect(r.error.message).toContain(certB.fingerprint256.split(':').slice(0, 8).join(' '));
    await expect.poll(() => win.links().at(-1)?.state).toBe('refused');
    await new Promise((r) => setTimeout(r, 400)); // the event stream's and probe's retries, had there been any
    expect(court.seen).toHaveLength(0); // not one request reached it: no token, no input
    expect(store.read()).toMatchObject({ fingerprint256: certA.fingerprint256 }); // never silently re-pinned
    expect(JSON.stringify(win.sent)).not.toContain(token);
  });

  it('changes the choice only after logout, and then asks again', async () => {
    expect(await shell.connection({ action: 'reset' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await invoke('auth.logout'); // the server is refused: main drops the token anyway
    const reset = (await shell.connection({ action: 'reset' })) as { ok: true; data: ConnectionView };
    expect(reset.data.mode).toBeNull();
    expect(store.read()).toBeNull();
    // Pinning the renewed certificate goes through the same confirmation.
    const probe = (await shell.connection({ action: 'probe', address: `127.0.0.1:${court.port}` })) as { ok: true; data: ServerProbe };
    expect(probe.data.fingerprint256).toBe(certB.fingerprint256);
    expect(await shell.connection({ action: 'useServer', address: `127.0.0.1:${court.port}`, fingerprint256: certB.fingerprint256 })).toMatchObject({ ok: true });
    expect(await invoke('system.info')).toMatchObject({ ok: true });
  });
});
