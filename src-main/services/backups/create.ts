import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { appendEvent, type Actor } from '../../events/log';
import { backupFileName, backupFolder, type BackupInfo, type BackupKind } from './folder';
import { applyRetention } from './retention';
import { backupCopyOffThread } from '../../jobs/readPool';
import type { CopyOutcome } from '../../jobs/fileTasks';

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
  let copied: CopyOutcome;
  try {
    // On a connection of its own in the worker (jobs/fileTasks.ts): seconds of copying and checking
    // on a court's data must not hold the request thread, where every clerk is being answered.
    copied = await backupCopyOffThread(db.sqlite.name, partial);
  } catch (e) {
    rmSync(partial, { force: true });
    throw new ApiError('conflict', `备份失败：${e instanceof Error ? e.message : String(e)}（备份文件夹：${folder}）`);
  }
  return finish(db, partial, file, name, kind, actor, at, opts.recordEvent ?? true, dataDir, copied);
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

/** Checks the copy here unless the worker already did (`copied`). */
function inspect(partial: string): CopyOutcome {
  const copy = new Database(partial, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    return { check: String(copy.pragma('quick_check', { simple: true })), schemaVersion: copy.pragma('user_version', { simple: true }) as number, cases: countCases(copy) };
  } finally {
    copy.close();
  }
}

function finish(db: Db, partial: string, file: string, name: string, kind: BackupKind, actor: Actor, at: Date, recordEvent: boolean, dataDir: string, copied?: CopyOutcome): BackupInfo {
  let info: BackupInfo;
  try {
    {
      const { check, schemaVersion, cases } = copied ?? inspect(partial);
      // A damaged database is still kept before a restore replaces it (for later recovery by hand),
      // marked unchecked; any other backup must be sound.
      if (check !== 'ok' && kind !== 'preRestore') throw new Error(`备份副本自检未通过：${String(check)}`);
      info = {
        name,
        kind,
        createdAt: at.toISOString(),
        createdBy: actor.name,
        sizeBytes: 0,
        schemaVersion,
        cases,
        checked: check === 'ok',
      };
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
