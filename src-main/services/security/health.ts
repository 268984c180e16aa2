import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { App } from '../../app/app';
import type { AuditReport } from '../audit/verifyCore';
import { verifyAuditInThread, startAuditVerify } from '../audit/verifyJob';
import { eventCount } from '../audit/heads';
import { auditWorkerFile } from '../audit/runVerify';

export interface QuickCheck {
  ok: boolean;
  problems: string[];
  checkedAt: string;
}

export interface Health {
  quickCheck: QuickCheck | null;
  audit: AuditReport | null;
}

// Per App (one per data folder), without adding fields to the App class.
const health = new WeakMap<App, Health>();

export { AUDIT_ANCHOR_FILE } from '../audit/heads';

export function healthOf(app: App): Health {
  let h = health.get(app);
  if (!h) health.set(app, (h = { quickCheck: null, audit: null }));
  return h;
}

/** PRAGMA quick_check (issue 7): O(N) structure check of every table and index, without the slower index cross-check. */
export function quickCheck(app: App): QuickCheck {
  let problems: string[];
  try {
    const rows = app.db.sqlite.pragma('quick_check(20)') as { quick_check: string }[];
    problems = rows.map((r) => r.quick_check).filter((m) => m !== 'ok');
  } catch (e) {
    problems = [e instanceof Error ? e.message : String(e)];
  }
  const r = { ok: problems.length === 0, problems, checkedAt: app.clock.nowIso() };
  healthOf(app).quickCheck = r;
  return r;
}

/**
 * Start-up checks: a failing quick_check puts the app into read-only mode (the registry then refuses
 * every method marked `writes`) and the UI offers the latest backup; a broken audit chain is
 * reported to the administrator (system.health, audit.verify) but does not stop the court's work.
 */
export function runStartupChecks(app: App): void {
  // quick_check reads every page: about 5 s for a 1.4 GB file. Above this size it runs in a worker
  // thread on its own read-only connection, so the app answers at once; writes wait for the result.
  if (fileSize(app.db.sqlite.name) > QUICK_CHECK_IN_WORKER_BYTES) {
    app.checking = true;
    void quickCheckInWorker(app).then((qc) => {
      app.checking = false;
      if (!app.db.sqlite.open) return; // closed meanwhile
      if (!qc.ok) enterReadOnly(app, qc);
      else verifyAuditAtStartup(app);
    });
    return;
  }
  const qc = quickCheck(app);
  if (!qc.ok) {
    enterReadOnly(app, qc);
    return;
  }
  verifyAuditAtStartup(app);
}

const QUICK_CHECK_IN_WORKER_BYTES = 256 * 1024 * 1024;

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function enterReadOnly(app: App, qc: QuickCheck): void {
  app.readOnly = true;
  app.log('error', `数据库自检未通过，已进入只读模式：${qc.problems.join('；')}`);
}

// The worker is plain CommonJS evaluated from a string, loading better-sqlite3 by its resolved path,
// so it needs no build entry of its own and works the same from the bundle, the tests and Electron.
const QUICK_CHECK_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlitePath);
let problems;
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  problems = db.pragma('quick_check(20)').map((r) => r.quick_check).filter((m) => m !== 'ok');
  db.close();
} catch (e) {
  problems = [String((e && e.message) || e)];
}
parentPort.postMessage(problems);
`;

export function quickCheckInWorker(app: App): Promise<QuickCheck> {
  const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const done = (problems: string[]) => {
      const r = { ok: problems.length === 0, problems, checkedAt: app.clock.nowIso() };
      healthOf(app).quickCheck = r;
      resolve(r);
    };
    const worker = new Worker(QUICK_CHECK_WORKER, { eval: true, workerData: { file: app.db.sqlite.name, sqlitePath } });
    worker.once('message', (problems: string[]) => done(problems));
    worker.once('error', (e) => done([e instanceof Error ? e.message : String(e)]));
  });
}

/** At start-up and after a restore: small logs at once, large ones as the worker-thread job. */
export function verifyAuditAtStartup(app: App): void {
  // Small logs are verified before the first request (milliseconds); large ones as a job in the
  // worker thread (seconds per million events), with system.health showing the result once it is in.
  const report = (a: AuditReport) => {
    if (!a.ok) app.log('error', `操作日志校验未通过：${a.firstBroken?.reason ?? a.problems[0]?.reason ?? ''}`);
  };
  try {
    if (eventCount(app.db) <= 50_000) report(verifyAuditInThread(app));
    else if (auditWorkerFile()) startAuditVerify(app, null, report);
    // (Without the built worker — a bundled tool — a large log is left to an explicit audit.verify.)
    else app.log('warn', '操作日志较大且校验线程不可用：启动时未校验，可在“审计”页手动校验');
  } catch (e) {
    app.log('error', '操作日志校验失败', e);
  }
}
