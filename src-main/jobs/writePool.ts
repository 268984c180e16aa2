import { Piscina } from 'piscina';
import { builtWorkerFile } from './builtWorker';
import type { App } from '../app/app';
import { ApiError, type ErrorCode } from '../../src-shared/api/errors';
import { chainKeyOf } from '../events/chainKey';
import { currentExpectations, plainExpectations } from '../events/caseVersion';
import { publishCaseChanges } from '../live/caseFeed';
import { WRITE_TASKS, type WriteArgs, type WriteResult, type WriteTaskName } from './writeTasks';
import type { CheckpointOutcome, CheckpointTask, WriteOutcome, WriteTask } from './writeWorker';

// Large writes leave the request thread: a write of jobs/writeTasks.ts runs on one worker thread with
// its own connection (jobs/writeWorker.ts). Measured at 100 clerks: registering a 1,000-case notice
// batch held the request thread for 0.9 s when it ran there; every client waited that long. While the
// worker writes, this thread's own writers wait at the gate (db/writeGate.ts) and its readers go on.
// The cases it changed then reach the clients, as after any commit (live/caseFeed.ts). Where the
// worker is not built (unit tests running TypeScript) the write runs in-thread with the same result.

let pool: Piscina | null = null;

/** The built worker: ZHIXING_WRITE_WORKER, or writeWorker.js next to this module or one folder up. */
export function writeWorkerFile(): string | null {
  return builtWorkerFile('writeWorker.js', 'ZHIXING_WRITE_WORKER', import.meta.url);
}

function getPool(): Piscina | null {
  if (pool) return pool;
  const file = writeWorkerFile();
  if (!file) return null;
  // One thread: SQLite has one writer at a time anyway.
  pool = new Piscina({ filename: file, minThreads: 0, maxThreads: 1, idleTimeout: 60_000, concurrentTasksPerWorker: 1 });
  return pool;
}

export function writesOffThread(): boolean {
  return getPool() !== null;
}

/** Runs a write task holding the write gate; throws its ApiError as thrown in the task. */
export async function commitOffThread<K extends WriteTaskName>(app: App, name: K, args: WriteArgs<K>): Promise<WriteResult<K>> {
  const p = getPool();
  // In-thread, the write is one synchronous step: nothing can interleave, no gate is needed.
  if (!p) return (WRITE_TASKS[name] as (db: App['db'], a: WriteArgs<K>) => WriteResult<K>)(app.db, args);
  return app.db.gate.hold(async () => {
    const key = chainKeyOf(app.db);
    // A clerk's write (a renewal) carries the versions the clerk saw; the worker checks them inside
    // its transaction (events/caseVersion.ts), and the cases it changed count as this call's own.
    const seen = currentExpectations();
    const task: WriteTask = { op: 'write', file: app.db.sqlite.name, name, args, auditKey: key ? new Uint8Array(key) : null, expectations: seen ? plainExpectations(seen) : null };
    const out = (await p.run(task)) as WriteOutcome;
    if (!out.ok) throw new ApiError(out.error.code as ErrorCode, out.error.message, out.error.field, out.error.details);
    for (const c of out.changes) seen?.changed.add(c.caseId);
    if (out.changes.length > 0) publishCaseChanges(app, out.changes);
    return out.result as WriteResult<K>;
  });
}

/** How often the write worker copies the WAL into the database file. */
const CHECKPOINT_EVERY_MS = 5_000;

/**
 * Takes the WAL checkpoints off the request thread. By default the connection whose commit pushes
 * the WAL past 1,000 pages copies it back into the database file and syncs it, in that commit: after
 * a batch's registration that was the next clerk's write, and it held the request thread for 50–85 ms
 * (a 1,000-case batch adds thousands of pages). Here that connection never checkpoints; the write
 * worker does, every few seconds, without blocking readers or writers. Without the built worker
 * (unit tests) SQLite's own automatic checkpoints stay.
 */
export function startCheckpoints(app: App): () => void {
  if (!getPool()) return () => undefined;
  app.db.sqlite.pragma('wal_autocheckpoint = 0');
  const file = app.db.sqlite.name;
  let running = false;
  const timer = setInterval(() => {
    // The pool as it is now (another App of this process may have closed and re-made it).
    const p = getPool();
    if (running || !p) return;
    running = true;
    checkpointOffThread(file)
      .catch((e: unknown) => app.log('warn', '数据库检查点未完成（稍后重试）', e))
      .finally(() => (running = false));
  }, CHECKPOINT_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** One checkpoint of `file` on the write worker; null where the worker is not built. */
export async function checkpointOffThread(file: string): Promise<CheckpointOutcome | null> {
  const p = getPool();
  if (!p) return null;
  const task: CheckpointTask = { op: 'checkpoint', file };
  return (await p.run(task)) as CheckpointOutcome;
}

export async function closeWritePool(): Promise<void> {
  const p = pool;
  pool = null;
  if (p) await p.destroy();
}
