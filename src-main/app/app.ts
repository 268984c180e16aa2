import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Db } from '../db/connection';
import { migrate, latestSchemaVersion, type MigrateResult } from '../db/migrate';
import { Registry } from '../api/registry';
import { allHandlers } from '../api/handlers';
import type { CallContext } from '../api/context';
import { Sessions } from '../services/auth/sessions';
import { ensureAdmin, findUser, isInitialized, setPassword, ADMIN_USERNAME } from '../services/auth/users';
import { Jobs } from '../jobs/runner';
import { Bus } from './bus';
import { Clock } from './clock';
import { acquireDataDirLock } from './dataDirLock';
import { SYSTEM_ACTOR } from '../events/log';
import { createBackupSync } from '../services/backups/create';
import { runStartupChecks } from '../services/security/health';
import { cleanOrphans } from '../services/documents/storage';
import { closePool } from '../services/documents/pool';
import { applyShippedCalendar } from '../services/calendar/shipped';
import { keepProjectionsCurrent, stopReprojection } from '../events/reproject';

export interface AppOptions {
  dataDir: string;
  mode: 'desktop' | 'web';
  /** Sets the administrator's password on a fresh database (scripted starts, tests). */
  adminPassword?: string;
  /** Lets `system.setClock` move the app's clock (tests only). */
  testClock?: boolean;
  /** Called once before migrations run against an existing database (a backup hook). */
  beforeMigrate?: (db: Db) => void;
  quiet?: boolean;
  /** Takes the one-process-per-folder lock (the desktop and web entry points; see dataDirLock.ts). */
  exclusive?: boolean;
  /** PRAGMA quick_check and the audit-chain verification at start-up (default on). */
  startupChecks?: boolean;
}

export const APP_VERSION = '0.1.0';
export const DB_FILE = 'zhixing.sqlite';

/**
 * The back office: one database in one data folder, the API registry, sessions, jobs and the push
 * bus. Electron's main process and the web mode each open one App and serve its registry.
 */
export class App {
  readonly db: Db;
  readonly clock: Clock;
  readonly bus = new Bus();
  readonly sessions = new Sessions();
  readonly registry = new Registry();
  readonly jobs: Jobs;
  readonly workstation = hostname();
  readOnly = false;
  /** The start-up integrity check of a large database is still running: writes wait for it. */
  checking = false;
  /** Migrations applied earlier whose file has changed since (system.health reports them). */
  changedMigrations: MigrateResult['changed'] = [];
  private readonly releaseLock: (() => void) | null;

  constructor(readonly options: AppOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.clock = new Clock(options.testClock ?? false);
    this.releaseLock = options.exclusive ? acquireDataDirLock(options.dataDir) : null;
    try {
      this.db = new Db(join(options.dataDir, DB_FILE));
    } catch (e) {
      this.releaseLock?.();
      throw e;
    }
    try {
      // Before any migration touches an existing database: a backup (issue 7), unless the caller hooks it.
      const beforeMigrate = options.beforeMigrate ?? ((db: Db) => createBackupSync(db, options.dataDir, 'preMigration', { ...SYSTEM_ACTOR, workstation: this.workstation }, this.clock.now()));
      this.changedMigrations = migrate(this.db.sqlite, undefined, () => beforeMigrate(this.db), () => this.clock.nowIso()).changed;
      for (const m of this.changedMigrations) this.log('warn', `已执行过的数据库迁移 ${m.version}_${m.name} 的文件已被修改（不会再次执行）`);
      this.db.tx(() => ensureAdmin(this.db, this.clock.now()));
      // The shipped working-day calendar: years this version adds or corrects (never the court's own).
      applyShippedCalendar(this.db, { ...SYSTEM_ACTOR, workstation: this.workstation }, this.clock.now());
      if (options.adminPassword && !isInitialized(this.db)) {
        setPassword(this.db, findUser(this.db, ADMIN_USERNAME)!.id, options.adminPassword);
      }
    } catch (e) {
      this.db.close();
      this.releaseLock?.();
      throw e;
    }
    this.jobs = new Jobs(this.db, this.bus, this.clock);
    for (const group of allHandlers()) this.registry.register(group);
    if (options.startupChecks ?? true) runStartupChecks(this);
    // Derived tables whose rules changed with this version (or left half-derived by the last run)
    // are derived again from the event log: at once for a small court, else as a job.
    keepProjectionsCurrent(this);
    // Half-written document files of a batch that was killed: safe to remove only when this process
    // holds the data folder alone (another process's batch may be staging files right now).
    if (options.exclusive && !this.readOnly) cleanOrphans(this.db, options.dataDir);
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  get schemaVersion(): number {
    return latestSchemaVersion();
  }

  /** A context for calls made by the app itself (demo data, start-up tasks). */
  internalContext(user: CallContext['user'] = null): CallContext {
    return { app: this, user, token: null, workstation: this.workstation, transport: 'internal' };
  }

  log(level: 'info' | 'warn' | 'error', message: string, detail?: unknown): void {
    if (this.options.quiet && level === 'info') return;
    const line = `[${new Date().toISOString()}] ${level} ${message}`;
    if (level === 'error') console.error(line, detail ?? '');
    else console.log(line, detail ?? '');
  }

  async close(): Promise<void> {
    // A re-projection stops between chunks and resumes at the next start.
    stopReprojection(this);
    await this.jobs.idle();
    await closePool();
    this.db.close();
    this.releaseLock?.();
  }
}
