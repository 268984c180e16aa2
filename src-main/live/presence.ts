import type { App } from '../app/app';

// Who has a case open right now. A case page tells the server which case its window shows
// (presence.set, renewed every 30 s, null when the clerk leaves); an entry not renewed within
// PRESENCE_TTL_MS is dropped (a window closed without a word, a dropped link). Each change of a
// case's viewers is pushed on the `presence` topic to the clients that may see the case. Nothing
// is written to the database: presence is a courtesy, not a record.
//
// Every change carries a sequence number, and so does each answer to `set`: a client that hears
// about a change on its event stream before the answer to its own earlier `set` arrives (two
// connections, no order between them) keeps the newer of the two instead of the last to arrive.

export const PRESENCE_TTL_MS = 75_000;

/** Who has a case open, as of change number `seq`. */
export interface Viewers {
  viewers: Viewer[];
  seq: number;
}

export interface Viewer {
  userId: number;
  name: string;
  since: string;
}

interface Entry {
  caseId: number;
  teamId: string | null;
  userId: number;
  name: string;
  since: string;
  seenMs: number;
  token: string;
}

export class Presence {
  /** `${token}/${window}` → what that window shows. */
  private readonly byWindow = new Map<string, Entry>();
  private timer: ReturnType<typeof setInterval> | null = null;
  /** Sessions whose end drops their windows. */
  private readonly watched = new Set<string>();
  /** Number of the last change announced, across all cases. */
  private seq = 0;

  constructor(private readonly app: App) {}

  /** The window now shows `caseId` (or nothing). Returns the others who have that case open. */
  set(token: string, window: string, user: { id: number; displayName: string }, caseId: number | null): Viewers {
    const viewers = this.place(token, window, user, caseId);
    return { viewers, seq: this.seq };
  }

  private place(token: string, window: string, user: { id: number; displayName: string }, caseId: number | null): Viewer[] {
    const key = `${token}/${window}`;
    const before = this.byWindow.get(key);
    const now = Date.now();
    if (caseId === null) {
      if (before) {
        this.byWindow.delete(key);
        this.announce(before.caseId, before.teamId);
      }
      return [];
    }
    if (before && before.caseId === caseId) {
      before.seenMs = now;
      return this.viewers(caseId, user.id);
    }
    if (before) {
      this.byWindow.delete(key);
      this.announce(before.caseId, before.teamId);
    }
    const teamId = this.app.db.raw<{ team_id: string | null }>('SELECT team_id FROM cases WHERE id = ?', caseId)[0]?.team_id ?? null;
    this.byWindow.set(key, { caseId, teamId, userId: user.id, name: user.displayName, since: new Date(now).toISOString(), seenMs: now, token });
    if (!this.watched.has(token)) {
      this.watched.add(token);
      const off = this.app.sessions.onEnd(token, () => {
        off();
        this.watched.delete(token);
        this.dropSession(token);
      });
    }
    this.announce(caseId, teamId);
    this.sweepSoon();
    return this.viewers(caseId, user.id);
  }

  /** Everyone with the case open but `exceptUser`, once per user, longest first. */
  viewers(caseId: number, exceptUser: number | null = null): Viewer[] {
    const byUser = new Map<number, Viewer>();
    for (const e of this.byWindow.values()) {
      if (e.caseId !== caseId || e.userId === exceptUser) continue;
      const seen = byUser.get(e.userId);
      if (!seen || e.since < seen.since) byUser.set(e.userId, { userId: e.userId, name: e.name, since: e.since });
    }
    return [...byUser.values()].sort((a, b) => a.since.localeCompare(b.since));
  }

  /** Drops every window of a session (logout, expiry). */
  dropSession(token: string): void {
    for (const [key, e] of [...this.byWindow]) {
      if (e.token !== token) continue;
      this.byWindow.delete(key);
      this.announce(e.caseId, e.teamId);
    }
  }

  private announce(caseId: number, teamId: string | null): void {
    this.app.bus.publish({ topic: 'presence', data: { caseId, viewers: this.viewers(caseId), seq: ++this.seq }, audience: { kind: 'cases', cases: [{ id: caseId, teamId }] } });
  }

  private sweepSoon(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.sweep(), 15_000);
    this.timer.unref();
  }

  sweep(now = Date.now()): void {
    for (const [key, e] of [...this.byWindow]) {
      if (now - e.seenMs <= PRESENCE_TTL_MS) continue;
      this.byWindow.delete(key);
      this.announce(e.caseId, e.teamId);
    }
    if (this.byWindow.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
