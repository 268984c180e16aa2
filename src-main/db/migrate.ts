import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';

// Migrations are frozen: each file holds plain SQL (or code that builds SQL from nothing but the
// file itself) and never imports live service code or data — a migration must produce the same
// schema on the day a court upgrades as on the day it was written. Data the app refreshes (the
// holiday calendar) is loaded by the app, not by a migration. Derived tables are kept by
// projections (src-main/events/projections.ts), never by triggers.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every numbered migration file in ./migrations, in order. Numbers need not be contiguous. */
export function loadMigrations(): Migration[] {
  const modules = import.meta.glob<{ migration: Migration }>('./migrations/[0-9]*.ts', { eager: true });
  const list = Object.entries(modules).map(([file, mod]) => {
    const m = mod.migration;
    const prefix = Number(/\/(\d+)_/.exec(file)?.[1]);
    if (m.version !== prefix) throw new Error(`Migration ${file} declares version ${m.version}`);
    return m;
  });
  list.sort((a, b) => a.version - b.version);
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.version === list[i - 1]!.version) throw new Error(`Two migrations numbered ${list[i]!.version}`);
  }
  return list;
}

export class NewerSchemaError extends Error {}

export const checksumOf = (m: Migration): string => createHash('sha256').update(m.sql).digest('hex');

export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
  applied_at: string;
}

export interface MigrateResult {
  /** Versions applied now, in order. */
  applied: number[];
  /** Applied migrations whose file has changed since (reported, never applied again). */
  changed: { version: number; name: string }[];
}

// The register of applied migrations. Created here rather than by a numbered migration: it is what
// decides which numbered migrations run.
const REGISTER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`;

function appliedRows(sqlite: BetterSqlite3.Database): AppliedMigration[] {
  const exists = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
  return exists ? (sqlite.prepare('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version').all() as AppliedMigration[]) : [];
}

/**
 * Applies every migration not yet in `schema_migrations`, whatever its number (one numbered below
 * the highest applied still runs), in one transaction: all of them or none. A database written by a
 * newer version of the app (a migration this app does not know) is refused rather than damaged. A
 * database from before the register (only `user_version`) is taken to have applied every migration
 * up to its user_version. `user_version` stays the highest applied, for tools that read it.
 */
export function migrate(sqlite: BetterSqlite3.Database, migrations = loadMigrations(), beforeApply?: () => void, now: () => string = () => new Date().toISOString()): MigrateResult {
  const known = new Map(migrations.map((m) => [m.version, m]));
  const latest = migrations.at(-1)?.version ?? 0;
  const check = (rows: AppliedMigration[], userVersion: number) => {
    const unknown = rows.filter((r) => !known.has(r.version));
    if (unknown.length > 0 || userVersion > latest) {
      const v = Math.max(userVersion, ...unknown.map((r) => r.version));
      throw new NewerSchemaError(`数据库版本（${v}）比本程序支持的版本（${latest}）新：请使用新版本的执行案件管理系统打开此数据文件夹。`);
    }
  };
  const pendingOf = (rows: AppliedMigration[], userVersion: number) => {
    const done = new Set(rows.map((r) => r.version));
    // Before the register existed, user_version was the highest migration applied and every lower one had run.
    if (rows.length === 0) for (const m of migrations) if (m.version <= userVersion) done.add(m.version);
    return migrations.filter((m) => !done.has(m.version));
  };
  const changedOf = (rows: AppliedMigration[]) => rows.filter((r) => known.has(r.version) && r.checksum !== checksumOf(known.get(r.version)!)).map((r) => ({ version: r.version, name: r.name }));

  const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
  const rows = appliedRows(sqlite);
  check(rows, userVersion);
  if (rows.length > 0 && pendingOf(rows, userVersion).length === 0) return { applied: [], changed: changedOf(rows) };
  if (userVersion > 0 || rows.length > 0) beforeApply?.();
  // Read again inside the write lock: another process may have migrated meanwhile.
  return sqlite
    .transaction(() => {
      const uv = sqlite.pragma('user_version', { simple: true }) as number;
      const current = appliedRows(sqlite);
      check(current, uv);
      sqlite.exec(REGISTER);
      const record = sqlite.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
      if (current.length === 0) {
        // The register starts with what user_version says was applied, with the files' checksums today.
        for (const m of migrations) if (m.version <= uv) record.run(m.version, m.name, checksumOf(m), now());
      }
      const pending = pendingOf(current, uv);
      for (const m of pending) {
        sqlite.exec(m.sql);
        record.run(m.version, m.name, checksumOf(m), now());
      }
      const highest = (sqlite.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
      sqlite.pragma(`user_version = ${highest}`);
      return { applied: pending.map((m) => m.version), changed: changedOf(appliedRows(sqlite)) };
    })
    .immediate();
}

export function latestSchemaVersion(): number {
  return loadMigrations().at(-1)?.version ?? 0;
}
