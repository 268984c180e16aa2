import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { verifyAudit } from '../helpers/audit';
import { makeId, sampleDraft } from '../helpers/drafts';
import { App, DB_FILE } from '../../src-main/app/app';
import { Db } from '../../src-main/db/connection';
import { migrate } from '../../src-main/db/migrate';
import { appendEvent, SYSTEM_ACTOR } from '../../src-main/events/log';
import { auditWorkerFile } from '../../src-main/services/audit/runVerify';
import { AUDIT_ANCHOR_FILE } from '../../src-main/services/audit/heads';
import { buildBulkDatabase } from '../../src-main/demo/bulk';
import { control, generateNotices, queryAndAnswer } from '../helpers/pipeline';
import { signers } from '../helpers/inquiries';

// The keyed audit trail (the log, the money beside it, the guards), attacked as someone with the
// data folder and a SQLite tool — but without the audit key, which lives outside the data folder.
// The attacker's tools here are written from scratch (node:crypto, raw SQL), not the app's code.

let t: TestApp | undefined;
const extra: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const x of extra.splice(0)) await x.close();
});

let seq = 0;
async function file(t: TestApp): Promise<number> {
  seq++;
  const c = await t.call(
    'cases.file',
    sampleDraft({
      title: { court: '开鲁县人民法院', number: `（2026）内0523民初${3000 + seq}号`, effectiveOn: '2026-09-01', cause: '借款合同纠纷', kind: '民事判决书', ordered: `被告被执行人${seq}于本判决生效之日起十日内偿还原告借款` },
      debtors: [{ kind: 'person', name: `被执行人${seq}`, idNumber: makeId('19810101', seq) }],
      confirmDuplicate: true,
    }),
  );
  // What its documents need besides the filing: signing officers and the bank's case account.
  await signers(t, [c.id]);
  return c.id;
}

const GUARDS = {
  case_events_no_update: "CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;",
  case_events_no_delete: "CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;",
  ledger_entries_no_update: "CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only: reverse instead'); END;",
  ledger_entries_no_delete: "CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only: reverse instead'); END;",
};

/** What a tamperer does: drop the guards, change rows, create the guards again with the very same text. */
function behindTheGuards(sqlite: BetterSqlite3.Database, change: () => void): void {
  for (const name of Object.keys(GUARDS)) sqlite.exec(`DROP TRIGGER ${name}`);
  change();
  for (const sql of Object.values(GUARDS)) sqlite.exec(sql);
}

const plainSha = (s: string) => createHash('sha256').update(s).digest('hex');
type EventRow = { id: number; case_id: number | null; type: string; at: string; on_date: string; actor_id: number | null; actor_name: string; workstation: string; payload: string; prev_hash: string; hash: string };

