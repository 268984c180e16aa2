import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

// The audit key: 32 random bytes that sign the event log (HMAC), the published heads and the backup
// sidecars. It must live OUTSIDE the data folder — whoever can copy or edit the data folder (a
// shared disk, a stolen backup) must not be able to re-sign an edited log — in the OS user's own
// configuration folder, readable by that user only (0600 in a 0700 folder; on Windows the
// per-user %APPDATA% ACL), or in a file of the service account named by ZHIXING_AUDIT_KEY /
// --audit-key. It is created on the first start of a database and never changes; losing it means
// old rows can no longer be verified, so it is part of the documented backup of keys (README).

export const AUDIT_KEY_ENV = 'ZHIXING_AUDIT_KEY';

export class AuditKeyError extends Error {}

/** The app's folder in the OS user's configuration (the folder Electron's userData is). */
export function userConfigDir(): string {
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA || join(home, 'AppData', 'Roaming'), 'zhixing');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'zhixing');
  return join(process.env.XDG_CONFIG_HOME || join(home, '.config'), 'zhixing');
}

/** --audit-key / ZHIXING_AUDIT_KEY, else `keys/audit.key` in the user's configuration folder. */
export function defaultAuditKeyFile(): string {
  const env = process.env[AUDIT_KEY_ENV];
  return env ? resolve(env) : join(userConfigDir(), 'keys', 'audit.key');
}

/** Refuses a key inside the data folder: it would travel with every copy of the data. */
export function assertKeyOutside(keyFile: string, dataDir: string): void {
  const rel = relative(resolve(dataDir), resolve(keyFile));
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw new AuditKeyError(`审计密钥不能放在数据文件夹中（${keyFile}）：请放在本机用户的配置文件夹或服务账户专用的位置`);
  }
}

const HEADER = '# 执行案件管理系统 审计密钥：签署操作日志、备份说明和审计封存单。请保密，并离线备份（见 README“密钥备份”）。\n';

/** The key in the file, or null when there is no file. A file that is not a key is an error. */
export function readAuditKey(file: string): Buffer | null {
  if (!existsSync(file)) return null;
  const line = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('#'));
  if (!line || !/^[0-9a-f]{64}$/i.test(line)) throw new AuditKeyError(`审计密钥文件格式无效：${file}`);
  tightenMode(file);
  return Buffer.from(line, 'hex');
}

/** Creates the key file unless another process just did; returns the key on disk either way. */
export function createAuditKey(file: string): Buffer {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, `${HEADER}${randomBytes(32).toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, file); // appears whole or not at all, and never replaces an existing key
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
  return readAuditKey(file)!;
}

/** Group- or world-readable keys are made private to their owner (POSIX). */
function tightenMode(file: string): void {
  if (process.platform === 'win32') return;
  try {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  } catch {
    // not ours to change (a service account's read-only key): leave it
  }
}
