import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { sampleDraft } from '../helpers/drafts';
import { waitJob } from '../helpers/documents';
import { verifyAudit } from '../helpers/audit';
import { checkpointOffThread, closeWritePool, commitOffThread, writesOffThread } from '../../src-main/jobs/writePool';
import { prepareDocuments } from '../../src-main/services/documents/generate';
import { documentsRoot } from '../../src-main/services/documents/storage';
import { ApiError } from '../../src-shared/api/errors';
import type { PushEvent } from '../../src-main/app/bus';
import { decodeCaseChanges } from '../../src-shared/live/caseFeedWire';
import { generateNotices, queryAndAnswer } from '../helpers/pipeline';
import { signers } from '../helpers/inquiries';
import { withoutExpectations } from '../../src-main/events/caseVersion';

// The write worker (jobs/writePool.ts, writeWorker.ts) as built by `npm run build`: a batch is
// registered on the worker's own connection, its events chained under the audit key as the request
// thread's would be, its cases pushed to the clients; an error keeps its code; while it writes, the
// request thread's writers wait at the gate (db/writeGate.ts) and its readers do not.

const BUILT = resolve('out/main/writeWorker.js');
process.env.ZHIXING_WRITE_WORKER = BUILT;
process.env.ZHIXING_FONTS = 'bundled';

let t: TestApp;
afterEach(async () => t?.close());
afterAll(() => closeWritePool());

async function fileCases(n: number): Promise<number[]> {
  await t.call('settings.set', { caseAccount: { bank: '中国工商银行开鲁支行', accountName: '开鲁县人民法院', accountNumber: '0605012109300012345' }, courtPresident: '赵院长' });
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = await t.call('cases.file', sampleDraft({ confirmDuplicate: true, title: { court: '开鲁县人民法院', number: `（2026）内0523民初${300 + i}号`, effectiveOn: '2026-09-01', cause: '买卖合同纠纷', kind: '民事判决书', ordered: '被告于本判决生效之日起十日内给付原告货款。' } }));
    await t.call('caseAccounts.set', { caseId: c.id, bank: '中国工商银行开鲁支行', accountName: '开鲁县人民法院', accountNumber: `0605012109${String(700000 + i).padStart(9, '0')}` });
    ids.push(c.id);
  }
  return ids;
}

function open(): TestApp {
  const x = openTestApp();
  x.app.clock.set('2026-11-23T02:00:00Z');
  return x;
}

