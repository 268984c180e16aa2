import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { builtWorkerFile } from '../../jobs/builtWorker';
import Database from 'better-sqlite3';
import { verifyDatabase, type AuditReport, type RawHead } from './verifyCore';

// Where audit.verify runs: in a worker thread with its own read-only connection (the built
// out/main/auditWorker.js, or verifyWorker.ts itself where Node runs the TypeScript source), so the
// requests of everybody else are answered meanwhile. Where neither exists (a test's bundled child
// process) it runs in-thread on a connection of its own; the result is the same.

export function auditWorkerFile(): string | null {
  const built = builtWorkerFile('auditWorker.js', 'ZHIXING_AUDIT_WORKER', import.meta.url);
  if (built || process.env.ZHIXING_AUDIT_WORKER !== undefined) return built;
  // Where Node runs the TypeScript source, the source itself.
  const source = join(dirname(fileURLToPath(import.meta.url)), 'verifyWorker.ts');
  return existsSync(source) ? source : null;
}

export interface VerifyRun {
  file: string;
  key: Buffer | null;
  heads: RawHead[];
  checkedAt: string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Run on the calling thread (small logs at start-up: a few milliseconds). */
  inThread?: boolean;
}

export function runVerification(run: VerifyRun): Promise<AuditReport> {
  const workerFile = run.inThread ? null : auditWorkerFile();
  if (!workerFile) {
    return new Promise((resolve, reject) => {
      try {
        resolve(verifyInThread(run));
      } catch (e) {
        reject(e);
      }
    });
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: { file: run.file, key: run.key ? new Uint8Array(run.key) : null, heads: run.heads, checkedAt: run.checkedAt } });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      run.signal?.removeEventListener('abort', abort);
      fn();
    };
    const abort = () => {
      void worker.terminate();
      finish(() => reject(run.signal?.reason ?? new Error('已取消')));
    };
    run.signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (m: { type: 'progress'; done: number; total: number } | { type: 'done'; report: AuditReport } | { type: 'error'; message: string }) => {
      if (m.type === 'progress') run.onProgress?.(m.done, m.total);
      else if (m.type === 'done') finish(() => resolve(m.report));
      else finish(() => reject(new Error(m.message)));
    });
    worker.once('error', (e) => finish(() => reject(e)));
    worker.once('exit', (code) => finish(() => reject(new Error(`校验线程意外退出（${code}）`))));
  });
}

export function verifyInThread(run: VerifyRun): AuditReport {
  const db = new Database(run.file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    return verifyDatabase(db, { key: run.key, heads: run.heads, checkedAt: run.checkedAt }, run.onProgress);
  } finally {
    db.close();
  }
}
