import { useCallback, useEffect, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { api } from '../api/client';
import { LocalGrid } from '../components/Grid';
import { dateTime } from '../format';
import { useSession } from '../session';
import { ROLES, type Role } from '../../src-shared/api/roles';
import { UserEditor } from './users/UserEditor';
import { UserCreateForm } from './users/UserCreateForm';
import { PasswordDialog } from './users/PasswordDialog';
import { RolesPanel } from './users/RolesPanel';
import type { MethodOutput } from '../../src-shared/api';
import { errorText } from '../errorText';

type User = MethodOutput<'users.list'>[number];

/**
 * 用户与权限: the users with their roles, team and case scope; edit, unlock, reset a
 * password, create; and what each role may do. The administrator changes, management looks.
 */
export function UsersPage() {
  const { user: me, settings } = useSession();
  const isAdmin = me.roles.includes('admin');
  const [users, setUsers] = useState<User[]>([]);
  const [editing, setEditing] = useState<User | null>(null);
  const [password, setPassword] = useState<User | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const teamName = (id: string | null) => (id ? (settings.teams.find((t) => t.id === id)?.name ?? id) : '');

  const load = useCallback(async () => setUsers(await api.call('users.list', {})), []);
  useEffect(() => {
    load().catch((e: unknown) => setMessage({ ok: false, text: errorText(e) }));
  }, [load]);

  // One of the two panels at a time: the editor or the password dialog.
  const openEditor = (u: User) => {
    setPassword(null);
    setEditing(u);
  };
  const openPassword = (u: User) => {
    setEditing(null);
    setPassword(u);
  };
  const status = (u: User) => (!u.active ? '停用' : u.lockedUntil && u.lockedUntil > new Date().toISOString() ? `锁定至 ${dateTime(u.lockedUntil)}` : '启用');
  const columns: ColDef<User>[] = [
    // A login name is written in Latin letters by rule (2–40 letters, digits, _ . -): marked so.
    { headerName: '用户名', field: 'username', width: 130, cellRenderer: (p: { value: string }) => <span data-latin-ok>{p.value}</span> },
    { headerName: '姓名', field: 'displayName', width: 110 },
    { headerName: '角色', colId: 'roles', flex: 1, minWidth: 180, valueGetter: (p) => (p.data ? p.data.roles.map((r) => ROLES[r as Role] ?? r).join('、') : '') },
    { headerName: '所属团队', colId: 'team', width: 130, valueGetter: (p) => teamName(p.data?.teamId ?? null) },
    { headerName: '案件范围', colId: 'scope', width: 120, valueGetter: (p) => (!p.data ? '' : p.data.roles.every((r) => r === 'team') && !p.data.allCases ? '本团队' : '全部案件') },
    { headerName: '状态', colId: 'status', width: 170, valueGetter: (p) => (p.data ? status(p.data) : ''), cellClass: (p) => (p.value === '启用' ? '' : 'overdue') },
    ...(isAdmin
      ? [
          {
            headerName: '',
            colId: 'actions',
            width: 170,
            sortable: false,
            filter: false,
            cellRenderer: (p: { data?: User }) =>
              p.data ? (
                <span>
                  <button type="button" className="link" onClick={() => openEditor(p.data!)} data-testid={`user-edit-${p.data.username}`}>
                    修改
                  </button>
                  <button type="button" className="link" onClick={() => openPassword(p.data!)} data-testid={`user-password-${p.data.username}`}>
                    重置密码
                  </button>
                </span>
              ) : null,
          } satisfies ColDef<User>,
        ]
      : []),
  ];

  const done = async (text: string) => {
    setMessage({ ok: true, text });
    await load().catch(() => undefined);
  };

  return (
    <div className="page" data-testid="users-page">
      <div className="toolbar">
        <h2>用户与权限</h2>
        <span className="muted">共 {users.length} 个用户</span>
        {isAdmin ? null : <span className="muted">（只有系统管理员可以修改）</span>}
      </div>
      {message ? (
        <div className={message.ok ? 'success' : 'error-banner'} role={message.ok ? 'status' : 'alert'} data-testid="users-message">
          {message.text}
        </div>
      ) : null}
      <LocalGrid<User> columns={columns} rows={users} rowId={(u) => String(u.id)} onOpen={isAdmin ? openEditor : undefined} testId="users-grid" height={Math.min(420, 80 + users.length * 34)} />
      {editing ? (
        <UserEditor
          key={editing.id}
          user={editing}
          self={editing.id === me.id}
          teams={settings.teams}
          onSaved={(u, what) => {
            setEditing(u);
            void done(`${u.displayName}（${u.username}）：${what}`);
          }}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {password ? (
        <PasswordDialog
          user={password}
          self={password.id === me.id}
          onDone={(text) => {
            setPassword(null);
            void done(text);
          }}
          onCancel={() => setPassword(null)}
        />
      ) : null}
      {isAdmin ? <UserCreateForm teams={settings.teams} onCreated={(u) => void done(`已创建用户 ${u.displayName}（${u.username}）`)} /> : null}
      <RolesPanel />
    </div>
  );
}
