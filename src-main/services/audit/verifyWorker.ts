import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { verifyDatabase, type RawHead } from './verifyCore.ts';

// The worker thread of audit.verify (built as out/main/auditWorker.js; in development Node loads
// this file as TypeScript). Its own read-only connection: the app's connection and the event loop
// of the requests stay free while millions of rows are hashed.

interface Job {
  file: string;
  key: Uint8Array | null;
  heads: RawHead[];
  checkedAt: string;
}

// Background work: on Linux this thread alone is niced (a thread is a task with its own id there),
// so on a two-core court PC the requests' thread wins the CPU whenever both want it. Elsewhere the
// OS offers no per-thread niceness to Node, and the thread runs at normal priority.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  // not Linux, or not permitted: normal priority
}

const job = workerData as Job;
const port = parentPort!;
let db: Database.Database | null = null;
try {
  db = new Database(job.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  const report = verifyDatabase(db, { key: job.key ? Buffer.from(job.key) : null, heads: job.heads, checkedAt: job.checkedAt }, (done, total) =>
    port.postMessage({ type: 'progress', done, total }),
  );
  port.postMessage({ type: 'done', report });
} catch (e) {
  port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
} finally {
  db?.close();
}
