import { useState } from 'react';
import { api, ApiCallError } from '../api/client';
import type { SystemInfo } from '../session';
import { ConnectionSettings } from '../desktop/DesktopGate';

/** First start: set the administrator's password (or load the labelled demo court). Later: log in. */
export function LoginPage({ info, onLoggedIn }: { info: SystemInfo; onLoggedIn: () => void }) {
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [password2, setPassword2] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState(false);
  const setup = !info.initialized;

  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      if (setup) {
        if (password !== password2) throw new Error('两次输入的密码不一致');
        await api.call('system.setup', { adminPassword: password });
      }
      await api.call('auth.login', { username: setup ? 'admin' : username, password });
      // The demo court loads as a job of the administrator: the shell's job panel shows its progress.
      if (setup && demo) await api.call('system.loadDemo', {});
      onLoggedIn();
    } catch (e) {
      setError(e instanceof ApiCallError || e instanceof Error ? e.message : String(e));
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
        data-testid={setup ? 'setup-form' : 'login-form'}
      >
        <h1>执行案件管理系统</h1>
        <p className="muted">
          {info.courtName} · 执行局{info.demo ? ' · 演示数据' : ''}
        </p>
        {setup ? <p>首次启动：请为系统管理员 admin 设置密码（至少8位）。</p> : null}
        {!setup ? (
          <label>
            用户名
            <input value={username} onChange={(e) => setUsername(e.target.value)} autoFocus data-testid="login-username" />
          </label>
        ) : null}
        <label>
          密码
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus={setup} data-testid="login-password" />
        </label>
        {setup ? (
          <label>
            再次输入密码
            <input type="password" value={password2} onChange={(e) => setPassword2(e.target.value)} data-testid="setup-password2" />
          </label>
        ) : null}
        {setup ? (
          <label style={{ flexDirection: 'row', alignItems: 'flex-start', fontSize: 13 }}>
            <input type="checkbox" checked={demo} onChange={(e) => setDemo(e.target.checked)} data-testid="setup-demo" />
            载入演示数据（开鲁县人民法院 2022 年至今约两万件案件，含各环节办理记录；后台载入约需数分钟，右下角显示进度）
          </label>
        ) : null}
        {error ? (
          <div className="field-error" role="alert" data-testid="login-error">
            {error}
          </div>
        ) : null}
        <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
          {setup ? (demo ? '设置密码、登录并载入演示数据' : '设置密码并登录') : '登录'}
        </button>
        <ConnectionSettings />
      </form>
    </div>
  );
}
