import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type Compilable } from 'kysely';
import type { Database as Schema } from './schema';
import { WriteGate } from './writeGate';

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
  /** Writers of this connection wait here, asynchronously, while a large commit holds the file on the write worker. */
  readonly gate = new WriteGate();
  private readonly cache = new Map<string, Database.Statement>();
  /** Cases changed by the transaction in progress; handed to `onCommit` once it commits, dropped if it rolls back. */
  private changed: CaseChange[] = [];
  /** Told, after each commit, which cases it changed (the app publishes them to the clients that may see them). */
  onCommit: ((changes: CaseChange[]) => void) | null = null;
  private readonly arrays = new Map<string, Database.Statement>();
  /** Work queued to run inside the open tx(), just before it commits (see beforeCommit). */
  private pending: Map<string, () => void> | null = null;

  constructor(file: string, options: { readonly?: boolean } = {}) {
    this.sqlite = new Database(file, { readonly: options.readonly ?? false });
    try {
      this.sqlite.pragma('busy_timeout = 10000');
      if (!options.readonly) {
        this.sqlite.pragma('journal_mode = WAL');
        // FULL: a committed receipt or payout survives a power cut (design.md §3, money).
        this.sqlite.pragma('synchronous = FULL');
      }
      this.sqlite.pragma('foreign_keys = ON');
    } catch (e) {
      this.sqlite.close(); // e.g. a file whose header is not SQLite's: nothing may keep it open
      throw e;
    }
    // 64 MB of pages kept by SQLite itself (the default is 2 MB): a year of metric facts or the
    // deadline board of a 200,000-case court is read from memory, not from the OS page by page.
    this.sqlite.pragma('cache_size = -65536');
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

  /** Rows as arrays of column values (no object per row): for reads of tens of thousands of rows. */
  rows(sql: string, ...params: unknown[]): unknown[][] {
    let st = this.arrays.get(sql);
    if (!st) {
      st = this.sqlite.prepare(sql).raw(true);
      this.arrays.set(sql, st);
    }
    return st.all(...params.map(bindable)) as unknown[][];
  }

  rawRun(sql: string, ...params: unknown[]): { changes: number; lastInsertRowid: number } {
    const r = this.prepare(sql).run(...params.map(bindable));
    return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
  }

  /** One write transaction (BEGIN IMMEDIATE): all of `fn` or none of it. Nested calls join the outer one. */
  tx<T>(fn: () => T): T {
    if (this.sqlite.inTransaction) return fn();
    if (this.gate.busy) this.gate.missed++; // a writer that did not wait at the gate: it waits in SQLite, synchronously
    let result: T;
    try {
      result = this.sqlite
        .transaction(() => {
          this.pending = new Map();
          try {
            const out = fn();
            // Queued work runs last, still inside the transaction (it may queue more).
            while (this.pending.size > 0) {
              const [key, work] = this.pending.entries().next().value!;
              this.pending.delete(key);
              work();
            }
            return out;
          } finally {
            this.pending = null;
          }
        })
        .immediate();
    } catch (e) {
      this.changed = [];
      throw e;
    }
    this.flushChanges();
    return result;
  }

  /**
   * Queues work to run at the end of the open tx(), inside it, once per key however often it is
   * queued (a projection that recomputes a case once per transaction, not once per event). Returns
   * false when no tx() is open: the caller then does the work at once.
   */
  beforeCommit(key: string, work: () => void): boolean {
    if (!this.pending) return false;
    this.pending.set(key, work);
    return true;
  }

  /** Notes a changed case: told after the commit, or at once when no transaction is open (autocommit). */
  noteCaseChange(change: CaseChange): void {
    this.changed.push(change);
    if (!this.sqlite.inTransaction) this.flushChanges();
  }

  private flushChanges(): void {
    if (this.changed.length === 0) return;
    const changes = this.changed;
    this.changed = [];
    try {
      this.onCommit?.(changes);
    } catch {
      // a listener's failure must not turn a committed write into an error
    }
  }

  close(): void {
    this.cache.clear();
    this.arrays.clear();
    if (this.sqlite.open) this.sqlite.close();
  }
}

function bindable(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  return v;
}
