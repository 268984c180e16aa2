import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { App } from '../../src-main/app/app';
import { FileResponse } from '../../src-main/api/context';
import { Sessions } from '../../src-main/services/auth/sessions';
import type { BackOfficePort, FromBackOffice, ToBackOffice } from '../../src-main/electron/backOfficeProtocol';
import type { ConnectionEvent } from '../../src-shared/desktopBridge';

// The desktop shell with Electron mocked (Electron security checklist): the window is isolated and
// sandboxed, navigation and new windows are refused, permissions are denied, the CSP is injected;
// the first start asks how the PC is used; in single-PC mode the back office runs in a utility
// process (mocked: a real App in-process behind a port that copies every message as
// postMessage does), main relays calls and events to it and restarts it after a crash; the page
// never receives the session token.

interface FakeContents {
  id: number;
  listeners: Map<string, ((...a: unknown[]) => void)[]>;
  openHandler: null | ((d: { url: string }) => { action: string });
  sent: { channel: string; payload: { topic: string; data: unknown } }[];
  on(ev: string, fn: (...a: unknown[]) => void): void;
  once(ev: string, fn: (...a: unknown[]) => void): void;
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }): void;
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

const h = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; contents: FakeContents }[],
  ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  headersHook: null as null | ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
  permissionHook: null as null | ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void),
  sandbox: false,
  exposed: new Map<string, Record<string, unknown>>(),
  invoked: [] as unknown[][],
  userData: '',
  forks: [] as { modulePath: string; child: unknown }[],
  makeChild: null as null | ((modulePath: string) => unknown),
  opened: [] as string[],
  openError: '',
  revealed: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: FakeContents;
    constructor(options: Record<string, unknown>) {
      const listeners = new Map<string, ((...a: unknown[]) => void)[]>();
      this.webContents = {
        id: h.windows.length + 1,
        listeners,
        openHandler: null,
        sent: [],
        on(ev, fn) {
          listeners.set(ev, [...(listeners.get(ev) ?? []), fn]);
        },
        once(ev, fn) {
          listeners.set(ev, [...(listeners.get(ev) ?? []), fn]);
        },
        setWindowOpenHandler(fn) {
          this.openHandler = fn;
        },
        isDestroyed: () => false,
        send(channel, payload) {
          this.sent.push({ channel, payload: structuredClone(payload) as { topic: string; data: unknown } });
        },
      };
      h.windows.push({ options, contents: this.webContents });
    }
    once() {}
    show() {}
    async loadFile() {}
  }
  const app = {
    enableSandbox: () => {
      h.sandbox = true;
    },
    requestSingleInstanceLock: () => true,
    whenReady: async () => {},
    getPath: (name: string) => (name === 'userData' ? h.userData : tmpdir()),
    on: () => {},
    quit: () => {},
  };
  const electron = {
    app,
    BrowserWindow,
    dialog: { showErrorBox: (title: string, msg: string) => console.error(title, msg) },
    ipcMain: { handle: (ch: string, fn: (...a: unknown[]) => unknown) => h.ipcHandlers.set(ch, fn) },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (fn: typeof h.headersHook) => (h.headersHook = fn) },
        setPermissionRequestHandler: (fn: typeof h.permissionHook) => (h.permissionHook = fn),
      },
    },
    shell: {
      openPath: async (p: string) => (h.opened.push(p), h.openError),
      showItemInFolder: (p: string) => h.revealed.push(p),
    },
    utilityProcess: {
      fork: (modulePath: string) => {
        const child = h.makeChild!(modulePath);
        h.forks.push({ modulePath, child });
        return child;
      },
    },
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => h.exposed.set(key, api) },
    ipcRenderer: { invoke: async (...a: unknown[]) => h.invoked.push(a), on: () => {}, removeListener: () => {} },
  };
  return { ...electron, default: electron };
});

/**
 * The utility process, faked: the real back-office host and a real App on the data folder, behind
 * a port that structured-clones every message and delivers it on a later turn, as Electron does.
 */
class FakeUtilityProcess extends EventEmitter {
  app: App | null = null;
  private toChild: ((m: ToBackOffice) => void) | null = null;
  private alive = true;
  constructor(serve: (port: BackOfficePort, open: (dir: string) => App) => unknown) {
    super();
    const port: BackOfficePort = {
      postMessage: (m: FromBackOffice) => {
        const copy = structuredClone(m);
        setImmediate(() => this.alive && this.emit('message', copy));
      },
      onMessage: (l) => (this.toChild = l),
    };
    serve(port, (dir) => (this.app = new App({ dataDir: dir, mode: 'desktop', exclusive: true, quiet: true })));
  }
  postMessage(m: ToBackOffice): void {
    const copy = structuredClone(m);
    setImmediate(() => this.alive && this.toChild?.(copy));
  }
  kill(): boolean {
    void this.crash(0);
    return true;
  }
  /** Dies: nothing more goes in or out, the OS releases the data folder, main sees 'exit'. */
  async crash(code: number): Promise<void> {
    this.alive = false;
    await this.app?.close();
    this.emit('exit', code);
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'zhixing-electron-'));
const pageUrl = pathToFileURL(join(new URL('../../src-main/renderer/index.html', import.meta.url).pathname)).toString();
const fromPage = () => ({ senderFrame: { url: `${pageUrl}#/cases`, parent: null }, sender: h.windows[0]!.contents });
let invoke: (...a: unknown[]) => Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>;
let connection: (...a: unknown[]) => Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>;
const returned: unknown[] = [];
const call = async (method: string, input: unknown = {}) => {
  const r = await invoke(fromPage(), method, input);
  returned.push(r);
  return r;
};
const links = () => h.windows[0]!.contents.sent.filter((s) => s.payload.topic === 'connection').map((s) => s.payload.data as ConnectionEvent);
const utility = (i: number) => h.forks[i]!.child as FakeUtilityProcess;

