import { CONNECTION_TOPIC, type ConnectionEvent } from '../src-shared/desktopBridge';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api/client';
import { landingPath, NAV } from './nav';
import { HeaderSearch } from './components/HeaderSearch';
import { navigate, useRoute } from './router';
import { hasRole, SessionContext, useSession, type Session, type SettingsView, type SessionUser, type SystemInfo } from './session';
import { LoginPage } from './pages/LoginPage';
import { JobPanel } from './components/JobPanel';
import { NotBuilt } from './components/NotBuilt';
import { ROLES } from '../src-shared/api/roles';
import { LockScreen } from './security/LockScreen';
import { SystemHealth } from './security/SystemHealth';
import { ConnectionProblem } from './desktop/DesktopGate';
import { RecoveryPage } from './security/RecoveryPage';
import { errorText } from './errorText';

// The case file is a page of its own chunk, like every navigation page (nav.tsx).
const CasePage = lazy(() => import('./pages/CasePage').then((m) => ({ default: m.CasePage })));

/** Boot: system info → first-run/login → the pipeline shell. */
export function App() {
  const [info, setInfo] = useState<SystemInfo | null>(null);
  const [user, setUser] = useState<SessionUser | null>(null);
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [bootError, setBootError] = useState<string | null>(null);
  // Idle lock (idleLockMinutes): the session is over but the user and the route are kept for the unlock.
  const [locked, setLocked] = useState<'idle' | 'expired' | null>(null);
  const userRef = useRef<SessionUser | null>(null);
  userRef.current = user;

  const boot = useCallback(async () => {
    try {
      const i = await api.call('system.info', {});
      setInfo(i);
      if (api.loggedIn) {
        const [u, s] = await Promise.all([api.call('auth.me', {}), api.call('settings.get', {})]);
        setUser(u);
        setSettings(s);
      }
    } catch (e) {
      if (!api.loggedIn) setUser(null);
      else setBootError(errorText(e));
    }
  }, []);

  useEffect(() => {
    api.onUnauthorized = () => {
      // A session that ends under a working user (server idle expiry) locks the screen like the
      // client's own idle timer; otherwise it is the login page.
      if (userRef.current) {
        setLocked((l) => l ?? 'expired');
        return;
      }
      setUser(null);
      void boot();
    };
    void boot();
  }, [boot]);

  if (info?.recovery) return <RecoveryPage />;
  if (bootError) return <ConnectionProblem message={bootError} onRetry={() => (setBootError(null), void boot())} />;
  if (!info) return <div className="page muted">正在启动…</div>;
  if (!user || !settings) return <LoginPage info={info} onLoggedIn={() => void boot()} />;
  if (locked)
    return (
      <LockScreen
        user={user}
        reason={locked}
        onUnlocked={(u) => {
          setUser(u);
          setLocked(null);
        }}
        onSwitchUser={() => {
          setLocked(null);
          setUser(null);
        }}
      />
    );

  const session: Session = {
    info,
    user,
    settings,
    reloadSettings: async () => setSettings(await api.call('settings.get', {})),
    logout: () => {
      void api.call('auth.logout', {}).catch(() => undefined);
      api.clearSession();
      setUser(null);
    },
    lock: () => {
      void api.call('auth.logout', {}).catch(() => undefined);
      api.clearSession();
      setLocked('idle');
    },
  };
  return (
    <SessionContext.Provider value={session}>
      <Shell />
    </SessionContext.Provider>
  );
}

