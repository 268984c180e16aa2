import { useState } from 'react';
import { api } from '../api/client';
import type { SystemInfo } from '../session';
import { ConnectionSettings } from '../desktop/DesktopGate';
import { SetupForm } from './SetupForm';
import { errorText } from '../errorText';

/** First start: the court's setup (SetupForm). Later: log in. */
export function LoginPage({ info, onLoggedIn }: { info: SystemInfo; onLoggedIn: () => void }) {
  if (!info.initialized) return <SetupForm onDone={onLoggedIn} />;
  return <LoginForm info={info} onLoggedIn={onLoggedIn} />;
}

function LoginForm({ info, onLoggedIn }: { info: SystemInfo; onLoggedIn: () => void }) {
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      await api.call('auth.login', { username, password });
      onLoggedIn();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <form
        className="login-box"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="login-form"
      >
        <h1>执行案件管理系统</h1>
        <p className="muted">
          {info.courtName} · 执行局{info.demo ? ' · 演示数据' : ''}
        </p>
        <label>
          用户名
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoFocus data-testid="login-username" />
        </label>
        <label>
          密码
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="login-password" />
        </label>
        {error ? (
          <div className="field-error" role="alert" data-testid="login-error">
            {error}
          </div>
        ) : null}
        <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
          登录
        </button>
        <ConnectionSettings />
      </form>
    </div>
  );
}
