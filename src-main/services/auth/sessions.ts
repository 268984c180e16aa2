import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import type { SessionUser } from '../../api/context';
import { findUser, toSessionUser, UNSET_PASSWORD } from './users';
import { verifyPassword } from './passwords';

const MAX_FAILED = 5;
const LOCK_MINUTES = 15;

/**
 * Login sessions. Tokens are random, held in memory only (a restart logs everyone out) and sent
 * as `Authorization: Bearer` — never a cookie, so another web page cannot act for the user.
 */
export class Sessions {
  private readonly byToken = new Map<string, { userId: number; lastSeen: number }>();
  constructor(private readonly idleMs = 12 * 3600_000) {}

  login(db: Db, username: string, password: string, now: Date): { token: string; user: SessionUser } {
    const row = findUser(db, username);
    const fail = () => new ApiError('unauthorized', '用户名或密码错误');
    if (!row || row.active !== 1 || row.password_hash === UNSET_PASSWORD) throw fail();
    if (row.locked_until && row.locked_until > now.toISOString()) {
      throw new ApiError('unauthorized', '密码连续输错次数过多，账号已暂时锁定，请稍后再试');
    }
    if (!verifyPassword(password, row.password_hash)) {
      const failed = row.failed_logins + 1;
      const lock = failed >= MAX_FAILED ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
      db.run(db.q.updateTable('users').set({ failed_logins: lock ? 0 : failed, locked_until: lock }).where('id', '=', row.id));
      throw fail();
    }
    if (row.failed_logins > 0 || row.locked_until) {
      db.run(db.q.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', row.id));
    }
    const token = randomBytes(32).toString('base64url');
    this.byToken.set(token, { userId: row.id, lastSeen: now.getTime() });
    return { token, user: toSessionUser(row) };
  }

  /** The user behind a token, or null when the token is unknown, idle too long or the user was disabled. */
  resolve(db: Db, token: string | null, now: Date): SessionUser | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s) return null;
    if (now.getTime() - s.lastSeen > this.idleMs) {
      this.byToken.delete(token);
      return null;
    }
    const row = db.get(db.q.selectFrom('users').selectAll().where('id', '=', s.userId));
    if (!row || row.active !== 1) return null;
    s.lastSeen = now.getTime();
    return toSessionUser(row);
  }

  logout(token: string | null): void {
    if (token) this.byToken.delete(token);
  }
}
