import type { ConnectionEvent } from '../../src-shared/desktopBridge';
import { LinkState, unavailable, type Backend, type BackendReply, type EventSink } from './backend';
import type { FromBackOffice, ToBackOffice } from './backOfficeProtocol';

/** The utility process as main sees it (Electron's UtilityProcess, or a test's fake). */
export interface BackOfficeChild {
  postMessage(message: ToBackOffice): void;
  on(event: 'message', listener: (message: FromBackOffice) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** Pauses before restarting a crashed back office; more than MAX_CRASHES within a minute and it stays down. */
const RESTART_DELAYS_MS = [300, 1000, 3000];
const MAX_CRASHES = 5;

/**
 * Single-PC mode: the back office runs in a utility process and main relays to it. Each call
 * carries a request id and waits for its answer; calls made while the process (re)starts wait in
 * order. When the process dies unexpectedly the waiting calls are answered with a clear error, the
 * window is told (`restarting`), the sessions end (they lived in that process) and it is restarted.
 */
export class LocalBackend implements Backend {
  private child: BackOfficeChild | null = null;
  private ready = false;
  private queue: ToBackOffice[] = [];
  private readonly pending = new Map<number, (r: BackendReply) => void>();
  private readonly sinks = new Map<number, EventSink>();
  private nextId = 1;
  private readonly state = new LinkState();
  private crashes: number[] = [];
  private closing: Promise<void> | null = null;
  private onClosed: (() => void) | null = null;
  private down = false;

  constructor(
    private readonly spawn: () => BackOfficeChild,
    private readonly dataDir: string,
    /** The data folder cannot be opened at all (another program holds it, newer schema): main tells the user and quits. */
    private readonly onFatal: (message: string) => void,
    private readonly restartDelays = RESTART_DELAYS_MS,
  ) {
    this.start();
  }

  get link(): ConnectionEvent {
    return this.state.value;
  }

  onLink(listener: (e: ConnectionEvent) => void): () => void {
    return this.state.on(listener);
  }

  call(method: string, input: unknown, token: string | null): Promise<BackendReply> {
    if (this.down || this.closing) return Promise.resolve(unavailable(this.state.value.message ?? '后台服务已停止，请重新打开程序'));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ type: 'call', id, method, input, token });
    });
  }

  subscribe(token: string, sink: EventSink): () => void {
    const sid = this.nextId++;
    this.sinks.set(sid, sink);
    this.send({ type: 'subscribe', sid, token });
    return () => {
      if (this.sinks.delete(sid)) this.send({ type: 'unsubscribe', sid });
    };
  }

  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.closing = new Promise<void>((resolve) => {
      const child = this.child;
      if (!child) return resolve();
      const timer = setTimeout(() => {
        child.kill();
        resolve();
      }, 10_000);
      this.onClosed = () => {
        clearTimeout(timer);
        resolve();
      };
      // Straight to the process even while it starts: `close` waits for running jobs and closes the database.
      child.postMessage({ type: 'close' });
    });
    return this.closing;
  }

  private start(): void {
    this.ready = false;
    const child = this.spawn();
    this.child = child;
    child.on('message', (m) => this.receive(m));
    child.on('exit', (code) => this.exited(child, code));
    child.postMessage({ type: 'open', dataDir: this.dataDir });
  }

  private send(m: ToBackOffice): void {
    if (this.ready && this.child) this.child.postMessage(m);
    else this.queue.push(m);
  }

  private receive(m: FromBackOffice): void {
    switch (m.type) {
      case 'ready': {
        this.ready = true;
        const restarted = this.state.value.state !== 'connected';
        this.state.set(restarted ? { state: 'connected', resumed: true } : { state: 'connected' });
        const queued = this.queue;
        this.queue = [];
        for (const q of queued) this.child!.postMessage(q);
        return;
      }
      case 'fatal':
        this.down = true;
        this.state.set({ state: 'failed', message: m.message });
        this.answerAll(m.message);
        this.onFatal(m.message);
        return;
      case 'result':
        this.answer(m.id, { kind: 'result', result: m.result });
        return;
      case 'file':
        this.answer(m.id, { kind: 'file', path: m.path, fileName: m.fileName, reveal: m.reveal });
        return;
      case 'event':
        this.sinks.get(m.sid)?.event(m.topic, m.data);
        return;
      case 'sessionEnded': {
        const sink = this.sinks.get(m.sid);
        this.sinks.delete(m.sid);
        sink?.ended();
        return;
      }
      case 'closed':
        this.onClosed?.();
        return;
    }
  }

  private answer(id: number, reply: BackendReply): void {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    resolve?.(reply);
  }

  private answerAll(message: string): void {
    for (const [id] of this.pending) this.answer(id, unavailable(message));
    this.queue = this.queue.filter((q) => q.type !== 'call');
  }

  private exited(child: BackOfficeChild, code: number): void {
    if (child !== this.child) return;
    this.child = null;
    this.ready = false;
    if (this.closing) {
      this.onClosed?.();
      return;
    }
    if (this.down) return;
    // The sessions lived in the dead process: every window logs in again.
    for (const sink of this.sinks.values()) sink.ended();
    this.sinks.clear();
    this.answerAll('后台服务意外退出，刚才的操作可能没有完成，请在服务恢复后刷新核对。');
    this.queue = [];
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < 60_000), now];
    if (this.crashes.length > MAX_CRASHES) {
      this.down = true;
      this.state.set({ state: 'failed', message: `后台服务一分钟内意外退出 ${this.crashes.length} 次，已停止自动重启。请关闭程序后重新打开；如仍如此，请联系系统管理员。` });
      return;
    }
    const delay = this.restartDelays[Math.min(this.crashes.length - 1, this.restartDelays.length - 1)]!;
    this.state.set({ state: 'restarting', message: `后台服务意外退出（代码 ${code}），正在重新启动……` });
    setTimeout(() => {
      if (!this.closing) this.start();
    }, delay);
  }
}
