import { hostname } from 'node:os';
import { join } from 'node:path';
import { Db } from '../db/connection';
import { migrate, latestSchemaVersion, type MigrateResult } from '../db/migrate';
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
import { defaultAuditKeyFile } from '../services/audit/auditKey';
import { keyDatabase, loadAuditKey, type AuditKeyState } from '../services/audit/keySetup';
import { backupFoldersOf } from '../services/audit/verifyJob';
import { removePartialBackups, removeStaging } from '../services/backups/restore';
import { enterRecovery, isDamagedDatabase, type RecoveryState } from '../services/recovery/mode';
import { closePool } from '../services/documents/pool';
import { closeUploadPool } from '../services/uploads/contained';
import { closeReadPool } from '../jobs/readPool';
import { closeWritePool, startCheckpoints } from '../jobs/writePool';
import { publishCaseChanges } from '../live/caseFeed';
import { Presence } from '../live/presence';
import { courtConfigured, setupCourt } from '../services/settings/court';
import { courtIdentity } from '../../src-shared/domain/courtSetup';
import { applyShippedCalendar } from '../services/calendar/shipped';
import { keepProjectionsCurrent, stopReprojection } from '../events/reproject';

export interface AppOptions {
  dataDir: string;
  mode: 'desktop' | 'web' | 'server';
  /** Sets the administrator's password on a fresh database (scripted starts, tests). */
  adminPassword?: string;
  /** With adminPassword: the court's name and code (domain.md §1.2) on a fresh database; without it no case can be filed until set. */
  court?: { name: string; code: string };
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
  /** The audit key file, outside the data folder (default: ZHIXING_AUDIT_KEY, else the user's configuration folder). */
  auditKeyFile?: string;
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
  /** The database; replaced when the app leaves recovery mode after a restore. */
  db!: Db;
  readonly clock: Clock;
  readonly bus = new Bus();
  readonly passwords: Passwords;
  readonly sessions: Sessions;
  readonly registry = new Registry();
  jobs!: Jobs;
  /** Who has which case open (live/presence.ts). */
  readonly presence: Presence = new Presence(this);
  readonly workstation = hostname();
  readOnly = false;
  /** The documents folder was swept of a killed batch's remains at start (exclusive use only). */
  documentsSwept = false;
  /** The audit key of this database's log (services/audit/keySetup.ts). */
  audit!: AuditKeyState;
  /**
   * Set when the database could not be opened at all (a damaged header, a truncated file, damaged
   * pages of the tables every start reads): the app then serves only what restoring the latest
   * verified backup needs (services/recovery), instead of exiting.
   */
  recovery: RecoveryState | null = null;
  /** The start-up integrity check of a large database is still running: writes wait for it. */
  checking = false;
  /** Migrations applied earlier whose file has changed since (system.health reports them). */
  changedMigrations: MigrateResult['changed'] = [];
  private readonly releaseLock: (() => void) | null;
  private sessionFlush: ReturnType<typeof setInterval> | null = null;
  private stopCheckpoints: (() => void) | null = null;
  /** The structured log (the court server); null: messages go to the console. */
  readonly logger: Logger | null;
  /** The court server's address, names and certificate, once it listens (server.info). */
  server: ServerRuntime | null = null;
  readonly startedAt = Date.now();

  constructor(readonly options: AppOptions) {
    this.passwords = new Passwords(options.passwordCost);
    this.sessions = new Sessions(this.passwords, undefined, (message) => this.log('error', message));
    this.logger = options.logger ?? null;
    restrictNewFiles();
    privateFolder(options.dataDir);
    this.clock = new Clock(options.testClock ?? false);
    this.releaseLock = options.exclusive ? acquireDataDirLock(options.dataDir) : null;
    for (const group of allHandlers()) this.registry.register(group);
    try {
      this.openDatabase();
    } catch (e) {
      if (!isDamagedDatabase(e)) {
        this.releaseLock?.();
        throw e;
      }
      this.recovery = enterRecovery(this, e);
    }
  }

