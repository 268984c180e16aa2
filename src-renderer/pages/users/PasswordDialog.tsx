import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { fieldErrors } from './fieldErrors';
import type { MethodOutput } from '../../../src-shared/api';

type User = MethodOutput<'users.list'>[number];

/**
 * 重置密码 (users.setPassword). The administrator resets another user's password without the old
 * one; for their own account the current password is asked (the backend requires it). The user's
 * other sessions end.
 */
export function PasswordDialog(props: { user: User; self: boolean; onDone: (text: string) => void; onCancel: () => void }) {
  const [pw, setPw] = useState({ currentPassword: '', password: '', password2: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const cancel = useRef(props.onCancel);
  cancel.current = props.onCancel;
  useEffect(() => {
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && cancel.current();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = async () => {
    if (pw.password.length < 8) return setErrors({ password: '密码至少8位' });
    if (pw.password !== pw.password2) return setErrors({ password2: '两次输入的密码不一致' });
    setBusy(true);
    setErrors({});
    try {
      await api.call('users.setPassword', { id: props.user.id, password: pw.password, ...(props.self ? { currentPassword: pw.currentPassword } : {}) });
      props.onDone(props.self ? '密码已修改' : `已重置 ${props.user.displayName}（${props.user.username}）的密码；其已登录的会话均已退出，请将新密码当面告知本人`);
    } catch (e) {
      setErrors(fieldErrors(e, ['currentPassword', 'password']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" data-testid="password-dialog">
      <form
        className="modal"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h3>
          {props.self ? '修改我的密码' : `重置密码：${props.user.displayName}（${props.user.username}）`}
        </h3>
        <div className="modal-body">
          {props.self ? null : <p className="muted">重置后，该用户已登录的会话将全部退出，须用新密码登录；密码错误导致的锁定一并解除。此操作记入审计日志（不记录密码本身）。</p>}
          {props.self ? (
            <Field label="原密码" required error={errors.currentPassword}>
              <input ref={first} type="password" value={pw.currentPassword} onChange={(e) => setPw({ ...pw, currentPassword: e.target.value })} autoComplete="current-password" data-testid="pw-current" />
            </Field>
          ) : null}
          <Field label="新密码" required error={errors.password} hint="至少8位">
            <input ref={props.self ? undefined : first} type="password" value={pw.password} onChange={(e) => setPw({ ...pw, password: e.target.value })} autoComplete="new-password" data-testid="pw-new" />
          </Field>
          <Field label="再次输入新密码" required error={errors.password2}>
            <input type="password" value={pw.password2} onChange={(e) => setPw({ ...pw, password2: e.target.value })} autoComplete="new-password" data-testid="pw-new2" />
          </Field>
          {errors[''] ? (
            <div className="error-banner" role="alert">
              {errors['']}
            </div>
          ) : null}
        </div>
        <div className="modal-actions">
          <button type="button" onClick={props.onCancel} data-testid="pw-cancel">
            取消
          </button>
          <button type="submit" className="danger" disabled={busy} data-testid="pw-confirm">
            {props.self ? '修改密码' : '确认重置'}
          </button>
        </div>
      </form>
    </div>
  );
}
