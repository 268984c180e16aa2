import type { ApiResult } from '../../src-shared/api/errors';

// The messages between Electron's main process and the back office in its utility process
// (single-PC mode). Calls carry a request id; their answers carry it back. Events carry the id of
// the window session that subscribed, as the web mode's server-sent events belong to one token.

export type ToBackOffice =
  | { type: 'open'; dataDir: string }
  | { type: 'call'; id: number; method: string; input: unknown; token: string | null }
  | { type: 'subscribe'; sid: number; token: string }
  | { type: 'unsubscribe'; sid: number }
  | { type: 'close' };

export type FromBackOffice =
  | { type: 'ready' }
  /** The data folder cannot be opened (held by another process, newer schema, damaged): not retried. */
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'file'; id: number; path: string; fileName: string; reveal: boolean }
  | { type: 'event'; sid: number; topic: string; data: unknown }
  | { type: 'sessionEnded'; sid: number }
  | { type: 'closed' };

/** The two ends of the channel as both sides see them (Electron's parentPort / UtilityProcess, or a test's fake). */
export interface BackOfficePort {
  postMessage(message: FromBackOffice): void;
  onMessage(listener: (message: ToBackOffice) => void): void;
}
