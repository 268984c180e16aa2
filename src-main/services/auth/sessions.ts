import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import type { SessionUser } from '../../api/context';
import { appendEvent, type Actor } from '../../events/log';
import { getSettings } from '../settings/settings';
import { findUser, toSessionUser, UNSET_PASSWORD } from './users';
import type { Passwords } from './passwords';
import { LoginThrottle, throttledName } from './throttle';

// Sessions of the court server. A token is 32 random bytes sent as `Authorization: Bearer` — never
// a cookie, so another web page cannot act for the user. The database keeps only its SHA-256, with
// the user, the client's address, when it began and was last used, and how it ended; so a restart
// of the server does not log everybody out (clients rejoin), and the administrator can list and end
// sessions. A session ends at logout, after `idleLockMinutes` without a call (wall clock: moving the
// test clock a month must not log everybody out), after `sessionMaxHours` whatever the activity, and
// when the administrator ends it, disables the user or resets the user's password.

/**
 * The one answer to every failed login: unknown user, wrong password, disabled account (OWASP
 * Authentication Cheat Sheet, "Authentication and Error Messages"). Telling them apart would tell an
 * outsider which user names exist. Too many failures are answered by the throttle instead
 * (throttle.ts), alike for names that exist and names that do not.
 */
export const LOGIN_FAILED = '用户名或密码错误';

export type EndReason = 'logout' | 'idle' | 'expired' | 'revoked' | 'disabled' | 'password' | 'restored';

/** A live session as this process knows it. */
interface Live {
  id: number;
  userId: number;
  createdMs: number;
  lastSeenMs: number;
  /** last_seen_at as last written to the database. */
  persistedMs: number;
  address: string;
  client: string;
}

/** Where a login comes from: the socket's address (null for the app's own calls) and what the client says it is. */
export interface LoginOrigin {
  address: string | null;
  client?: string;
}

export interface SessionView {
  id: number;
  userId: number;
  username: string;
  displayName: string;
  address: string;
  client: string;
  createdAt: string;
  lastSeenAt: string;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
/** How often the last activity of the sessions is written (one transaction for all: each commit is an fsync); idle expiry is minutes. */
export const PERSIST_EVERY_MS = 30_000;

export class Sessions {
  private readonly live = new Map<string, Live>();
  private readonly enders = new Map<string, Set<() => void>>();
  readonly throttle = new LoginThrottle();
  private db: Db | null = null;

  /** `idleMs` overrides the idleLockMinutes setting (tests). */
  constructor(
    private readonly passwords: Passwords,
    private readonly idleMs?: number,
    private readonly report: (message: string) => void = console.error,
  ) {}

  /** The database the sessions are kept in (set by the App once it is open). */
  bind(db: Db): void {
    this.db = db;
  }

