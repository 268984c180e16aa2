import type { Db } from '../../db/connection';
import { keyIdOf } from '../../events/chain';
import { setChainKey } from '../../events/chainKey';
import type { Actor } from '../../events/log';
import { assertKeyOutside, createAuditKey, readAuditKey } from './auditKey';
import { keyChain, keyedRow, keyProblem, registerTriggers } from './seal';

// The audit key of an App's database, from opening to keying (called by App; see seal.ts for why
// old logs are keyed from a marked row on).

export interface AuditKeyState {
  file: string;
  key: Buffer | null;
  keyId: string | null;
  /** Why the log cannot be written with this key (then the database opens read-only). */
  problem: string | null;
}

/**
 * Before migrations: the key, created when this database has never been keyed (a first start, or
 * the first start of a database from before keys). A keyed database whose key is missing is never
 * given a new one — that would silently orphan its signed rows.
 */
export function loadAuditKey(db: Db, dataDir: string, file: string): Buffer | null {
  assertKeyOutside(file, dataDir);
  const key = readAuditKey(file);
  const hasLog = db.raw("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'case_events'").length > 0;
  if (key || (hasLog && keyedRow(db.sqlite))) {
    if (key) setChainKey(db, key);
    return key;
  }
  const created = createAuditKey(file);
  setChainKey(db, created);
  return created;
}

/** After migrations: keys the log if needed; re-registers the triggers after the app's own schema changes. */
export function keyDatabase(db: Db, file: string, key: Buffer | null, actor: Actor, at: Date, schemaChanged: boolean): AuditKeyState {
  const problem = keyProblem(db, key, file);
  if (problem) {
    setChainKey(db, null);
    return { file, key, keyId: key ? keyIdOf(key) : null, problem };
  }
  const k = key!;
  setChainKey(db, k);
  if (!keyChain(db, k, actor, at) && schemaChanged) db.tx(() => registerTriggers(db, k));
  return { file, key: k, keyId: keyIdOf(k), problem: null };
}
