import type BetterSqlite3 from 'better-sqlite3';

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

/**
 * Applies the pending migrations in one transaction: all of them or none. A database written by a
 * newer version of the app (a higher user_version than we know) is refused rather than damaged.
 * Returns the versions applied.
 */
export function migrate(sqlite: BetterSqlite3.Database, migrations = loadMigrations(), beforeApply?: () => void): number[] {
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new NewerSchemaError(
      `数据库版本（${current}）比本程序支持的版本（${latest}）新：请使用新版本的执行案件管理系统打开此数据文件夹。`,
    );
  }
  if (current === latest) return [];
  if (current > 0) beforeApply?.();
  // Re-read the version inside the write lock: another process may have migrated meanwhile.
  return sqlite
    .transaction(() => {
      const now = sqlite.pragma('user_version', { simple: true }) as number;
      const pending = migrations.filter((m) => m.version > now);
      for (const m of pending) sqlite.exec(m.sql);
      sqlite.pragma(`user_version = ${latest}`);
      return pending.map((m) => m.version);
    })
    .immediate();
}

export function latestSchemaVersion(): number {
  return loadMigrations().at(-1)?.version ?? 0;
}
