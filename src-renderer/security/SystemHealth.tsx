import { useCallback, useEffect, useState } from 'react';
import { RebuildingNote } from '../components/RebuildingNote';
import { api } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { dateTime } from '../format';
import { hasRole, useSession } from '../session';
import { useIdleLock } from './idleLock';
import { BACKUP_KIND_LABELS } from './labels';
import type { MethodOutput } from '../../src-shared/api';
import { errorText } from '../errorText';

type Health = MethodOutput<'system.health'>;

/**
 * The shell's watch over the data file: the read-only banner when the start-up
 * quick_check failed (with the latest backup offered to the administrator), a warning when the
 * audit chain is broken, and the idle screen lock (its minutes come from system.health, so a
 * changed setting applies without logging in again).
 */
export function SystemHealth() {
  const session = useSession();
  const [health, setHealth] = useState<Health | null>(null);
  const load = useCallback(() => void api.call('system.health', {}).then(setHealth).catch(() => undefined), []);
  useEffect(() => {
    load();
    const timer = setInterval(load, 60_000);
    const off = api.onEvent('system', load);
    // A re-projection that ends takes its note away at once.
    const offJob = api.onEvent('job', (j) => (j as { kind?: string; status?: string }).kind === 'projections.rebuild' && (j as { status?: string }).status !== 'running' && load());
    return () => {
      clearInterval(timer);
      off();
      offJob();
    };
  }, [load]);
  useIdleLock(health?.idleLockMinutes ?? session.settings.idleLockMinutes, session.lock);

  if (!health) return null;
  const manager = hasRole(session.user, ['management']);
  return (
    <>
      {health.readOnly ? <ReadOnlyBanner health={health} /> : null}
      {manager && health.audit && !health.audit.ok ? (
        <div className="error-banner" role="alert" data-testid="audit-broken-banner">
          操作日志校验未通过：
          {health.audit.firstBroken?.reason ?? health.audit.problems[0]?.reason ?? '防篡改触发器缺失'}
          。日志可能被改动，请保留现场并报告。 <a href="#/audit">查看审计</a>
        </div>
      ) : null}
      {manager && health.changedMigrations.length > 0 ? (
        <div className="error-banner" role="alert" data-testid="changed-migrations-banner">
          程序的数据库迁移文件与已执行的不一致（{health.changedMigrations.map((m) => `${m.version}_${m.name}`).join('、')}）：安装包可能被改动，请联系系统管理员核对版本。
        </div>
      ) : null}
      {/* One note for the whole app: the board, the metrics and the dashboard read these tables (their API answers say so too). */}
      {health.rebuilding.map((r) => (
        <RebuildingNote key={r.label} rebuilding={r} />
      ))}
    </>
  );
}

function ReadOnlyBanner({ health }: { health: Health }) {
  const { user } = useSession();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = health.latestBackup;
  const problems = health.quickCheck?.problems ?? [];
  const isAdmin = user.roles.includes('admin');

  const restore = async () => {
    if (!latest) return;
    setAsking(false);
    setBusy(true);
    setError(null);
    try {
      await api.call('backups.restore', { name: latest.name });
      // Everything on screen came from the replaced database: start afresh (the session is kept).
      window.location.reload();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <div className="error-banner readonly-banner" role="alert" data-testid="readonly-banner">
      {/* The check's own findings are SQLite's English: the count here, the text in the log for the technician. */}
      <strong>数据库处于只读状态：</strong>启动时的数据库完整性自检未通过
      {problems.length ? `，发现 ${problems.length} 处损坏（详情已记入系统日志）` : ''}
      。为免损坏扩大，所有修改已暂停，可以查阅和导出。
      {isAdmin ? (
        latest ? (
          <div className="actions">
            <button type="button" className="danger" disabled={busy} onClick={() => setAsking(true)} data-testid="readonly-restore">
              {busy ? '正在恢复…' : `从最近的备份恢复（${dateTime(latest.createdAt)}，${BACKUP_KIND_LABELS[latest.kind]}）`}
            </button>
            <a href="#/backups">选择其他备份</a>
          </div>
        ) : (
          <div>备份文件夹中没有可用的备份，请联系技术人员。</div>
        )
      ) : (
        <div>请联系系统管理员从备份恢复。</div>
      )}
      {error ? <div data-testid="readonly-restore-error">{error}</div> : null}
      {asking && latest ? (
        <ConfirmDialog title="从备份恢复" danger confirmLabel="确认恢复" onConfirm={() => void restore()} onCancel={() => setAsking(false)}>
          <RestoreWarning createdAt={latest.createdAt} cases={latest.cases} />
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** What a restore does, said before it is done (shared by the banner and the 备份 page). */
export function RestoreWarning(props: { createdAt: string; cases: number }) {
  return (
    <>
      <p>
        将用 <strong>{dateTime(props.createdAt)}</strong> 的备份（{props.cases} 件案件）整体替换当前数据库。
      </p>
      <p>
        恢复前会<strong>先把当前数据另行备份</strong>（“恢复前”备份），如需找回可再从它恢复。
      </p>
      <p className="field-error">该备份之后的全部登记、文书和案款记录将不再显示；其他用户需要重新登录。</p>
    </>
  );
}
