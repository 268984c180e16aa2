import type { ApiResult } from '../../src-shared/api/errors';
import { CONNECTION_TOPIC, EVENT_CHANNEL, type ConnectionEvent, type ConnectionRequest, type ConnectionView, type ServerProbe } from '../../src-shared/desktopBridge';
import { AddressError, formatAddress, parseServerAddress, type ServerAddress } from '../net/address';
import { fingerprintLines, normalizeFingerprint } from '../net/fingerprint';
import { connectionErrorMessage, type PeerCertificate } from '../net/pinnedTls';
import type { Backend } from './backend';
import type { DesktopSettingsStore } from './desktopSettings';

/** The window's contents as the shell needs them (Electron's WebContents, or a test's fake). */
export interface WindowContents {
  readonly id: number;
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface ShellDeps {
  settings: DesktopSettingsStore;
  local(): Backend;
  remote(address: ServerAddress, fingerprint256: string): Backend;
  probe(address: ServerAddress): Promise<PeerCertificate>;
  /** Opens the file with its program, or shows it in its folder; resolves to an error text ('' when done). */
  openFile(path: string, reveal: boolean): Promise<string> | void;
  now?: () => Date;
}

interface WindowSession {
  token: string;
  stopEvents: () => void;
}

const NOT_CHOSEN: ConnectionEvent = { state: 'failed', message: '尚未选择使用方式' };

/**
 * The main process's part between the window and its back office, for both modes. It keeps each
 * window's session token (taken out of `auth.login`'s answer, dropped at `auth.logout`, a 401 or
 * when the window closes) so the page never holds it, relays calls, opens file results with the
 * OS, forwards the session's push events and the link state, and carries out the first start's
 * choice (本机单机使用 / 连接本院服务器 with the confirmed, pinned fingerprint).
 */
export class DesktopShell {
  private backend: Backend | null = null;
  private offLink: (() => void) | null = null;
  private readonly windows = new Map<number, WindowContents>();
  private readonly sessions = new Map<number, WindowSession>();

  constructor(private readonly deps: ShellDeps) {
    const s = deps.settings.read();
    // At start there is no earlier backend to close: use() resolves at once.
    if (s?.mode === 'local') void this.use(deps.local());
    else if (s?.mode === 'server') void this.use(deps.remote({ host: s.host, port: s.port }, s.fingerprint256));
  }

  /** Registers a window for link events; its session ends with it. */
  attach(contents: WindowContents): void {
    this.windows.set(contents.id, contents);
    contents.once('destroyed', () => {
      this.windows.delete(contents.id);
      void this.endSession(contents.id, true);
    });
  }

  async invoke(contents: WindowContents, method: string, input: unknown): Promise<ApiResult<unknown>> {
    const backend = this.backend;
    if (!backend) return { ok: false, error: { code: 'unavailable', message: '尚未选择使用方式：请先选择“本机单机使用”或“连接本院服务器”' } };
    const session = this.sessions.get(contents.id);
    const reply = await backend.call(method, input, session?.token ?? null);
    if (reply.kind === 'file') {
      const problem = await this.deps.openFile(reply.path, reply.reveal);
      if (problem) return { ok: false, error: { code: 'internal', message: `文件已保存在 ${reply.path}，但本机没有能打开它的程序（${problem}）` } };
      return { ok: true, data: { opened: reply.fileName } };
    }
    const result = reply.result;
    if (method === 'auth.login' && result.ok) {
      // The token stays here; the page learns only who logged in.
      const { token, ...rest } = result.data as { token: string; user: unknown };
      this.startSession(contents, backend, token);
      return { ok: true, data: rest };
    }
    if (method === 'auth.logout' || (!result.ok && result.error.code === 'unauthorized')) void this.endSession(contents.id, false);
    return result;
  }

