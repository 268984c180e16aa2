import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { b64, casesInQuery, csvBytes, feedbackTable, requestTargets, xlsxBytes, type FeedbackRecord } from '../helpers/inquiries';
import { requestRows } from '../../src-main/services/inquiries/requestFile';
import { decodeText } from '../../src-main/services/uploads/csvRows';
import { approverId } from '../helpers/approver';

let t: TestApp;
afterEach(async () => t?.close());

const count = (sql: string) => t.app.db.raw<{ n: number }>(sql)[0]!.n;
const writtenRows = () =>
  count('SELECT (SELECT count(*) FROM inquiry_imports) + (SELECT count(*) FROM inquiry_results) + (SELECT count(*) FROM assets) AS n') +
  count(`SELECT count(*) AS n FROM case_events WHERE type = 'inquiry.feedback'`);

/** A new batch; its answer masks the debtors' ID numbers, so the full ones are read from its request file as a clerk would. */
async function batchFor(caseIds: number[]) {
  const batch = await t.call('inquiries.createBatch', { caseIds });
  const full = await requestTargets(t, batch.id);
  return { ...batch, targets: batch.targets.map((tg) => ({ ...tg, idCode: full.find((f) => f.seq === tg.seq)!.idCode })) };
}

function rowsFor(batch: Awaited<ReturnType<typeof batchFor>>, per: (target: (typeof batch.targets)[number], i: number) => FeedbackRecord[]): FeedbackRecord[] {
  return batch.targets.flatMap((tg, i) => per(tg, i).map((r) => ({ batch: batch.number, caseNumber: tg.caseNumber, debtor: tg.debtor, idCode: tg.idCode, queriedOn: '2026-11-22', ...r })));
}

describe('query batches', () => {
  it('queues cases handed to the query staff with the 24-hour clock and exports the request file in csv and xlsx', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T01:00:00Z');
    const ids = await casesInQuery(t, 3);
    const q = await t.call('inquiries.queue', {});
    expect(q.total).toBe(3);
    expect(q.rows[0]!.overdue).toBe(false);
    // The test clock keeps ticking: 24 h minus the seconds the test has run.
    expect(q.rows[0]!.hoursLeft).toBe(23);
    expect(Date.parse(q.rows[0]!.dueAt) - Date.parse(q.rows[0]!.queuedAt)).toBe(24 * 3600_000);
    t.app.clock.set('2026-11-23T02:00:00Z');
    const late = await t.call('inquiries.queue', {});
    expect(late.rows.every((r) => r.overdue)).toBe(true);

    const batch = await batchFor(ids.slice(0, 2));
    expect(batch.number).toBe('CK20261123-001');
    expect(batch.debtorCount).toBe(2);
    expect((await t.call('inquiries.queue', {})).rows.map((r) => r.caseId)).toEqual([ids[2]]);
    const again = await t.fail('inquiries.createBatch', { caseIds: [ids[0]!] });
    expect(again.code).toBe('conflict');
    expect(again.field).toBe('caseIds.0');

    const rows = requestRows(t.app.db, batch.id);
    expect(rows[0]).toEqual(['批次号', '序号', '案号', '被执行人', '证件类型', '证件号码', '查询财产类别']);
    expect(rows[1]!.slice(0, 5)).toEqual([batch.number, '1', batch.targets[0]!.caseNumber, '被执行人0', '居民身份证']);
    expect(rows[1]![6]).toContain('银行存款');

    const ctx = { app: t.app, user: null, token: null, workstation: 'test', transport: 'internal' as const };
    const csv = await t.app.registry.call('inquiries.exportRequest', { batchId: batch.id, format: 'csv' }, { ...ctx, user: { id: 1, username: 'admin', displayName: '管理员', roles: ['admin'], teamId: null } });
    expect(csv.ok).toBe(true);
    const file = (csv as { data: { path: string } }).data.path;
    const text = decodeText(readFileSync(file)).text;
    expect(text.split('\r\n')[1]).toBe(rows[1]!.join(','));
    const xlsx = await t.app.registry.call('inquiries.exportRequest', { batchId: batch.id, format: 'xlsx' }, { ...ctx, user: { id: 1, username: 'admin', displayName: '管理员', roles: ['admin'], teamId: null } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((xlsx as { data: { path: string } }).data.path);
    expect(wb.worksheets[0]!.getRow(2).getCell(6).value).toBe(batch.targets[0]!.idCode);
    // The request file carries the full ID (the query system needs it); the API answer masks it.
    expect((await t.call('inquiries.get', { batchId: batch.id })).targets[0]!.idCode).toBe(`${batch.targets[0]!.idCode.slice(0, 6)}********${batch.targets[0]!.idCode.slice(-4)}`);
    const events = (await t.call('cases.get', { id: ids[0]! })).events.filter((e) => e.type === 'inquiry.requested');
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ batchId: batch.id, debtorCount: 1, first: true });
  });
});

