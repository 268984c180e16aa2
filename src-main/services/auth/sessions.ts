import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import type { SessionUser } from '../../api/context';
import { appendEvent } from '../../events/log';
import { getSettings } from '../settings/settings';
import { findUser, toSessionUser, UNSET_PASSWORD } from './users';
import type { Passwords } from './passwords';

// The lock after repeated failures (loginMaxFailures, loginLockMinutes) and the idle expiry
// (idleLockMinutes) are settings (issue 7). Idle time is measured on the wall clock, not the app
// clock: moving the test clock forward a month must not log everybody out.

/**
 * The one answer to every failed login: unknown user, wrong password, disabled or locked account
 * (OWASP Authentication Cheat Sheet, "Authentication and Error Messages"). Telling them apart would
 * tell an outsider which user names exist and which accounts they have locked.
 */
export const LOGIN_FAILED = '用户名或密码错误';

/**
 * Login sessions. Tokens are random, held in memory only (a restart logs everyone out) and sent
 * as `Authorization: Bearer` — never a cookie, so another web page cannot act for the user.
 */
export class Sessions {
  private readonly byToken = new Map<string, { userId: number; lastSeen: number }>();
  private readonly enders = new Map<string, Set<() => void>>();
  /** `idleMs` overrides the idleLockMinutes setting (tests). */
  constructor(
    private readonly passwords: Passwords,
    private readonly idleMs?: number,
    private readonly report: (message: string) => void = console.error,
  ) {}

  /**
   * Checks the password off the request thread, doing the same work whatever the outcome (Passwords.verify
   * hashes against a decoy for an unknown user), and answers every failure with LOGIN_FAILED. A hash
   * made at a lower cost than the current one is replaced on success.
   */
  async login(db: Db, username: string, password: string, now: Date): Promise<{ token: string; user: SessionUser }> {
    const fail = () => new ApiError('unauthorized', LOGIN_FAILED);
    const found = findUser(db, username);
    const usable = found && found.active === 1 && found.password_hash !== UNSET_PASSWORD ? found : null;
    const verified = await this.passwords.verify(password, usable?.password_hash ?? null);
    if (!usable) throw fail();
    // Read again: the account may have changed while the hash was computed.
    const row = db.get(db.q.selectFrom('users').selectAll().where('id', '=', usable.id));
    if (!row || row.active !== 1 || row.password_hash !== usable.password_hash) throw fail();
    if (row.locked_until && row.locked_until > now.toISOString()) throw fail();
    if (!verified.ok) {
      // The failure is counted just after the answer leaves: a wrong password must not take a database
      // write longer to answer than an unknown or disabled name, or the time would tell which it was.
      setImmediate(() => this.countFailure(db, row.id, now));
      throw fail();
    }
    if (row.failed_logins > 0 || row.locked_until || verified.rehash) {
      db.run(
        db.q
          .updateTable('users')
          .set({ failed_logins: 0, locked_until: null, ...(verified.rehash ? { password_hash: verified.rehash } : {}) })
          .where('id', '=', row.id),
      );
    }
    const token = randomBytes(32).toString('base64url');
    this.byToken.set(token, { userId: row.id, lastSeen: Date.now() });
    return { token, user: toSessionUser(row) };
  }

  /** One more failed login; at loginMaxFailures the account locks for loginLockMinutes. */
  private countFailure(db: Db, userId: number, now: Date): void {
    try {
      const settings = getSettings(db);
      db.tx(() => {
        // Read inside the write: failures counted back to back each see the one before.
        const row = db.get(db.q.selectFrom('users').select(['failed_logins', 'username']).where('id', '=', userId));
        if (!row) return;
        const failed = row.failed_logins + 1;
        const lock = failed >= settings.loginMaxFailures ? new Date(now.getTime() + settings.loginLockMinutes * 60_000).toISOString() : null;
        db.run(db.q.updateTable('users').set({ failed_logins: lock ? 0 : failed, locked_until: lock }).where('id', '=', userId));
        if (lock) {
          appendEvent(db, { id: null, name: '系统', workstation: 'local' }, now, {
            caseId: null,
            type: 'user.locked',
            payload: { userId, username: row.username, failures: failed, lockedUntil: lock },
          });
        }
      });
    } catch (e) {
      this.report(`记录登录失败次数未成功：${(e as Error).message}`);
    }
  }

  private idleLimit(db: Db): number {
    return this.idleMs ?? getSettings(db).idleLockMinutes * 60_000;
  }

  /** The user behind a token, or null when the token is unknown, idle too long or the user was disabled. */
  resolve(db: Db, token: string | null, _appNow?: Date): SessionUser | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s) return null;
    const wall = Date.now();
    if (wall - s.lastSeen > this.idleLimit(db)) {
      this.end(token);
      return null;
    }
    const row = db.get(db.q.selectFrom('users').selectAll().where('id', '=', s.userId));
    if (!row || row.active !== 1) return null;
    s.lastSeen = wall;
    return toSessionUser(row);
  }

  /**
   * Whether the session still stands, without counting as activity (an open event stream asks this
   * periodically: listening is not using the app). An idle-expired session is ended here.
   */
  alive(db: Db, token: string): boolean {
    const s = this.byToken.get(token);
    if (!s) return false;
    if (Date.now() - s.lastSeen > this.idleLimit(db)) {
      this.end(token);
      return false;
    }
    const row = db.get(db.q.selectFrom('users').select(['active']).where('id', '=', s.userId));
    return !!row && row.active === 1;
  }

  /** Calls `listener` once when the session ends (logout, idle expiry, its user dropped); returns the unsubscribe. */
  onEnd(token: string, listener: () => void): () => void {
    let set = this.enders.get(token);
    if (!set) this.enders.set(token, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.enders.get(token) === set) this.enders.delete(token);
    };
  }

  private end(token: string): void {
    this.byToken.delete(token);
    const set = this.enders.get(token);
    this.enders.delete(token);
    for (const l of set ?? []) l();
  }

  logout(token: string | null): void {
    if (token) this.end(token);
  }

  /** Ends every session of a user but `keep` (after a password change or deactivation). */
  dropUser(userId: number, keep: string | null = null): void {
    for (const [token, s] of [...this.byToken]) if (s.userId === userId && token !== keep) this.end(token);
  }

  /** Ends every session but `keep` (after a restore, user ids may mean other people). */
  dropAll(keep: string | null = null): void {
    for (const token of [...this.byToken.keys()]) if (token !== keep) this.end(token);
  }
}