  async connection(request: ConnectionRequest): Promise<ApiResult<ConnectionView | ServerProbe>> {
    try {
      switch (request.action) {
        case 'state':
          return { ok: true, data: this.view() };
        case 'probe': {
          this.assertUnchosen();
          const address = parseServerAddress(String(request.address ?? ''));
          const peer = await this.probe(address);
          return {
            ok: true,
            data: { address: formatAddress(address), fingerprint256: peer.fingerprint256, fingerprintLines: fingerprintLines(peer.fingerprint256), subject: peer.subject, validTo: peer.validTo },
          };
        }
        case 'useServer': {
          this.assertUnchosen();
          const address = parseServerAddress(String(request.address ?? ''));
          const confirmed = normalizeFingerprint(String(request.fingerprint256 ?? ''));
          if (!confirmed) return fail('invalid_input', '证书指纹格式不对', 'fingerprint256');
          // Fetched again: what is pinned is what the server shows now, and it must be what the clerk confirmed.
          const peer = await this.probe(address);
          if (peer.fingerprint256 !== confirmed) {
            return fail('conflict', '服务器的证书在您核对之后发生了变化，未保存。请重新获取证书指纹，并再次与管理员提供的指纹核对。', 'fingerprint256');
          }
          this.deps.settings.write({ version: 1, mode: 'server', host: address.host, port: address.port, fingerprint256: confirmed, confirmedAt: (this.deps.now?.() ?? new Date()).toISOString() });
          await this.use(this.deps.remote(address, confirmed));
          return { ok: true, data: this.view() };
        }
        case 'useLocal':
          this.assertUnchosen();
          this.deps.settings.write({ version: 1, mode: 'local' });
          await this.use(this.deps.local());
          return { ok: true, data: this.view() };
        case 'reset':
          if (this.sessions.size > 0) return fail('conflict', '请先退出登录，再更改连接方式');
          this.deps.settings.clear();
          await this.use(null);
          return { ok: true, data: this.view() };
        default:
          return fail('invalid_input', '未知的连接设置请求', 'action');
      }
    } catch (e) {
      if (e instanceof AddressError) return fail('invalid_input', e.message, 'address');
      if (e instanceof ShellRefusal) return fail('conflict', e.message);
      return fail('unavailable', e instanceof Error ? e.message : String(e));
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.endSession(id, true)));
    await this.use(null);
  }

  private view(): ConnectionView {
    const s = this.deps.settings.read();
    const link = this.backend?.link ?? NOT_CHOSEN;
    if (s?.mode === 'server') return { mode: 'server', address: formatAddress({ host: s.host, port: s.port }), fingerprint256: s.fingerprint256, link };
    if (s?.mode === 'local') return { mode: 'local', link };
    return { mode: null, link };
  }

  private assertUnchosen(): void {
    if (this.backend) throw new ShellRefusal('已选择使用方式；如需更改，请在登录页点“更改连接方式”');
  }

  private async probe(address: ServerAddress): Promise<PeerCertificate> {
    try {
      return await this.deps.probe(address);
    } catch (e) {
      throw new Error(connectionErrorMessage(e, formatAddress(address)), { cause: e });
    }
  }

  private use(backend: Backend | null): Promise<void> {
    const old = this.backend;
    this.offLink?.();
    this.offLink = null;
    this.backend = backend;
    if (backend) {
      this.offLink = backend.onLink((e) => this.broadcast(e));
    }
    return old ? old.close() : Promise.resolve();
  }

  private broadcast(e: ConnectionEvent): void {
    for (const w of this.windows.values()) if (!w.isDestroyed()) w.send(EVENT_CHANNEL, { topic: CONNECTION_TOPIC, data: e });
  }

  private startSession(contents: WindowContents, backend: Backend, token: string): void {
    // A new login in the same window (unlock, another user) replaces the old session, which is ended.
    void this.endSession(contents.id, true);
    const stopEvents = backend.subscribe(token, {
      event: (topic, data) => {
        if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, { topic, data });
      },
      ended: () => {
        if (this.sessions.get(contents.id)?.token === token) this.sessions.delete(contents.id);
      },
    });
    this.sessions.set(contents.id, { token, stopEvents });
  }

  /** Drops the window's token; `logout` also ends it on the back office (window closed, replaced). */
  private async endSession(windowId: number, logout: boolean): Promise<void> {
    const s = this.sessions.get(windowId);
    if (!s) return;
    this.sessions.delete(windowId);
    s.stopEvents();
    if (logout && this.backend) await this.backend.call('auth.logout', {}, s.token).catch(() => undefined);
  }
}

class ShellRefusal extends Error {}

function fail(code: 'invalid_input' | 'conflict' | 'unavailable', message: string, field?: string): ApiResult<never> {
  return { ok: false, error: field ? { code, message, field } : { code, message } };
}