  /** Opens, migrates and keys the database, then the start-up checks and clean-ups. */
  private openDatabase(): void {
    const { options } = this;
    const file = join(options.dataDir, DB_FILE);
    privateFiles(file, `${file}-wal`, `${file}-shm`);
    const db = new Db(file);
    try {
      const keyFile = this.keyFile;
      const key = loadAuditKey(db, options.dataDir, keyFile);
      // Before any migration touches an existing database: a backup, unless the caller hooks it.
      const beforeMigrate = options.beforeMigrate ?? ((d: Db) => createBackupSync(d, options.dataDir, 'preMigration', { ...SYSTEM_ACTOR, workstation: this.workstation }, this.clock.now()));
      const migrated = migrate(db.sqlite, undefined, () => beforeMigrate(db), () => this.clock.nowIso());
      this.changedMigrations = migrated.changed;
      for (const m of this.changedMigrations) this.log('warn', `已执行过的数据库迁移 ${m.version}_${m.name} 的文件已被修改（不会再次执行）`);
      this.audit = keyDatabase(db, keyFile, key, { ...SYSTEM_ACTOR, workstation: this.workstation }, this.clock.now(), migrated.applied.length > 0);
      this.readOnly = false;
      if (this.audit.problem) {
        this.readOnly = true;
        this.log('error', this.audit.problem);
      }
      db.tx(() => ensureAdmin(db, this.clock.now()));
      // The shipped working-day calendar: years this version adds or corrects (never the court's own).
      if (!this.readOnly) applyShippedCalendar(db, { ...SYSTEM_ACTOR, workstation: this.workstation }, this.clock.now());
      if (options.adminPassword && !isInitialized(db)) {
        const admin = findUser(db, ADMIN_USERNAME)!;
        const hash = this.passwords.hashSync(options.adminPassword);
        db.tx(() => {
          setPasswordHash(db, admin.id, hash);
          if (options.court && !courtConfigured(db)) setupCourt(db, { ...SYSTEM_ACTOR, workstation: this.workstation }, this.clock.now(), parseCourt(options.court));
        });
      }
      this.jobs = new Jobs(db, this.bus, this.clock);
    } catch (e) {
      db.close();
      throw e;
    }
    this.db = db;
    // Sessions are kept in this database (a restart or a restore keeps or ends them there).
    this.sessions.bind(db);
    if (this.sessionFlush) clearInterval(this.sessionFlush);
    // Skipped while the write worker holds the database (db/writeGate.ts): the next flush writes it.
    this.sessionFlush = setInterval(() => {
      if (!this.db.gate.busy) this.sessions.flush();
    }, PERSIST_EVERY_MS);
    this.sessionFlush.unref();
    // WAL checkpoints on the write worker, never in a clerk's commit (jobs/writePool.ts).
    this.stopCheckpoints?.();
    this.stopCheckpoints = startCheckpoints(this);
    // Every committed change to cases reaches the clients that may see them (live/caseFeed.ts).
    db.onCommit = (changes) => publishCaseChanges(this, changes);
    if (options.startupChecks ?? true) runStartupChecks(this);
    // Derived tables whose rules changed with this version (or left half-derived by the last run)
    // are derived again from the event log: at once for a small court, else as a job.
    if (!this.readOnly) keepProjectionsCurrent(this);
    // Half-written document files of a batch that was killed: safe to remove only when this process
    // holds the data folder alone (another process's batch may be staging files right now).
    if (options.exclusive && !this.readOnly) {
      cleanOrphans(this.db, options.dataDir);
      this.documentsSwept = true;
    }
    // Likewise the half-written copies of a backup or a restore that was killed: never finished, never used.
    if (options.exclusive) {
      removeStaging(options.dataDir);
      removePartialBackups(backupFoldersOf(this));
    }
  }

  /** After recovery.restore put a verified backup in place: the app opens it as on any start. */
  leaveRecovery(): void {
    const placeholder = this.db;
    this.openDatabase();
    placeholder.close();
    this.recovery = null;
    this.sessions.dropAll(null);
  }

  /** The audit key file: the option, else ZHIXING_AUDIT_KEY, else the user's configuration folder. */
  get keyFile(): string {
    return this.options.auditKeyFile ?? defaultAuditKeyFile();
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
    // A re-projection stops between chunks and resumes at the next start.
    stopReprojection(this);
    await this.jobs.idle();
    if (this.sessionFlush) clearInterval(this.sessionFlush);
    this.stopCheckpoints?.();
    this.presence.close();
    this.sessions.flush();
    await closePool();
    await closeUploadPool();
    await closeReadPool();
    await closeWritePool();
    this.db.close();
    this.releaseLock?.();
  }
}

/** A scripted start's court, checked by the same rule as the setup screen (domain.md §1.2). */
function parseCourt(court: { name: string; code: string }): { name: string; code: string } {
  const r = courtIdentity.safeParse(court);
  if (!r.success) throw new Error(`法院设置有误：${r.error.issues[0]?.message ?? ''}`);
  return r.data;
}
