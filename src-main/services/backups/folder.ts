import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../../db/connection';
import type { SignedHead } from '../../events/chain';
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

/**
 * The sidecar as written: the description, the copy's SHA-256, the log head inside the copy (a
 * published head, services/audit/heads.ts), and an HMAC over all of it with the audit key
 * (backups/verified.ts). Sidecars of older versions have only the description.
 */
export interface Sidecar extends BackupInfo {
  sha256?: string;
  auditHead?: SignedHead | null;
  keyId?: string;
  signature?: string;
}

export const NAME_PATTERN = /^zhixing-([0-9TZ-]+)-([a-zA-Z]+)(-\d+)?\.sqlite$/;

/** The backup folder: the backupDir setting (may be another disk) or `backups` in the data folder. */
export function backupFolder(db: Db, dataDir: string): string {
  const dir = getSettings(db).backupDir;
  const folder = dir && isAbsolute(dir) ? dir : join(dataDir, 'backups');
  mkdirSync(folder, { recursive: true });
  return folder;
}

/**
 * Where backups went last, kept beside the database (not in it), so that a database too damaged to
 * read its settings still finds its backups on the other disk (recovery mode). Only a pointer: the
 * backups it leads to must carry valid signatures to be offered.
 */
export const BACKUP_LOCATION_FILE = 'backup-location.json';

export function rememberBackupFolder(dataDir: string, folder: string): void {
  try {
    writeFileSync(join(dataDir, BACKUP_LOCATION_FILE), JSON.stringify({ folder }), { mode: 0o600 });
  } catch {
    // best effort: the default folder is searched anyway
  }
}

export function rememberedBackupFolder(dataDir: string): string | null {
  try {
    const v = (JSON.parse(readFileSync(join(dataDir, BACKUP_LOCATION_FILE), 'utf8')) as { folder?: unknown }).folder;
    return typeof v === 'string' && isAbsolute(v) ? v : null;
  } catch {
    return null;
  }
}

/** `zhixing-2026-11-22T02-00-00-123Z-daily.sqlite`: sortable, safe on every file system. */
export function backupFileName(folder: string, kind: BackupKind, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let name = `zhixing-${stamp}-${kind}.sqlite`;
  for (let n = 2; existsSync(join(folder, name)); n++) name = `zhixing-${stamp}-${kind}-${n}.sqlite`;
  return name;
}

export function readSidecar(folder: string, name: string): Sidecar | null {
  const sidecar = join(folder, `${name}.json`);
  if (!existsSync(sidecar)) return null;
  try {
    const v = JSON.parse(readFileSync(sidecar, 'utf8')) as Sidecar;
    return v && typeof v === 'object' ? v : null;
  } catch {
    return null;
  }
}

/** Backups in the folder, newest first, as their sidecars describe them (a copy without one is read directly). */
export function listBackups(folder: string): Sidecar[] {
  if (!existsSync(folder)) return [];
  const out: Sidecar[] = [];
  for (const name of readdirSync(folder)) {
    const m = NAME_PATTERN.exec(name);
    if (!m || !(BACKUP_KINDS as readonly string[]).includes(m[2]!)) continue;
    const file = join(folder, name);
    const side = readSidecar(folder, name);
    if (side && typeof side.createdAt === 'string') {
      // Listed under the file's own name; a sidecar copied beside another file fails its signature,
      // which covers the name it was written for (backups/verified.ts).
      out.push({ ...side, name });
      continue;
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
