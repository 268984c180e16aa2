import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import type { SessionUser } from '../../api/context';
import { appendEvent } from '../../events/log';
import { getSettings } from '../settings/settings';
import { findUser, toSessionUser, UNSET_PASSWORD } from './users';
import { verifyPassword } from './passwords';

// The lock after repeated failures (loginMaxFailures, loginLockMinutes) and the idle expiry
// (idleLockMinutes) are settings (issue 7). Idle time is measured on the wall clock, not the app
// clock: moving the test clock forward a month must not log everybody out.

/**
 * Login sessions. Tokens are random, held in memory only (a restart logs everyone out) and sent
 * as `Authorization: Bearer` — never a cookie, so another web page cannot act for the user.
 */
export class Sessions {
  private readonly byToken = new Map<string, { userId: number; lastSeen: number }>();
  /** `idleMs` overrides the idleLockMinutes setting (tests). */
  constructor(private readonly idleMs?: number) {}

  login(db: Db, username: string, password: string, now: Date): { token: string; user: SessionUser } {
    const row = findUser(db, username);
    const fail = () => new ApiError('unauthorized', '用户名或密码错误');
    if (!row || row.active !== 1 || row.password_hash === UNSET_PASSWORD) throw fail();
    if (row.locked_until && row.locked_until > now.toISOString()) {
      throw new ApiError('unauthorized', '密码连续输错次数过多，账号已暂时锁定，请稍后再试');
    }
    if (!verifyPassword(password, row.password_hash)) {
      const settings = getSettings(db);
      const failed = row.failed_logins + 1;
      const lock = failed >= settings.loginMaxFailures ? new Date(now.getTime() + settings.loginLockMinutes * 60_000).toISOString() : null;
      db.tx(() => {
        db.run(db.q.updateTable('users').set({ failed_logins: lock ? 0 : failed, locked_until: lock }).where('id', '=', row.id));
        if (lock) {
          appendEvent(db, { id: null, name: '系统', workstation: 'local' }, now, {
            caseId: null,
            type: 'user.locked',
            payload: { userId: row.id, username: row.username, failures: failed, lockedUntil: lock },
          });
        }
      });
      if (lock) throw new ApiError('unauthorized', `密码连续输错${failed}次，账号已锁定${settings.loginLockMinutes}分钟`);
      throw fail();
    }
    if (row.failed_logins > 0 || row.locked_until) {
      db.run(db.q.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', row.id));
    }
    const token = randomBytes(32).toString('base64url');
    this.byToken.set(token, { userId: row.id, lastSeen: Date.now() });
    return { token, user: toSessionUser(row) };
  }

  /** The user behind a token, or null when the token is unknown, idle too long or the user was disabled. */
  resolve(db: Db, token: string | null, _appNow?: Date): SessionUser | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s) return null;
    const wall = Date.now();
    const idleMs = this.idleMs ?? getSettings(db).idleLockMinutes * 60_000;
    if (wall - s.lastSeen > idleMs) {
      this.byToken.delete(token);
      return null;
    }
    const row = db.get(db.q.selectFrom('users').selectAll().where('id', '=', s.userId));
    if (!row || row.active !== 1) return null;
    s.lastSeen = wall;
    return toSessionUser(row);
  }

  logout(token: string | null): void {
    if (token) this.byToken.delete(token);
  }

  /** Ends every session of a user but `keep` (after a password change or deactivation). */
  dropUser(userId: number, keep: string | null = null): void {
    for (const [token, s] of this.byToken) if (s.userId === userId && token !== keep) this.byToken.delete(token);
  }

  /** Ends every session but `keep` (after a restore, user ids may mean other people). */
  dropAll(keep: string | null = null): void {
    for (const token of [...this.byToken.keys()]) if (token !== keep) this.byToken.delete(token);
  }
}
