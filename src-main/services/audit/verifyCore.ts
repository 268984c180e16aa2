import type BetterSqlite3 from 'better-sqlite3';
import { eventHashInput, GENESIS_HASH, headSignatureOk, hmac, keyIdOf, parseHead, RESTORE_EVENT, sameHex, SEAL_EVENT, sha256, type SignedHead } from '../../events/chain.ts';
import { checkTriggers } from './triggers.ts';
import { Reconciler } from './reconcile.ts';

// audit.verify, the whole of it, on a connection of its own: run in a worker thread
// (verifyWorker.ts) so the app keeps answering while millions of rows are checked, or in-thread for
// a small log at start-up. Reads in one read transaction, so the log and the tables it is compared
// with are one consistent snapshot while other connections go on writing.
//
// What is checked, in order:
//  1. the chain: every row linked to the previous one and its hash recomputed — plain SHA-256 before
//     the keyed row, HMAC under the audit key from it on;
//  2. the published heads (anchor file, backup sidecars, report manifests, 审计封存单): each must be
//     signed with the key, and the row it names must still be there with the same hash — a cut tail
//     or a rewritten log shows here even when the rows left are consistent;
//  3. the ledger, measures and closures against their events (reconcile.ts);
//  4. the append-only triggers (triggers.ts).

export type ProblemKind = 'chain' | 'key' | 'head' | 'record' | 'trigger';

export interface AuditProblem {
  kind: ProblemKind;
  /** The table of the bad row: case_events, ledger_entries, measures, closures, sqlite_schema. */
  table: string;
  id: number | null;
  reason: string;
}

export interface AuditReport {
  ok: boolean;
  checked: number;
  /** The first bad row (lowest id of the log, else the first bad record, else the first bad trigger). */
  firstBroken: { table: string; id: number; reason: string } | null;
  problems: AuditProblem[];
  problemCount: number;
  triggersPresent: boolean;
  /** The last row of the log (what an anchor written after this run names). */
  head: { id: number; hash: string } | null;
  /** Where the key takes effect and which key (its public id). */
  keyed: { fromId: number; keyId: string } | null;
  /** Published heads that matched the log, of those found; set aside: another database's, or data a restore replaced. */
  heads: { matched: number; found: number; setAside: number };
  records: { ledgerEntries: number; measures: number; closures: number };
  checkedAt: string;
  ms: number;
}

/** A head as read from a file (unchecked), with where it was found. */
export interface RawHead {
  source: string;
  head: unknown;
  /** Found wrong before the head could be read (e.g. a backup sidecar whose signature fails). */
  problem?: string;
}

export interface VerifyInput {
  key: Buffer | null;
  heads: RawHead[];
  checkedAt: string;
}

const CHUNK = 20_000;
const MAX_PROBLEMS = 50;