  /**
   * Checks the password off the request thread, doing the same work whatever the outcome (Passwords.verify
   * hashes against a decoy for an unknown user), and answers every failure with LOGIN_FAILED — unless
   * the name or the address is throttled, which is answered at once with the time to retry.
   */
  async login(db: Db, username: string, password: string, now: Date, from: LoginOrigin = { address: null }): Promise<{ token: string; user: SessionUser; sessionId: number }> {
    const fail = () => new ApiError('unauthorized', LOGIN_FAILED);
    this.throttle.check(username, from.address, now);
    const found = findUser(db, username);
    // A locked account is answered like a throttled name (the same words for a name that does not exist).
    if (found?.locked_until && found.locked_until > now.toISOString()) throw throttledName(new Date(found.locked_until), now);
    const usable = found && found.active === 1 && found.password_hash !== UNSET_PASSWORD ? found : null;
    const verified = await this.passwords.verify(password, usable?.password_hash ?? null);
    const settings = getSettings(db);
    const where = from.address ?? 'local';
    // Every failure is counted at once in memory (the throttle), but written just after the answer
    // leaves: a wrong password must not take a database write longer to answer than an unknown or
    // disabled name, or the time would tell which it was.
    const failed = (userId: number | null) => {
      const blocked = this.throttle.failed(username, from.address, now, settings);
      setImmediate(() => this.recordFailure(db, userId, now, where, from.address, blocked.address ?? null, settings));
      return fail();
    };
    if (!usable) throw failed(null);
    // Read again: the account may have changed while the hash was computed.
    const row = db.get(db.q.selectFrom('users').selectAll().where('id', '=', usable.id));
    if (!row || row.active !== 1 || row.password_hash !== usable.password_hash) throw failed(null);
    if (row.locked_until && row.locked_until > now.toISOString()) throw throttledName(new Date(row.locked_until), now);
    if (!verified.ok) {
      throw failed(row.id);
    }
    this.throttle.succeeded(username);
    const token = randomBytes(32).toString('base64url');
    const wall = Date.now();
    const nowIso = new Date(wall).toISOString();
    const client = (from.client ?? '').slice(0, 100);
    const sessionId = db.tx(() => {
      if (row.failed_logins > 0 || row.locked_until || verified.rehash) {
        db.run(
          db.q
            .updateTable('users')
            .set({ failed_logins: 0, locked_until: null, ...(verified.rehash ? { password_hash: verified.rehash } : {}) })
            .where('id', '=', row.id),
        );
      }
      const id = db.run(
        db.q.insertInto('sessions').values({ token_hash: hashOf(token), user_id: row.id, created_at: nowIso, last_seen_at: nowIso, address: where, client, ended_at: null, end_reason: null }),
      ).lastInsertRowid;
      appendEvent(db, { id: row.id, name: row.display_name, workstation: where }, now, { caseId: null, type: 'auth.login', payload: { userId: row.id, username: row.username, sessionId: id, ...(client ? { client } : {}) } });
      return id;
    });
    this.live.set(hashOf(token), { id: sessionId, userId: row.id, createdMs: wall, lastSeenMs: wall, persistedMs: wall, address: where, client });
    return { token, user: toSessionUser(row), sessionId };
  }

  /**
   * After the answer to a failed login: one more failure of the account (at loginMaxFailures it locks
   * for loginLockMinutes), and the address's block when the throttle just set one.
   */
  private recordFailure(db: Db, userId: number | null, now: Date, where: string, address: string | null, addressBlocked: Date | null, settings: ReturnType<typeof getSettings>): void {
    try {
      if (!db.sqlite.open) return;
      db.tx(() => {
        if (addressBlocked) {
          appendEvent(db, { id: null, name: '系统', workstation: where }, now, {
            caseId: null,
            type: 'auth.throttled',
            payload: { address, until: addressBlocked.toISOString(), failures: settings.loginAddressMaxFailures },
          });
        }
        if (userId === null) return;
        // Read inside the write: failures counted back to back each see the one before.
        const row = db.get(db.q.selectFrom('users').select(['failed_logins', 'username']).where('id', '=', userId));
        if (!row) return;
        const count = row.failed_logins + 1;
        const lock = count >= settings.loginMaxFailures ? new Date(now.getTime() + settings.loginLockMinutes * 60_000).toISOString() : null;
        db.run(db.q.updateTable('users').set({ failed_logins: lock ? 0 : count, locked_until: lock }).where('id', '=', userId));
        if (lock) {
          appendEvent(db, { id: null, name: '系统', workstation: where }, now, {
            caseId: null,
            type: 'user.locked',
            payload: { userId, username: row.username, failures: count, lockedUntil: lock, address },
          });
        }
      });
    } catch (e) {
      this.report(`记录登录失败次数未成功：${(e as Error).message}`);
    }
  }

  private limits(db: Db): { idleMs: number; maxMs: number } {
    const s = getSettings(db);
    return { idleMs: this.idleMs ?? s.idleLockMinutes * 60_000, maxMs: s.sessionMaxHours * 3_600_000 };
  }

