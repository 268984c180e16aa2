import type { Selectable } from 'kysely';
import type { Db } from '../../db/connection';
import type { UsersTable } from '../../db/schema';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import type { Role } from '../../../src-shared/api/roles';
import { appendEvent, type Actor } from '../../events/log';
import { getSettings } from '../settings/settings';
import { toUserView, type UserView } from './users';
import type { Passwords } from './passwords';

export interface UserPatch {
  id: number;
  displayName?: string | undefined;
  roles?: Role[] | undefined;
  teamId?: string | null | undefined;
  allCases?: boolean | undefined;
  active?: boolean | undefined;
  unlock?: boolean | undefined;
}

function userRow(db: Db, id: number): Selectable<UsersTable> {
  const row = db.get(db.q.selectFrom('users').selectAll().where('id', '=', id));
  if (!row) throw new ApiError('not_found', `用户不存在（编号 ${id}）`, 'id');
  return row;
}

/**
 * Changes a user's name, roles, team, case scope or status, recording the fields before and after
 * (with before/after where relevant, so the audit trail shows what changed). The last active administrator cannot be removed, and an
 * administrator cannot switch off their own account.
 */
export function updateUser(db: Db, actor: Actor, at: Date, patch: UserPatch): UserView {
  return db.tx(() => {
    const row = userRow(db, patch.id);
    const before = toUserView(row);
    if (patch.teamId) {
      const teams = getSettings(db).teams.map((t) => t.id);
      if (!teams.includes(patch.teamId)) throw invalid('teamId', `团队 ${patch.teamId} 不存在（请先在设置中添加团队）`);
    }
    if (patch.active === false && actor.id === row.id) throw new ApiError('conflict', '不能停用自己的账号', 'active');
    const set: Partial<Selectable<UsersTable>> = {};
    if (patch.displayName !== undefined) set.display_name = patch.displayName;
    if (patch.roles !== undefined) set.roles = JSON.stringify([...new Set(patch.roles)]);
    if (patch.teamId !== undefined) set.team_id = patch.teamId || null;
    if (patch.allCases !== undefined) set.all_cases = patch.allCases ? 1 : 0;
    if (patch.active !== undefined) set.active = patch.active ? 1 : 0;
    if (patch.unlock) {
      set.failed_logins = 0;
      set.locked_until = null;
    }
    if (Object.keys(set).length > 0) db.run(db.q.updateTable('users').set(set).where('id', '=', row.id));
    const after = toUserView(userRow(db, row.id));
    const admins = db
      .all(db.q.selectFrom('users').select(['roles']).where('active', '=', 1))
      .filter((u) => (JSON.parse(u.roles) as string[]).includes('admin')).length;
    if (admins === 0) throw new ApiError('conflict', '至少要保留一个启用的系统管理员账号', patch.active === false ? 'active' : 'roles');
    const changed = (Object.keys(after) as (keyof UserView)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    if (changed.length > 0) {
      appendEvent(db, actor, at, {
        caseId: null,
        type: 'user.updated',
        payload: {
          userId: row.id,
          username: row.username,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        },
      });
    }
    return after;
  });
}

/**
 * Sets a password. The administrator may reset anyone's; everybody else may change only their own
 * and must give the current one (OWASP ASVS V2.1.6). The hash is never written to the event. The
 * current password is checked and the new one hashed off the request thread, before the transaction.
 */
export async function changePassword(
  db: Db,
  passwords: Passwords,
  actor: Actor,
  at: Date,
  caller: { id: number; roles: readonly Role[] },
  input: { id: number; password: string; currentPassword?: string | undefined },
): Promise<{ username: string }> {
  const isAdmin = caller.roles.includes('admin');
  const row = userRow(db, input.id);
  if (!isAdmin && input.id !== caller.id) throw new ApiError('forbidden', '只能修改自己的密码', 'id');
  if (!isAdmin || input.id === caller.id) {
    if (!input.currentPassword) throw invalid('currentPassword', '请输入原密码');
    if (!(await passwords.verify(input.currentPassword, row.password_hash)).ok) throw invalid('currentPassword', '原密码不正确');
  }
  if (input.currentPassword !== undefined && input.currentPassword === input.password) throw invalid('password', '新密码不能与原密码相同');
  const passwordHash = await passwords.hash(input.password);
  return db.tx(() => {
    // The row may have changed while hashing: the password is set only if the hash checked is still the one stored.
    const now = userRow(db, input.id);
    if (now.password_hash !== row.password_hash) throw new ApiError('conflict', '密码已被他人修改，请重新操作');
    db.run(
      db.q
        .updateTable('users')
        .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, password_changed_at: at.toISOString() })
        .where('id', '=', row.id),
    );
    appendEvent(db, actor, at, { caseId: null, type: 'user.passwordSet', payload: { userId: row.id, username: row.username, byAdmin: isAdmin && input.id !== caller.id } });
    return { username: row.username };
  });
}
