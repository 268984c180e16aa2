import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/connection';
import type { CaseEventsTable } from '../../db/schema';
import { eventHashInput, GENESIS_HASH, sha256 } from '../../events/log';

export interface AuditReport {
  ok: boolean;
  checked: number;
  firstBroken: { id: number; reason: string } | null;
  triggersPresent: boolean;
  checkedAt: string;
  ms: number;
}

/** A row of the log exactly as stored (the table type of db/schema.ts). */
type EventRow = Selectable<CaseEventsTable>;

/** The last row a previous verification saw, kept beside the database (not in it). */
interface Anchor {
  id: number;
  hash: string;
}

interface Walk {
  prev: string;
  afterId: number;
  checked: number;
  firstBroken: AuditReport['firstBroken'];
  last: Anchor | null;
  anchorSeen: boolean;
  done: boolean;
}

const CHUNK = 50_000;

/**
 * Checks the next CHUNK rows after `w.afterId`. The log is append-only (triggers), so rows already
 * walked cannot change between chunks except by tampering, which the next full run reveals.
 */
function step(db: Db, w: Walk, anchor: Anchor | null): void {
  const rows = db.sqlite
    .prepare('SELECT id, case_id, type, at, on_date, actor_id, actor_name, workstation, payload, prev_hash, hash FROM case_events WHERE id > ? ORDER BY id LIMIT ?')
    .all(w.afterId, CHUNK) as EventRow[];
  for (const row of rows) {
    w.checked++;
    if (row.prev_hash !== w.prev) {
      w.firstBroken = { id: row.id, reason: `第 ${row.id} 条记录与前一条记录不相连（前面的记录被删除或修改）` };
      break;
    }
    if (sha256(eventHashInput(row)) !== row.hash) {
      w.firstBroken = { id: row.id, reason: `第 ${row.id} 条记录的内容与其哈希值不符（记录被修改）` };
      break;
    }
    if (anchor && row.id === anchor.id) {
      w.anchorSeen = true;
      if (row.hash !== anchor.hash) {
        w.firstBroken = { id: row.id, reason: `第 ${row.id} 条记录与上次校验时不同（日志被整体改写）` };
        break;
      }
    }
    w.prev = row.hash;
    w.afterId = row.id;
    w.last = { id: row.id, hash: row.hash };
  }
  w.done = w.firstBroken !== null || rows.length < CHUNK;
}

function begin(): Walk {
  return { prev: GENESIS_HASH, afterId: 0, checked: 0, firstBroken: null, last: null, anchorSeen: false, done: false };
}

function end(db: Db, w: Walk, anchor: Anchor | null, anchorFile: string | undefined, at: Date, started: number): AuditReport {
  const triggers = db.raw<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN ('case_events_no_update', 'case_events_no_delete')",
  );
  const triggersPresent = triggers.length === 2;
  if (!w.firstBroken && anchor && !w.anchorSeen) {
    w.firstBroken = { id: anchor.id, reason: `上次校验时存在的第 ${anchor.id} 条记录已不存在（日志末尾被删除）` };
  }
  const ok = w.firstBroken === null && triggersPresent;
  if (ok && anchorFile && w.last) writeAnchor(anchorFile, w.last);
  return { ok, checked: w.checked, firstBroken: w.firstBroken, triggersPresent, checkedAt: at.toISOString(), ms: Math.round(performance.now() - started) };
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
  const anchor = anchorFile ? readAnchor(anchorFile) : null;
  const w = begin();
  while (!w.done) step(db, w, anchor);
  return end(db, w, anchor, anchorFile, at, started);
}

/**
 * The same check in chunks, yielding to the event loop between them: three million events take
 * tens of seconds, during which the app must keep answering (start-up runs it in the background).
 */
export async function verifyAuditChainAsync(db: Db, at: Date, anchorFile?: string): Promise<AuditReport> {
  const started = performance.now();
  const anchor = anchorFile ? readAnchor(anchorFile) : null;
  const w = begin();
  while (!w.done) {
    step(db, w, anchor);
    if (!w.done) await new Promise((ok) => setImmediate(ok));
  }
  return end(db, w, anchor, anchorFile, at, started);
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
