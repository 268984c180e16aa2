import type { Db } from '../db/connection';
import { hmac, SEAL_EVENT, sha256 } from './chain';

// Which audit key a database connection hashes new rows with. The App sets it after opening the
// database (services/audit/seal.ts); a connection without it can still append to a log that was
// never keyed (plain SHA-256), but never to a keyed one: a plain row after the keyed row would
// break the chain, so that is refused.

const keys = new WeakMap<Db, Buffer>();
const sealed = new WeakSet<Db>();

export function setChainKey(db: Db, key: Buffer | null): void {
  if (key) keys.set(db, key);
  else keys.delete(db);
}

export function chainKeyOf(db: Db): Buffer | null {
  return keys.get(db) ?? null;
}

/** True once the log has its keyed row (then for good: the row cannot be removed without breaking the chain). */
export function isKeyed(db: Db): boolean {
  if (sealed.has(db)) return true;
  const hit = db.raw('SELECT 1 FROM case_events WHERE type = ? LIMIT 1', SEAL_EVENT).length > 0;
  if (hit) sealed.add(db);
  return hit;
}

/** The hash of a new row of the log, given its canonical text (eventHashInput). */
export function chainHash(db: Db, input: string): string {
  if (!isKeyed(db)) return sha256(input);
  const key = keys.get(db);
  if (!key) throw new Error('审计密钥未载入，不能写入操作日志（请按“密钥备份”的说明恢复审计密钥）');
  return hmac(key, input);
}