beforeAll(async () => {
  h.userData = mkdtempSync(join(tmpdir(), 'zhixing-userdata-'));
  process.env.ZHIXING_DATA = dataDir;
  const { serveBackOffice } = await import('../../src-main/electron/backOfficeHost');
  h.makeChild = () => new FakeUtilityProcess(serveBackOffice);
  await import('../../src-main/electron/main');
  await import('../../src-main/electron/preload');
  await vi.waitFor(() => expect(h.windows).toHaveLength(1), { timeout: 20_000 });
  await vi.waitFor(() => expect(h.ipcHandlers.size).toBe(2));
  invoke = h.ipcHandlers.get('zhixing:invoke') as typeof invoke;
  connection = h.ipcHandlers.get('zhixing:connection') as typeof connection;
});
afterAll(async () => {
  delete process.env.ZHIXING_DATA;
  for (const f of h.forks) await (f.child as FakeUtilityProcess).app?.close();
});

describe('Electron shell', () => {
  it('opens one hardened window in a sandboxed app', () => {
    expect(h.sandbox).toBe(true);
    const prefs = h.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('refuses navigation away from the app, redirects, webviews and every new window', () => {
    const c = h.windows[0]!.contents;
    const fire = (ev: string, url: string) => {
      const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      for (const fn of c.listeners.get(ev) ?? []) fn(e, url);
      return e.defaultPrevented;
    };
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-attach-webview', 'https://evil.example/')).toBe(true);
    expect(c.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and injects the strict CSP into every response', () => {
    let granted: boolean | undefined;
    h.permissionHook!(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    let headers: Record<string, string[]> = {};
    h.headersHook!({ responseHeaders: {} }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']![0]).toMatch(/default-src 'self'; script-src 'self'/);
  });

  it('asks on first start; the choice is stored in userData, not the data folder', async () => {
    expect(await connection(fromPage(), { action: 'state' })).toMatchObject({ ok: true, data: { mode: null } });
    expect(await call('system.info')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(h.forks).toHaveLength(0); // nothing opened the data folder yet
    expect(await connection(fromPage(), { action: 'useLocal' })).toMatchObject({ ok: true, data: { mode: 'local' } });
    expect(JSON.parse(readFileSync(join(h.userData, 'zhixing-desktop.json'), 'utf8'))).toEqual({ version: 1, mode: 'local' });
    expect(existsSync(join(dataDir, 'zhixing-desktop.json'))).toBe(false);
    expect(h.forks).toHaveLength(1);
    expect(h.forks[0]!.modulePath).toMatch(/[\\/]backOffice\.js$/);
  });

  it('serves every API method through the utility process, and only to our own page', async () => {
    const { methods } = await import('../../src-shared/api');
    for (const name of Object.keys(methods)) {
      const r = await call(name, 'probe');
      expect(r.ok ? 'ok' : r.error!.code, name).not.toBe('unknown_method');
      expect(r.ok ? 'ok' : r.error!.code, name).not.toBe('unavailable');
    }
    const info = (await call('system.info')) as { ok: boolean; data: { mode: string } };
    expect(info.data.mode).toBe('desktop');
    expect(utility(0).app!.dataDir).toBe(dataDir); // the App lives in the utility process, on the data folder
    const foreign = await invoke({ senderFrame: { url: 'https://evil.example/', parent: null }, sender: h.windows[0]!.contents }, 'system.info', {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const subFrame = await invoke({ senderFrame: { url: pageUrl, parent: {} }, sender: h.windows[0]!.contents }, 'system.info', {});
    expect(subFrame).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const foreignChoice = await connection({ senderFrame: { url: 'https://evil.example/', parent: null }, sender: h.windows[0]!.contents }, { action: 'reset' });
    expect(foreignChoice).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await call('no.suchMethod')).error!.code).toBe('unknown_method');
  });

  it('keeps the session token in main: login answers the user only, and events reach the window', async () => {
    expect(await call('system.setup', { adminPassword: 'admin-pass-1', court: { name: '开鲁县人民法院', code: '内0523' } })).toMatchObject({ ok: true });
    // The tokens the utility process hands out (it keeps only their hashes), to look for them on the page.
    const issued: string[] = [];
    const realLogin = Sessions.prototype.login;
    const spyLogin = vi.spyOn(Sessions.prototype, 'login').mockImplementation(async function (this: Sessions, ...args: Parameters<Sessions['login']>) {
      const r = await realLogin.apply(this, args);
      issued.push(r.token);
      return r;
    });
    const login = (await call('auth.login', { username: 'admin', password: 'admin-pass-1' })) as { ok: true; data: Record<string, unknown> };
    spyLogin.mockRestore();
    expect(Object.keys(login.data)).toEqual(['user']);
    expect(await call('auth.me')).toMatchObject({ ok: true, data: { username: 'admin' } });
    const app = utility(0).app!;
    await new Promise((r) => setTimeout(r, 50)); // the subscription reaches the utility process
    const adminId = (login.data.user as { id: number }).id;
    app.bus.publish({ topic: 'job', data: { id: 'j1', status: 'running' }, audience: { kind: 'user', userId: adminId } });
    app.bus.publish({ topic: 'job', data: { id: 'j2', status: 'running' }, audience: { kind: 'user', userId: adminId + 100 } }); // another user's
    app.bus.publish({ topic: 'cases', data: { changed: [7] }, audience: { kind: 'court' } });
    await expect.poll(() => h.windows[0]!.contents.sent.find((s) => s.payload.topic === 'cases')?.payload.data).toEqual({ changed: [7] });
    const jobs = h.windows[0]!.contents.sent.filter((s) => s.payload.topic === 'job').map((s) => (s.payload.data as { id: string }).id);
    expect(jobs).toEqual(['j1']);
    // The token exists only in the utility process's sessions and main.
    const tokens = issued;
    expect(tokens.length).toBeGreaterThan(0);
    const page = JSON.stringify([returned, h.windows[0]!.contents.sent]);
    for (const token of tokens) expect(page).not.toContain(token);
  });

  it('opens file results with the OS, or shows them in their folder', async () => {
    const app = utility(0).app!;
    const file = join(dataDir, 'relay-test.pdf');
    writeFileSync(file, '%PDF-1.7\n');
    const spy = vi.spyOn(app.registry, 'call');
    spy.mockResolvedValueOnce({ ok: true, data: new FileResponse(file, '通知书.pdf', 'application/pdf') });
    expect(await call('documents.file', { documentId: 1, format: 'pdf' })).toEqual({ ok: true, data: { opened: '通知书.pdf' } });
    spy.mockResolvedValueOnce({ ok: true, data: new FileResponse(file, '通知书.pdf', 'application/pdf', true) });
    await call('documents.file', { documentId: 1, format: 'pdf', action: 'reveal' });
    // No program for the file on this PC: the clerk is told where it is.
    h.openError = 'No application is associated with the specified file';
    spy.mockResolvedValueOnce({ ok: true, data: new FileResponse(file, '通知书.pdf', 'application/pdf') });
    expect(await call('documents.file', { documentId: 1, format: 'pdf' })).toMatchObject({ ok: false, error: { message: `文件已保存在 ${file}，但本机没有能打开它的程序（No application is associated with the specified file）` } });
    h.openError = '';
    spy.mockRestore();
    expect(h.opened).toEqual([file, file]);
    expect(h.revealed).toEqual([file]);
  });

  it('reports a crash of the back office to the window, restarts it, and ends the sessions', async () => {
    const pending = call('auth.me');
    await utility(0).crash(3);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('后台服务意外退出') } });
    await expect.poll(() => links().some((l) => l.state === 'restarting' && l.message!.includes('代码 3'))).toBe(true);
    await expect.poll(() => h.forks.length, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => links().at(-1), { timeout: 10_000 }).toEqual({ state: 'connected', resumed: true });
    // The sessions lived in the dead process: the window logs in again (lock screen), then works.
    expect(await call('auth.me')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call('auth.login', { username: 'admin', password: 'admin-pass-1' })).toMatchObject({ ok: true });
    expect(await call('cases.counts')).toMatchObject({ ok: true });
    expect(utility(1).app!.dataDir).toBe(dataDir);
  });

  it('drops the session at logout', async () => {
    expect(await call('auth.logout')).toMatchObject({ ok: true });
    expect(await call('auth.me')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('records the workstation of an IPC call as this computer, whatever the page sends', async () => {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(dataDir, 'zhixing.sqlite'), { readonly: true });
    const rows = db.prepare("SELECT DISTINCT workstation FROM case_events WHERE type = 'system.setup'").all() as { workstation: string }[];
    db.close();
    expect(rows).toEqual([{ workstation: hostname() }]);
  });

  it('exposes only invoke, onEvent and the connection choice, and sends no token', async () => {
    expect([...h.exposed.keys()]).toEqual(['zhixing']);
    const api = h.exposed.get('zhixing')!;
    expect(Object.keys(api).sort()).toEqual(['connection', 'invoke', 'onEvent']);
    await (api.invoke as (m: string, i: unknown) => Promise<unknown>)('cases.list', {});
    expect(h.invoked.at(-1)).toEqual(['zhixing:invoke', 'cases.list', {}]);
    await (api.connection as (r: unknown) => Promise<unknown>)({ action: 'state' });
    expect(h.invoked.at(-1)).toEqual(['zhixing:connection', { action: 'state' }]);
  });
});
