import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { appendEvent, type Actor } from '../../events/log';
import { keyIdOf } from '../../events/chain';
import { chainKeyOf } from '../../events/chainKey';
import { signedHead } from '../audit/seal';
import { diskFullError, isDiskFull } from '../system/diskFull';
import { backupFileName, backupFolder, rememberBackupFolder, type BackupInfo, type BackupKind, type Sidecar } from './folder';
import { applyRetention } from './retention';
import { backupCopyOffThread } from '../../jobs/readPool';
import type { CopyOutcome } from '../../jobs/fileTasks';
import { fileSha256, signSidecar } from './verified';

/**
 * A backup through SQLite's online backup API (never a file copy of a live WAL database): a
 * consistent snapshot even while others write. The copy is written under a temporary name, switched
 * to rollback-journal mode so it is one self-contained file, checked with PRAGMA quick_check, and
 * only then given its final name, so the folder never lists a half-written backup. Its sidecar
 * carries the copy's SHA-256 and the log head inside it, signed with the audit key: only such a
 * backup is offered for restore (verified.ts), and the head is one of the log's published heads.
 */
export async function createBackup(db: Db, dataDir: string, kind: BackupKind, actor: Actor, at: Date, opts: { recordEvent?: boolean } = {}): Promise<BackupInfo> {
  const folder = backupFolder(db, dataDir);
  const name = backupFileName(folder, kind, at);
  const file = join(folder, name);
  const partial = `${file}.partial`;
  try {
    // On a connection of its own in the worker (jobs/fileTasks.ts): seconds of copying and checking
    // on a court's data must not hold the request thread, where every clerk is being answered.
    const copied = await backupCopyOffThread(db.sqlite.name, partial);
    const info = describe(db, partial, name, kind, actor, at, copied);
    return finish(db, partial, file, { ...info, sha256: await fileSha256(partial) }, actor, opts.recordEvent ?? true, dataDir, folder, at);
  } catch (e) {
    throw failed(e, partial, file);
  }
}

/**
 * The synchronous variant for the migration hook (migrations run synchronously at start-up):
 * `VACUUM INTO`, SQLite's other online snapshot, which writes a compacted consistent copy.
 */
export function createBackupSync(db: Db, dataDir: string, kind: BackupKind, actor: Actor, at: Date): BackupInfo {
  const folder = backupFolder(db, dataDir);
  const name = backupFileName(folder, kind, at);
  const file = join(folder, name);
  const partial = `${file}.partial`;
  try {
    rmSync(partial, { force: true });
    db.sqlite.prepare('VACUUM INTO ?').run(partial);
    const info = describe(db, partial, name, kind, actor, at);
    return finish(db, partial, file, { ...info, sha256: fileSha256Sync(partial) }, actor, false, dataDir, folder, at);
  } catch (e) {
    throw failed(e, partial, file);
  }
}

/** Nothing half-written stays behind; a full disk says so in plain words, with no paths. */
function failed(e: unknown, partial: string, file: string): ApiError {
  rmSync(partial, { force: true });
  rmSync(`${file}.json`, { force: true });
  if (isDiskFull(e)) return new ApiError('disk_full', `备份失败：${diskFullError().message}`);
  if (e instanceof ApiError) return e;
  return new ApiError('conflict', `备份失败：${e instanceof Error ? e.message.replace(/\s*['"]?\/[^\s'"]+['"]?/g, '') : String(e)}`);
}

/**
 * Self-contained, checked, described — and the head of the log as it is inside the copy. `copied`:
 * the worker already made it self-contained and checked it (jobs/fileTasks.ts).
 */
function describe(db: Db, partial: string, name: string, kind: BackupKind, actor: Actor, at: Date, copied?: CopyOutcome): Omit<Sidecar, 'sha256' | 'signature'> {
  const copy = new Database(partial, { fileMustExist: true });
  try {
    if (!copied) copy.pragma('journal_mode = DELETE');
    const check = copied ? copied.check : String(copy.pragma('quick_check', { simple: true }));
    // A damaged database is still kept before a restore replaces it (for later recovery by hand),
    // marked unchecked; any other backup must be sound.
    if (check !== 'ok' && kind !== 'preRestore') throw new Error(`备份副本自检未通过：${String(check)}`);
    const key = chainKeyOf(db);
    let auditHead = null;
    try {
      auditHead = key ? signedHead(copy, key, at) : null;
    } catch {
      // a damaged copy's log may be unreadable: no head to publish
    }
    return {
      name,
      kind,
      createdAt: at.toISOString(),
      createdBy: actor.name,
      sizeBytes: 0,
      schemaVersion: copied ? copied.schemaVersion : (copy.pragma('user_version', { simple: true }) as number),
      cases: copied ? copied.cases : countCases(copy),
      checked: check === 'ok',
      auditHead,
      ...(key ? { keyId: keyIdOf(key) } : {}),
    };
  } finally {
    copy.close();
  }
}

function finish(db: Db, partial: string, file: string, side: Omit<Sidecar, 'signature'>, actor: Actor, recordEvent: boolean, dataDir: string, folder: string, at: Date): BackupInfo {
  const key = chainKeyOf(db);
  const full: Omit<Sidecar, 'signature'> = { ...side, sizeBytes: statSync(partial).size };
  const sidecar: Sidecar = key ? { ...full, signature: signSidecar(key, full) } : full;
  writeFileSync(`${file}.json`, JSON.stringify(sidecar, null, 2));
  renameSync(partial, file);
  rememberBackupFolder(dataDir, folder);
  const info: BackupInfo = { name: side.name, kind: side.kind, createdAt: side.createdAt, createdBy: side.createdBy, sizeBytes: full.sizeBytes, schemaVersion: side.schemaVersion, cases: side.cases, checked: side.checked };
  if (recordEvent) {
    db.tx(() => appendEvent(db, actor, at, { caseId: null, type: 'backup.created', payload: { name: info.name, kind: info.kind, sizeBytes: info.sizeBytes, cases: info.cases } }));
  }
  applyRetention(db, dataDir, at);
  return info;
}

function fileSha256Sync(file: string): string {
  const h = createHash('sha256');
  const buf = Buffer.alloc(1 << 20);
  const fd = openSync(file, 'r');
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

function countCases(copy: Database.Database): number {
  try {
    return (copy.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  } catch {
    return 0; // unreadable in a damaged copy
  }
}
