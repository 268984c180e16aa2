import type { ConnectionEvent } from '../../src-shared/desktopBridge';
import { formatAddress, type ServerAddress } from '../net/address';
import { callCourt, CourtUnreachable } from '../net/courtClient';
import { EventStream, RECONNECT_DELAYS_MS } from '../net/eventStream';
import { CertificateChangedError, PinnedAgent } from '../net/pinnedTls';
import { LinkState, unavailable, type Backend, type BackendReply, type EventSink } from './backend';
import type { FileCache } from './fileCache';

/**
 * The court server as the window's back office (client mode): every call goes over HTTPS pinned to
 * the confirmed certificate; file results are downloaded into the local cache. When the server
 * cannot be reached the link turns `disconnected`, and main probes it with growing pauses
 * (`reconnecting`) until it answers again.
 */
export class RemoteBackend implements Backend {
  private readonly agent: PinnedAgent;
  private readonly state = new LinkState();
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private probeAttempt = 0;
  private closed = false;
  private readonly streams = new Set<EventStream>();

  constructor(
    readonly address: ServerAddress,
    readonly fingerprint256: string,
    private readonly cache: FileCache,
    private readonly delays: number[] = RECONNECT_DELAYS_MS,
  ) {
    this.agent = new PinnedAgent(address, fingerprint256);
  }

  get link(): ConnectionEvent {
    return this.state.value;
  }

  onLink(listener: (e: ConnectionEvent) => void): () => void {
    return this.state.on(listener);
  }

  async call(method: string, input: unknown, token: string | null): Promise<BackendReply> {
    try {
      const reply = await callCourt(this.agent, method, input, token);
      this.reachable();
      if (reply.kind === 'result') return { kind: 'result', result: reply.result };
      const path = await this.cache.save(reply.fileName, reply.body);
      // Documents' `action: 'reveal'` (contract: documents.file) shows the file in its folder.
      const reveal = (input as { action?: unknown } | null)?.action === 'reveal';
      return { kind: 'file', path, fileName: reply.fileName, reveal };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.unreachable(e instanceof CourtUnreachable ? e.reason : e, message);
      return unavailable(message);
    }
  }

  subscribe(token: string, sink: EventSink): () => void {
    const stream = new EventStream({
      agent: this.agent,
      token,
      delays: this.delays,
      onEvent: (topic, data) => sink.event(topic, data),
      onStatus: (s) => {
        if (s.state === 'connected') {
          if (s.resumed || this.state.value.state !== 'connected') this.state.set({ state: 'connected', resumed: true });
        } else if (s.state === 'reconnecting') {
          this.state.set({ state: 'reconnecting', message: `与本院服务器的连接已断开，正在重新连接（第 ${s.attempt} 次）。${s.message}` });
        } else if (s.state === 'refused') {
          this.state.set({ state: 'refused', message: s.message });
        } else {
          this.streams.delete(stream);
          sink.ended();
        }
      },
    });
    this.streams.add(stream);
    return () => {
      stream.stop();
      this.streams.delete(stream);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    for (const s of this.streams) s.stop();
    this.streams.clear();
    this.agent.destroy();
  }

  private reachable(): void {
    if (this.state.value.state !== 'connected') this.state.set({ state: 'connected', resumed: true });
    this.probeAttempt = 0;
    if (this.probeTimer) {
      clearTimeout(this.probeTimer);
      this.probeTimer = null;
    }
  }

  private unreachable(cause: unknown, message: string): void {
    if (cause instanceof CertificateChangedError) {
      this.state.set({ state: 'refused', message });
      return; // never retried on its own: the clerk must ask the administrator
    }
    if (this.state.value.state === 'connected') this.state.set({ state: 'disconnected', message });
    this.scheduleProbe(message);
  }

  /** Probes `system.info` (public) until the server answers, so the banner clears without a click. */
  private scheduleProbe(message: string): void {
    if (this.probeTimer || this.closed) return;
    const delay = this.delays[Math.min(this.probeAttempt, this.delays.length - 1)]!;
    this.probeAttempt++;
    const attempt = this.probeAttempt;
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      if (this.closed) return;
      this.state.set({ state: 'reconnecting', message: `与本院服务器的连接已断开，正在重新连接（第 ${attempt} 次）。${message}` });
      void callCourt(this.agent, 'system.info', {}, null).then(
        (r) => {
          if (r.kind === 'file') r.body.resume();
          this.reachable();
        },
        (e: unknown) => {
          const cause = e instanceof CourtUnreachable ? e.reason : e;
          if (cause instanceof CertificateChangedError) this.state.set({ state: 'refused', message: cause.message });
          else this.scheduleProbe(e instanceof Error ? e.message : String(e));
        },
      );
    }, delay);
  }

  describe(): string {
    return formatAddress(this.address);
  }
}
