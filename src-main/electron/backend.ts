import type { ApiResult } from '../../src-shared/api/errors';
import type { ConnectionEvent } from '../../src-shared/desktopBridge';

// What the main process talks to behind the window: the back office in a utility process on this
// PC (localBackend.ts) or the court server over pinned HTTPS (remoteBackend.ts). Both take the
// session token from main; neither ever hands it to the page.

export type BackendReply =
  | { kind: 'result'; result: ApiResult<unknown> }
  /** A file result, already on this PC's disk: main opens it or shows it in its folder. */
  | { kind: 'file'; path: string; fileName: string; reveal: boolean };

export interface EventSink {
  event(topic: string, data: unknown): void;
  /** The session is over on the back office (logout elsewhere, expiry, restart): main drops the token. */
  ended(): void;
}

export interface Backend {
  call(method: string, input: unknown, token: string | null): Promise<BackendReply>;
  /** Push events of one logged-in session; returns the function that stops them. */
  subscribe(token: string, sink: EventSink): () => void;
  /** The link to the back office as the window should show it. */
  onLink(listener: (e: ConnectionEvent) => void): () => void;
  readonly link: ConnectionEvent;
  close(): Promise<void>;
}

export function unavailable(message: string): BackendReply {
  return { kind: 'result', result: { ok: false, error: { code: 'unavailable', message } } };
}

/** Keeps the link state and tells listeners when it changes. */
export class LinkState {
  private current: ConnectionEvent = { state: 'connected' };
  private readonly listeners = new Set<(e: ConnectionEvent) => void>();

  get value(): ConnectionEvent {
    return this.current;
  }

  set(e: ConnectionEvent): void {
    if (e.state === this.current.state && e.message === this.current.message && !e.resumed) return;
    this.current = e;
    for (const l of this.listeners) l(e);
  }

  on(listener: (e: ConnectionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
