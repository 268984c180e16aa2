import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../../db/connection';
import { courtToday } from '../../../src-shared/domain/chineseDate';
import { eventHashInput, GENESIS_HASH, hmac, keyIdOf, RESTORE_EVENT, SEAL_EVENT, signHead, type SignedHead } from '../../events/chain';
import type { Actor } from '../../events/log';
import { currentTriggers, signTriggers, TRIGGER_REGISTER_KEY } from './triggers';

// Keying a database's log, and the signed head other places publish.
//
// A new database is keyed on its first start: its first row is `audit.keyed`. A database from
// before the key existed is keyed the same way on the first start of this version: the rows it
// already has keep their plain SHA-256 hashes, and the `audit.keyed` row appended after them —
// HMAC-signed, and covering the last old row's hash through its own prev_hash — marks where the key
// takes effect. (Re-sealing the old rows with the key instead would sign whatever a file editor
// may already have done to them; the marked row seals them exactly as found, and says so: its
// payload records how many rows it found and the head it sealed.) The marker cannot be moved:
// it is a row of the chain, signed with the key.

type Reader = Pick<BetterSqlite3.Database, 'prepare'>;

export interface KeyedRow {
  id: number;
  hash: string;
  keyId: string | null;
}

export function keyedRow(sqlite: Reader): KeyedRow | null {
  const r = sqlite.prepare('SELECT id, hash, payload FROM case_events WHERE type = ? ORDER BY id LIMIT 1').get(SEAL_EVENT) as { id: number; hash: string; payload: string } | undefined;
  if (!r) return null;
  let keyId: string | null = null;
  try {
    const v = (JSON.parse(r.payload) as { keyId?: unknown }).keyId;
    keyId = typeof v === 'string' ? v : null;
  } catch {
    // unreadable payload: the chain check reports it
  }
  return { id: r.id, hash: r.hash, keyId };
}

/** Why this key cannot write to this database's log, or null when it can. */
export function keyProblem(db: Db, key: Buffer | null, keyFile: string): string | null {
  const row = keyedRow(db.sqlite);
  if (!row) return null;
  if (!key) return `本数据库的操作日志由审计密钥（编号 ${row.keyId ?? '未知'}）签名，但找不到密钥文件 ${keyFile}。为免日志无法校验，数据库以只读方式打开：请从“密钥备份”恢复该文件后重新启动。`;
  const mine = keyIdOf(key);
  if (row.keyId !== mine) return `本数据库的操作日志由另一把审计密钥（编号 ${row.keyId ?? '未知'}）签名，本机密钥（${keyFile}）编号为 ${mine}。数据库以只读方式打开：请恢复本数据库所用的密钥后重新启动。`;
  return null;
}

/**
 * Appends the `audit.keyed` row unless the log has one, and registers the append-only triggers.
 * Written here rather than through appendEvent because it is the one row whose hash switches from
 * SHA-256 to the HMAC: appendEvent hashes a row by the state of the log before it.
 */
export function keyChain(db: Db, key: Buffer, actor: Actor, at: Date): boolean {
  return db.tx(() => {
    if (keyedRow(db.sqlite)) return false;
    const last = db.raw<{ id: number; hash: string }>('SELECT id, hash FROM case_events ORDER BY id DESC LIMIT 1')[0];
    const legacyRows = db.raw<{ n: number }>('SELECT count(*) AS n FROM case_events')[0]!.n;
    const row = {
      prev_hash: last?.hash ?? GENESIS_HASH,
      case_id: null,
      type: SEAL_EVENT,
      at: at.toISOString(),
      on_date: courtToday(at),
      actor_id: actor.id,
      actor_name: actor.name,
      workstation: actor.workstation,
      payload: JSON.stringify({ keyId: keyIdOf(key), legacyRows, ...(last ? { legacyHead: { id: last.id, hash: last.hash } } : {}) }),
    };
    db.rawRun(
      'INSERT INTO case_events (case_id, type, at, on_date, actor_id, actor_name, workstation, payload, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)',
      row.case_id,
      row.type,
      row.at,
      row.on_date,
      row.actor_id,
      row.actor_name,
      row.workstation,
      row.payload,
      row.prev_hash,
      hmac(key, eventHashInput(row)),
    );
    registerTriggers(db, key);
    return true;
  });
}

/** Records the append-only triggers as they are now (after the app's own schema changes only). */
export function registerTriggers(db: Db, key: Buffer): void {
  const value = JSON.stringify(signTriggers(key, currentTriggers(db.sqlite)));
  db.rawRun('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', TRIGGER_REGISTER_KEY, value);
}

/**
 * The log's last row (or row `id`), signed: what backups, report manifests, 审计封存单 and the anchor
 * publish. Null before the log is keyed.
 */
export function signedHead(sqlite: Reader, key: Buffer, at: Date, id?: number): SignedHead | null {
  const seal = keyedRow(sqlite);
  if (!seal) return null;
  const row = (id === undefined
    ? sqlite.prepare('SELECT id, hash FROM case_events ORDER BY id DESC LIMIT 1').get()
    : sqlite.prepare('SELECT id, hash FROM case_events WHERE id = ?').get(id)) as { id: number; hash: string } | undefined;
  if (!row || row.id < seal.id) return null;
  const branch = sqlite.prepare('SELECT id, hash FROM case_events WHERE type IN (?, ?) AND id >= ? AND id <= ? ORDER BY id DESC LIMIT 1').get(SEAL_EVENT, RESTORE_EVENT, seal.id, row.id) as { id: number; hash: string };
  return signHead(key, { chain: seal.hash, branch, id: row.id, hash: row.hash, at: at.toISOString() });
}