/** Recomputes every hash from row `from` on with plain SHA-256 over the documented row text. */
function recomputeFrom(sqlite: BetterSqlite3.Database, from: number): void {
  const rows = sqlite.prepare('SELECT * FROM case_events WHERE id >= ? ORDER BY id').all(from) as EventRow[];
  let prev = (sqlite.prepare('SELECT hash FROM case_events WHERE id < ? ORDER BY id DESC LIMIT 1').get(from) as { hash: string } | undefined)?.hash ?? '0'.repeat(64);
  for (const r of rows) {
    const hash = plainSha(JSON.stringify([prev, r.case_id, r.type, r.at, r.on_date, r.actor_id, r.actor_name, r.workstation, r.payload]));
    sqlite.prepare('UPDATE case_events SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, r.id);
    prev = hash;
  }
}

const lastId = (t: TestApp) => t.app.db.raw<{ id: number }>('SELECT max(id) AS id FROM case_events')[0]!.id;

describe('the keyed chain', () => {
  it('keys a new log from its first row and verifies clean in a worker thread, as a job', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    for (let i = 0; i < 3; i++) await file(t);
    const first = t.app.db.raw<{ type: string; payload: string }>('SELECT type, payload FROM case_events ORDER BY id LIMIT 1')[0]!;
    expect(first.type).toBe('audit.keyed');
    expect(JSON.parse(first.payload)).toMatchObject({ keyId: t.app.audit.keyId, legacyRows: 0 });
    // Development runs the worker from its TypeScript source; the build from out/main/auditWorker.js.
    expect(auditWorkerFile()).toMatch(/verifyWorker\.ts$|auditWorker\.js$/);
    const r = await verifyAudit(t);
    expect(r).toMatchObject({ ok: true, firstBroken: null, problemCount: 0, triggersPresent: true, keyed: { fromId: 1, keyId: t.app.audit.keyId } });
    expect(r.checked).toBe(t.app.db.raw<{ n: number }>('SELECT count(*) AS n FROM case_events')[0]!.n);
    expect(r.head!.id).toBe(r.checked);
    const job = t.app.jobs.list(5).find((j) => j.kind === 'audit.verify')!;
    expect(job).toMatchObject({ status: 'done', label: '校验操作日志' });
    // The key is outside the data folder, readable by its owner only.
    expect(t.app.audit.file.startsWith(t.dir)).toBe(false);
    if (process.platform !== 'win32') expect(statSync(t.app.audit.file).mode & 0o077).toBe(0);
    // Only management may verify.
    t.user('clerk', ['window']);
    expect((await t.fail('audit.verify', {}, 'clerk')).code).toBe('forbidden');
  });

  it('reports an edited row even when every later hash is recomputed (plain SHA-256)', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    for (let i = 0; i < 4; i++) await file(t);
    const victim = t.app.db.raw<{ id: number }>("SELECT id FROM case_events WHERE type = 'case.filed' ORDER BY id LIMIT 1 OFFSET 1")[0]!.id;
    const sqlite = t.app.db.sqlite;
    behindTheGuards(sqlite, () => {
      sqlite.prepare("UPDATE case_events SET actor_name = '别人' WHERE id = ?").run(victim);
      recomputeFrom(sqlite, victim);
    });
    const r = await verifyAudit(t);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ table: 'case_events', id: victim });
    expect(r.firstBroken!.reason).toMatch(/签名不符.*重新计算/);
  });

  it('reports the first row after one deleted in the middle', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    for (let i = 0; i < 5; i++) await file(t);
    const ids = t.app.db.raw<{ id: number }>('SELECT id FROM case_events ORDER BY id').map((r) => r.id);
    const t1 = t;
    behindTheGuards(t1.app.db.sqlite, () => t1.app.db.sqlite.prepare('DELETE FROM case_events WHERE id = ?').run(ids[3]));
    const r = await verifyAudit(t);
    expect(r.firstBroken).toMatchObject({ table: 'case_events', id: ids[4] });
    expect(r.firstBroken!.reason).toMatch(/不相连/);
  });

  it('reports a cut tail through the anchor of the last clean run, and never moves the anchor over the cut', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    for (let i = 0; i < 4; i++) await file(t);
    expect((await verifyAudit(t)).ok).toBe(true);
    const anchorFile = join(t.dir, AUDIT_ANCHOR_FILE);
    const anchor = readFileSync(anchorFile, 'utf8');
    expect(JSON.parse(anchor)).toMatchObject({ id: lastId(t) });
    const keep = lastId(t) - 3;
    const t1 = t;
    behindTheGuards(t1.app.db.sqlite, () => t1.app.db.sqlite.prepare('DELETE FROM case_events WHERE id > ?').run(keep));
    for (let round = 0; round < 2; round++) {
      const r = await verifyAudit(t);
      expect(r.ok).toBe(false);
      expect(r.firstBroken).toMatchObject({ table: 'case_events', id: keep + 1 });
      expect(r.firstBroken!.reason).toMatch(/锚点文件.*截去/);
      expect(readFileSync(anchorFile, 'utf8')).toBe(anchor);
    }
    // New rows written over the cut do not hide it: the anchor's row now has another hash.
    await file(t);
    const r = await verifyAudit(t);
    expect(r.ok).toBe(false);
    expect(r.problems.some((p) => p.kind === 'head' && /日志被改写|截去/.test(p.reason))).toBe(true);
  });

  it('reports a cut tail with a rewritten anchor: the forged anchor by its signature', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    for (let i = 0; i < 4; i++) await file(t);
    expect((await verifyAudit(t)).ok).toBe(true);
    const anchorFile = join(t.dir, AUDIT_ANCHOR_FILE);
    const genuine = JSON.parse(readFileSync(anchorFile, 'utf8')) as Record<string, unknown>;
    const keep = lastId(t) - 3;
    const t1 = t;
    behindTheGuards(t1.app.db.sqlite, () => t1.app.db.sqlite.prepare('DELETE FROM case_events WHERE id > ?').run(keep));
    const newLast = t.app.db.raw<{ hash: string }>('SELECT hash FROM case_events WHERE id = ?', keep)[0]!.hash;
    // The tamperer points the anchor at the new last row; without the key the signature is a guess.
    writeFileSync(anchorFile, JSON.stringify({ ...genuine, id: keep, hash: newLast, mac: plainSha(`${keep}${newLast}`) }));
    const r = await verifyAudit(t);
    expect(r.ok).toBe(false);
    expect(r.problems[0]!.reason).toMatch(/锚点文件.*签名.*伪造.*第 \d+ 条记录不可信/);
    // With no other witness left the cut itself cannot be placed (the published-heads tests place
    // it); what is reported besides the forgery is the guards the tamperer re-created.
    expect(r.problems.filter((p) => p.kind !== 'trigger' && p.id !== null)).toEqual([]);
    expect(r.firstBroken?.table).toBe('sqlite_schema');
    expect(JSON.parse(readFileSync(anchorFile, 'utf8'))).toMatchObject({ id: keep }); // left as found, for the investigation
    // Or writes the old unsigned format that an earlier version used.
    writeFileSync(anchorFile, JSON.stringify({ id: keep + 3, hash: genuine.hash }));
    const r2 = await verifyAudit(t);
    expect(r2.firstBroken).toMatchObject({ id: keep + 1 });
    // Deleting it instead only removes that one witness: see the published-heads tests.
  });

  it('keeps an old log (plain SHA-256) from a marked row on, and seals the old rows as found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhixing-legacy-'));
    // A database written before the key existed: its log is plain SHA-256.
    const db = new Db(join(dir, DB_FILE));
    migrate(db.sqlite);
    const at = new Date('2026-11-20T02:00:00Z');
    db.tx(() => {
      for (let i = 0; i < 5; i++) appendEvent(db, SYSTEM_ACTOR, at, { caseId: null, type: 'settings.changed', payload: { keys: [`k${i}`], before: {}, after: {} } });
    });
    const oldRows = db.raw<EventRow>('SELECT * FROM case_events ORDER BY id');
    expect(oldRows[1]!.hash).toBe(plainSha(JSON.stringify([oldRows[0]!.hash, null, 'settings.changed', oldRows[1]!.at, oldRows[1]!.on_date, null, '系统', 'local', oldRows[1]!.payload])));
    db.close();

    t = openTestApp({ dir });
    const seal = t.app.db.raw<{ id: number; payload: string; prev_hash: string }>("SELECT id, payload, prev_hash FROM case_events WHERE type = 'audit.keyed'")[0]!;
    expect(seal.id).toBe(6);
    expect(seal.prev_hash).toBe(oldRows[4]!.hash);
    expect(JSON.parse(seal.payload)).toMatchObject({ legacyRows: 5, legacyHead: { id: 5, hash: oldRows[4]!.hash } });
    const clean = await verifyAudit(t);
    expect(clean).toMatchObject({ ok: true, keyed: { fromId: 6 } });

    // An old row edited and the old part recomputed: the keyed row's signature covers it.
    const sqlite = t.app.db.sqlite;
    behindTheGuards(sqlite, () => {
      sqlite.prepare("UPDATE case_events SET payload = '{\"keys\":[\"changed\"]}' WHERE id = 2").run();
      const rows = sqlite.prepare('SELECT * FROM case_events WHERE id BETWEEN 2 AND 5 ORDER BY id').all() as EventRow[];
      let prev = oldRows[0]!.hash;
      for (const r of rows) {
        const hash = plainSha(JSON.stringify([prev, r.case_id, r.type, r.at, r.on_date, r.actor_id, r.actor_name, r.workstation, r.payload]));
        sqlite.prepare('UPDATE case_events SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, r.id);
        prev = hash;
      }
    });
    const r = await verifyAudit(t);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ id: 6 });
  });
});