  /** The session behind a token: from memory, or from the database after a restart. */
  private find(db: Db, hash: string): Live | null {
    const known = this.live.get(hash);
    if (known) return known;
    const row = db.get(db.q.selectFrom('sessions').selectAll().where('token_hash', '=', hash).where('ended_at', 'is', null));
    if (!row) return null;
    const s: Live = {
      id: row.id,
      userId: row.user_id,
      createdMs: Date.parse(row.created_at),
      lastSeenMs: Date.parse(row.last_seen_at),
      persistedMs: Date.parse(row.last_seen_at),
      address: row.address,
      client: row.client,
    };
    this.live.set(hash, s);
    return s;
  }

  /** Ends the session when it has been idle or open too long; true when it still stands. */
  private current(db: Db, hash: string, s: Live, wall: number): boolean {
    const { idleMs, maxMs } = this.limits(db);
    if (wall - s.createdMs > maxMs) {
      this.endHash(hash, 'expired');
      return false;
    }
    if (wall - s.lastSeenMs > idleMs) {
      this.endHash(hash, 'idle');
      return false;
    }
    return true;
  }

  /** The user behind a token, or null when the token is unknown, ended, idle or too old, or its user disabled. A call counts as activity. */
  resolve(db: Db, token: string | null, _appNow?: Date): SessionUser | null {
    if (!token) return null;
    const hash = hashOf(token);
    const s = this.find(db, hash);
    if (!s) return null;
    const wall = Date.now();
    if (!this.current(db, hash, s, wall)) return null;
    const row = db.get(db.q.selectFrom('users').selectAll().where('id', '=', s.userId));
    if (!row || row.active !== 1) {
      this.endHash(hash, 'disabled');
      return null;
    }
    s.lastSeenMs = wall;
    return toSessionUser(row);
  }

  /** The session's id, for the caller's own session (sessions.list marks it). */
  idOf(token: string | null): number | null {
    return token ? (this.live.get(hashOf(token))?.id ?? null) : null;
  }

  /**
   * Whether the session still stands, without counting as activity (an open event stream asks this
   * periodically: listening is not using the app). An expired session is ended here.
   */
  alive(db: Db, token: string): boolean {
    const hash = hashOf(token);
    const s = this.find(db, hash);
    if (!s || !this.current(db, hash, s, Date.now())) return false;
    const row = db.get(db.q.selectFrom('users').select(['active']).where('id', '=', s.userId));
    return !!row && row.active === 1;
  }

  /** Calls `listener` once when the session ends (logout, expiry, its user dropped); returns the unsubscribe. */
  onEnd(token: string, listener: () => void): () => void {
    const hash = hashOf(token);
    let set = this.enders.get(hash);
    if (!set) this.enders.set(hash, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.enders.get(hash) === set) this.enders.delete(hash);
    };
  }

  private endHash(hash: string, reason: EndReason): void {
    const s = this.live.get(hash);
    this.live.delete(hash);
    if (this.db?.sqlite.open) {
      const at = new Date().toISOString();
      this.db.rawRun('UPDATE sessions SET ended_at = ?, end_reason = ?, last_seen_at = ? WHERE token_hash = ? AND ended_at IS NULL', at, reason, new Date(s?.lastSeenMs ?? Date.now()).toISOString(), hash);
    }
    const set = this.enders.get(hash);
    this.enders.delete(hash);
    for (const l of set ?? []) l();
  }

  logout(token: string | null): void {
    if (token) this.endHash(hashOf(token), 'logout');
  }

  /** Open sessions of one user (or all), newest first, from the database. */
  list(db: Db, userId?: number): SessionView[] {
    this.flush();
    const rows = db.raw<{ id: number; user_id: number; username: string; display_name: string; address: string; client: string; created_at: string; last_seen_at: string }>(
      `SELECT s.id, s.user_id, u.username, u.display_name, s.address, s.client, s.created_at, s.last_seen_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.ended_at IS NULL ${userId !== undefined ? 'AND s.user_id = ?' : ''} ORDER BY s.last_seen_at DESC`,
      ...(userId !== undefined ? [userId] : []),
    );
    const { idleMs, maxMs } = this.limits(db);
    const wall = Date.now();
    return rows
      .filter((r) => wall - Date.parse(r.created_at) <= maxMs && wall - Date.parse(r.last_seen_at) <= idleMs)
      .map((r) => ({ id: r.id, userId: r.user_id, username: r.username, displayName: r.display_name, address: r.address, client: r.client, createdAt: r.created_at, lastSeenAt: r.last_seen_at }));
  }

