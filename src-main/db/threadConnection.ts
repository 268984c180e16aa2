import { Db } from './connection';

// A worker thread's own connection to a database file, opened at its first task and kept for the
// next (opening costs the schema check and the pragmas). Each thread loads this module afresh, so
// each has its own: SQLite connections are not shared across threads. A connection closed by the
// task (a restore) is opened again.

const connections = new Map<string, Db>();

export function threadConnection(file: string, mode: 'read' | 'write'): Db {
  const key = `${mode}:${file}`;
  let db = connections.get(key);
  if (!db || !db.sqlite.open) {
    db = mode === 'read' ? new Db(file, { readonly: true }) : new Db(file);
    connections.set(key, db);
  }
  return db;
}
