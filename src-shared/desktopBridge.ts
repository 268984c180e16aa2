import type { ApiResult } from './api/errors';

// The desktop app's bridge between the page and Electron's main process (src-main/electron/preload.ts).
// Three functions and nothing else: the contract's calls, the push events, and the connection
// choice of the first start. The session token and the server's certificate never cross it.

export const INVOKE_CHANNEL = 'zhixing:invoke';
export const EVENT_CHANNEL = 'zhixing:event';
export const CONNECTION_CHANNEL = 'zhixing:connection';

/** Topic of the push events that tell the page about the link to the back office. */
export const CONNECTION_TOPIC = 'connection';

export type DesktopMode = 'local' | 'server';

/**
 * The link to the back office as the page shows it: `connected`; `disconnected` / `reconnecting`
 * (the court server cannot be reached; main retries with backoff); `restarting` (single-PC: the
 * back-office process ended unexpectedly and is being restarted); `refused` (the server's
 * certificate is not the pinned one: nothing was sent); `failed` (gave up; see message).
 */
export type LinkState = 'connected' | 'disconnected' | 'reconnecting' | 'restarting' | 'refused' | 'failed';

export interface ConnectionEvent {
  state: LinkState;
  /** Chinese explanation for the banner (absent when connected). */
  message?: string;
  /** True on `connected` after a break: pages reload what they show, since events may have been missed. */
  resumed?: boolean;
}

/** What the first-run screen and the login page's 连接设置 know about the choice. */
export interface ConnectionView {
  mode: DesktopMode | null;
  /** `host:port` of the court server (server mode). */
  address?: string;
  /** The pinned SHA-256 fingerprint, shown so the clerk can compare it with the administrator's. */
  fingerprint256?: string;
  link: ConnectionEvent;
}

/** The court server's certificate as fetched for the clerk to confirm (first connection). */
export interface ServerProbe {
  address: string;
  fingerprint256: string;
  /** The fingerprint in four lines of eight pairs, as it is compared on screen. */
  fingerprintLines: string[];
  subject: string;
  validTo: string;
}

export type ConnectionRequest =
  | { action: 'state' }
  | { action: 'probe'; address: string }
  | { action: 'useServer'; address: string; fingerprint256: string }
  | { action: 'useLocal' }
  | { action: 'reset' };

export type ConnectionReply<R extends ConnectionRequest> = ApiResult<R extends { action: 'probe' } ? ServerProbe : ConnectionView>;

export interface DesktopBridge {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
  onEvent(listener: (e: { topic: string; data: unknown }) => void): () => void;
  connection<R extends ConnectionRequest>(request: R): Promise<ConnectionReply<R>>;
}