  /** Ends sessions by id (the administrator); returns the ids ended. */
  revoke(ids: readonly number[], reason: EndReason = 'revoked', keep: string | null = null): number[] {
    if (!this.db || ids.length === 0) return [];
    const keepHash = keep ? hashOf(keep) : null;
    const wanted = new Set(ids);
    const ended: number[] = [];
    for (const r of this.db.raw<{ id: number; token_hash: string }>(`SELECT id, token_hash FROM sessions WHERE ended_at IS NULL AND id IN (${ids.map(() => '?').join(',')})`, ...ids)) {
      if (r.token_hash === keepHash || !wanted.has(r.id)) continue;
      this.endHash(r.token_hash, reason);
      ended.push(r.id);
    }
    return ended;
  }

  /** Ends every session of a user but `keep` (password reset, the account disabled, the administrator's order). */
  dropUser(userId: number, keep: string | null = null, reason: EndReason = 'revoked'): number[] {
    if (!this.db) return [];
    const ids = this.db.raw<{ id: number }>('SELECT id FROM sessions WHERE user_id = ? AND ended_at IS NULL', userId).map((r) => r.id);
    for (const [hash, s] of this.live) {
      if (s.userId !== userId || ids.includes(s.id)) continue;
      ids.push(s.id);
      this.live.delete(hash);
    }
    return this.revoke(ids, reason, keep);
  }

  /**
   * Ends every session but `keep` (after a restore: user ids may mean other people, and the restored
   * file's own table lists sessions of its day). The kept session is written back into it.
   */
  dropAll(keep: string | null = null, reason: EndReason = 'restored'): void {
    const keepHash = keep ? hashOf(keep) : null;
    for (const hash of [...this.live.keys()]) if (hash !== keepHash) this.endHash(hash, reason);
    if (!this.db) return;
    const at = new Date().toISOString();
    this.db.rawRun('UPDATE sessions SET ended_at = ?, end_reason = ? WHERE ended_at IS NULL AND token_hash IS NOT ?', at, reason, keepHash);
    const kept = keepHash ? this.live.get(keepHash) : undefined;
    if (kept && keepHash) {
      try {
        this.db.rawRun(
          `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, address, client) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (token_hash) DO UPDATE SET ended_at = NULL, end_reason = NULL`,
          keepHash,
          kept.userId,
          new Date(kept.createdMs).toISOString(),
          new Date(kept.lastSeenMs).toISOString(),
          kept.address,
          kept.client,
        );
        kept.id = this.db.raw<{ id: number }>('SELECT id FROM sessions WHERE token_hash = ?', keepHash)[0]!.id;
      } catch {
        // the restored file has no such user: the session ends at its next call
        this.live.delete(keepHash);
      }
    }
  }

  /** Writes the last activity of the sessions used since they were last written. */
  flush(): void {
    this.persistSeen([...this.live.values()].filter((s) => s.lastSeenMs > s.persistedMs));
  }

  private persistSeen(list: Live[]): void {
    if (!this.db?.sqlite.open || list.length === 0) return;
    const db = this.db;
    try {
      db.tx(() => {
        for (const s of list) {
          db.rawRun('UPDATE sessions SET last_seen_at = ? WHERE id = ? AND ended_at IS NULL', new Date(s.lastSeenMs).toISOString(), s.id);
          s.persistedMs = s.lastSeenMs;
        }
      });
    } catch {
      // read-only database or busy: tried again at the next call
    }
  }
}

/** Who ended a user's sessions, recorded on the user's trail. */
export function recordRevocation(db: Db, actor: Actor, at: Date, userId: number, sessionIds: number[], reason: EndReason): void {
  if (sessionIds.length === 0) return;
  db.tx(() => appendEvent(db, actor, at, { caseId: null, type: 'session.revoked', payload: { userId, sessionIds, reason } }));
}
