// Piscina worker entry (built to out/main/readWorker.js): runs a read of jobs/readTasks.ts on this
// thread's own read-only connection to the database file, or a whole-file task of jobs/fileTasks.ts
// (a backup, a restore, a check). In WAL mode a reader neither waits for the writer (the request
// thread's connection) nor holds it up.
import type { Db } from '../db/connection';
import { threadConnection } from '../db/threadConnection';
import { READ_TASKS, type ReadTaskName } from './readTasks';
import { backupCopy, quickCheckFile, restoreInto } from './fileTasks';
import { runThisThreadInBackground } from './threadPriority';

runThisThreadInBackground();

export type WorkerTask =
  | { op: 'read'; file: string; name: ReadTaskName; args: unknown }
  | { op: 'backupCopy'; source: string; dest: string }
  | { op: 'restoreInto'; backup: string; live: string }
  | { op: 'quickCheck'; file: string };

export default function run(task: WorkerTask): unknown {
  switch (task.op) {
    case 'read': {
      const db = threadConnection(task.file, 'read');
      // One read transaction: the whole answer is from one consistent snapshot.
      return db.sqlite.transaction(() => (READ_TASKS[task.name] as (db: Db, a: unknown) => unknown)(db, task.args)).deferred();
    }
    case 'backupCopy':
      return backupCopy(task.source, task.dest);
    case 'restoreInto':
      return restoreInto(task.backup, task.live);
    case 'quickCheck':
      return quickCheckFile(task.file);
  }
}
