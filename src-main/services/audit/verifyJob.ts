import { join } from 'node:path';
import type { App } from '../../app/app';
import type { JobView } from '../../../src-shared/api/methods/jobs';
import { healthOf } from '../security/health';
import { backupFolder } from '../backups/folder';
import { collectHeads, eventCount, writeAnchor } from './heads';
import { runVerification, verifyInThread, type VerifyRun } from './runVerify';
import { signedHead } from './seal';
import type { AuditReport, RawHead } from './verifyCore';

// audit.verify as a job: progress in the job panel, the work in a worker thread on its own
// read-only connection (runVerify.ts), the result in system.health and, when clean, a new anchor.

/** The backup folders whose sidecars publish heads: the configured one and the default. */
export function backupFoldersOf(app: App): string[] {
  const folders = [join(app.dataDir, 'backups')];
  try {
    folders.unshift(backupFolder(app.db, app.dataDir));
  } catch {
    // an unreachable backup disk: its sidecars cannot be read this time
  }
  return [...new Set(folders)];
}

function runOf(app: App, extraHeads: RawHead[]): VerifyRun {
  return {
    file: app.db.sqlite.name,
    key: app.audit.key,
    heads: [...collectHeads(app.dataDir, backupFoldersOf(app), app.audit.key), ...extraHeads],
    checkedAt: app.clock.nowIso(),
  };
}

/** Small logs at start-up: a few milliseconds, before the first request. */
export function verifyAuditInThread(app: App): AuditReport {
  const report = verifyInThread(runOf(app, []));
  afterVerify(app, report);
  return report;
}

const running = new WeakMap<App, string>();

/** Starts the verification (or returns the one running). */
export function startAuditVerify(app: App, user: { id: number; displayName: string } | null, onDone?: (r: AuditReport) => void, extraHeads: RawHead[] = []): JobView {
  const current = running.get(app);
  if (current && extraHeads.length === 0) {
    try {
      const view = app.jobs.get(current);
      if (view.status === 'running') return view;
    } catch {
      // gone with a restore (the jobs table came from the backup)
    }
  }
  const total = eventCount(app.db);
  const view = app.jobs.start({ kind: 'audit.verify', label: '校验操作日志', total, user, cases: 'court' }, async (job) => {
    job.progress(0, total, '正在校验哈希链…');
    const report = await runVerification({
      ...runOf(app, extraHeads),
      signal: job.signal,
      onProgress: (done, all) => job.progress(done, all, `已校验 ${done}/${all} 条记录`),
    });
    afterVerify(app, report);
    job.progress(total, total, report.ok ? '校验通过' : `校验未通过：${report.firstBroken?.reason ?? report.problems[0]?.reason ?? ''}`);
    onDone?.(report);
    return report;
  });
  running.set(app, view.id);
  return view;
}

/**
 * The result goes to system.health; a clean result moves the anchor to the row that was verified.
 * A failed one leaves the anchor where it was: it must keep pointing past a cut, never follow it.
 */
function afterVerify(app: App, report: AuditReport): void {
  if (!app.db.sqlite.open) return;
  healthOf(app).audit = report;
  const key = app.audit.key;
  if (!report.ok || !report.head || !key || app.audit.problem) return;
  const head = signedHead(app.db.sqlite, key, app.clock.now(), report.head.id);
  if (head) writeAnchor(app.dataDir, head);
}