describe('the tables beside the log', () => {
  it('reports a ledger amount ×10 written with the guards dropped and re-created, and the re-created guards', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    const caseId = await file(t);
    await t.call('ledger.record', { kind: 'receipt', caseId, amountFen: 120_000, on: '2026-11-20', source: 'voluntary', payer: '被执行人' });
    const after = await t.call('ledger.record', { kind: 'receipt', caseId, amountFen: 50_000, on: '2026-11-21', source: 'voluntary', payer: '被执行人' });
    const target = after.entries[0]!.id;
    expect((await verifyAudit(t)).ok).toBe(true);

    const sqlite = t.app.db.sqlite;
    behindTheGuards(sqlite, () => sqlite.prepare('UPDATE ledger_entries SET amount_fen = amount_fen * 10 WHERE id = ?').run(target));
    expect((await t.call('ledger.get', { caseId })).balanceFen).toBe(1_250_000);
    const r = await verifyAudit(t);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ table: 'ledger_entries', id: target });
    expect(r.firstBroken!.reason).toContain('的金额 12000.00 元与日志第');
    expect(r.firstBroken!.reason).toContain('记载的 1200.00 元不符');
    // The guards have the same text as before, but they were created again.
    const recreated = r.problems.filter((p) => p.kind === 'trigger').map((p) => p.reason);
    expect(recreated).toHaveLength(4);
    expect(recreated[0]).toMatch(/曾被删除后重新创建/);
    expect(r.triggersPresent).toBe(true);
  });

  it('reports a deleted ledger entry and one planted without its event', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    const caseId = await file(t);
    await t.call('ledger.record', { kind: 'receipt', caseId, amountFen: 90_000, on: '2026-11-20', source: 'voluntary', payer: '被执行人' });
    const l = await t.call('ledger.record', { kind: 'receipt', caseId, amountFen: 10_000, on: '2026-11-20', source: 'voluntary', payer: '被执行人' });
    const sqlite = t.app.db.sqlite;
    behindTheGuards(sqlite, () => {
      sqlite.prepare('DELETE FROM ledger_entries WHERE id = ?').run(l.entries[0]!.id);
      sqlite
        .prepare("INSERT INTO ledger_entries (case_id, kind, amount_fen, on_date, source, officers, created_at, created_by) VALUES (?, 'payout', 10, '2026-11-21', NULL, '[]', '2026-11-21T02:00:00Z', '某人')")
        .run(caseId);
    });
    const r = await verifyAudit(t);
    const records = r.problems.filter((p) => p.kind === 'record');
    expect(records.map((p) => p.reason).join('\n')).toMatch(/没有对应的登记/);
    expect(records.map((p) => p.reason).join('\n')).toMatch(/已不存在（账目被删除）/);
  });

  it('reports a control measure lifted in the file (its status no longer what its events say)', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    const caseId = await file(t);
    await generateNotices(t, [caseId]);
    await queryAndAnswer(t, [caseId], '2026-11-22', () => [{ assetType: '银行存款', institution: '农业银行开鲁支行', identifier: '6228480000000006228', value: '500.00' }]);
    const [deposit] = (await t.call('assets.list', { caseId })).rows;
    t.app.clock.set('2026-11-23T02:00:00Z');
    const batch = await control(t, [{ assetId: deposit!.id, action: 'freeze' }]);
    const measureId = batch.measures[0]!.id;
    expect((await verifyAudit(t)).ok).toBe(true);
    t.app.db.sqlite.prepare("UPDATE measures SET status = 'released', released_on = '2026-11-23' WHERE id = ?").run(measureId);
    const r = await verifyAudit(t);
    expect(r.firstBroken).toMatchObject({ table: 'measures', id: measureId });
    expect(r.firstBroken!.reason).toMatch(/状态（released）与日志第 \d+ 条所载（done）不符/);
  });

  it('reports a closure whose amount was changed in the file', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    const c = await t.call('cases.get', { id: await file(t) });
    await t.call('closure.close', { caseId: c.id, mode: '执行完毕', paidDirectlyFen: c.claimFen });
    expect((await verifyAudit(t)).ok).toBe(true);
    t.app.db.sqlite.prepare('UPDATE closures SET unpaid_fen = 1 WHERE case_id = ?').run(c.id);
    const r = await verifyAudit(t);
    expect(r.firstBroken).toMatchObject({ table: 'closures', id: c.id });
    expect(r.firstBroken!.reason).toMatch(/未履行金额（0\.01 元）与日志第 \d+ 条所载（0\.00 元）不符/);
  });
});

