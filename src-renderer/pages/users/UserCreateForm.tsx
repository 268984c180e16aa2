import { useState } from 'react';
import { api } from '../../api/client';
import { Field, enterMovesOn } from '../../components/Field';
import { RoleChecks } from './RoleChecks';
import { fieldErrors } from './fieldErrors';
import type { Role } from '../../../src-shared/api/roles';
import type { MethodOutput } from '../../../src-shared/api';

type User = MethodOutput<'users.create'>;
type Teams = MethodOutput<'settings.get'>['teams'];
const FIELDS = ['username', 'displayName', 'password', 'roles', 'teamId'] as const;
const EMPTY = { username: '', displayName: '', password: '', password2: '', roles: [] as Role[], teamId: '' };

/** 新建用户 (users.create): the initial password typed twice; errors under their fields. */
export function UserCreateForm(props: { teams: Teams; onCreated: (u: User) => void }) {
  const [nu, setNu] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    if (nu.password !== nu.password2) {
      setErrors({ password2: '两次输入的密码不一致' });
      return;
    }
    if (nu.roles.includes('team') && !nu.teamId) {
      setErrors({ teamId: '法庭执行团队的用户须选择所属团队（否则看不到任何案件）' });
      return;
    }
    setErrors({});
    try {
      const u = await api.call('users.create', { username: nu.username, displayName: nu.displayName, password: nu.password, roles: nu.roles, teamId: nu.teamId || null });
      setNu(EMPTY);
      props.onCreated(u);
    } catch (e) {
      setErrors(fieldErrors(e, FIELDS));
    }
  };

  return (
    <form
      className="form"
      onKeyDown={enterMovesOn}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="user-create"
    >
      <fieldset>
        <legend>新建用户</legend>
        <div className="row">
          <Field label="用户名" required error={errors.username} hint="2–40位字母、数字、_ . -">
            <input value={nu.username} onChange={(e) => setNu({ ...nu, username: e.target.value })} autoComplete="off" data-testid="nu-username" />
          </Field>
          <Field label="姓名" required error={errors.displayName}>
            <input value={nu.displayName} onChange={(e) => setNu({ ...nu, displayName: e.target.value })} data-testid="nu-name" />
          </Field>
          <Field label="初始密码" required error={errors.password} hint="至少8位">
            <input type="password" value={nu.password} onChange={(e) => setNu({ ...nu, password: e.target.value })} autoComplete="new-password" data-testid="nu-password" />
          </Field>
          <Field label="再次输入密码" required error={errors.password2}>
            <input type="password" value={nu.password2} onChange={(e) => setNu({ ...nu, password2: e.target.value })} autoComplete="new-password" data-testid="nu-password2" />
          </Field>
          <Field label="所属团队" error={errors.teamId}>
            <select value={nu.teamId} onChange={(e) => setNu({ ...nu, teamId: e.target.value })} data-testid="nu-team">
              <option value="">（无）</option>
              {props.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <RoleChecks value={nu.roles} onChange={(roles) => setNu({ ...nu, roles })} testPrefix="nu" error={errors.roles} />
        {errors[''] ? (
          <div className="error-banner" role="alert">
            {errors['']}
          </div>
        ) : null}
        <button type="submit" className="primary" data-testid="nu-create">
          创建用户
        </button>
      </fieldset>
    </form>
  );
}
