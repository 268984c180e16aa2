import type { Db } from '../../db/connection';
import type { UsersTable } from '../../db/schema';
import type { Selectable } from 'kysely';
import { ApiError } from '../../../src-shared/api/errors';
import type { Role } from '../../../src-shared/api/roles';
import { appendEvent, type Actor } from '../../events/log';
import type { SessionUser } from '../../api/context';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  teamId: string | null;
  active: boolean;
  allCases: boolean;
  lockedUntil: string | null;
}

export function toUserView(row: Selectable<UsersTable>): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as Role[],
    teamId: row.team_id,
    active: row.active === 1,
    allCases: row.all_cases === 1,
    lockedUntil: row.locked_until,
  };
}

export function toSessionUser(row: Selectable<UsersTable>): SessionUser {
  const v = toUserView(row);
  return { id: v.id, username: v.username, displayName: v.displayName, roles: v.roles, teamId: v.teamId, allCases: v.allCases };
}

export function findUser(db: Db, username: string): Selectable<UsersTable> | undefined {
  return db.get(db.q.selectFrom('users').selectAll().where('username', '=', username));
}

export function listUsers(db: Db): UserView[] {
  return db.all(db.q.selectFrom('users').selectAll().orderBy('id')).map(toUserView);
}

export interface NewUser {
  username: string;
  displayName: string;
  /** Made by Passwords.hash before the transaction (hashing never runs inside one). */
  passwordHash: string;
  roles: Role[];
  teamId: string | null;
}

export function createUser(db: Db, actor: Actor, at: Date, u: NewUser): UserView {
  return db.tx(() => {
    if (findUser(db, u.username)) throw new ApiError('conflict', `用户名 ${u.username} 已存在`, 'username');
    const id = db.run(
      db.q.insertInto('users').values({
        username: u.username,
        display_name: u.displayName,
        password_hash: u.passwordHash,
        roles: JSON.stringify(u.roles),
        team_id: u.teamId,
        active: 1,
        locked_until: null,
        created_at: at.toISOString(),
      }),
    ).lastInsertRowid;
    appendEvent(db, actor, at, { caseId: null, type: 'user.created', payload: { userId: id, username: u.username, roles: u.roles } });
    return toUserView(db.get(db.q.selectFrom('users').selectAll().where('id', '=', id))!);
  });
}

/** The administrator account exists from the first start; it is usable once its password is set. */
export const ADMIN_USERNAME = 'admin';
export const UNSET_PASSWORD = '!unset';

export function ensureAdmin(db: Db, at: Date): void {
  if (findUser(db, ADMIN_USERNAME)) return;
  db.run(
    db.q.insertInto('users').values({
      username: ADMIN_USERNAME,
      display_name: '系统管理员',
      password_hash: UNSET_PASSWORD,
      roles: JSON.stringify(['admin']),
      team_id: null,
      active: 1,
      locked_until: null,
      created_at: at.toISOString(),
    }),
  );
}

export function isInitialized(db: Db): boolean {
  const admin = findUser(db, ADMIN_USERNAME);
  return !!admin && admin.password_hash !== UNSET_PASSWORD;
}

export function setPasswordHash(db: Db, userId: number, passwordHash: string, at: Date = new Date()): void {
  db.run(
    db.q
      .updateTable('users')
      .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, password_changed_at: at.toISOString() })
      .where('id', '=', userId),
  );
}
