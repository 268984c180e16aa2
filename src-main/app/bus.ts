import { EventEmitter } from 'node:events';
import type { CaseScope } from '../services/auth/scope';

/**
 * Who may receive a push. Every push says it, so a team officer's stream never carries another
 * team's case:
 * - `user`: that user's sessions only (the progress of their own job);
 * - `cases`: whoever may see every one of these cases (a batch of them finished);
 * - `scoped`: computed per subscriber from their case scope — the subscriber gets what `view`
 *   returns for their scope, nothing when it returns null (the case-change feed: each client
 *   receives the changes of its own cases);
 * - `court`: users who see the whole register;
 * - `everyone`: no case data at all (the database was restored, the server is stopping).
 */
export type Audience =
  | { kind: 'user'; userId: number }
  | { kind: 'cases'; cases: readonly { id: number; teamId: string | null }[] }
  | { kind: 'scoped'; view: (scope: CaseScope) => unknown }
  | { kind: 'court' }
  | { kind: 'everyone' };

/** A push message to the UI (job progress, case changes), sent over SSE or IPC. */
export interface PushEvent {
  topic: string;
  data: unknown;
  audience: Audience;
}

/** A connected client: its user and case scope (refreshed while the stream is open). */
export interface Subscriber {
  userId: number;
  scope: CaseScope;
}

/** A case's team as a scope sees it: the whole register, or the team's own cases. */
export function caseVisible(scope: CaseScope, teamId: string | null): boolean {
  return scope.all || (scope.teamId !== null && teamId === scope.teamId);
}

/** What one subscriber receives of a push: the data (or its scoped view), or undefined for nothing. */
export function deliverTo(e: PushEvent, s: Subscriber): unknown {
  const a = e.audience;
  switch (a.kind) {
    case 'everyone':
      return e.data;
    case 'court':
      return s.scope.all ? e.data : undefined;
    case 'user':
      return a.userId === s.userId ? e.data : undefined;
    case 'cases':
      return a.cases.every((c) => caseVisible(s.scope, c.teamId)) ? e.data : undefined;
    case 'scoped': {
      const v = a.view(s.scope);
      return v === null ? undefined : v;
    }
  }
}

export class Bus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(10_000);
  }
  publish(event: PushEvent): void {
    this.emitter.emit('push', event);
  }
  subscribe(listener: (e: PushEvent) => void): () => void {
    this.emitter.on('push', listener);
    return () => this.emitter.off('push', listener);
  }
  /** Delivers to one subscriber what its scope allows (`who` is read at each push: the scope may change). */
  subscribeAs(who: () => Subscriber, listener: (topic: string, data: unknown) => void): () => void {
    return this.subscribe((e) => {
      const data = deliverTo(e, who());
      if (data !== undefined) listener(e.topic, data);
    });
  }
  listeners(): number {
    return this.emitter.listenerCount('push');
  }
}
