import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { App } from '../../app/app';
import { DB_FILE } from '../../app/app';
import { Db } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { keyIdOf } from '../../events/chain';
import { Jobs } from '../../jobs/runner';
import { ensureAdmin } from '../auth/users';
import { readAuditKey } from '../audit/auditKey';
import { healthOf } from '../security/health';

// Recovery mode: the database file is damaged so that it cannot even be opened — its header is not
// SQLite's, it was cut short, or the pages of a table every start reads (users, jobs) are broken.
// Instead of exiting, the app starts without it: an empty in-memory stand-in keeps the machinery
// running, every method but system.info and recovery.* is refused (registry), and the UI offers the
// latest backup that verifies (services/recovery/restore.ts). Damage the app can still open (an
// index or data page) keeps the read-only mode of the start-up check instead.

export interface RecoveryState {
  /** What is wrong, in Chinese, without file names. */
  reason: string;
  /** What SQLite's own check says, where it can still say anything. */
  problems: string[];
  since: string;
}

const DAMAGE = /^SQLITE_(CORRUPT|NOTADB|IOERR)/;

export function isDamagedDatabase(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && DAMAGE.test(code)) return true;
  const message = e instanceof Error ? e.message : '';
  return /database disk image is malformed|file is not a database/i.test(message);
}

function describe(e: unknown): string {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  if (code.startsWith('SQLITE_NOTADB')) return '数据库文件的文件头已损坏，无法识别为数据库';
  if (code.startsWith('SQLITE_IOERR')) return '读取数据库文件时出错（磁盘或文件损坏）';
  return '数据库文件已损坏（部分页面无法读取，或文件不完整）';
}

/** SQLite's own account of the damage, when the file can be opened read-only at all. */
function probe(file: string): string[] {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.pragma('quick_check(5)') as { quick_check: string }[]).map((r) => r.quick_check).filter((m) => m !== 'ok');
    } finally {
      db.close();
    }
  } catch {
    return []; // not even readable: the reason says it all
  }
}

export function enterRecovery(app: App, e: unknown): RecoveryState {
  const reason = describe(e);
  const state: RecoveryState = { reason, problems: probe(join(app.dataDir, DB_FILE)), since: app.clock.nowIso() };
  app.log('error', `数据库无法打开，已进入恢复模式：${reason}${state.problems.length ? `；自检：${state.problems.join('；')}` : ''}`, e);
  const stand = new Db(':memory:');
  migrate(stand.sqlite);
  stand.tx(() => ensureAdmin(stand, app.clock.now()));
  app.db = stand;
  app.jobs = new Jobs(stand, app.bus, app.clock);
  app.readOnly = true;
  let key: Buffer | null = null;
  try {
    key = readAuditKey(app.keyFile); // never created here: backups are verified with the key they were signed with
  } catch {
    key = null;
  }
  app.audit = { file: app.keyFile, key, keyId: key ? keyIdOf(key) : null, problem: null };
  healthOf(app).quickCheck = { ok: false, problems: [reason, ...state.problems], checkedAt: state.since };
  return state;
}
