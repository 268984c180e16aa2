import { existsSync, readdirSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { App } from '../../app/app';
import { DB_FILE } from '../../app/app';
import { Db } from '../../db/connection';
import { migrate, latestSchemaVersion } from '../../db/migrate';
import { keepProjectionsCurrent } from '../../events/reproject';
import { forgetDeadlineContext } from '../deadlines/recompute';
import { ApiError } from '../../../src-shared/api/errors';
import { sameHex } from '../../events/chain';
import { setChainKey } from '../../events/chainKey';
import { appendEvent, type Actor } from '../../events/log';
import { ensureAdmin } from '../auth/users';
import { keyChain, registerTriggers, signedHead } from '../audit/seal';
import { healthOf, quickCheck, verifyAuditAtStartup } from '../security/health';
import { diskFullError, isDiskFull } from '../system/diskFull';
import { quickCheckOffThread, restoreOffThread } from '../../jobs/readPool';
import { backupFolder, NAME_PATTERN, readSidecar } from './folder';
import { createBackup } from './create';
import { fileSha256, verifyBackup } from './verified';

export interface RestoreResult {
  restoredFrom: string;
  safetyBackup: string | null;
  readOnly: boolean;
}

/** The restored database is prepared here, next to the live file, before it replaces it. */
export const RESTORE_STAGING = `${DB_FILE}.restoring`;

/**
 * Restores a backup into the live database. Only a verified backup is used (its sidecar signed with
 * the audit key, its SHA-256 matching — verified.ts). The current state is backed up first (kind
 * preRestore) and writes are refused while the restore runs. The copy is prepared in a staging file:
 * migrated to the current schema, checked, and given its `backup.restored` event — so that when it
 * becomes visible it already records how it got there; a crash at any moment leaves either the old
 * database or the restored one with its event, never the restored one without it. Then SQLite's
 * backup API copies the staged file over the live one in one write transaction, so every open
 * connection sees the old database or the restored one, never a mix.
 */
export async function restoreBackup(app: App, name: string, actor: Actor, keepToken: string | null): Promise<RestoreResult> {
  if (!NAME_PATTERN.test(name)) throw new ApiError('invalid_input', '备份文件名无效', 'name');
  const folder = backupFolder(app.db, app.dataDir);
  if (!existsSync(join(folder, name))) throw new ApiError('not_found', `备份不存在：${name}`, 'name');
  const running = app.db.raw<{ n: number }>("SELECT count(*) AS n FROM jobs WHERE status IN ('queued','running')")[0]!.n;
  if (running > 0) throw new ApiError('conflict', '有长任务正在运行，请等其完成或取消后再恢复');
  const key = app.audit.key;
  const problem = await verifyBackup(folder, name, key);
  if (problem) throw new ApiError('conflict', `该备份未通过校验，不能用于恢复：${problem}`, 'name');

  const wasReadOnly = app.readOnly;
  const staging = join(app.dataDir, RESTORE_STAGING);
  try {
    // The current state first — even a damaged database is kept, if SQLite can still read it.
    let safetyBackup: string | null = null;
    try {
      safetyBackup = (await createBackup(app.db, app.dataDir, 'preRestore', actor, app.clock.now(), { recordEvent: !wasReadOnly })).name;
    } catch (e) {
      if (!wasReadOnly) throw e; // a healthy database must be backed up before it is replaced
      app.log('warn', '恢复前无法备份已损坏的数据库，继续恢复', e);
    }
    app.readOnly = true; // refuses writes from other requests while the restore runs
    await stageRestore(folder, name, staging, key!, actor, app.clock.now(), safetyBackup);

    // Copied on a connection of its own in the worker: reads go on being answered meanwhile (from
    // the old database until the copy commits, from the restored one after).
    await restoreOffThread(staging, join(app.dataDir, DB_FILE));
    removeStaging(app.dataDir);
    const problems = await quickCheckOffThread(app.db.sqlite.name);
    const qc = { ok: problems.length === 0, problems, checkedAt: app.clock.nowIso() };
    healthOf(app).quickCheck = qc;
    app.readOnly = !qc.ok;
    if (qc.ok) {
      verifyAuditAtStartup(app); // the restored log, its heads and its ledger, afresh
      // A backup from an earlier version may hold derived tables of older rules: derive them again.
      forgetDeadlineContext(app.db);
      keepProjectionsCurrent(app);
    }
    // User ids in the restored data may name other people: everybody but the restorer logs in again.
    app.sessions.dropAll(keepToken);
    app.bus.publish({ topic: 'system', data: { restored: name }, audience: { kind: 'everyone' } });
    return { restoredFrom: name, safetyBackup, readOnly: app.readOnly };
  } catch (e) {
    removeStaging(app.dataDir);
    if (app.readOnly && !wasReadOnly) app.readOnly = !quickCheck(app).ok;
    if (isDiskFull(e)) throw new ApiError('disk_full', `恢复失败：${diskFullError().message}`);
    throw e;
  }
}

/**
 * The restored database, complete, in a staging file: a verified copy of the backup, migrated,
 * keyed, its triggers registered, running jobs marked interrupted, and the restore recorded in its
 * own log. Returns the schema version the backup had.
 */
export async function stageRestore(folder: string, name: string, staging: string, key: Buffer, actor: Actor, at: Date, safetyBackup: string | null): Promise<number> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${staging}${suffix}`, { force: true });
  await copyFile(join(folder, name), staging);
  // The copy, not the original, is what is checked and used: nothing can change it in between.
  const side = readSidecar(folder, name);
  if (!side?.sha256 || !sameHex(await fileSha256(staging), side.sha256)) throw new ApiError('conflict', '备份文件的校验值与说明文件不符（文件被改动或损坏），不能用于恢复', 'name');
  // Each whole-file check reads every page (seconds on a court's data): off the request thread.
  const sourceProblems = await quickCheckOffThread(staging);
  if (sourceProblems.length > 0) throw new ApiError('conflict', `该备份自检未通过，不能用于恢复：${sourceProblems[0]}`, 'name');
  const db = new Db(staging);
  let version: number;
  try {
    version = db.sqlite.pragma('user_version', { simple: true }) as number;
    if (version > latestSchemaVersion()) throw new ApiError('conflict', '该备份由更新版本的程序写入，不能用本程序恢复', 'name');
    setChainKey(db, key);
    migrate(db.sqlite);
    const fromHead = signedHead(db.sqlite, key, at);
    db.tx(() => {
      // A backup from before keys is keyed now; its triggers are registered as found in this
      // verified copy (a VACUUM INTO copy numbers its schema rows afresh).
      if (!keyChain(db, key, actor, at)) registerTriggers(db, key);
      ensureAdmin(db, at);
      db.run(db.q.updateTable('jobs').set({ status: 'interrupted', finished_at: at.toISOString(), message: '数据已从备份恢复，此任务未完成' }).where('status', 'in', ['queued', 'running']));
      appendEvent(db, actor, at, {
        caseId: null,
        type: 'backup.restored',
        payload: { from: name, safetyBackup, schemaVersion: version, ...(fromHead ? { fromHead: { id: fromHead.id, hash: fromHead.hash } } : {}) },
      });
    });
    db.sqlite.pragma('journal_mode = DELETE'); // one self-contained file
  } finally {
    db.close();
  }
  const after = await quickCheckOffThread(staging);
  if (after.length > 0) throw new ApiError('conflict', `恢复后的数据库自检未通过：${after[0]}`, 'name');
  return version;
}

/** A staged restore left by a crash is removed at the next start (it never became the database). */
export function removeStaging(dataDir: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(join(dataDir, `${RESTORE_STAGING}${suffix}`), { force: true });
}

/** Half-written backups (`*.partial`) of a process that was killed: removed at start. */
export function removePartialBackups(folders: string[]): number {
  let removed = 0;
  for (const folder of new Set(folders)) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) {
      // The copy and whatever SQLite kept beside it while writing it (its journal, WAL or shared-memory file).
      if (!/\.partial(-journal|-wal|-shm)?$/.test(name)) continue;
      rmSync(join(folder, name), { force: true });
      removed++;
    }
  }
  return removed;
}

