import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { appendEvent, type Actor } from '../../events/log';
import { backupFileName, backupFolder, type BackupInfo, type BackupKind } from './folder';
import { applyRetention } from './retention';

/**
 * A backup through SQLite's online backup API (never a file copy of a live WAL database): a
 * consistent snapshot even while others write. The copy is written under a temporary name, switched
 * to rollback-journal mode so it is one self-contained file, checked with PRAGMA quick_check, and
 * only then given its final name, so the folder never lists a half-written backup.
 */
export async function createBackup(db: Db, dataDir: string, kind: BackupKind, actor: Actor, at: Date, opts: { recordEvent?: boolean } = {}): Promise<BackupInfo> {
  const folder = backupFolder(db, dataDir);
  const name = backupFileName(folder, kind, at);
  const file = join(folder, name);
  const partial = `${file}.partial`;
  try {
    // The first step copies 100 pages; the progress callback then asks for the rest at once —
    // splitting the copy over many event-loop turns would restart it on every write in between.
    await db.sqlite.backup(partial, { progress: () => 1 << 30 });
  } catch (e) {
    rmSync(partial, { force: true });
    throw new ApiError('conflict', `备份失败：${e instanceof Error ? e.message : String(e)}（备份文件夹：${folder}）`);
  }
  return finish(db, partial, file, name, kind, actor, at, opts.recordEvent ?? true, dataDir);
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
  rmSync(partial, { force: true });
  db.sqlite.prepare('VACUUM INTO ?').run(partial);
  return finish(db, partial, file, name, kind, actor, at, false, dataDir);
}

function finish(db: Db, partial: string, file: string, name: string, kind: BackupKind, actor: Actor, at: Date, recordEvent: boolean, dataDir: string): BackupInfo {
  let info: BackupInfo;
  try {
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      // A damaged database is still kept before a restore replaces it (for later recovery by hand),
      // marked unchecked; any other backup must be sound.
      if (check !== 'ok' && kind !== 'preRestore') throw new Error(`备份副本自检未通过：${String(check)}`);
      info = {
        name,
        kind,
        createdAt: at.toISOString(),
        createdBy: actor.name,
        sizeBytes: 0,
        schemaVersion: copy.pragma('user_version', { simple: true }) as number,
        cases: countCases(copy),
        checked: check === 'ok',
      };
    } finally {
      copy.close();
    }
    info.sizeBytes = statSync(partial).size;
    writeFileSync(`${file}.json`, JSON.stringify(info, null, 2));
    renameSync(partial, file);
  } catch (e) {
    rmSync(partial, { force: true });
    rmSync(`${file}.json`, { force: true });
    throw new ApiError('conflict', `备份失败：${e instanceof Error ? e.message : String(e)}`);
  }
  if (recordEvent) {
    db.tx(() => appendEvent(db, actor, at, { caseId: null, type: 'backup.created', payload: { name, kind, sizeBytes: info.sizeBytes, cases: info.cases } }));
  }
  applyRetention(db, dataDir, at);
  return info;
}

function countCases(copy: Database.Database): number {
  try {
    return (copy.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  } catch {
    return 0; // unreadable in a damaged copy
  }
}
