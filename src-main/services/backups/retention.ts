import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/connection';
import { getSettings } from '../settings/settings';
import { backupFolder, listBackups } from './folder';

/**
 * The retention rule (settings backupKeepDays, backupKeepMin): automatic backups older than
 * backupKeepDays are deleted, except that the newest backupKeepMin of them are always kept.
 * Manual backups are the administrator's and are never deleted automatically. Returns the names removed.
 */
export function applyRetention(db: Db, dataDir: string, now: Date): string[] {
  const s = getSettings(db);
  const folder = backupFolder(db, dataDir);
  const cutoff = new Date(now.getTime() - s.backupKeepDays * 86_400_000).toISOString();
  const automatic = listBackups(folder).filter((b) => b.kind !== 'manual');
  const removed: string[] = [];
  automatic.forEach((b, i) => {
    if (i < s.backupKeepMin || b.createdAt >= cutoff) return;
    rmSync(join(folder, b.name), { force: true });
    rmSync(join(folder, `${b.name}.json`), { force: true });
    removed.push(b.name);
  });
  return removed;
}
