// Piscina worker entry (built to out/main/writeWorker.js): runs one write of jobs/writeTasks.ts on
// this thread's own read-write connection. SQLite lets one connection write at a time; the request
// thread waits for this one at the write gate (db/writeGate.ts), asynchronously, and keeps reading
// meanwhile (WAL: readers see the last commit). The audit key comes with each task, so the rows this
// connection appends are chained exactly as the request thread's would be.
import { ApiError } from '../../src-shared/api/errors';
import type { Db, CaseChange } from '../db/connection';
import { threadConnection } from '../db/threadConnection';
import { setChainKey } from '../events/chainKey';
import { fromPlainExpectations, withExpectations, type PlainExpectations } from '../events/caseVersion';
import { WRITE_TASKS, type WriteTaskName } from './writeTasks';

export interface WriteTask {
  op: 'write';
  file: string;
  name: WriteTaskName;
  args: unknown;
  auditKey: Uint8Array | null;
  /** What the clerk's call saw of its cases: checked here, inside the write transaction, as on the request thread. */
  expectations: PlainExpectations | null;
}

/** Copies the WAL's committed pages into the database file (writePool.ts: the request thread never does). */
export interface CheckpointTask {
  op: 'checkpoint';
  file: string;
}

/** The outcome as plain data: an ApiError keeps its code and field across the thread boundary. */
export type WriteOutcome = { ok: true; result: unknown; changes: CaseChange[] } | { ok: false; error: { code: string; message: string; field?: string; details?: unknown } };

/** What a checkpoint did: WAL frames in all, and how many of them are now in the database file. */
export interface CheckpointOutcome {
  busy: number;
  log: number;
  checkpointed: number;
}

export default function run(task: WriteTask | CheckpointTask): WriteOutcome | CheckpointOutcome {
  const db = threadConnection(task.file, 'write');
  if (task.op === 'checkpoint') {
    // PASSIVE: copies what it can without waiting for readers or writers, and blocks neither.
    return (db.sqlite.pragma('wal_checkpoint(PASSIVE)') as CheckpointOutcome[])[0]!;
  }
  setChainKey(db, task.auditKey ? Buffer.from(task.auditKey) : null);
  const changes: CaseChange[] = [];
  db.onCommit = (c) => changes.push(...c);
  try {
    const write = () => (WRITE_TASKS[task.name] as (db: Db, a: unknown) => unknown)(db, task.args);
    const result = task.expectations ? withExpectations(fromPlainExpectations(task.expectations), write) : write();
    return { ok: true, result, changes };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, error: e.toJSON() };
    throw e;
  } finally {
    db.onCommit = null;
    setChainKey(db, null);
  }
}