describe('feedback import', () => {
  it('imports a GBK csv: findings become the asset register, nothing-found rows are kept, stages move', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    const ids = await casesInQuery(t, 2);
    const batch = await batchFor(ids);
    const records = rowsFor(batch, (_tg, i) =>
      i === 0
        ? [
            { assetType: '银行存款', institution: '中国工商银行开鲁支行', identifier: '6222 0206 0000 1234', value: '35,000.50', otherFrozen: '1000', otherFrozenNote: '（2025）内0502执88号冻结' },
            { assetType: '车辆', institution: '通辽市公安局交通管理支队', identifier: '蒙G·12345' },
            { assetType: '无', institution: '中国银行开鲁支行' },
          ]
        : [{ assetType: '无' }],
    );
    const bytes = csvBytes(feedbackTable(records), 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = await t.call('inquiries.importFeedback', { fileName: '反馈.csv', contentBase64: b64(bytes) });
    expect(r).toMatchObject({ duplicate: false, rowCount: 4, findingCount: 2, nothingCount: 2, assetsCreated: 2, casesToControl: 1, casesToTriage: 1 });

    const assets = await t.call('assets.list', { caseId: ids[0]! });
    expect(assets.total).toBe(2);
    const deposit = assets.rows.find((a) => a.type === 'deposit')!;
    // The account number is masked in the answer (last four kept); the plate of a vehicle is register data and stays.
    expect(deposit).toMatchObject({ institution: '中国工商银行开鲁支行', identifier: '************1234', valueFen: 3500050, otherFrozenFen: 100000, sourceBatchNumber: batch.number, foundOn: '2026-11-22' });
    expect(deposit.controlDueAt!.slice(0, 16)).toBe('2026-11-23T02:00');
    expect(assets.rows.find((a) => a.type === 'vehicle')!).toMatchObject({ valueFen: null, identifier: '蒙G·12345' });

    expect((await t.call('cases.get', { id: ids[0]! })).stage).toBe('control');
    const second = await t.call('cases.get', { id: ids[1]! });
    expect(second.stage).toBe('triage');
    expect(second.events.find((e) => e.type === 'inquiry.feedback')!.payload).toMatchObject({ batchId: batch.id, findings: 0, nothingFound: true });
    expect(count(`SELECT count(*) AS n FROM inquiry_results WHERE nothing_found = 1`)).toBe(2);
    const detail = await t.call('inquiries.get', { batchId: batch.id });
    expect(detail.status).toBe('answered');
    expect(detail.targets[1]!.nothingFound).toBe(true);
  });

  it('imports an xlsx with date cells and numeric amounts, and a second import of the same rows is a no-op', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    const ids = await casesInQuery(t, 1);
    const batch = await batchFor(ids);
    const tg = batch.targets[0]!;
    const header = feedbackTable([])[0]!;
    const row = (type: string, inst: string, ident: string, value: number | string) => {
      const r: (string | number | Date)[] = header.map(() => '');
      r[0] = batch.number;
      r[1] = tg.caseNumber;
      r[2] = tg.debtor;
      r[3] = tg.idCode;
      r[4] = type;
      r[5] = inst;
      r[6] = ident;
      r[7] = value;
      r[10] = new Date(Date.UTC(2026, 10, 22));
      return r;
    };
    const bytes = await xlsxBytes([header, row('网络支付账户', '支付宝（中国）网络技术有限公司', 'zhang@example.com', 1234.5), row('不动产', '开鲁县不动产登记中心', '蒙(2020)开鲁县不动产权第0001234号', '')]);
    const r = await t.call('inquiries.importFeedback', { fileName: '反馈.xlsx', contentBase64: b64(bytes) });
    expect(r).toMatchObject({ rowCount: 2, findingCount: 2, assetsCreated: 2, casesToControl: 1 });
    const payment = (await t.call('assets.list', { caseId: ids[0]!, type: 'payment' })).rows[0]!;
    expect(payment.valueFen).toBe(123450);

    const before = writtenRows();
    const eventsBefore = count('SELECT count(*) AS n FROM case_events');
    const same = await t.call('inquiries.importFeedback', { fileName: '反馈.xlsx', contentBase64: b64(bytes) });
    expect(same).toMatchObject({ duplicate: true, importId: r.importId });
    // The same rows saved as csv: a different file, but nothing new in it.
    const asCsv = csvBytes(
      feedbackTable([
        { batch: batch.number, caseNumber: tg.caseNumber, debtor: tg.debtor, idCode: tg.idCode, assetType: '网络支付账户', institution: '支付宝（中国）网络技术有限公司', identifier: 'zhang@example.com', value: '1234.50', queriedOn: '2026/11/22' },
      ]),
    );
    const csvAgain = await t.call('inquiries.importFeedback', { fileName: '反馈.csv', contentBase64: b64(asCsv) });
    expect(csvAgain).toMatchObject({ duplicate: true, skippedCount: 1 });
    expect(writtenRows()).toBe(before);
    expect(count('SELECT count(*) AS n FROM case_events')).toBe(eventsBefore);
  });

  it('refuses a 1,000-row file with one bad row, names that row, and writes nothing', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    const ids = await casesInQuery(t, 100);
    const batch = await batchFor(ids);
    const records = rowsFor(batch, (_tg, i) =>
      Array.from({ length: 10 }, (_, k) => ({ assetType: '银行存款', institution: `银行${k}`, identifier: `62220000${i}${k}`, value: `${(i + 1) * 100 + k}.25` })),
    );
    expect(records).toHaveLength(1000);
    records[636] = { ...records[636], value: '12.345' };
    const err = await t.fail('inquiries.importFeedback', { fileName: 'big.csv', contentBase64: b64(csvBytes(feedbackTable(records))) });
    expect(err.code).toBe('invalid_input');
    expect(err.message).toContain('第 638 行');
    const details = err.details as { rows: { row: number; column: string; reason: string }[]; total: number };
    expect(details.total).toBe(1);
    expect(details.rows[0]).toEqual({ row: 638, column: '余额或价值（元）', reason: '金额最多两位小数' });
    expect(writtenRows()).toBe(0);
    expect((await t.call('inquiries.get', { batchId: batch.id })).answeredCount).toBe(0);

    records[636] = { ...records[636], value: '12.34' };
    const ok = await t.call('inquiries.importFeedback', { fileName: 'big.csv', contentBase64: b64(csvBytes(feedbackTable(records))) });
    expect(ok).toMatchObject({ rowCount: 1000, findingCount: 1000, assetsCreated: 1000, casesToControl: 100 });
  });

  it('checks each row against the batch: foreign debtor, wrong name, wrong case, bad type and date', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    const ids = await casesInQuery(t, 2);
    const batch = await batchFor([ids[0]!]);
    const tg = batch.targets[0]!;
    const base = { batch: batch.number, caseNumber: tg.caseNumber, debtor: tg.debtor, idCode: tg.idCode, assetType: '银行存款', institution: '某银行', identifier: '1', value: '1', queriedOn: '2026-11-22' };
    const otherId = (await t.call('cases.get', { id: ids[1]! })).parties.find((p) => p.role === 'debtor')!;
    const other = { name: otherId.name, idNumber: (await t.call('cases.reveal', { caseId: ids[1]! })).parties.find((p) => p.id === otherId.id)!.idNumber };
    const err = await t.fail('inquiries.importFeedback', {
      fileName: 'f.csv',
      contentBase64: b64(
        csvBytes(
          feedbackTable([
            base,
            { ...base, idCode: other.idNumber!, debtor: other.name, identifier: '2' },
            { ...base, debtor: '李四', identifier: '3' },
            { ...base, caseNumber: '（2026）内0523执999号', identifier: '4' },
            { ...base, assetType: '古董', identifier: '5' },
            { ...base, queriedOn: '2026-02-30', identifier: '6' },
            { ...base, identifier: '' },
            { ...base },
          ]),
        ),
      ),
    });
    const rows = (err.details as { rows: { row: number; column: string }[] }).rows.map((r) => `${r.row}:${r.column}`);
    expect(rows).toEqual(['3:证件号码', '4:被执行人', '5:案号', '6:财产类型', '7:查询日期', '8:账号或标识', '9:账号或标识']);
  });
});

