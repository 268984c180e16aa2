import { chmodSync, existsSync, mkdirSync } from 'node:fs';

// The data folder holds the court's cases, parties' identity numbers, documents, exports and
// backups: only the operating-system account the app runs as may read them. The process creates
// everything with umask 077 — folders 0700, files 0600, whichever module writes them (the database
// and its WAL, documents, print files, exports, backups, the anchor, worker threads included) — and
// the data folder itself is set to 0700 at every start, so a folder made by an older version is
// closed too. Windows has no such modes (its folders inherit the user profile's ACL): no-ops there.

const POSIX = process.platform !== 'win32';

/** New files 0600 and folders 0700 for the rest of this process. */
export function restrictNewFiles(): void {
  if (POSIX) process.umask(0o077);
}

/** Creates the folder (0700) or closes an existing one to its owner. */
export function privateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (POSIX) chmodSync(dir, 0o700);
}

/** Closes existing files to their owner (the database of an older version). */
export function privateFiles(...paths: string[]): void {
  if (!POSIX) return;
  for (const p of paths) if (existsSync(p)) chmodSync(p, 0o600);
}
