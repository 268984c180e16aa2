import { useState } from 'react';
import { api } from '../api/client';
import type { SessionUser } from '../session';
import { errorText } from '../errorText';

/**
 * The idle lock (idleLockMinutes). The session has already ended on the server; the same user logs in
 * again with the password and comes back to the page they were on (the route stays in the hash).
 * Nothing of the case data stays on screen behind it.
 */
export function LockScreen(props: { user: SessionUser; reason: 'idle' | 'expired'; onUnlocked: (user: SessionUser) => void; onSwitchUser: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const unlock = async () => {
    if (!password) {
      setError('请输入密码');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await api.call('auth.login', { username: props.user.username, password });
      props.onUnlocked(r.user);
    } catch (e) {
      setError(errorText(e));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login" data-testid="lock-screen">
      <form
        className="login-box"
        onSubmit={(e) => {
          e.preventDefault();
          void unlock();
        }}
      >
        <h1>屏幕已锁定</h1>
        <p>
          {props.user.displayName}（<span data-latin-ok>{props.user.username}</span>）
        </p>
        <p className="muted">{props.reason === 'idle' ? '长时间未操作，为保护案件信息已自动锁定。' : '登录已过期。'}请输入密码继续，未保存的输入可能需要重新填写。</p>
        <label>
          密码
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus data-testid="unlock-password" />
        </label>
        {error ? (
          <div className="field-error" role="alert" data-testid="unlock-error">
            {error}
          </div>
        ) : null}
        <button type="submit" className="primary" disabled={busy} data-testid="unlock-submit">
          解锁
        </button>
        <button type="button" className="link" onClick={props.onSwitchUser} data-testid="unlock-switch">
          切换用户
        </button>
      </form>
    </div>
  );
}
