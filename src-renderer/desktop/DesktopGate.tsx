import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { CONNECTION_TOPIC, type ConnectionEvent, type ConnectionView } from '../../src-shared/desktopBridge';
import { ConnectionChoice } from './ConnectionChoice';
import { choiceReset, connection, isDesktop, onChoiceReset } from './connection';
import { errorText } from '../errorText';

/**
 * The desktop's connection around the app: the first-run choice until one is made, a screen that
 * stops work when the server's certificate is refused or the back office gave up, and a banner
 * while the link is down (what the clerk typed stays on the page). In the browser: the app alone.
 */
export function DesktopGate({ children }: { children: ReactNode }) {
  const [view, setView] = useState<ConnectionView | null>(null);
  const [link, setLink] = useState<ConnectionEvent>({ state: 'connected' });
  const load = useCallback(() => {
    void connection({ action: 'state' }).then((v) => {
      setView(v);
      setLink(v.link);
    });
  }, []);
  useEffect(() => {
    // In the browser (the court server's or the web mode's page) the link is the event stream's (api/client.ts).
    if (!isDesktop()) return api.onEvent(CONNECTION_TOPIC, (e) => setLink(e as ConnectionEvent));
    load();
    const offReset = onChoiceReset(load);
    const offLink = api.onEvent(CONNECTION_TOPIC, (e) => setLink(e as ConnectionEvent));
    return () => {
      offReset();
      offLink();
    };
  }, [load]);

  if (!isDesktop())
    return (
      <>
        <ConnectionBanner link={link} />
        {children}
      </>
    );
  if (!view) return <div className="page muted">正在启动…</div>;
  if (view.mode === null) return <ConnectionChoice onChosen={load} />;
  if (link.state === 'refused' || link.state === 'failed') {
    // Retrying makes a real call: only a server that shows the pinned certificate again clears the screen.
    const retry = () => void api.call('system.info', {}).catch(() => undefined).finally(load);
    return <ConnectionProblem title={link.state === 'refused' ? '已拒绝连接：服务器证书不一致' : '无法连接'} message={link.message ?? '无法连接'} onRetry={retry} />;
  }
  return (
    <>
      <ConnectionBanner link={link} />
      {children}
    </>
  );
}

/** 连接已断开 / 正在重连 / 后台服务重启中, and 已重新连接 for a moment after a break. */
function ConnectionBanner({ link }: { link: ConnectionEvent }) {
  const [resumedShown, setResumedShown] = useState(false);
  useEffect(() => {
    if (link.state !== 'connected' || !link.resumed) return;
    setResumedShown(true);
    const t = setTimeout(() => setResumedShown(false), 4000);
    return () => clearTimeout(t);
  }, [link]);
  if (link.state === 'connected') {
    return resumedShown ? (
      <div className="link-banner ok-banner" role="status" data-testid="link-banner">
        已重新连接，页面已按最新数据更新。
      </div>
    ) : null;
  }
  const title = link.state === 'restarting' ? '后台服务重启中' : link.state === 'reconnecting' ? '正在重新连接' : '连接已断开';
  return (
    <div className="link-banner" role="alert" data-testid="link-banner">
      <strong>{title}</strong> {link.message}
    </div>
  );
}

/** Work stops here: the certificate was refused (possible attack or renewed certificate) or the back office gave up. */
export function ConnectionProblem({ title = '无法连接', message, onRetry }: { title?: string; message: string; onRetry: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const change = async () => {
    setError(null);
    try {
      if (api.loggedIn) {
        await api.call('auth.logout', {}).catch(() => undefined);
        api.clearSession();
      }
      await connection({ action: 'reset' });
      choiceReset();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="login">
      <div className="login-box connection-box" data-testid="connection-problem">
        <h1>{title}</h1>
        <p className="error-banner" role="alert" data-testid="connection-problem-message">
          {message}
        </p>
        <div className="actions">
          <button type="button" className="primary" onClick={onRetry} data-testid="connection-retry">
            重试
          </button>
          {isDesktop() ? (
            <button type="button" onClick={() => void change()} data-testid="connection-change">
              更改连接方式
            </button>
          ) : null}
        </div>
        {error ? <div className="field-error">{error}</div> : null}
      </div>
    </div>
  );
}

/** On the login page (desktop): how this PC is connected, and the way to change it. */
export function ConnectionSettings() {
  const [view, setView] = useState<ConnectionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (isDesktop()) void connection({ action: 'state' }).then(setView);
  }, []);
  if (!view || view.mode === null) return null;
  return (
    <div className="connection-settings muted" data-testid="connection-settings">
      {view.mode === 'local' ? '本机单机使用' : `已连接本院服务器 ${view.address ?? ''}`}
      <button
        type="button"
        className="link"
        data-testid="connection-change"
        onClick={() =>
          void connection({ action: 'reset' }).then(choiceReset, (e: unknown) => setError(errorText(e)))
        }
      >
        更改连接方式
      </button>
      {error ? <div className="field-error">{error}</div> : null}
    </div>
  );
}
