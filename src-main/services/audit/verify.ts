import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Db } from '../../db/connection';
import { eventHashInput, GENESIS_HASH, sha256 } from '../../events/log';

export interface AuditReport {
  ok: boolean;
  checked: number;
  firstBroken: { id: number; reason: string } | null;
  triggersPresent: boolean;
  checkedAt: string;
  ms: number;
}

interface EventRow {
  id: number;
  case_id: number | null;
  type: string;
  at: string;
  on_date: string;
  actor_id: number | null;
  actor_name: string;
  workstation: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

/** The last row a previous verification saw, kept beside the database (not in it). */
interface Anchor {
  id: number;
  hash: string;
}

/**
 * Recomputes the hash chain of the event log (issue 7, 全程留痕): every row's hash must match its
 * content and the previous row's hash. An edited row breaks its own hash; a deleted row breaks the
 * link of the next one; cutting rows off the end is caught by the anchor — the last verified row,
 * written to a file next to the database after each clean run. The append-only triggers must still
 * be in place.
 */
export function verifyAuditChain(db: Db, at: Date, anchorFile?: string): AuditReport {
  const started = performance.now();
  const triggers = db.raw<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN ('case_events_no_update', 'case_events_no_delete')",
  );
  const triggersPresent = triggers.length === 2;
  let prev = GENESIS_HASH;
  let checked = 0;
  let firstBroken: AuditReport['firstBroken'] = null;
  let last: Anchor | null = null;
  const anchor = anchorFile ? readAnchor(anchorFile) : null;
  let anchorSeen = false;
  // A read transaction so that the whole chain is one consistent snapshot even while others write.
  const stmt = db.sqlite.prepare(
    'SELECT id, case_id, type, at, on_date, actor_id, actor_name, workstation, payload, prev_hash, hash FROM case_events ORDER BY id',
  );
  const ownTx = !db.sqlite.inTransaction;
  if (ownTx) db.sqlite.exec('BEGIN');
  try {
    for (const row of stmt.iterate() as IterableIterator<EventRow>) {
      checked++;
      if (row.prev_hash !== prev) {
        firstBroken = { id: row.id, reason: `第 ${row.id} 条记录与前一条记录不相连（前面的记录被删除或修改）` };
        break;
      }
      if (sha256(eventHashInput(row)) !== row.hash) {
        firstBroken = { id: row.id, reason: `第 ${row.id} 条记录的内容与其哈希值不符（记录被修改）` };
        break;
      }
      if (anchor && row.id === anchor.id) {
        anchorSeen = true;
        if (row.hash !== anchor.hash) {
          firstBroken = { id: row.id, reason: `第 ${row.id} 条记录与上次校验时不同（日志被整体改写）` };
          break;
        }
      }
      prev = row.hash;
      last = { id: row.id, hash: row.hash };
    }
  } finally {
    if (ownTx) db.sqlite.exec('COMMIT');
  }
  if (!firstBroken && anchor && !anchorSeen) {
    firstBroken = { id: anchor.id, reason: `上次校验时存在的第 ${anchor.id} 条记录已不存在（日志末尾被删除）` };
  }
  const ok = firstBroken === null && triggersPresent;
  if (ok && anchorFile && last) writeAnchor(anchorFile, last);
  return { ok, checked, firstBroken, triggersPresent, checkedAt: at.toISOString(), ms: Math.round(performance.now() - started) };
}

function readAnchor(file: string): Anchor | null {
  if (!existsSync(file)) return null;
  try {
    const a = JSON.parse(readFileSync(file, 'utf8')) as Partial<Anchor>;
    return typeof a.id === 'number' && typeof a.hash === 'string' ? { id: a.id, hash: a.hash } : null;
  } catch {
    return null;
  }
}

export function writeAnchor(file: string, anchor: Anchor | null): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(anchor ?? {}));
  renameSync(tmp, file);
}
