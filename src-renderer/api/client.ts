import type { ClientInput, MethodName, MethodOutput } from '../../src-shared/api';
import type { ApiErrorShape, ApiResult, ErrorCode, SkippedCase } from '../../src-shared/api/errors';
import { CONNECTION_TOPIC, type ConnectionEvent, type DesktopBridge } from '../../src-shared/desktopBridge';

/** The preload bridge of the desktop app (absent in the browser). */
declare global {
  interface Window {
    zhixing?: DesktopBridge;
  }
}

export class ApiCallError extends Error implements ApiErrorShape {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: unknown;
  constructor(e: ApiErrorShape) {
    super(e.message);
    this.code = e.code;
    if (e.field !== undefined) this.field = e.field;
    if (e.details !== undefined) this.details = e.details;
  }
}

type Listener = (data: unknown) => void;

/** An answer with what came beside the data: `asOf` (the newest event the data had seen) and a batch's `skipped` cases. */
export interface Answer<T> {
  data: T;
  asOf: number | null;
  skipped: SkippedCase[];
}

/** Pauses before the browser's event stream reconnects: 0.5 s doubling to 15 s. */
const RECONNECT_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15_000];
const TOKEN_KEY = 'zhixing.token';
/** Desktop: set while main holds a session for this window (the page never sees the token). */
const SESSION_KEY = 'zhixing.session';

/**
 * The renderer's only way to the back office: the same named methods over IPC (desktop) or
 * `POST /api/<method>` (web mode). In the browser the session token travels in a header, never a
 * cookie; on the desktop main keeps it for the window and the page never has it.
 */
class Client {
  private readonly desktop = window.zhixing !== undefined;
  private token: string | null = this.desktop ? null : sessionStorage.getItem(TOKEN_KEY);
  private desktopSession = this.desktop && sessionStorage.getItem(SESSION_KEY) === '1';
  private listeners = new Map<string, Set<Listener>>();
  private stream: AbortController | null = null;
  onUnauthorized: (() => void) | null = null;

  get loggedIn(): boolean {
    return this.desktop ? this.desktopSession : this.token !== null;
  }

  /** Forgets the session on this side (after `auth.logout`, or when it expired). */
  clearSession(): void {
    this.startSession(null);
  }

  /** `auth.login` succeeded: the browser keeps the token for its header; the desktop only notes it (main holds it). */
  private startSession(token: string | null): void {
    if (this.desktop) {
      this.desktopSession = token !== null;
      if (token !== null) sessionStorage.setItem(SESSION_KEY, '1');
      else sessionStorage.removeItem(SESSION_KEY);
      return;
    }
    this.token = token;
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
    this.restartStream();
  }

  async call<N extends MethodName>(method: N, input: ClientInput<N>): Promise<MethodOutput<N>> {
    return (await this.callMeta(method, input)).data;
  }

  /**
   * A call that also returns `asOf` — what a page keeps with the data it shows, and states as
   * `seen.asOf` when the clerk changes those cases (src-shared/api/caseVersions.ts) — and the cases
   * a batch skipped because they had changed.
   */
  async callMeta<N extends MethodName>(method: N, input: ClientInput<N>): Promise<Answer<MethodOutput<N>>> {
    const result = await this.raw(method, input);
    if (!result.ok) {
      if (result.error.code === 'unauthorized' && method !== 'auth.login') {
        this.clearSession();
        this.onUnauthorized?.();
      }
      throw new ApiCallError(result.error);
    }
    if (method === 'auth.login') this.startSession(this.desktop ? '' : (result.data as { token: string }).token);
    return { data: result.data as MethodOutput<N>, asOf: result.asOf ?? null, skipped: result.skipped ?? [] };
  }

  private async raw(method: string, input: unknown): Promise<ApiResult<unknown>> {
    if (window.zhixing) return window.zhixing.invoke(method, input);
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify(input ?? {}),
    });
    const type = res.headers.get('content-type') ?? '';
    if (!type.includes('application/json')) {
      // A file: hand it to the browser as a download.
      const blob = await res.blob();
      const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'download');
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { ok: true, data: { downloaded: name } };
    }
    return (await res.json()) as ApiResult<unknown>;
  }

  /** Subscribes to push events of a topic (e.g. 'job'); returns the unsubscribe function. */
  onEvent(topic: string, listener: Listener): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    this.ensureStream();
    return () => set.delete(listener);
  }

  private dispatch(topic: string, data: unknown): void {
    for (const l of this.listeners.get(topic) ?? []) l(data);
  }

  /** Browser: the state of the event stream, announced like the desktop's link (CONNECTION_TOPIC). */
  private link(e: ConnectionEvent): void {
    this.dispatch(CONNECTION_TOPIC, e);
  }
  private streamAttempt = 0;
  private everConnected = false;

  private bridgeOff: (() => void) | null = null;
  private ensureStream(): void {
    if (window.zhixing) {
      if (!this.bridgeOff) this.bridgeOff = window.zhixing.onEvent((e) => this.dispatch(e.topic, e.data));
      return;
    }
    if (this.stream || !this.token) return;
    const controller = new AbortController();
    this.stream = controller;
    void this.readStream(controller).finally(() => {
      if (this.stream === controller) {
        this.stream = null;
        if (!controller.signal.aborted) {
          // The server restarted or the network dropped: say so, and try again with growing pauses.
          const delay = RECONNECT_DELAYS_MS[Math.min(this.streamAttempt, RECONNECT_DELAYS_MS.length - 1)]!;
          this.streamAttempt++;
          this.link({ state: 'reconnecting', message: `与服务器的连接已断开，正在重新连接（第 ${this.streamAttempt} 次）。已输入的内容会保留。` });
          setTimeout(() => this.ensureStream(), delay);
        }
      }
    });
  }

  private restartStream(): void {
    this.stream?.abort();
    this.stream = null;
    this.everConnected = false;
    this.streamAttempt = 0;
    if (this.listeners.size > 0) this.ensureStream();
  }

  /** Server-sent events read through fetch, so the token goes in the Authorization header. */
  private async readStream(controller: AbortController): Promise<void> {
    try {
      const res = await fetch('/api/events', { headers: { authorization: `Bearer ${this.token}` }, signal: controller.signal });
      if (res.status === 401) {
        // The session is over: no reconnecting with a dead token; the next call meets the login.
        controller.abort();
        if (this.everConnected) this.link({ state: 'connected', resumed: true });
        return;
      }
      if (!res.ok || !res.body) return;
      // Connected; after a break the pages reload what they show (events may have been missed).
      this.streamAttempt = 0;
      this.link(this.everConnected ? { state: 'connected', resumed: true } : { state: 'connected' });
      this.everConnected = true;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const topic = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (topic === 'session') {
            // The server ended the stream with the session (logout elsewhere, disabled, idle expiry).
            controller.abort();
            return;
          }
          if (topic && data) this.dispatch(topic, JSON.parse(data));
        }
      }
    } catch {
      // Aborted or the connection dropped; ensureStream reconnects.
    }
  }
}

export const api = new Client();
