import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { App } from '../../app/app';
import { DB_FILE } from '../../app/app';
import { ApiError } from '../../../src-shared/api/errors';
import type { Passwords } from '../auth/passwords';
import { listBackups, rememberedBackupFolder } from '../backups/folder';
import { RESTORE_STAGING, removeStaging, stageRestore } from '../backups/restore';
import { withVerification, type VerifiedBackup } from '../backups/verified';
import { diskFullError, isDiskFull } from '../system/diskFull';

// The way out of recovery mode: the latest backup that verifies (its sidecar signed with the audit
// key, its SHA-256 as written) put in place of the damaged file. Nobody can log in to a database
// that cannot be opened, so the administrator proves who they are against the backup itself: the
// user name and password of an active administrator in that backup. The damaged file is kept
// (damaged/ in the data folder) for whoever investigates.

export const DAMAGED_DIR = 'damaged';

/** Where backups may be: the folder of the last backup, the setting if the file still gives it, the default. */
export function recoveryFolders(app: App): string[] {
  const folders: string[] = [];
  const remembered = rememberedBackupFolder(app.dataDir);
  if (remembered) folders.push(remembered);
  try {
    const db = new Database(join(app.dataDir, DB_FILE), { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare("SELECT value FROM settings WHERE key = 'backupDir'").get() as { value: string } | undefined;
      const v = row ? (JSON.parse(row.value) as unknown) : null;
      if (typeof v === 'string' && v) folders.push(v);
    } finally {
      db.close();
    }
  } catch {
    // the settings are in the damaged part
  }
  folders.push(join(app.dataDir, 'backups'));
  return [...new Set(folders)];
}

export interface FoundBackup extends VerifiedBackup {
  folder: string;
}

/** Every backup found, verified or not, newest first (the UI offers only the verified ones). */
export async function recoveryBackups(app: App): Promise<FoundBackup[]> {
  const out: FoundBackup[] = [];
  for (const folder of recoveryFolders(app)) {
    for (const b of await withVerification(folder, listBackups(folder), app.audit.key)) out.push({ ...b, folder });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.name.localeCompare(a.name)));
}

// Wrong credentials are answered slowly, and after five within ten minutes not at all for a while.
const failures = new WeakMap<App, number[]>();
const WINDOW_MS = 10 * 60_000;

export async function recoveryRestore(app: App, input: { name: string; username: string; password: string }): Promise<{ restoredFrom: string; damagedKept: string }> {
  if (!app.recovery) throw new ApiError('conflict', '数据库可以正常打开，不在恢复模式：请登录后在“备份”页恢复');
  const recent = (failures.get(app) ?? []).filter((t) => Date.now() - t < WINDOW_MS);
  failures.set(app, recent);
  if (recent.length >= 5) throw new ApiError('forbidden', '密码错误次数过多，请10分钟后再试');
  const found = (await recoveryBackups(app)).find((b) => b.name === input.name);
  if (!found) throw new ApiError('not_found', `备份不存在：${input.name}`, 'name');
  if (!found.verified) throw new ApiError('conflict', `该备份未通过校验，不能用于恢复：${found.problem ?? ''}`, 'name');

  const admin = await adminInBackup(app.passwords, join(found.folder, found.name), input.username, input.password);
  if (!admin) {
    recent.push(Date.now());
    await new Promise((r) => setTimeout(r, 1000));
    throw new ApiError('unauthorized', '用户名或密码错误（须为该备份中启用的系统管理员账号）', 'password');
  }
  const actor = { id: admin.id, name: admin.displayName, workstation: app.workstation };
  const staging = join(app.dataDir, RESTORE_STAGING);
  let kept: string;
  try {
    await stageRestore(found.folder, found.name, staging, app.audit.key!, actor, app.clock.now(), null);
    kept = swapIn(app.dataDir, staging, app.clock.now());
  } catch (e) {
    removeStaging(app.dataDir);
    if (isDiskFull(e)) throw new ApiError('disk_full', `恢复失败：${diskFullError().message}`);
    throw e;
  }
  try {
    app.leaveRecovery();
  } catch (e) {
    app.readOnly = true;
    throw e;
  }
  app.bus.publish({ topic: 'system', data: { restored: found.name }, audience: { kind: 'everyone' } });
  app.log('info', `已从备份 ${found.name} 恢复，损坏的数据库保存在 ${kept}`);
  return { restoredFrom: found.name, damagedKept: kept };
}

/** An active administrator of the backup with this password (hashed off the request thread, as at login). */
async function adminInBackup(passwords: Passwords, file: string, username: string, password: string): Promise<{ id: number; displayName: string } | null> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  let u: { id: number; display_name: string; password_hash: string; roles: string; active: number } | undefined;
  try {
    u = db.prepare('SELECT id, display_name, password_hash, roles, active FROM users WHERE username = ? COLLATE NOCASE').get(username) as typeof u;
  } finally {
    db.close();
  }
  const admin = u && u.active && (JSON.parse(u.roles) as string[]).includes('admin') ? u : null;
  // Verified against a decoy when there is no such administrator: the same time either way.
  const { ok } = await passwords.verify(password, admin?.password_hash ?? null);
  return ok && admin ? { id: admin.id, displayName: admin.display_name } : null;
}

/**
 * The staged database (already holding its backup.restored event) takes the damaged file's place.
 * The damaged file and its journal are linked aside first; the journal files are removed before the
 * rename (a stale WAL must never meet the new file); the rename replaces the file atomically. A
 * crash at any step leaves either the damaged file (recovery mode again) or the restored one.
 */
function swapIn(dataDir: string, staging: string, at: Date): string {
  const live = join(dataDir, DB_FILE);
  const aside = join(dataDir, DAMAGED_DIR);
  mkdirSync(aside, { recursive: true });
  const keptName = `zhixing-${at.toISOString().replace(/[:.]/g, '-')}.sqlite`;
  for (const suffix of ['', '-wal', '-shm']) {
    const from = `${live}${suffix}`;
    if (!existsSync(from)) continue;
    const to = join(aside, `${keptName}${suffix}`);
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  }
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${live}${suffix}`, { force: true });
  renameSync(staging, live);
  try {
    const fd = openSync(dataDir, 'r');
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    // directories cannot be opened for fsync on every platform
  }
  return `${DAMAGED_DIR}/${keptName}`;
}
