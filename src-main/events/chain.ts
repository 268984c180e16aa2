import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// The arithmetic of the event log's chain, with no other imports: the log (events/log.ts), the
// verifier's worker thread (services/audit/verifyWorker.ts, loaded as TypeScript by Node in
// development) and the backup sidecars all use it.
//
// Each row's hash covers its content and the previous row's hash. Rows from the `audit.keyed`
// row onward are hashed with HMAC-SHA256 under the audit key, which lives outside the data folder
// (services/audit/auditKey.ts): whoever can edit the database file but cannot read the key cannot
// recompute the chain after an edit. Rows written before a database was first keyed keep their
// plain SHA-256; the keyed row's hash covers the last of them, so they are sealed as a whole.

export const GENESIS_HASH = '0'.repeat(64);
/** The first keyed row: from it on, every hash is an HMAC under the audit key. */
export const SEAL_EVENT = 'audit.keyed';
/** A restore starts a new branch of the chain (the restored copy's rows, then this event). */
export const RESTORE_EVENT = 'backup.restored';

export interface HashedRow {
  prev_hash: string;
  case_id: number | null;
  type: string;
  at: string;
  on_date: string;
  actor_id: number | null;
  actor_name: string;
  workstation: string;
  payload: string;
}

/** The canonical text a row's hash covers; audit.verify recomputes it. */
export function eventHashInput(row: HashedRow): string {
  return JSON.stringify([row.prev_hash, row.case_id, row.type, row.at, row.on_date, row.actor_id, row.actor_name, row.workstation, row.payload]);
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export function hmac(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('hex');
}

/** A short public name of a key (not the key): recorded in the keyed row, printed on slips. */
export function keyIdOf(key: Buffer): string {
  return hmac(key, 'zhixing audit key id').slice(0, 16);
}

/** Constant-time comparison of two hex strings. */
export function sameHex(a: string, b: string): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * A published head: the last row of the log at some moment, with the chain it belongs to (the hash
 * of its keyed row) and its branch (the keyed row or the latest restore at or before it), signed
 * with the audit key so that nobody without the key can write one.
 */
export interface ChainHead {
  chain: string;
  branch: { id: number; hash: string };
  id: number;
  hash: string;
  at: string;
}

export interface SignedHead extends ChainHead {
  mac: string;
}

function headText(h: ChainHead): string {
  return JSON.stringify(['head', h.chain, h.branch.id, h.branch.hash, h.id, h.hash, h.at]);
}

export function signHead(key: Buffer, h: ChainHead): SignedHead {
  return { chain: h.chain, branch: { id: h.branch.id, hash: h.branch.hash }, id: h.id, hash: h.hash, at: h.at, mac: hmac(key, headText(h)) };
}

export function headSignatureOk(key: Buffer, h: SignedHead): boolean {
  return sameHex(hmac(key, headText(h)), h.mac);
}

/** Accepts only a well-formed head (from a file anybody may have edited). */
export function parseHead(v: unknown): SignedHead | null {
  if (!v || typeof v !== 'object') return null;
  const h = v as Record<string, unknown>;
  const b = h.branch as Record<string, unknown> | undefined;
  const hex = (x: unknown) => typeof x === 'string' && /^[0-9a-f]{64}$/.test(x);
  if (!hex(h.chain) || !hex(h.hash) || !hex(h.mac) || !b || !hex(b.hash)) return null;
  if (!Number.isSafeInteger(h.id) || !Number.isSafeInteger(b.id) || typeof h.at !== 'string') return null;
  return { chain: h.chain as string, branch: { id: b.id as number, hash: b.hash as string }, id: h.id as number, hash: h.hash as string, at: h.at, mac: h.mac as string };
}

/** JSON with object keys sorted at every level: the text a signature over an object covers. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

/** Signs a record (a backup's sidecar, the trigger register) under a purpose label. */
export function signRecord(key: Buffer, purpose: string, record: unknown): string {
  return hmac(key, `${purpose}\n${canonicalJson(record)}`);
}