describe('the append-only guards', () => {
  it('reports a dropped guard', async () => {
    t = openTestApp();
    await file(t);
    t.app.db.sqlite.exec('DROP TRIGGER ledger_entries_no_delete');
    const r = await verifyAudit(t);
    expect(r.ok).toBe(false);
    expect(r.triggersPresent).toBe(false);
    expect(r.firstBroken).toMatchObject({ table: 'sqlite_schema' });
    expect(r.firstBroken!.reason).toMatch(/ledger_entries_no_delete 已被删除/);
  });

  it('reports a guard replaced by one that lets everything through', async () => {
    t = openTestApp();
    await file(t);
    t.app.db.sqlite.exec('DROP TRIGGER case_events_no_update; CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events WHEN 0 BEGIN SELECT 1; END;');
    const r = await verifyAudit(t);
    expect(r.problems.find((p) => p.kind === 'trigger')!.reason).toMatch(/case_events_no_update 的内容被改动/);
  });
});

describe('the benchmark court', () => {
  it('is written keyed, with its ledger, and verifies clean (what bench/audit.bench.mjs measures at 200,000 cases)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhixing-bulk-'));
    const built = await buildBulkDatabase({ dataDir: dir, cases: 300, adminPassword: 'admin-pass-1' });
    t = openTestApp({ dir });
    const r = await verifyAudit(t);
    expect(r.problems).toEqual([]);
    expect(r.checked).toBeGreaterThanOrEqual(built.events);
    expect(r.records.ledgerEntries).toBe(t.app.db.raw<{ n: number }>("SELECT count(*) AS n FROM case_events WHERE type IN ('ledger.receipt', 'ledger.payout')")[0]!.n);
    expect(r.records.ledgerEntries).toBeGreaterThan(50);
  }, 180_000); // builds a 300-case court and verifies it in the worker thread: a minute under load
});