describe('the write worker', () => {
  it('is built (npm test builds before it runs the tests)', () => {
    expect(existsSync(BUILT), `${BUILT} is missing: run npm run build`).toBe(true);
    expect(writesOffThread()).toBe(true);
  });

  it('registers a notice batch on its own connection: rows, stage moves, a keyed chain and the live push', async () => {
    t = open();
    const ids = await fileCases(4);
    const pushes: PushEvent[] = [];
    const off = t.app.bus.subscribe((e) => pushes.push(e));
    const job = await t.call('documents.generateBatch', { caseIds: ids, kinds: ['执行通知书', '报告财产令'] });
    const done = await waitJob(t, job.id);
    off();
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    expect((done.result as { documents: number; movedToQuery: number }).documents).toBe(8);
    // What the worker wrote, read back on the request thread's connection.
    const rows = t.app.db.raw<{ case_id: number; n: number }>('SELECT case_id, count(*) AS n FROM documents WHERE batch_id IS NOT NULL GROUP BY case_id ORDER BY case_id');
    expect(rows).toEqual(ids.map((id) => ({ case_id: id, n: 2 })));
    for (const id of ids) expect((await t.call('cases.get', { id })).stage).toBe('query');
    // Each case's change reached the bus once the worker committed (live/caseFeed.ts).
    const changed = pushes.filter((p) => p.topic === 'cases').flatMap((p) => {
      return p.audience.kind === 'scoped' ? decodeCaseChanges(p.audience.view({ all: true })).map((c) => c.id) : [];
    });
    for (const id of ids) expect(changed).toContain(id);
    // The worker's rows carry the audit key's chain: the whole log verifies.
    const report = await verifyAudit(t);
    expect(report.ok, JSON.stringify(report).slice(0, 500)).toBe(true);
  }, 120_000);

  it('registers a control batch, a renewal and a release on its own connection: measures, their rulings linked, stage moves, a keyed chain', async () => {
    t = open();
    const ids = await fileCases(3);
    await signers(t, ids);
    await generateNotices(t, ids, ['执行通知书', '报告财产令']);
    await queryAndAnswer(t, ids, '2026-11-23', (caseId) => [{ assetType: '银行存款', institution: '农业银行开鲁支行', identifier: `62284800000${String(caseId).padStart(8, '0')}`, value: '500.00' }]);
    const assets = (await Promise.all(ids.map(async (caseId) => (await t.call('assets.list', { caseId })).rows))).flat();
    expect(assets).toHaveLength(3);
    for (const id of ids) expect((await t.call('cases.get', { id })).stage).toBe('control');
    // While the worker writes, this thread's writers must wait at the gate: count the holds.
    const hold = t.app.db.gate.hold.bind(t.app.db.gate);
    let holds = 0;
    t.app.db.gate.hold = (fn) => {
      holds++;
      return hold(fn);
    };
    const job = await waitJob(t, (await t.call('measures.createBatch', { items: assets.map((a) => ({ assetId: a.id, action: 'freeze' as const, amountFen: 50_000 })) })).id);
    expect(job.status, JSON.stringify(job.error)).toBe('done');
    expect(holds).toBe(1);
    const { batchId } = job.result as { batchId: number };
    // Read back on the request thread's connection.
    const batch = await t.call('measures.batch', { batchId });
    expect(batch.measures.map((m) => m.caseId).sort()).toEqual([...ids].sort());
    const links = t.app.db.raw<{ kind: string; n: number }>(
      `SELECT d.kind, count(*) AS n FROM measure_documents md JOIN measures m ON m.id = md.measure_id JOIN documents d ON d.id = md.document_id WHERE m.batch_id = ? GROUP BY d.kind ORDER BY d.kind`,
      batchId,
    );
    expect(links).toEqual([
      { kind: '协助执行通知书', n: 3 },
      { kind: '执行裁定书', n: 3 },
    ]);
    for (const id of ids) expect((await t.call('cases.get', { id })).stage).toBe('triage');

    // A renewal and a release, with their rulings, are registered there too.
    await t.call('measures.recordResult', { results: batch.measures.map((m) => ({ measureId: m.id, outcome: 'done' as const })) });
    const [first, second] = batch.measures;
    const [renewed] = await t.call('measures.renew', { measureIds: [first!.id] });
    expect(holds).toBe(2);
    expect(renewed!.expiresOn! > first!.expiresOn!).toBe(true);
    const [released] = await t.call('measures.release', { measureIds: [second!.id], reason: '被执行人已履行' });
    expect(holds).toBe(3);
    expect(released!.status).toBe('released');
    // A change that slips in while the renewal's ruling renders is caught inside the worker's
    // transaction, with the name of who made it, as on the request thread (events/caseVersion.ts).
    const third = batch.measures[2]!;
    const { version } = await t.call('cases.get', { id: third.caseId });
    const counting = t.app.db.gate.hold;
    t.app.db.gate.hold = async (fn) => {
      await withoutExpectations(() => t.call('notes.add', { caseId: third.caseId, text: '当事人来电' }));
      return counting(fn);
    };
    const stale = await t.fail('measures.renew', { measureIds: [third.id], seen: { cases: { [String(third.caseId)]: version } } });
    t.app.db.gate.hold = counting;
    expect(holds).toBe(4);
    expect(stale.code).toBe('conflict');
    expect(stale.message).toMatch(/^此案件已由.+于 \d\d:\d\d 修改，请刷新后重试$/);
    expect((await t.call('measures.batch', { batchId })).measures.find((m) => m.id === third.id)!.expiresOn).toBe(third.expiresOn);

    const purposes = t.app.db.raw<{ purpose: string; n: number }>(
      `SELECT purpose, count(*) AS n FROM measure_documents WHERE measure_id IN (?, ?) GROUP BY purpose ORDER BY purpose`,
      first!.id,
      second!.id,
    );
    expect(purposes).toEqual([
      { purpose: 'apply', n: 4 },
      { purpose: 'release', n: 2 },
      { purpose: 'renew', n: 2 },
    ]);
    const report = await verifyAudit(t);
    expect(report.ok, JSON.stringify(report).slice(0, 500)).toBe(true);
  }, 180_000);

  it('commits a clerk’s filing, receipt and service record on its own connection: the request thread’s changes no row', async () => {
    t = open();
    const ids = await fileCases(2);
    const [notice] = await generateNotices(t, [ids[0]!], ['执行通知书']);
    // total_changes() counts the rows this connection (the request thread's) has changed.
    const changesHere = () => t.app.db.raw<{ n: number }>('SELECT total_changes() AS n')[0]!.n;
    const before = changesHere();

    const filed = await t.call('cases.file', sampleDraft({ confirmDuplicate: true, title: { court: '开鲁县人民法院', number: '（2026）内0523民初399号', effectiveOn: '2026-09-01', cause: '买卖合同纠纷', kind: '民事判决书', ordered: '被告于本判决生效之日起十日内给付原告货款。' } }));
    const serials = t.app.db.raw<{ serial: number }>('SELECT serial FROM cases ORDER BY id').map((r) => r.serial);
    expect(serials).toEqual([1, 2, 3]);
    expect(filed.serial).toBe(3);
    const ledger = await t.call('ledger.record', { kind: 'receipt', caseId: ids[1]!, amountFen: 123_456, on: '2026-11-23', source: 'voluntary' });
    expect(ledger.entries.map((e) => e.amountFen)).toContain(123_456);
    const served = await t.call('documents.markServed', { items: [{ documentId: notice!.id, method: '直接送达', servedOn: '2026-11-23', recipient: '王一' }] });
    expect(served.served).toBe(1);
    expect(changesHere()).toBe(before);

    // The version the clerk saw is checked with the write: a stale receipt is refused, nothing written.
    const { version } = await t.call('cases.get', { id: ids[1]! });
    await t.call('notes.add', { caseId: ids[1]!, text: '当事人来电' });
    const stale = await t.fail('ledger.record', { kind: 'receipt', caseId: ids[1]!, amountFen: 777, on: '2026-11-23', source: 'voluntary', seen: { cases: { [String(ids[1])]: version } } });
    expect(stale.code).toBe('conflict');
    expect(stale.message).toMatch(/^此案件已由.+于 \d\d:\d\d 修改，请刷新后重试$/);
    expect((await t.call('ledger.get', { caseId: ids[1]! })).entries.map((e) => e.amountFen)).not.toContain(777);
    // An invalid filing keeps its field and reason across the thread.
    const bad = await t.fail('cases.file', sampleDraft({ filedOn: '2026-13-01' }));
    expect(bad.code).toBe('invalid_input');
    expect(bad.field).toBe('filedOn');
    const report = await verifyAudit(t);
    expect(report.ok, JSON.stringify(report).slice(0, 500)).toBe(true);
  }, 120_000);

  it('takes the WAL checkpoints: the request thread’s connection never does', async () => {
    t = open();
    await fileCases(3);
    expect(t.app.db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // The filings are in the WAL until a checkpoint copies them; the worker's copies them all.
    const done = await checkpointOffThread(t.app.db.sqlite.name);
    expect(done).not.toBeNull();
    expect(done!.busy).toBe(0);
    expect(done!.log).toBeGreaterThan(0);
    expect(done!.checkpointed).toBe(done!.log);
  }, 60_000);

  it('keeps an error’s code and field across the thread, and leaves no file in place', async () => {
    t = open();
    const [caseId] = await fileCases(1);
    const prepared = await prepareDocuments(t.app.db, t.app.dataDir, [{ caseId: caseId!, kind: '执行通知书' }], { issuedOn: '2026-11-23' });
    // Closed while its notice was rendering: the registration must refuse it.
    t.app.db.rawRun("UPDATE cases SET stage = 'closed', closed_on = '2026-11-23', closure_mode = '执行完毕' WHERE id = ?", caseId);
    const { discard, ...rendered } = prepared;
    const failed = await commitOffThread(t.app, 'documents.commitBatch', { dataDir: t.app.dataDir, actor: { id: null, name: '测试', workstation: 'test' }, at: new Date(), jobId: 'no-job', caseIds: [caseId!], kinds: ['执行通知书'], reason: null, prepared: rendered }).catch((e: unknown) => e);
    await discard();
    expect(failed).toBeInstanceOf(ApiError);
    expect((failed as ApiError).code).toBe('read_only');
    expect((failed as ApiError).field).toBe('caseId');
    expect(t.app.db.raw('SELECT id FROM documents WHERE case_id = ?', caseId)).toEqual([]);
    const root = documentsRoot(t.app.dataDir);
    const files = existsSync(root) ? readdirSync(root, { recursive: true }).map(String).filter((f) => !f.startsWith('.staging') && /\.(docx|pdf)$/.test(f)) : [];
    expect(files.filter((f) => join(root, f).includes('执行通知书'))).toEqual([]);
  }, 120_000);

  it('holds the request thread’s writers at the gate while it writes; reads go on', async () => {
    t = open();
    const [caseId] = await fileCases(1);
    let release!: () => void;
    const held = t.app.db.gate.hold(() => new Promise<void>((ok) => (release = ok)));
    let wrote = false;
    const write = t.call('notes.add', { caseId: caseId!, text: '闸门测试' }).then(() => (wrote = true));
    // A read answers while the gate is held.
    expect((await t.call('cases.get', { id: caseId! })).id).toBe(caseId);
    await new Promise((r) => setTimeout(r, 50));
    expect(wrote).toBe(false);
    release();
    await held;
    await write;
    expect(wrote).toBe(true);
    expect(t.app.db.gate.missed).toBe(0);
  }, 60_000);
});
