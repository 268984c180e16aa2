import type BetterSqlite3 from 'better-sqlite3';
import { signRecord, sameHex } from '../../events/chain.ts';

// The append-only guards (migrations 001 and 020): SQLite triggers refusing UPDATE and DELETE on the
// event log and on the money ledger. Anyone with a SQLite tool can drop them, change the rows and
// create them again with the same text, so their mere presence proves little. The register below
// records each guard's text and its row in sqlite_schema, signed with the audit key, whenever the
// app itself changes the schema (first keying, migrations, a restore). A trigger created again gets
// a new row in sqlite_schema, so a drop-and-recreate shows even when the text is identical.
// (Runs in the verifier's worker thread too: no imports but the chain arithmetic.)

export const APPEND_ONLY_TRIGGERS = [
  { name: 'case_events_no_update', table: 'case_events', op: 'UPDATE' },
  { name: 'case_events_no_delete', table: 'case_events', op: 'DELETE' },
  { name: 'ledger_entries_no_update', table: 'ledger_entries', op: 'UPDATE' },
  { name: 'ledger_entries_no_delete', table: 'ledger_entries', op: 'DELETE' },
] as const;

export const TRIGGER_REGISTER_KEY = 'audit_triggers';

export interface TriggerEntry {
  name: string;
  rowid: number;
  sql: string;
}

export interface TriggerRegister {
  triggers: TriggerEntry[];
  mac: string;
}

export interface TriggerFinding {
  name: string;
  /** The trigger's row in sqlite_schema when it was registered. */
  rowid: number | null;
  present: boolean;
  reason: string | null;
}

type Sqlite = Pick<BetterSqlite3.Database, 'prepare'>;

/** The guards as they are now in sqlite_schema. */
export function currentTriggers(sqlite: Sqlite): TriggerEntry[] {
  const out: TriggerEntry[] = [];
  for (const t of APPEND_ONLY_TRIGGERS) {
    const row = sqlite.prepare("SELECT rowid AS rowid, sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").get(t.name) as { rowid: number; sql: string } | undefined;
    if (row) out.push({ name: t.name, rowid: row.rowid, sql: row.sql });
  }
  return out;
}

export function signTriggers(key: Buffer, triggers: TriggerEntry[]): TriggerRegister {
  return { triggers, mac: signRecord(key, 'triggers', triggers) };
}

export function readTriggerRegister(sqlite: Sqlite): TriggerRegister | null {
  const row = sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(TRIGGER_REGISTER_KEY) as { value: string } | undefined;
  if (!row) return null;
  try {
    const r = JSON.parse(row.value) as TriggerRegister;
    return Array.isArray(r.triggers) && typeof r.mac === 'string' ? r : null;
  } catch {
    return null;
  }
}

/** A guard must refuse the operation on its table: BEFORE <op> ON <table> … RAISE(ABORT …). */
function guards(sql: string, t: (typeof APPEND_ONLY_TRIGGERS)[number]): boolean {
  const flat = sql.replace(/\s+/g, ' ');
  return new RegExp(`BEFORE ${t.op} ON "?${t.table}"? BEGIN SELECT RAISE\\(ABORT,`, 'i').test(flat) && !/\bWHEN\b/i.test(flat);
}

/** Each guard: present, unchanged, never re-created since the app registered it. */
export function checkTriggers(sqlite: Sqlite, key: Buffer | null): TriggerFinding[] {
  const now = new Map(currentTriggers(sqlite).map((t) => [t.name, t]));
  const register = readTriggerRegister(sqlite);
  const registerOk = !!register && !!key && sameHex(signRecord(key, 'triggers', register.triggers), register.mac);
  const registered = new Map((registerOk ? register!.triggers : []).map((t) => [t.name, t]));
  return APPEND_ONLY_TRIGGERS.map((t) => {
    const cur = now.get(t.name);
    const reg = registered.get(t.name) ?? null;
    const finding = (reason: string | null): TriggerFinding => ({ name: t.name, rowid: reg?.rowid ?? cur?.rowid ?? null, present: !!cur, reason });
    if (!cur) return finding(`防篡改触发器 ${t.name} 已被删除：${t.table} 表可被直接修改或删除`);
    if (!guards(cur.sql, t)) return finding(`防篡改触发器 ${t.name} 的内容被改动，已不能阻止修改 ${t.table} 表`);
    if (!register) return finding('防篡改触发器的登记缺失（数据库在本程序之外被改动）');
    if (!registerOk) return finding('防篡改触发器的登记与审计密钥不符（登记被改动）');
    if (!reg) return finding(`防篡改触发器 ${t.name} 未登记`);
    if (cur.sql !== reg.sql) return finding(`防篡改触发器 ${t.name} 的内容与登记的不同`);
    if (cur.rowid !== reg.rowid) return finding(`防篡改触发器 ${t.name} 曾被删除后重新创建（其间 ${t.table} 表可能被改动）`);
    return finding(null);
  });
}
