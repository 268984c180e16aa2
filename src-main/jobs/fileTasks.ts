import Database from 'better-sqlite3';

// Work on whole database files that takes seconds on a court's data — the online backup with the
// check of its copy, and copying a backup over the live file — done on a connection of its own, so
// it can run in the read worker (jobs/readPool.ts) and leave the request thread free. Each returns
// plain data.

export interface CopyOutcome {
  schemaVersion: number;
  cases: number;
  /** PRAGMA quick_check of the copy: 'ok' or the first problem. */
  check: string;
}

/**
 * A consistent copy of `source` at `dest` through SQLite's online backup API (one step: a single read
 * transaction, so the copy never restarts because someone wrote meanwhile), switched to a
 * self-contained rollback-journal file and checked.
 */
export async function backupCopy(source: string, dest: string): Promise<CopyOutcome> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    await db.backup(dest, { progress: () => 1 << 30 });
  } finally {
    db.close();
  }
  const copy = new Database(dest, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = String(copy.pragma('quick_check', { simple: true }));
    let cases = 0;
    try {
      cases = (copy.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    } catch {
      cases = 0; // unreadable in a damaged copy
    }
    return { schemaVersion: copy.pragma('user_version', { simple: true }) as number, cases, check };
  } finally {
    copy.close();
  }
}

/** Copies a backup over the live database file in one write transaction of the backup API (the restore). */
export async function restoreInto(backup: string, live: string): Promise<void> {
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(live, { progress: () => 1 << 30 });
  } finally {
    source.close();
  }
}

/** PRAGMA quick_check of a file on a read-only connection of its own: the problems found (none: []). */
export function quickCheckFile(file: string): string[] {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 10000');
      return (db.pragma('quick_check(20)') as { quick_check: string }[]).map((r) => r.quick_check).filter((m) => m !== 'ok');
    } finally {
      db.close();
    }
  } catch (e) {
    return [e instanceof Error ? e.message : String(e)];
  }
}
