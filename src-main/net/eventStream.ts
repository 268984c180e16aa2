import { request } from 'node:https';
import type { ClientRequest } from 'node:http';
import { formatAddress } from './address';
import { CertificateChangedError, connectionErrorMessage, type PinnedAgent } from './pinnedTls';

// One logged-in window's server-sent events (`GET /api/events`), read in the main process so the
// token stays there. The stream is kept open: when the server restarts or the network drops, it
// reconnects with growing pauses, and says so, so the page can show 连接已断开/正在重连.

/** Pauses between reconnection attempts: 0.5 s doubling to 15 s. */
export const RECONNECT_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15_000];
/** The server writes a comment every 15 s; silence for longer than this means a dead link. */
const SILENCE_MS = 45_000;

export type StreamStatus =
  | { state: 'connected'; resumed: boolean }
  | { state: 'reconnecting'; attempt: number; delayMs: number; message: string }
  /** The session ended (401: logged out, expired, or the server restarted and forgot it). */
  | { state: 'ended' }
  /** The server showed another certificate: no retry, the clerk must ask the administrator. */
  | { state: 'refused'; message: string };

export interface EventStreamOptions {
  agent: PinnedAgent;
  token: string;
  onEvent: (topic: string, data: unknown) => void;
  onStatus: (s: StreamStatus) => void;
  delays?: number[];
}

export class EventStream {
  private req: ClientRequest | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private everConnected = false;
  private stopped = false;

  constructor(private readonly o: EventStreamOptions) {
    this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.req?.destroy();
    this.req = null;
  }

  private open(): void {
    if (this.stopped) return;
    const address = formatAddress(this.o.agent.address);
    let settled = false;
    const fail = (e: unknown) => {
      if (settled || this.stopped) return;
      settled = true;
      this.req?.destroy();
      this.req = null;
      if (e instanceof CertificateChangedError) {
        this.stopped = true;
        this.o.onStatus({ state: 'refused', message: e.message });
        return;
      }
      this.retry(connectionErrorMessage(e, address));
    };
    const req = request(
      {
        agent: this.o.agent,
        host: this.o.agent.address.host,
        port: this.o.agent.address.port,
        method: 'GET',
        path: '/api/events',
        headers: { host: address, accept: 'text/event-stream', authorization: `Bearer ${this.o.token}` },
      },
      (res) => {
        if (res.statusCode === 401) {
          settled = true;
          this.stopped = true;
          res.resume();
          this.o.onStatus({ state: 'ended' });
          return;
        }
        if (res.statusCode !== 200) {
          res.resume();
          fail(Object.assign(new Error(`HTTP ${res.statusCode}`), { code: `HTTP_${res.statusCode}` }));
          return;
        }
        const resumed = this.everConnected;
        this.everConnected = true;
        this.attempt = 0;
        this.o.onStatus({ state: 'connected', resumed });
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk.replace(/\r\n/g, '\n');
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            this.dispatch(block);
          }
        });
        res.on('end', () => fail(Object.assign(new Error('stream ended'), { code: 'ECONNRESET' })));
        res.on('error', fail);
        res.on('close', () => fail(Object.assign(new Error('stream closed'), { code: 'ECONNRESET' })));
      },
    );
    req.setTimeout(SILENCE_MS, () => req.destroy(Object.assign(new Error('silent'), { code: 'ETIMEDOUT' })));
    req.on('error', fail);
    req.end();
    this.req = req;
  }

  private dispatch(block: string): void {
    let topic = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue; // comment (connected, ping)
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') topic = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) return;
    try {
      this.o.onEvent(topic, JSON.parse(data.join('\n')));
    } catch {
      // not JSON: not ours
    }
  }

  private retry(message: string): void {
    if (this.stopped) return;
    const delays = this.o.delays ?? RECONNECT_DELAYS_MS;
    const delayMs = delays[Math.min(this.attempt, delays.length - 1)]!;
    this.attempt++;
    this.o.onStatus({ state: 'reconnecting', attempt: this.attempt, delayMs, message });
    this.timer = setTimeout(() => {
      this.timer = null;
      this.open();
    }, delayMs);
  }
}
