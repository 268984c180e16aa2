import { EventEmitter } from 'node:events';

/** A push message to the UI (job progress, queue changes), sent over SSE or IPC. */
export interface PushEvent {
  topic: string;
  data: unknown;
  /** When set, only this user's sessions receive it. */
  userId?: number;
}

export class Bus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(1000);
  }
  publish(event: PushEvent): void {
    this.emitter.emit('push', event);
  }
  subscribe(listener: (e: PushEvent) => void): () => void {
    this.emitter.on('push', listener);
    return () => this.emitter.off('push', listener);
  }
}
