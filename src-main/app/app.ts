import { hostname } from 'node:os';
import { join } from 'node:path';
import { Db } from '../db/connection';
import { migrate, latestSchemaVersion } from '../db/migrate';
import { Registry } from '../api/registry';
import { allHandlers } from '../api/handlers';
import type { CallContext } from '../api/context';
import { PERSIST_EVERY_MS, Sessions } from '../services/auth/sessions';
import type { Logger } from './logger';
import { ensureAdmin, findUser, isInitialized, setPasswordHash, ADMIN_USERNAME } from '../services/auth/users';
import { Passwords, type PasswordCost } from '../services/auth/passwords';
import { Jobs } from '../jobs/runner';
import { Bus } from './bus';
import { Clock } from './clock';
import { acquireDataDirLock } from './dataDirLock';
import { privateFiles, privateFolder, restrictNewFiles } from './fileModes';
import { SYSTEM_ACTOR } from '../events/log';
import { createBackupSync } from '../services/backups/create';
import { runStartupChecks } from '../services/security/health';
import { cleanOrphans } from '../services/documents/storage';
import { closePool } from '../services/documents/pool';
import { closeUploadPool } from '../services/uploads/contained';
import { closeReadPool } from '../jobs/readPool';
import { publishCaseChanges } from '../live/caseFeed';
import { Presence } from '../live/presence';

export interface AppOptions {
  dataDir: string;
  mode: 'desktop' | 'web' | 'server';
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
  /** The structured, rotated log of the court server (app/logger.ts); without it, messages go to the console. */
  logger?: Logger;
  /**
   * Tests only: a cheaper scrypt cost, so a suite that logs in hundreds of times does not spend
   * minutes hashing. The desktop and web entry points never set it; passwords.ts holds the real cost.
   */
  passwordCost?: PasswordCost;
}

/** What the court server shows the administrator about itself (cli/server.ts sets it). */
export interface ServerRuntime {
  listen: { host: string; port: number };
  names: string[];
  certificate: { fingerprint256: string; source: 'court' | 'created'; validTo: string; subject: string; file: string };
  logFile: string | null;
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
  readonly passwords: Passwords;
  readonly sessions: Sessions;
  readonly registry = new Registry();
  readonly jobs: Jobs;
  /** Who has which case open (live/presence.ts). */
  readonly presence: Presence = new Presence(this);
  readonly workstation = hostname();
  readOnly = false;
  /** The start-up integrity check of a large database is still running: writes wait for it. */
  checking = false;
  private readonly releaseLock: (() => void) | null;
  private sessionFlush: ReturnType<typeof setInterval> | null = null;
  /** The structured log (the court server); null: messages go to the console. */
  readonly logger: Logger | null;
  /** The court server's address, names and certificate, once it listens (server.info). */
  server: ServerRuntime | null = null;
  readonly startedAt = Date.now();

  constructor(readonly options: AppOptions) {
    this.passwords = new Passwords(options.passwordCost);
    this.sessions = new Sessions(this.passwords);
    this.logger = options.logger ?? null;
    restrictNewFiles();
    privateFolder(options.dataDir);
    this.clock = new Clock(options.testClock ?? false);
    this.releaseLock = options.exclusive ? acquireDataDirLock(options.dataDir) : null;
    try {
      const file = join(options.dataDir, DB_FILE);
      privateFiles(file, `${file}-wal`, `${file}-shm`);
      this.db = new Db(file);
    } catch (e) {
      this.releaseLock?.();
      throw e;
    }
    try {
      // Before any migration touches an existing database: a backup (issue 7), unless the caller hooks it.
      const beforeMigrate = options.beforeMigrate ?? ((db: Db) => createBackupSync(db, options.dataDir, 'preMigration', { ...SYSTEM_ACTOR, workstation: this.workstation }, this.clock.now()));
      migrate(this.db.sqlite, undefined, () => beforeMigrate(this.db));
      this.db.tx(() => ensureAdmin(this.db, this.clock.now()));
      if (options.adminPassword && !isInitialized(this.db)) {
        setPasswordHash(this.db, findUser(this.db, ADMIN_USERNAME)!.id, this.passwords.hashSync(options.adminPassword));
      }
    } catch (e) {
      this.db.close();
      this.releaseLock?.();
      throw e;
    }
    this.sessions.bind(this.db);
    this.sessionFlush = setInterval(() => this.sessions.flush(), PERSIST_EVERY_MS);
    this.sessionFlush.unref();
    this.jobs = new Jobs(this.db, this.bus, this.clock);
    // Every committed change to cases reaches the clients that may see them (live/caseFeed.ts).
    this.db.onCommit = (changes) => publishCaseChanges(this, changes);
    for (const group of allHandlers()) this.registry.register(group);
    if (options.startupChecks ?? true) runStartupChecks(this);
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
    if (this.logger) {
      this.logger.write(level, message, detail === undefined ? {} : { detail });
      return;
    }
    if (this.options.quiet && level === 'info') return;
    const line = `[${new Date().toISOString()}] ${level} ${message}`;
    if (level === 'error') console.error(line, detail ?? '');
    else console.log(line, detail ?? '');
  }

  async close(): Promise<void> {
    await this.jobs.idle();
    if (this.sessionFlush) clearInterval(this.sessionFlush);
    this.presence.close();
    this.sessions.flush();
    await closePool();
    await closeUploadPool();
    await closeReadPool();
    this.db.close();
    this.releaseLock?.();
  }
}