function Shell() {
  const fullPath = useRoute();
  // A route may carry a query (`/cases?q=…` from the header search); pages are matched on the path.
  const path = fullPath.split('?')[0]!;
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [badges, setBadges] = useState<{ overdueByStage: Record<string, number>; overdueCases: number; myCases: number; requests: number } | null>(null);
  const session = useSession();
  useEffect(() => {
    const load = () => void api.call('cases.counts', {}).then(setCounts).catch(() => undefined);
    // The red numbers count cases with an overdue clock (todo.badges), read at most every 30 s; a
    // change inside that window is picked up at its end.
    let badgesAt = 0;
    let later: ReturnType<typeof setTimeout> | null = null;
    const loadBadges = () => {
      const wait = badgesAt + 30_000 - Date.now();
      if (wait > 0) {
        later ??= setTimeout(() => {
          later = null;
          loadBadges();
        }, wait);
        return;
      }
      badgesAt = Date.now();
      void api
        .call('todo.badges', {})
        .then(setBadges)
        .catch(() => undefined);
    };
    load();
    loadBadges();
    // Case changes reload the counts at most every 2 s (a busy court makes many changes a second).
    let countsAt = 0;
    let countsLater: ReturnType<typeof setTimeout> | null = null;
    const offCases = api.onEvent('cases', () => {
      if (countsLater) return;
      countsLater = setTimeout(
        () => {
          countsLater = null;
          countsAt = Date.now();
          load();
          loadBadges();
        },
        Math.max(300, countsAt + 2000 - Date.now()),
      );
    });
    const offJobs = api.onEvent('job', (j) => (j as { status: string }).status !== 'running' && load());
    // Back after a broken link: changes may have been missed.
    const offLink = api.onEvent(CONNECTION_TOPIC, (e) => {
      if ((e as ConnectionEvent).state === 'connected' && (e as ConnectionEvent).resumed) {
        load();
        loadBadges();
      }
    });
    return () => {
      offCases();
      offJobs();
      offLink();
      if (later) clearTimeout(later);
      if (countsLater) clearTimeout(countsLater);
    };
  }, []);
  useEffect(() => {
    if (path === '/') navigate(landingPath(session.user.roles));
  }, [path, session.user.roles]);

  const caseMatch = /^\/cases\/(\d+)$/.exec(path);
  const entry = NAV.find((n) => path === n.path || path.startsWith(`${n.path}/`));
  let body;
  if (caseMatch) body = <CasePage id={Number(caseMatch[1])} key={caseMatch[1]} />;
  else if (entry && !hasRole(session.user, entry.roles))
    body = (
      <div className="page notice" data-testid="page-not-for-role">
        “{entry.label}”不是本账号的工作页面。请从左侧导航进入本人的工作。
      </div>
    );
  else if (entry?.page) body = <entry.page />;
  else if (entry) body = <NotBuilt title={entry.label} description={entry.description} />;
  else body = <div className="page muted">没有这个页面</div>;

  return (
    <div className="shell">
      <nav className="nav" aria-label="流程">
        <div className="brand">
          <strong>执行案件管理</strong>
          <span className="muted">{session.info.courtName}</span>
          {session.info.demo ? <span className="demo-tag">演示数据</span> : null}
        </div>
        {NAV.filter((n) => hasRole(session.user, n.roles)).map((n) => {
          const count = (n.stages ?? []).reduce((s, st) => s + (counts[st] ?? 0), 0);
          const mode = n.overdue ?? (n.stages?.length ? 'stages' : 'none');
          const late = !badges || mode === 'none' ? 0 : mode === 'total' ? badges.overdueCases : (n.stages ?? []).reduce((s, st) => s + (badges.overdueByStage[st] ?? 0), 0);
          const mine = n.path === '/todo' && badges ? badges.myCases + badges.requests : 0;
          return (
            <a key={n.path} href={`#${n.path}`} className={entry?.path === n.path ? 'active' : ''} data-testid={`nav-${n.path.slice(1)}`}>
              <span>{n.label}</span>
              {late > 0 ? (
                <span className="count overdue" title={`${late} 件案件有期限已超期`} data-testid={`nav-overdue-${n.path.slice(1)}`}>
                  {late}
                </span>
              ) : null}
              {mine > 0 ? (
                <span className="count overdue" title={`${mine} 件今日到期或已超期的案件与待审批的申请`} data-testid="nav-todo-count">
                  {mine}
                </span>
              ) : null}
              {n.stages && n.stages.length > 0 ? <span className={`count${late > 0 ? ' beside' : ''}`}>{count}</span> : null}
              {n.page === null ? <span className="soon">未上线</span> : null}
            </a>
          );
        })}
        <div className="nav-foot">
          <span>
            {session.user.displayName}（{session.user.roles.map((r) => ROLES[r as keyof typeof ROLES] ?? r).join('、')}）
          </span>
          <button type="button" className="link" onClick={session.logout} data-testid="logout">
            退出
          </button>
        </div>
      </nav>
      <main className="main">
        <header className="topbar">
          <HeaderSearch />
        </header>
        <SystemHealth />
        <Suspense fallback={<div className="page muted">正在加载…</div>}>{body}</Suspense>
      </main>
      <JobPanel />
    </div>
  );
}

