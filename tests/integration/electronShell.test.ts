import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

// The desktop shell with Electron mocked (issue 7, Electron security checklist): the window is
// isolated and sandboxed, navigation and new windows are refused, permissions are denied, the CSP
// is injected, and every API method is reachable through the one IPC bridge — only from our page.

const h = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; contents: FakeContents }[],
  ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  headersHook: null as null | ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
  permissionHook: null as null | ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void),
  sandbox: false,
  exposed: new Map<string, Record<string, unknown>>(),
  invoked: [] as unknown[][],
}));

interface FakeContents {
  listeners: Map<string, ((...a: unknown[]) => void)[]>;
  openHandler: null | ((d: { url: string }) => { action: string });
  on(ev: string, fn: (...a: unknown[]) => void): void;
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }): void;
  isDestroyed(): boolean;
  send(): void;
}

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: FakeContents;
    constructor(options: Record<string, unknown>) {
      const listeners = new Map<string, ((...a: unknown[]) => void)[]>();
      this.webContents = {
        listeners,
        openHandler: null,
        on(ev, fn) {
          listeners.set(ev, [...(listeners.get(ev) ?? []), fn]);
        },
        setWindowOpenHandler(fn) {
          this.openHandler = fn;
        },
        isDestroyed: () => false,
        send: () => {},
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
    getPath: () => tmpdir(),
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
    shell: { openPath: async () => '' },
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => h.exposed.set(key, api) },
    ipcRenderer: { invoke: async (...a: unknown[]) => h.invoked.push(a), on: () => {}, removeListener: () => {} },
  };
  return { ...electron, default: electron };
});

const dataDir = mkdtempSync(join(tmpdir(), 'zhixing-electron-'));

beforeAll(async () => {
  process.env.ZHIXING_DATA = dataDir;
  await import('../../src-main/electron/main');
  await import('../../src-main/electron/preload');
  await vi.waitFor(() => expect(h.windows).toHaveLength(1), { timeout: 20_000 });
  await vi.waitFor(() => expect(h.ipcHandlers.size).toBe(1));
});
afterAll(() => {
  delete process.env.ZHIXING_DATA;
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

  it('serves every API method through the IPC bridge, and only to our own page', async () => {
    const invoke = [...h.ipcHandlers.values()][0]!;
    const { methods } = await import('../../src-shared/api');
    // The page's URL as the shell computes it (../renderer/index.html beside the main module).
    const pageUrl = await findPageUrl(invoke);
    for (const name of Object.keys(methods)) {
      const r = (await invoke({ senderFrame: { url: pageUrl } }, name, Symbol('probe'), null)) as { ok: boolean; error?: { code: string } };
      expect(r.ok ? 'ok' : r.error!.code, name).not.toBe('unknown_method');
    }
    const info = (await invoke({ senderFrame: { url: pageUrl } }, 'system.info', {}, null)) as { ok: boolean; data: { mode: string } };
    expect(info.data.mode).toBe('desktop');
    const foreign = (await invoke({ senderFrame: { url: 'https://evil.example/' } }, 'system.info', {}, null)) as { ok: boolean; error: { code: string } };
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const unknown = (await invoke({ senderFrame: { url: pageUrl } }, 'no.suchMethod', {}, null)) as { error: { code: string } };
    expect(unknown.error.code).toBe('unknown_method');
  });

  it('records the workstation of an IPC call as this computer, whatever the page sends', async () => {
    const invoke = [...h.ipcHandlers.values()][0]!;
    const pageUrl = await findPageUrl(invoke);
    const setup = (await invoke({ senderFrame: { url: pageUrl } }, 'system.setup', { adminPassword: 'desk-pass-123', workstation: 'forged' }, null)) as { ok: boolean; error?: unknown };
    expect(setup, JSON.stringify(setup)).toMatchObject({ ok: true });
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(dataDir, 'zhixing.sqlite'), { readonly: true });
    const row = db.prepare("SELECT workstation FROM case_events WHERE type = 'system.setup'").get() as { workstation: string };
    db.close();
    expect(row.workstation).toBe(hostname());
  });

  it('exposes only invoke and onEvent to the page through the preload bridge', async () => {
    expect([...h.exposed.keys()]).toEqual(['zhixing']);
    const api = h.exposed.get('zhixing')!;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onEvent']);
    await (api.invoke as (m: string, i: unknown, tk: string | null) => Promise<unknown>)('cases.list', {}, 't');
    expect(h.invoked.at(-1)).toEqual(['zhixing:invoke', 'cases.list', {}, 't']);
  });
});

/** Tries the URL the shell accepts: it is derived from the main module's location, so probe with system.info. */
async function findPageUrl(invoke: (...a: unknown[]) => unknown): Promise<string> {
  const candidates = [
    new URL('../../src-main/renderer/index.html', import.meta.url).toString(),
    new URL('../../src-main/electron/../renderer/index.html', import.meta.url).toString(),
  ];
  for (const url of candidates) {
    const r = (await invoke({ senderFrame: { url } }, 'system.info', {}, null)) as { ok: boolean };
    if (r.ok) return url;
  }
  throw new Error('no accepted page URL');
}