describe('control and the ledger', () => {
  async function withDeposits() {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    t.user('money1', ['money']);
    const ids = await casesInQuery(t, 1, { claimFen: 5_000_000 });
    const batch = await batchFor(ids);
    const records = rowsFor(batch, () => [
      { assetType: '银行存款', institution: '中国农业银行开鲁支行', identifier: '6228480000000000111', value: '30000.00' },
      { assetType: '银行存款', institution: '中国建设银行开鲁支行', identifier: '6217000000000000222', value: '40000.00' },
      { assetType: '不动产', institution: '开鲁县不动产登记中心', identifier: '不动产权第0000001号', value: '500000' },
    ]);
    await t.call('inquiries.importFeedback', { fileName: 'f.csv', contentBase64: b64(csvBytes(feedbackTable(records))) });
    const assets = (await t.call('assets.list', { caseId: ids[0]! })).rows;
    return { caseId: ids[0]!, assets };
  }

  async function runBatch(items: { assetId: number; action: 'freeze' | 'seize' | 'deduct'; amountFen?: number }[]) {
    const job = await t.call('measures.createBatch', { items });
    await t.app.jobs.idle();
    const done = await t.call('jobs.get', { id: job.id });
    if (done.status !== 'done') throw new Error(`job ${done.status}: ${JSON.stringify(done.error)}`);
    return t.call('measures.batch', { batchId: (done.result as { batchId: number }).batchId });
  }

  it('freezes up to the outstanding claim, deducts frozen money into the ledger, and pays it out', async () => {
    const { caseId, assets } = await withDeposits();
    const [abc, ccb, house] = assets;
    // 50,000 claimed: 30,000 frozen at ABC leaves 20,000 for CCB although it holds 40,000.
    const b = await runBatch([
      { assetId: abc!.id, action: 'freeze' },
      { assetId: ccb!.id, action: 'freeze' },
    ]);
    expect(b.measures.map((m) => [m.action, m.amountFen, m.expiresOn])).toEqual([
      ['freeze', 3_000_000, '2027-11-22'],
      ['freeze', 2_000_000, '2027-11-22'],
    ]);
    expect(b.documentCount).toBe(3); // one ruling, one notice per bank
    expect(b.measures[0]!.documentIds).toHaveLength(2);
    expect((await t.call('cases.get', { id: caseId })).stage).toBe('triage');
    const over = await t.fail('measures.createBatch', { items: [{ assetId: house!.id, action: 'seize' }] });
    expect(over.code).toBe('conflict');
    expect(over.message).toContain('已全部控制');
    const wrong = await t.fail('measures.createBatch', { items: [{ assetId: house!.id, action: 'freeze' }] });
    expect(wrong.field).toBe('items.0.action');

    await t.call('measures.recordResult', { results: b.measures.map((m) => ({ measureId: m.id, outcome: 'done' as const })) });
    const d = await runBatch([{ assetId: abc!.id, action: 'deduct' }]);
    expect(d.measures[0]).toMatchObject({ action: 'deduct', amountFen: 3_000_000, expiresOn: null, fromMeasureId: b.measures[0]!.id });
    await t.call('measures.recordResult', { results: [{ measureId: d.measures[0]!.id, outcome: 'done' }] });

    const ledger = await t.call('ledger.get', { caseId });
    expect(ledger.balanceFen).toBe(3_000_000);
    expect(ledger.recoveredFen).toBe(3_000_000);
    expect(ledger.entries[0]).toMatchObject({ kind: 'receipt', source: 'online', measureId: d.measures[0]!.id });
    expect(ledger.receipts[0]).toMatchObject({ dueOn: '2026-12-22', outstandingFen: 3_000_000, overdue: false });
    const abcNow = (await t.call('assets.list', { caseId })).rows.find((a) => a.id === abc!.id)!;
    expect(abcNow).toMatchObject({ controlledFen: 0, deductedFen: 3_000_000, frozenAvailableFen: 0 });

    const paid = await t.call('ledger.record', { kind: 'payout', caseId, amountFen: 3_000_000, approverId: approverId(t) }, 'money1');
    expect(paid.balanceFen).toBe(0);
    // The payout went to the account recorded at filing; the answer masks it, the logged reveal gives it in full.
    expect(paid.entries.at(-1)).toMatchObject({ kind: 'payout', payeeAccount: '***************0001', payeeName: '张三', approver: '王局长' });
    const shown = await t.call('cases.reveal', { caseId, reason: '核对发放账号' }, 'money1');
    expect(shown.ledger.find((e) => e.entryId === paid.entries.at(-1)!.id)!.payeeAccount).toBe('6228480000000000001');
    const ev = (await t.call('cases.get', { id: caseId })).events.find((e) => e.type === 'ledger.payout')!;
    expect(ev.payload).toMatchObject({ amountFen: 3_000_000, receiptIds: [ledger.entries[0]!.id] });
  });

  it('refuses a payout above the balance and restores the balance by a reversing entry', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    t.user('money1', ['money']);
    const [caseId] = await casesInQuery(t, 1);
    const r1 = await t.call('ledger.record', { kind: 'receipt', caseId: caseId!, amountFen: 120_000, on: '2026-11-20', source: 'voluntary', payer: '被执行人0' }, 'money1');
    expect(r1.balanceFen).toBe(120_000);
    const err = await t.fail('ledger.record', { kind: 'payout', caseId, amountFen: 120_001, approverId: approverId(t) }, 'money1');
    expect(err.code).toBe('conflict');
    expect(err.field).toBe('amountFen');
    expect(err.message).toContain('超过案件账户余额');
    const fee = await t.call('ledger.record', { kind: 'fee', caseId: caseId!, amountFen: 20_000 }, 'money1');
    expect(fee.balanceFen).toBe(100_000);
    const feeId = fee.entries.at(-1)!.id;
    const reversed = await t.call('ledger.record', { kind: 'reversal', caseId: caseId!, entryId: feeId, reason: '执行费应由被执行人另行负担' }, 'money1');
    expect(reversed.balanceFen).toBe(120_000);
    expect(reversed.entries.find((e) => e.id === feeId)!.reversedById).toBe(reversed.entries.at(-1)!.id);
    const twice = await t.fail('ledger.record', { kind: 'reversal', caseId, entryId: feeId, reason: '再次' }, 'money1');
    expect(twice.code).toBe('conflict');
    // A receipt whose money has gone cannot be reversed: the balance would go negative.
    await t.call('ledger.record', { kind: 'payout', caseId: caseId!, amountFen: 100_000, approverId: approverId(t) }, 'money1');
    const neg = await t.fail('ledger.record', { kind: 'reversal', caseId, entryId: r1.entries[0]!.id, reason: '错账' }, 'money1');
    expect(neg.code).toBe('conflict');
    expect(() => t.app.db.rawRun('UPDATE ledger_entries SET amount_fen = 1')).toThrow(/append-only/);
    const sum = t.app.db.raw<{ n: number }>(`SELECT count(*) AS n FROM case_events WHERE type LIKE 'ledger.%' AND case_id = ?`, caseId)[0]!.n;
    expect(sum).toBe(4);
  });

  it('needs two officers for cash, flags receipts unpaid after 30 days, and claims unidentified funds', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    t.user('money1', ['money']);
    const [caseId] = await casesInQuery(t, 1);
    const one = await t.fail('ledger.record', { kind: 'receipt', caseId, amountFen: 50_000, on: '2026-11-22', source: 'cash', officers: ['甲'] }, 'money1');
    expect(one.field).toBe('officers');
    await t.call('ledger.record', { kind: 'receipt', caseId: caseId!, amountFen: 50_000, on: '2026-10-01', source: 'cash', officers: ['甲', '乙'] }, 'money1');
    const l = await t.call('ledger.get', { caseId: caseId! });
    expect(l.receipts[0]).toMatchObject({ dueOn: '2026-11-02', overdue: true }); // 10-31 is a Saturday: the next working day (民诉法 2023 Art. 85)
    expect(l.overdueFen).toBe(50_000);
    expect((await t.call('grids.ledgerAccounts', { overdueOnly: true }, 'admin')).rows.map((r) => r.caseId)).toEqual([caseId]);
    const deferred = await t.call('ledger.record', { kind: 'deferral', caseId: caseId!, ground: '需要参与分配', reason: '另有两案申请参与分配', approverId: approverId(t), until: '2026-12-31' }, 'money1');
    expect(deferred.overdueFen).toBe(0);

    const u = await t.call('ledger.addUnidentified', { receivedOn: '2026-11-18', amountFen: 88_800, payer: '某公司', reference: 'BOC20261118001' }, 'money1');
    expect(u.claimOverdue).toBe(true);
    const claimed = await t.call('ledger.claimUnidentified', { id: u.id, caseId: caseId! }, 'money1');
    expect(claimed.balanceFen).toBe(138_800);
    expect(claimed.entries.at(-1)).toMatchObject({ onDate: '2026-11-18', unidentifiedId: u.id });
    expect((await t.call('ledger.unidentified', { status: 'unclaimed' }, 'money1')).total).toBe(0);
    const again = await t.fail('ledger.claimUnidentified', { id: u.id, caseId }, 'money1');
    expect(again.code).toBe('conflict');
  });

  it('lists the day\'s payouts for the finance office as xlsx', async () => {
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    t.user('money1', ['money']);
    const ids = await casesInQuery(t, 2);
    for (const id of ids) {
      await t.call('ledger.record', { kind: 'receipt', caseId: id, amountFen: 100_050, on: '2026-11-21', source: 'online' }, 'money1');
      await t.call('ledger.record', { kind: 'payout', caseId: id, amountFen: 100_050, approverId: approverId(t) }, 'money1');
    }
    const { writePayoutList } = await import('../../src-main/services/ledger/payoutList');
    const f = await writePayoutList(t.app.db, t.app.dataDir, '2026-11-22');
    expect(f.rows).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f.path);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).getCell(6).value).toBe('1000.50');
    expect(ws.getRow(3).getCell(7).value).toBe('壹仟元零伍角');
    expect(ws.getRow(5).getCell(6).value).toBe('2001.00');
  });

  it('alerts renewal 30 days before expiry, renews from the old expiry, and releases', async () => {
    const { caseId, assets } = await withDeposits();
    const b = await runBatch([{ assetId: assets[2]!.id, action: 'seize' }]);
    expect(b.measures[0]).toMatchObject({ action: 'seize', amountFen: 5_000_000, expiresOn: '2029-11-22' });
    await t.call('measures.recordResult', { results: [{ measureId: b.measures[0]!.id, outcome: 'done' }] });
    t.app.clock.set('2029-10-22T02:00:00Z');
    expect((await t.call('measures.list', { renewalDue: true })).total).toBe(0);
    t.app.clock.set('2029-10-24T02:00:00Z');
    const due = await t.call('measures.list', { renewalDue: true });
    expect(due.rows.map((m) => [m.id, m.daysToExpiry])).toEqual([[b.measures[0]!.id, 29]]);
    const [renewed] = await t.call('measures.renew', { measureIds: [b.measures[0]!.id] });
    expect(renewed).toMatchObject({ expiresOn: '2032-11-22', renewals: 1, renewalDue: false });
    expect(renewed!.documentIds.length).toBe(4);
    const [released] = await t.call('measures.release', { measureIds: [b.measures[0]!.id], reason: '被执行人已履行完毕' });
    expect(released).toMatchObject({ status: 'released', releasedOn: '2029-10-24' });
    const types = (await t.call('cases.get', { id: caseId })).events.map((e) => e.type).filter((x) => x.startsWith('measure.'));
    expect(types).toEqual(['measure.applied', 'measure.result', 'measure.renewed', 'measure.released']);
  });
});