interface Row {
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

export function verifyDatabase(sqlite: BetterSqlite3.Database, input: VerifyInput, onProgress?: (done: number, total: number) => void): AuditReport {
  const started = performance.now();
  const problems: AuditProblem[] = [];
  let problemCount = 0;
  const add = (p: AuditProblem) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const { key } = input;
  const keyId = key ? keyIdOf(key) : null;

  sqlite.exec('BEGIN');
  try {
    const total = (sqlite.prepare('SELECT max(id) AS n FROM case_events').get() as { n: number | null }).n ?? 0;
    const page = sqlite.prepare('SELECT id, case_id, type, at, on_date, actor_id, actor_name, workstation, payload, prev_hash, hash FROM case_events WHERE id > ? ORDER BY id LIMIT ?');
    const rec = new Reconciler();
    let prev = GENESIS_HASH;
    let after = 0;
    let checked = 0;
    let last: { id: number; hash: string } | null = null;
    let seal: { id: number; hash: string } | null = null;
    /** Where branches of the chain start: the keyed row, then each restore. */
    const branches: { id: number; hash: string }[] = [];
    let broken = false;

    walk: for (;;) {
      const rows = page.all(after, CHUNK) as Row[];
      for (const row of rows) {
        checked++;
        if (row.prev_hash !== prev) {
          add({ kind: 'chain', table: 'case_events', id: row.id, reason: `第 ${row.id} 条记录与前一条记录不相连（前面的记录被删除、插入或修改）` });
          broken = true;
          break walk;
        }
        const text = eventHashInput(row);
        if (!seal) {
          if (row.type === SEAL_EVENT) {
            if (!key) {
              add({ kind: 'key', table: 'case_events', id: row.id, reason: `第 ${row.id} 条起的记录以审计密钥签名，但本机没有审计密钥，无法校验（请按“密钥备份”的说明恢复密钥）` });
              broken = true;
              break walk;
            }
            if (!sameHex(hmac(key, text), row.hash)) {
              const recorded = keyIdOf(key) === payloadKeyId(row.payload);
              add({
                kind: recorded ? 'chain' : 'key',
                table: 'case_events',
                id: row.id,
                reason: recorded ? `第 ${row.id} 条记录（启用审计密钥）的签名不符（记录被修改）` : `第 ${row.id} 条起的记录由另一把审计密钥签名（编号 ${payloadKeyId(row.payload) ?? '未知'}），本机密钥编号 ${keyId}：请恢复本数据库的密钥`,
              });
              broken = true;
              break walk;
            }
            seal = { id: row.id, hash: row.hash };
            branches.push(seal);
          } else if (!sameHex(sha256(text), row.hash)) {
            add({ kind: 'chain', table: 'case_events', id: row.id, reason: `第 ${row.id} 条记录的内容与其哈希值不符（记录被修改）` });
            broken = true;
            break walk;
          }
        } else {
          if (!sameHex(hmac(key!, text), row.hash)) {
            add({ kind: 'chain', table: 'case_events', id: row.id, reason: `第 ${row.id} 条记录的内容与其签名不符（记录被修改，或哈希链被重新计算）` });
            broken = true;
            break walk;
          }
          if (row.type === RESTORE_EVENT) branches.push({ id: row.id, hash: row.hash });
        }
        if (rec.wants(row.type)) rec.take(row);
        prev = row.hash;
        after = row.id;
        last = { id: row.id, hash: row.hash };
      }
      onProgress?.(after, total);
      if (rows.length < CHUNK) break;
    }

    if (!broken && !seal && checked > 0) {
      add({ kind: 'chain', table: 'case_events', id: 1, reason: '日志中没有启用审计密钥的记录：整条日志可能被删除后重新计算' });
    }

    // The published heads.
    let matched = 0;
    let setAside = 0;
    const found = input.heads.length;
    const tail = (sqlite.prepare('SELECT id, hash FROM case_events ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined) ?? null;
    const hashAt = sqlite.prepare('SELECT hash FROM case_events WHERE id = ?').pluck();
    for (const raw of input.heads) {
      if (raw.problem) {
        add({ kind: 'head', table: 'case_events', id: null, reason: `${raw.source}${raw.problem}` });
        continue;
      }
      const old = legacyHead(raw.head);
      if (old) {
        // Unsigned (an anchor from before keys, or a head typed in from paper): held against the log.
        if (broken) continue;
        const hash = hashAt.get(old.id) as string | undefined;
        if (hash !== undefined && sameHex(hash.slice(0, old.hash.length), old.hash)) matched++;
        else add({ kind: 'head', table: 'case_events', id: Math.min(old.id, (tail?.id ?? 0) + 1), reason: `${raw.source}所记的第 ${old.id} 条记录${hash === undefined ? '已不存在（日志末尾被截去）' : '与日志中的不同（日志被改写）'}` });
        continue;
      }
      const h = parseHead(raw.head);
      if (!h) {
        add({ kind: 'head', table: 'case_events', id: null, reason: `${raw.source}无法读取或格式不对（被改动）` });
        continue;
      }
      if (!key || !headSignatureOk(key, h)) {
        // Not a bad row of the log: a forged witness (the row it names is not thereby wrong).
        add({ kind: 'head', table: 'case_events', id: null, reason: `${raw.source}的签名与审计密钥不符（被伪造或改动），其中所称第 ${h.id} 条记录不可信` });
        continue;
      }
      if (broken) continue; // the chain is already reported broken: heads cannot be placed on it
      const verdict = checkHead(h, seal, branches, tail, (id) => hashAt.get(id) as string | undefined);
      if (verdict === 'skip') {
        setAside++;
        continue;
      }
      if (verdict === 'ok') {
        matched++;
        continue;
      }
      add({ kind: 'head', table: 'case_events', id: verdict.id, reason: `${raw.source}（${h.at}）${verdict.reason}` });
    }

    // The tables beside the log: only meaningful when the log itself holds.
    let records = { ledgerEntries: 0, measures: 0, closures: 0 };
    if (!broken) {
      records = rec.check(sqlite, (p) => add({ kind: 'record', table: p.table, id: p.id, reason: p.reason }));
    }

    const triggers = checkTriggers(sqlite, key);
    for (const t of triggers) if (t.reason) add({ kind: 'trigger', table: 'sqlite_schema', id: t.rowid, reason: t.reason });

    const firstBroken = pickFirst(problems);
    return {
      ok: problemCount === 0,
      checked,
      firstBroken,
      problems,
      problemCount,
      triggersPresent: triggers.every((t) => t.present),
      head: last,
      keyed: seal ? { fromId: seal.id, keyId: keyId! } : null,
      heads: { matched, found, setAside },
      records,
      checkedAt: input.checkedAt,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    sqlite.exec('COMMIT');
  }
}

/**
 * An unsigned head: an anchor of the version before keys, or a row number and hash (at least its
 * first 16 hex digits) typed in from a printed 审计封存单 — the paper is its own proof.
 */
function legacyHead(v: unknown): { id: number; hash: string } | null {
  if (!v || typeof v !== 'object' || 'mac' in v) return null;
  const h = v as { id?: unknown; hash?: unknown };
  return Number.isSafeInteger(h.id) && typeof h.hash === 'string' && /^[0-9a-f]{16,64}$/.test(h.hash) ? { id: h.id as number, hash: h.hash } : null;
}

function payloadKeyId(payload: string): string | null {
  try {
    const v = (JSON.parse(payload) as { keyId?: unknown }).keyId;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/**
 * One signed head against the log.
 *  - Another database's head (its keyed row is not ours): skipped.
 *  - Its branch starts beyond our last row: the restore that started it was cut off.
 *  - Its branch start is not in our log with that hash: a branch a restore abandoned — skipped;
 *    likewise when a later restore at or before its row replaced that part of the log.
 *  - Otherwise its row must exist with that hash: missing = the tail was cut, different = rewritten.
 */
export function checkHead(
  h: SignedHead,
  seal: { id: number; hash: string } | null,
  branches: { id: number; hash: string }[],
  tail: { id: number; hash: string } | null,
  hashAt: (id: number) => string | undefined,
): 'ok' | 'skip' | { id: number; reason: string } {
  const tailId = tail?.id ?? 0;
  if (!seal) {
    // No keyed row in the log at all: the head names a row that must still be there.
    return { id: Math.min(h.id, tailId + 1), reason: `公布的第 ${h.id} 条记录（${h.hash.slice(0, 16)}…）在日志中无从核对：日志的密钥起点已不存在` };
  }
  if (h.chain !== seal.hash) return 'skip';
  if (h.branch.id > tailId) return { id: tailId + 1, reason: `公布的第 ${h.id} 条记录所在的日志段（自第 ${h.branch.id} 条起）已不存在：第 ${tailId + 1} 条起的记录被删除` };
  const branchHash = hashAt(h.branch.id);
  if (branchHash === undefined || !sameHex(branchHash, h.branch.hash)) return 'skip';
  const latest = [...branches].reverse().find((b) => b.id <= h.id);
  if (latest && latest.id !== h.branch.id) return 'skip';
  if (h.id > tailId) return { id: tailId + 1, reason: `公布的第 ${h.id} 条记录已不存在：第 ${tailId + 1} 条起的记录被删除（日志末尾被截去）` };
  const hash = hashAt(h.id);
  if (hash === undefined) return { id: h.id, reason: `公布的第 ${h.id} 条记录已不存在（记录被删除）` };
  if (!sameHex(hash, h.hash)) return { id: h.id, reason: `公布的第 ${h.id} 条记录的哈希值与日志中的不同（日志被改写）` };
  return 'ok';
}

function pickFirst(problems: AuditProblem[]): AuditReport['firstBroken'] {
  const withId = (kinds: ProblemKind[]) => problems.filter((p) => kinds.includes(p.kind) && p.id !== null);
  // The log first: the lowest bad row of the chain or of a published head.
  const log = withId(['chain', 'key', 'head']).sort((a, b) => a.id! - b.id!)[0];
  // A problem that names no row (a forged head, a missing key) leaves firstBroken empty: the report's
  // problems say what was found.
  const p = log ?? withId(['record'])[0] ?? withId(['trigger'])[0];
  if (!p) return null;
  return { table: p.table, id: p.id!, reason: p.reason };
}
