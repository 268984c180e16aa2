import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type Compilable } from 'kysely';
import type { Database as Schema } from './schema';

export type Row = Record<string, unknown>;

/** One case changed by a committed write (src-main/events/caseVersion.ts records them). */
export interface CaseChange {
  caseId: number;
  /** The case's new version: the id of the event that changed it. */
  version: number;
  /** Who changed it (display name) and when (ISO). */
  by: string;
  byId: number | null;
  at: string;
}

/**
 * The database: better-sqlite3 executes, Kysely builds typed queries. Execution is synchronous on
 * purpose: a service's transaction can never interleave with another request's queries, and
 * `tx()` is a real BEGIN IMMEDIATE, safe when two processes write the same file.
 * Queries stay in Kysely so that a PostgreSQL backend remains a dialect change (design.md §3).
 */
export class Db {
  readonly sqlite: Database.Database;
  readonly q: Kysely<Schema>;
  private readonly cache = new Map<string, Database.Statement>();
  /** Cases changed by the transaction in progress; handed to `onCommit` once it commits, dropped if it rolls back. */
  private pending: CaseChange[] = [];
  /** Told, after each commit, which cases it changed (the app publishes them to the clients that may see them). */
  onCommit: ((changes: CaseChange[]) => void) | null = null;

  constructor(file: string, options: { readonly?: boolean } = {}) {
    this.sqlite = new Database(file, { readonly: options.readonly ?? false });
    this.sqlite.pragma('busy_timeout = 10000');
    if (!options.readonly) {
      this.sqlite.pragma('journal_mode = WAL');
      // FULL: a committed receipt or payout survives a power cut (design.md §3, money).
      this.sqlite.pragma('synchronous = FULL');
    }
    this.sqlite.pragma('foreign_keys = ON');
    this.q = new Kysely<Schema>({ dialect: new SqliteDialect({ database: this.sqlite }) });
  }

  private prepare(sql: string): Database.Statement {
    let st = this.cache.get(sql);
    if (!st) {
      st = this.sqlite.prepare(sql);
      this.cache.set(sql, st);
    }
    return st;
  }

  all<T>(query: Compilable<T>): T[] {
    const c = query.compile();
    return this.prepare(c.sql).all(...(c.parameters as unknown[]).map(bindable)) as T[];
  }

  get<T>(query: Compilable<T>): T | undefined {
    const c = query.compile();
    return this.prepare(c.sql).get(...(c.parameters as unknown[]).map(bindable)) as T | undefined;
  }

  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number } {
    const c = query.compile();
    const r = this.prepare(c.sql).run(...(c.parameters as unknown[]).map(bindable));
    return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
  }

  /** Raw SQL for the few statements Kysely does not model well (aggregates over many tables, pragmas). */
  raw<T = Row>(sql: string, ...params: unknown[]): T[] {
    return this.prepare(sql).all(...params.map(bindable)) as T[];
  }

  rawRun(sql: string, ...params: unknown[]): { changes: number; lastInsertRowid: number } {
    const r = this.prepare(sql).run(...params.map(bindable));
    return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
  }

  /** One write transaction (BEGIN IMMEDIATE): all of `fn` or none of it. Nested calls join the outer one. */
  tx<T>(fn: () => T): T {
    if (this.sqlite.inTransaction) return fn();
    let result: T;
    try {
      result = this.sqlite.transaction(fn).immediate();
    } catch (e) {
      this.pending = [];
      throw e;
    }
    this.flushChanges();
    return result;
  }

  /** Notes a changed case: told after the commit, or at once when no transaction is open (autocommit). */
  noteCaseChange(change: CaseChange): void {
    this.pending.push(change);
    if (!this.sqlite.inTransaction) this.flushChanges();
  }

  private flushChanges(): void {
    if (this.pending.length === 0) return;
    const changes = this.pending;
    this.pending = [];
    try {
      this.onCommit?.(changes);
    } catch {
      // a listener's failure must not turn a committed write into an error
    }
  }

  close(): void {
    this.cache.clear();
    if (this.sqlite.open) this.sqlite.close();
  }
}

function bindable(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  return v;
}