describe('the feedback simulator (src-main/demo, run by tools/simulate-feedback)', () => {
  it('writes a seeded GBK feedback for an exported request file that imports cleanly and is marked simulated', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    t = openTestApp();
    t.app.clock.set('2026-11-22T02:00:00Z');
    const ids = await casesInQuery(t, 5);
    const batch = await batchFor(ids);
    const { writeRequestFile } = await import('../../src-main/services/inquiries/requestFile');
    const req = await writeRequestFile(t.app.db, t.app.dataDir, batch.id, 'xlsx');
    const run = (out: string) => promisify(execFile)(process.execPath, ['tools/simulate-feedback.mjs', req.path, '--seed', '7', '--date', '2026-11-22', '--out', out]);
    const a = JSON.parse((await run(`${t.dir}/a.csv`)).stdout.trim().split('\n').pop()!);
    await run(`${t.dir}/b.csv`);
    const bytes = readFileSync(a.out);
    expect(bytes.equals(readFileSync(`${t.dir}/b.csv`))).toBe(true); // same seed, same file
    expect(decodeText(bytes).encoding).toBe('gb18030');
    const r = await t.call('inquiries.importFeedback', { fileName: 'a.csv', contentBase64: b64(bytes) });
    expect(r.simulated).toBe(true);
    expect(r.rowCount).toBe(a.rows);
    expect((await t.call('inquiries.get', { batchId: batch.id })).status).toBe('answered');
  }, 60_000);
});
