import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { App } from '../../app/app';
import { DB_FILE } from '../../app/app';
import { migrate, latestSchemaVersion } from '../../db/migrate';
import { ApiError } from '../../../src-shared/api/errors';
import { appendEvent, type Actor } from '../../events/log';
import { ensureAdmin } from '../auth/users';
import { AUDIT_ANCHOR_FILE, healthOf, quickCheck, verifyAudit } from '../security/health';
import { quickCheckOffThread, restoreOffThread } from '../../jobs/readPool';
import { backupFolder, NAME_PATTERN } from './folder';
import { createBackup } from './create';

export interface RestoreResult {
  restoredFrom: string;
  safetyBackup: string | null;
  readOnly: boolean;
}

/**
 * Restores a backup into the live database (issue 7). The chosen copy is checked first; the current
 * state is backed up (kind preRestore); writes are refused while the copy runs; then SQLite's backup
 * API copies the backup over the live file in one write transaction, so every open connection —
 * this one, a document worker's — sees either the old or the restored database, never a mix.
 * Afterwards the restored file is migrated to the current schema, checked, and its log re-verified.
 */
export async function restoreBackup(app: App, name: string, actor: Actor, keepToken: string | null): Promise<RestoreResult> {
  if (!NAME_PATTERN.test(name)) throw new ApiError('invalid_input', '备份文件名无效', 'name');
  const folder = backupFolder(app.db, app.dataDir);
  const file = join(folder, name);
  if (!existsSync(file)) throw new ApiError('not_found', `备份不存在：${name}`, 'name');
  const running = app.db.raw<{ n: number }>("SELECT count(*) AS n FROM jobs WHERE status IN ('queued','running')")[0]!.n;
  if (running > 0) throw new ApiError('conflict', '有长任务正在运行，请等其完成或取消后再恢复');

  const source = new Database(file, { readonly: true, fileMustExist: true });
  const wasReadOnly = app.readOnly;
  try {
    const sourceProblems = await quickCheckOffThread(file);
    if (sourceProblems.length > 0) throw new ApiError('conflict', `该备份自检未通过，不能用于恢复：${sourceProblems[0]}`, 'name');
    const version = source.pragma('user_version', { simple: true }) as number;
    if (version > latestSchemaVersion()) throw new ApiError('conflict', '该备份由更新版本的程序写入，不能用本程序恢复', 'name');

    // The current state first — even a damaged database is kept, if SQLite can still read it.
    let safetyBackup: string | null = null;
    try {
      safetyBackup = (await createBackup(app.db, app.dataDir, 'preRestore', actor, app.clock.now(), { recordEvent: !wasReadOnly })).name;
    } catch (e) {
      if (!wasReadOnly) throw e; // a healthy database must be backed up before it is replaced
      app.log('warn', '恢复前无法备份已损坏的数据库，继续恢复', e);
    }

    app.readOnly = true; // refuses writes from other requests while the copy runs
    source.close();
    // Copied on a connection of its own in the worker: reads go on being answered meanwhile (from
    // the old database until the copy commits, from the restored one after).
    await restoreOffThread(file, join(app.dataDir, DB_FILE));

    migrate(app.db.sqlite);
    app.db.tx(() => {
      ensureAdmin(app.db, app.clock.now());
      app.db.run(
        app.db.q
          .updateTable('jobs')
          .set({ status: 'interrupted', finished_at: app.clock.nowIso(), message: '数据已从备份恢复，此任务未完成' })
          .where('status', 'in', ['queued', 'running']),
      );
    });
    const problems = await quickCheckOffThread(app.db.sqlite.name);
    const qc = { ok: problems.length === 0, problems, checkedAt: app.clock.nowIso() };
    healthOf(app).quickCheck = qc;
    app.readOnly = !qc.ok;
    // The restored log is shorter than the anchor of the replaced one: verify it afresh.
    rmSync(join(app.dataDir, AUDIT_ANCHOR_FILE), { force: true });
    verifyAudit(app);
    if (qc.ok) {
      app.db.tx(() =>
        appendEvent(app.db, actor, app.clock.now(), { caseId: null, type: 'backup.restored', payload: { from: name, safetyBackup, schemaVersion: version } }),
      );
    }
    // User ids in the restored data may name other people: everybody but the restorer logs in again.
    app.sessions.dropAll(keepToken);
    app.bus.publish({ topic: 'system', data: { restored: name }, audience: { kind: 'everyone' } });
    return { restoredFrom: name, safetyBackup, readOnly: app.readOnly };
  } catch (e) {
    if (source.open) source.close();
    if (app.readOnly && !wasReadOnly) app.readOnly = !quickCheck(app).ok;
    throw e;
  }
}
