import { useState } from 'react';
import { api } from '../../api/client';
import { Field, enterMovesOn } from '../../components/Field';
import { dateTime } from '../../format';
import { RoleChecks } from './RoleChecks';
import { fieldErrors } from './fieldErrors';
import type { Role } from '../../../src-shared/api/roles';
import type { MethodInput, MethodOutput } from '../../../src-shared/api';

type User = MethodOutput<'users.list'>[number];
type Teams = MethodOutput<'settings.get'>['teams'];
const FIELDS = ['displayName', 'roles', 'teamId', 'allCases', 'active'] as const;
const FIELD_NAMES: Record<(typeof FIELDS)[number], string> = { displayName: '姓名', roles: '角色', teamId: '所属团队', allCases: '可查看全部案件', active: '启用' };

/**
 * Edits one user (users.update): name, roles, team, the all-cases grant, active; unlocks an account
 * locked after wrong passwords. Only the changed fields are sent, so the audit trail's before/after
 * names exactly what was changed.
 */
export function UserEditor(props: { user: User; self: boolean; teams: Teams; onSaved: (u: User, what: string) => void; onClose: () => void }) {
  const u = props.user;
  const [form, setForm] = useState({ displayName: u.displayName, roles: u.roles as Role[], teamId: u.teamId ?? '', allCases: u.allCases, active: u.active });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const locked = u.lockedUntil !== null && u.lockedUntil > new Date().toISOString();
  const teamOnly = form.roles.length > 0 && form.roles.every((r) => r === 'team');

  const send = async (patch: MethodInput<'users.update'>, what: string) => {
    setBusy(true);
    setErrors({});
    try {
      props.onSaved(await api.call('users.update', patch), what);
    } catch (e) {
      setErrors(fieldErrors(e, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    const patch: MethodInput<'users.update'> = { id: u.id };
    if (form.displayName.trim() !== u.displayName) patch.displayName = form.displayName;
    if ([...form.roles].sort().join() !== [...u.roles].sort().join()) patch.roles = form.roles;
    if ((form.teamId || null) !== u.teamId) patch.teamId = form.teamId || null;
    if (form.allCases !== u.allCases) patch.allCases = form.allCases;
    if (form.active !== u.active) patch.active = form.active;
    const changed = FIELDS.filter((k) => k in patch);
    if (changed.length === 0) {
      setErrors({ '': '没有修改任何内容' });
      return;
    }
    if (form.roles.length === 0) {
      setErrors({ roles: '至少选择一个角色' });
      return;
    }
    if (teamOnly && !form.teamId && !form.allCases) {
      setErrors({ teamId: '只有“法庭执行团队”角色的用户须选择所属团队，否则看不到任何案件' });
      return;
    }
    void send(patch, `已修改${changed.map((k) => FIELD_NAMES[k]).join('、')}`);
  };

  return (
    <form
      className="form"
      onKeyDown={enterMovesOn}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      data-testid="user-editor"
    >
      <fieldset>
        <legend>
          修改用户：{u.displayName}（<span data-latin-ok>{u.username}</span>）
        </legend>
        <div className="row">
          <Field label="姓名" required error={errors.displayName}>
            <input value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} data-testid="ue-name" />
          </Field>
          <Field label="所属团队" error={errors.teamId}>
            <select value={form.teamId} onChange={(e) => setForm({ ...form, teamId: e.target.value })} data-testid="ue-team">
              <option value="">（无）</option>
              {props.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                  {t.active ? '' : '（已停用）'}
                </option>
              ))}
            </select>
          </Field>
          <Field label="可查看全部案件" error={errors.allCases} hint={teamOnly ? '不勾选时只能查看、办理本团队的案件' : '指挥中心各岗位本就可查看全部案件'}>
            <input type="checkbox" checked={form.allCases} onChange={(e) => setForm({ ...form, allCases: e.target.checked })} data-testid="ue-all-cases" />
          </Field>
          <Field label="启用" error={errors.active} hint={props.self ? '不能停用自己的账号' : '停用后立即退出登录、不能再登录'}>
            <input type="checkbox" checked={form.active} disabled={props.self} onChange={(e) => setForm({ ...form, active: e.target.checked })} data-testid="ue-active" />
          </Field>
        </div>
        <RoleChecks value={form.roles} onChange={(roles) => setForm({ ...form, roles })} testPrefix="ue" error={errors.roles} />
        {locked ? (
          <div className="notice" data-testid="ue-locked">
            该账号因密码连续输错，已锁定至 {dateTime(u.lockedUntil!)}。{' '}
            <button type="button" disabled={busy} onClick={() => void send({ id: u.id, unlock: true }, '已解除锁定')} data-testid="ue-unlock">
              解除锁定
            </button>
          </div>
        ) : null}
        {errors[''] ? (
          <div className="error-banner" role="alert" data-testid="ue-error">
            {errors['']}
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy} data-testid="ue-save">
            保存修改
          </button>
          <button type="button" onClick={props.onClose}>
            关闭
          </button>
        </div>
      </fieldset>
    </form>
  );
}
