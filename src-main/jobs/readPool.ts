import { Piscina } from 'piscina';
import { builtWorkerFile } from './builtWorker';
import type { App } from '../app/app';
import { READ_TASKS, type ReadArgs, type ReadResult, type ReadTaskName } from './readTasks';
import { backupCopy, quickCheckFile, restoreInto, type CopyOutcome } from './fileTasks';

// Heavy reads leave the request thread: a read of jobs/readTasks.ts runs in a worker thread on its
// own read-only connection (jobs/readWorker.ts), so every other client keeps being answered while a
// leader's year of metrics is computed. At most two threads (the machine's cores are shared with
// document rendering); a read waits in the pool's queue, never on the request thread. Where the
// worker is not built (unit tests running TypeScript) the read runs in-thread with the same result.

let pool: Piscina | null = null;

/** The built worker: ZHIXING_READ_WORKER, or readWorker.js next to this module or one folder up. */
export function readWorkerFile(): string | null {
  return builtWorkerFile('readWorker.js', 'ZHIXING_READ_WORKER', import.meta.url);
}

function getPool(): Piscina | null {
  if (pool) return pool;
  const file = readWorkerFile();
  if (!file) return null;
  pool = new Piscina({ filename: file, minThreads: 0, maxThreads: 2, idleTimeout: 60_000, concurrentTasksPerWorker: 1 });
  return pool;
}

export function readsOffThread(): boolean {
  return getPool() !== null;
}

/** `signal`: a job's cancel — a read still queued is dropped, a running one ends with its worker. */
export async function readOffThread<K extends ReadTaskName>(app: Pick<App, 'db'>, name: K, args: ReadArgs<K>, opts: { signal?: AbortSignal } = {}): Promise<ReadResult<K>> {
  const p = getPool();
  if (!p) {
    if (opts.signal?.aborted) throw new Error('已取消');
    return (READ_TASKS[name] as (db: App['db'], a: ReadArgs<K>) => ReadResult<K>)(app.db, args);
  }
  return (await p.run({ op: 'read', file: app.db.sqlite.name, name, args }, opts.signal ? { signal: opts.signal } : {})) as ReadResult<K>;
}

/** The online backup of `source` into `dest`, checked (jobs/fileTasks.ts), off the request thread. */
export async function backupCopyOffThread(source: string, dest: string): Promise<CopyOutcome> {
  const p = getPool();
  return p ? ((await p.run({ op: 'backupCopy', source, dest })) as CopyOutcome) : backupCopy(source, dest);
}

/** A backup copied over the live file, off the request thread. */
export async function restoreOffThread(backup: string, live: string): Promise<void> {
  const p = getPool();
  if (p) await p.run({ op: 'restoreInto', backup, live });
  else await restoreInto(backup, live);
}

/** PRAGMA quick_check of a database file on a connection of its own, off the request thread. */
export async function quickCheckOffThread(file: string): Promise<string[]> {
  const p = getPool();
  return p ? ((await p.run({ op: 'quickCheck', file })) as string[]) : quickCheckFile(file);
}

export async function closeReadPool(): Promise<void> {
  const p = pool;
  pool = null;
  if (p) await p.destroy();
}
