import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../../db/connection';
import { getSettings } from '../settings/settings';

export const BACKUP_KINDS = ['manual', 'daily', 'preMigration', 'preRestore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** What the API shows of one backup; kept in a JSON sidecar next to the copy. */
export interface BackupInfo {
  name: string;
  kind: BackupKind;
  createdAt: string;
  createdBy: string;
  sizeBytes: number;
  schemaVersion: number;
  cases: number;
  checked: boolean;
}

export const NAME_PATTERN = /^zhixing-([0-9TZ-]+)-([a-zA-Z]+)(-\d+)?\.sqlite$/;

/** The backup folder: the backupDir setting (may be another disk) or `backups` in the data folder. */
export function backupFolder(db: Db, dataDir: string): string {
  const dir = getSettings(db).backupDir;
  const folder = dir && isAbsolute(dir) ? dir : join(dataDir, 'backups');
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** `zhixing-2026-11-22T02-00-00-123Z-daily.sqlite`: sortable, safe on every file system. */
export function backupFileName(folder: string, kind: BackupKind, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let name = `zhixing-${stamp}-${kind}.sqlite`;
  for (let n = 2; existsSync(join(folder, name)); n++) name = `zhixing-${stamp}-${kind}-${n}.sqlite`;
  return name;
}

/** Backups in the folder, newest first. A copy without a sidecar (e.g. put there by hand) is read directly. */
export function listBackups(folder: string): BackupInfo[] {
  if (!existsSync(folder)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(folder)) {
    const m = NAME_PATTERN.exec(name);
    if (!m || !(BACKUP_KINDS as readonly string[]).includes(m[2]!)) continue;
    const file = join(folder, name);
    const sidecar = `${file}.json`;
    if (existsSync(sidecar)) {
      try {
        out.push({ ...(JSON.parse(readFileSync(sidecar, 'utf8')) as BackupInfo), name });
        continue;
      } catch {
        // fall through: describe the copy itself
      }
    }
    out.push(describeCopy(file, name, m[2] as BackupKind, statSync(file).mtime.toISOString(), '?', false));
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.name.localeCompare(a.name)));
}

/** Reads schema version and case count from a copy (read-only). */
export function describeCopy(file: string, name: string, kind: BackupKind, createdAt: string, createdBy: string, checked: boolean): BackupInfo {
  let schemaVersion = 0;
  let cases = 0;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      schemaVersion = db.pragma('user_version', { simple: true }) as number;
      cases = (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    // unreadable: listed with zeros so the administrator sees it and can remove it
  }
  return { name, kind, createdAt, createdBy, sizeBytes: statSync(file).size, schemaVersion, cases, checked };
}
