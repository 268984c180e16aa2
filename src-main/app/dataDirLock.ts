import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'zhixing.lock';

export class DataDirLockedError extends Error {}

/**
 * One process per data folder (SQLite over one file; a second writer process would break the single-writer assumptions): the desktop and web entry points take this lock before
 * opening the database. The lock is a file created exclusively (O_EXCL) holding the owner's pid and
 * host; a lock left by a process that no longer runs on this host is taken over. Returns the release.
 * (Child processes of the tests open the same folder through the service layer on purpose and do
 * not take it.)
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  const me = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readOwner(file);
      if (owner && ownerAlive(owner)) {
        throw new DataDirLockedError(
          `该数据文件夹已被另一个执行案件管理系统程序打开（${owner.host === me.host ? '本机' : `计算机 ${owner.host}`}，进程 ${owner.pid}，` +
            `自 ${owner.startedAt ?? '未知时间'}）。同一数据文件夹只能由一个程序打开，请先关闭那个程序。数据文件夹：${dataDir}`,
        );
      }
      rmSync(file, { force: true }); // stale: its owner is gone
      continue;
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off('exit', release);
      const owner = readOwner(file);
      if (owner && owner.pid === me.pid && owner.host === me.host) rmSync(file, { force: true });
    };
    process.on('exit', release);
    return release;
  }
  throw new DataDirLockedError(`无法锁定数据文件夹：${dataDir}`);
}

interface Owner {
  pid: number;
  host: string;
  startedAt?: string;
}

function readOwner(file: string): Owner | null {
  try {
    const o = JSON.parse(readFileSync(file, 'utf8')) as Partial<Owner>;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? (o as Owner) : null;
  } catch {
    // Unreadable: being written this instant by another starter (held), or old garbage (stale).
    try {
      return Date.now() - statSync(file).mtimeMs < 5_000 ? { pid: -1, host: '?' } : null;
    } catch {
      return null;
    }
  }
}

function ownerAlive(o: Owner): boolean {
  if (o.pid === -1) return true;
  // On another computer (a shared folder) we cannot tell: assume it is alive.
  if (o.host !== hostname()) return true;
  if (o.pid === process.pid) return true;
  try {
    process.kill(o.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
