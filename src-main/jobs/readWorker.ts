// Piscina worker entry (built to out/main/readWorker.js): runs a read of jobs/readTasks.ts on this
// thread's own read-only connection to the database file. In WAL mode a reader neither waits for
// the writer (the request thread's connection) nor holds it up.
import { Db } from '../db/connection';
import { READ_TASKS, type ReadTaskName } from './readTasks';

const connections = new Map<string, Db>();

function connection(file: string): Db {
  let db = connections.get(file);
  if (!db || !db.sqlite.open) {
    db = new Db(file, { readonly: true });
    connections.set(file, db);
  }
  return db;
}

export default function read(task: { file: string; name: ReadTaskName; args: unknown }): unknown {
  const db = connection(task.file);
  // One read transaction: the whole answer is from one consistent snapshot.
  return db.sqlite.transaction(() => (READ_TASKS[task.name] as (db: Db, a: unknown) => unknown)(db, task.args)).deferred();
}