describe('the key', () => {
  it('refuses a key file inside the data folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhixing-keyin-'));
    expect(() => new App({ dataDir: dir, mode: 'web', quiet: true, auditKeyFile: join(dir, 'keys', 'audit.key') })).toThrow(/审计密钥不能放在数据文件夹中/);
  });

  it('opens a keyed database read-only when its key is missing or another one, and never makes a new key for it', async () => {
    const keys = mkdtempSync(join(tmpdir(), 'zhixing-keys-'));
    const keyFile = join(keys, 'audit.key');
    const dir = mkdtempSync(join(tmpdir(), 'zhixing-keyed-'));
    const a = new App({ dataDir: dir, mode: 'web', quiet: true, auditKeyFile: keyFile, adminPassword: 'admin-pass-1' , court: { name: '开鲁县人民法院', code: '内0523' }});
    expect(a.audit.problem).toBeNull();
    await a.close();

    const missing = join(keys, 'elsewhere.key');
    const b = new App({ dataDir: dir, mode: 'web', quiet: true, auditKeyFile: missing });
    extra.push(b);
    expect(b.readOnly).toBe(true);
    expect(b.audit.problem).toMatch(/找不到密钥文件/);
    expect(existsSync(missing)).toBe(false);
    await b.close();
    extra.pop();

    // Another installation's key.
    const other = join(mkdtempSync(join(tmpdir(), 'zhixing-keys2-')), 'audit.key');
    writeFileSync(other, `${'ab'.repeat(32)}\n`, { mode: 0o600 });
    const c = new App({ dataDir: dir, mode: 'web', quiet: true, auditKeyFile: other });
    extra.push(c);
    expect(c.readOnly).toBe(true);
    expect(c.audit.problem).toMatch(/另一把审计密钥/);
  });
});
