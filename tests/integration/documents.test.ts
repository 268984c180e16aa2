import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { makeId, sampleDraft } from '../helpers/drafts';
import { readDocx, readPdf, waitJob } from '../helpers/documents';
import { absPath } from '../../src-main/services/documents/storage';
import { prepareDocuments } from '../../src-main/services/documents/generate';
import { FileResponse } from '../../src-main/api/context';

process.env.ZHIXING_FONTS = 'bundled';
let t: TestApp;
afterEach(async () => t?.close());

/** The bank's sub-account of the i-th case filed (一案一账号). */
const accountFor = (i: number) => `06050121093${String(800000 + i).padStart(8, '0')}`;

async function fileCases(n: number, person = false): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const debtors = person ? [{ kind: 'person' as const, name: `王${'一二三四五六七八九十'[i % 10]}`, idNumber: makeId('19800101', 100 + i), address: '开鲁县开鲁镇' }] : undefined;
    const c = await t.call('cases.file', sampleDraft({ confirmDuplicate: true, ...(debtors ? { debtors } : {}), title: { court: '开鲁县人民法院', number: `（2026）内0523民初${200 + i}号`, effectiveOn: '2026-09-01', cause: '买卖合同纠纷', kind: '民事判决书', ordered: '被告于本判决生效之日起十日内给付原告货款123456.00元' } }));
    await t.call('caseAccounts.set', { caseId: c.id, bank: '中国工商银行开鲁支行', accountName: '开鲁县人民法院', accountNumber: accountFor(i) });
    ids.push(c.id);
  }
  return ids;
}

function open(): TestApp {
  const x = openTestApp();
  x.app.clock.set('2026-11-22T02:00:00Z');
  return x;
}

describe('the notice batch', () => {
  it('renders DOCX and PDF per document and one print file, registers them in one go and moves the cases on', async () => {
    t = open();
    await t.call('settings.set', { caseAccount: { bank: '中国工商银行开鲁支行', accountName: '开鲁县人民法院', accountNumber: '0605012109300012345' }, courtPresident: '赵院长', consumptionOrderTiming: 'withNotice' });
    const ids = await fileCases(3);
    const queue = await t.call('documents.queue', {});
    expect(queue.rows.map((r) => r.caseId).sort()).toEqual([...ids].sort());
    // Filed on Friday 2026-11-20: 3 working days → Wednesday 2026-11-25.
    expect(queue.rows[0]!.dueOn).toBe('2026-11-25');
    const job = await t.call('documents.generateBatch', { caseIds: ids, kinds: ['执行通知书', '报告财产令', '限制消费令'] });
    const done = await waitJob(t, job.id);
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    const result = done.result as { batchId: string; documents: number; printPages: number; movedToQuery: number };
    expect(result.documents).toBe(9);
    expect(result.movedToQuery).toBe(3);

    const list = await t.call('documents.list', { batchId: result.batchId });
    expect(list.total).toBe(9);
    const c0 = await t.call('cases.get', { id: ids[0]! });
    expect(c0.stage).toBe('query');
    expect(c0.events.filter((e) => e.type === 'document.generated')).toHaveLength(3);
    expect((await t.call('documents.queue', {})).total).toBe(0);

    for (const d of list.rows) {
      const row = t.app.db.raw<{ docx_path: string; pdf_path: string }>('SELECT docx_path, pdf_path FROM documents WHERE id = ?', d.id)[0]!;
      const pdf = await readPdf(absPath(t.dir, row.pdf_path));
      const flat = pdf.text.replace(/\s+/g, '');
      expect(flat).toContain(d.caseNumber);
      expect(flat).toContain('开鲁县某商贸有限公司');
      expect(flat).toContain(d.kind);
      for (const p of pdf.pages) {
        expect(p.width).toBeCloseTo(595.28, 1);
        expect(p.height).toBeCloseTo(841.89, 1);
      }
      const docx = await readDocx(absPath(t.dir, row.docx_path));
      expect(docx.text).toContain(d.caseNumber);
      expect(docx.text).toContain('开鲁县某商贸有限公司');
      expect(docx.text).toContain(d.kind);
      expect(docx.xml).toContain('仿宋_GB2312');
      expect(docx.xml).toContain('方正小标宋简体');
      expect(docx.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      if (d.kind === '限制消费令') expect(docx.text).toContain('及其法定代表人李四');
      if (d.kind === '报告财产令') expect(docx.text).toContain('财产申报表');
    }
    // 一案一账号 and the amounts in capitals on the notice.
    const notice = list.rows.find((d) => d.kind === '执行通知书' && d.caseId === ids[0])!;
    const noticeRow = t.app.db.raw<{ pdf_path: string }>('SELECT pdf_path FROM documents WHERE id = ?', notice.id)[0]!;
    const noticeText = (await readPdf(absPath(t.dir, noticeRow.pdf_path))).text.replace(/\s+/g, '');
    expect(noticeText).toContain('壹拾贰万叁仟肆佰伍拾陆元整');
    // 一案一账号: the bank's own sub-account of the case, printed without spaces.
    expect(noticeText).toContain(`账号：${accountFor(0)}`);
    const ban = list.rows.find((d) => d.kind === '限制消费令' && d.caseId === ids[0])!;
    const banRow = t.app.db.raw<{ docx_path: string }>('SELECT docx_path FROM documents WHERE id = ?', ban.id)[0]!;
    expect((await readDocx(absPath(t.dir, banRow.docx_path))).text).toContain('院长　赵院长');

    // The print file: every page of every document, each case's set together.
    const batch = (await t.call('documents.batches', {}))[0]!;
    expect(batch.documentCount).toBe(9);
    const printRow = t.app.db.raw<{ print_path: string }>('SELECT print_path FROM document_batches WHERE id = ?', batch.id)[0]!;
    const print = await readPdf(absPath(t.dir, printRow.print_path));
    expect(print.pages.length).toBe(result.printPages);
    const order = [...print.text.matchAll(/（2026）内0523执(\d+)号/g)].map((m) => Number(m[1]));
    const firstSeen = [...new Set(order)];
    expect(firstSeen).toEqual([1, 2, 3]);
    // The print file is the documents' own pages, drawn once more from the same layout, with ONE
    // embedded subset of each font for the batch (not one per document, as concatenating the PDFs did).
    let docPages = 0;
    let docBytes = 0;
    for (const d of list.rows) {
      const row = t.app.db.raw<{ pdf_path: string }>('SELECT pdf_path FROM documents WHERE id = ?', d.id)[0]!;
      docPages += (await readPdf(absPath(t.dir, row.pdf_path))).pages.length;
      docBytes += readFileSync(absPath(t.dir, row.pdf_path)).length;
    }
    expect(print.pages.length).toBe(docPages);
    const printBytes = readFileSync(absPath(t.dir, printRow.print_path));
    expect(printBytes.toString('latin1').match(/\/FontFile2 /g)).toHaveLength(2);
    expect(printBytes.length).toBeLessThan(docBytes / 3);

    // documents.file hands the print file to the transport: opened (or downloaded), or shown in its folder.
    const opened = await t.call('documents.file', { batchId: batch.id });
    const revealed = await t.call('documents.file', { batchId: batch.id, action: 'reveal' });
    expect(opened).toBeInstanceOf(FileResponse);
    expect((opened as unknown as FileResponse).path).toBe(absPath(t.dir, printRow.print_path));
    expect((opened as unknown as FileResponse).reveal).toBe(false);
    expect((revealed as unknown as FileResponse).reveal).toBe(true);
  });

  it('joins a print file of several chunks in print order, readable as one PDF', async () => {
    t = open();
    const ids = await fileCases(3, true);
    const kinds = ['执行通知书', '报告财产令'];
    const prepared = await prepareDocuments(t.app.db, t.dir, ids.flatMap((caseId) => kinds.map((kind) => ({ caseId, kind }))), { issuedOn: '2026-11-22', print: true, chunkCases: 1 });
    try {
      const pages = (await Promise.all(prepared.documents.map(async (d) => (await readPdf(d.stagedPdf)).pages.length))).reduce((a, x) => a + x, 0);
      const bytes = readFileSync(prepared.stagedPrint!);
      const print = await readPdf(new Uint8Array(bytes));
      expect(prepared.printPages).toBe(pages);
      expect(print.pages.length).toBe(pages);
      const order = [...new Set([...print.text.matchAll(/（2026）内0523执(\d+)号/g)].map((m) => Number(m[1])))];
      expect(order).toEqual([1, 2, 3]);
      // Three chunks, three subsets of each font; one catalog; pdf-lib reads it too.
      expect(bytes.toString('latin1').match(/\/FontFile2 /g)).toHaveLength(6);
      expect(bytes.toString('latin1').match(/\/Type \/Catalog/g)).toHaveLength(1);
      const { PDFDocument } = await import('pdf-lib');
      const doc = await PDFDocument.load(bytes);
      expect(doc.getPageCount()).toBe(pages);
      expect(doc.getTitle()).toBe('批量文书打印文件');
    } finally {
      await prepared.discard();
    }
  });

  it('draws justified lines to the right margin and keeps every character (runs of one text object)', async () => {
    t = open();
    const ids = await fileCases(1);
    const done = await waitJob(t, (await t.call('documents.generateBatch', { caseIds: ids, kinds: ['执行通知书'] })).id);
    expect(done.status).toBe('done');
    const d = (await t.call('documents.list', { caseId: ids[0]! })).rows[0]!;
    const row = t.app.db.raw<{ pdf_path: string }>('SELECT pdf_path FROM documents WHERE id = ?', d.id)[0]!;
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({ data: new Uint8Array(readFileSync(absPath(t.dir, row.pdf_path))), useSystemFonts: false });
    const doc = await task.promise;
    const page = await doc.getPage(1);
    const items = (await page.getTextContent()).items.filter((it): it is typeof it & { str: string; transform: number[]; width: number } => 'str' in it && it.str.trim() !== '');
    // GB/T 9704 text block: left margin 28 mm, right margin 26 mm.
    const mm = 72 / 25.4;
    const right = 595.28 - 26 * mm;
    const ends = new Map<number, number>();
    for (const it of items) {
      const y = Math.round(it.transform[5]! * 100) / 100;
      ends.set(y, Math.max(ends.get(y) ?? 0, it.transform[4]! + it.width));
      expect(it.transform[4]!).toBeGreaterThanOrEqual(28 * mm - 0.05);
    }
    const full = [...ends.values()].filter((x) => Math.abs(x - right) < 0.5);
    // The long body paragraphs run over several lines: every line but the last is justified to the margin.
    expect(full.length).toBeGreaterThanOrEqual(6);
    for (const x of ends.values()) expect(x).toBeLessThanOrEqual(right + 0.5);
    await task.destroy();
  });

  it('refuses a second notice without a reason and keeps the old version when one is given', async () => {
    t = open();
    const [id] = await fileCases(1);
    const kinds = ['执行通知书', '报告财产令'] as const;
    await waitJob(t, (await t.call('documents.generateBatch', { caseIds: [id!], kinds: [...kinds] })).id);
    const err = await t.fail('documents.generateBatch', { caseIds: [id!], kinds: ['执行通知书'] });
    expect(err.code).toBe('conflict');
    expect(err.field).toBe('reason');
    const j = await waitJob(t, (await t.call('documents.generateBatch', { caseIds: [id!], kinds: ['执行通知书'], reason: '被执行人地址有误' })).id);
    expect(j.status).toBe('done');
    const all = await t.call('documents.list', { caseId: id!, includeSuperseded: true });
    const notices = all.rows.filter((d) => d.kind === '执行通知书');
    expect(notices.map((d) => [d.version, d.status])).toEqual([
      [1, 'superseded'],
      [2, 'current'],
    ]);
    expect(notices[1]!.reason).toBe('被执行人地址有误');
    for (const d of notices) {
      const row = t.app.db.raw<{ pdf_path: string; docx_path: string }>('SELECT pdf_path, docx_path FROM documents WHERE id = ?', d.id)[0]!;
      expect(existsSync(absPath(t.dir, row.pdf_path))).toBe(true);
      expect(existsSync(absPath(t.dir, row.docx_path))).toBe(true);
    }
  });

  it('a cancelled batch leaves no rows, no events and no files', async () => {
    t = open();
    const ids = await fileCases(12, true);
    const before = t.app.db.raw<{ n: number }>('SELECT count(*) AS n FROM case_events')[0]!.n;
    const job = await t.call('documents.generateBatch', { caseIds: ids, kinds: ['执行通知书', '报告财产令'] });
    await new Promise((r) => setTimeout(r, 150));
    await t.call('jobs.cancel', { id: job.id });
    const end = await waitJob(t, job.id);
    expect(end.status).toBe('cancelled');
    expect(t.app.db.raw<{ n: number }>('SELECT count(*) AS n FROM documents')[0]!.n).toBe(0);
    expect(t.app.db.raw<{ n: number }>('SELECT count(*) AS n FROM document_batches')[0]!.n).toBe(0);
    expect(t.app.db.raw<{ n: number }>('SELECT count(*) AS n FROM case_events')[0]!.n).toBe(before);
    const files = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : []);
    expect(files(join(t.dir, 'documents'))).toEqual([]);
    expect((await t.call('documents.queue', {})).total).toBe(12);
  });

  it('refuses kinds that need another step’s content and unknown cases', async () => {
    t = open();
    const [id] = await fileCases(1);
    expect((await t.fail('documents.generateBatch', { caseIds: [id!], kinds: ['执行裁定书'] })).field).toBe('kinds');
    expect((await t.fail('documents.generateBatch', { caseIds: [id!, 999], kinds: ['执行通知书'] })).code).toBe('not_found');
    t.user('clerk', ['window']);
    expect((await t.fail('documents.generateBatch', { caseIds: [id!], kinds: ['执行通知书'] }, 'clerk')).code).toBe('forbidden');
  });
});

describe('service (送达)', () => {
  async function generated(n: number) {
    const ids = await fileCases(n, true);
    await waitJob(t, (await t.call('documents.generateBatch', { caseIds: ids, kinds: ['执行通知书', '报告财产令'] })).id);
    return (await t.call('documents.list', { kind: '执行通知书' })).rows;
  }

  it('records direct service and starts the performance period from the service date', async () => {
    t = open();
    const [d] = await generated(1);
    t.app.clock.set('2026-11-26T02:00:00Z');
    const r = await t.call('documents.markServed', { items: [{ documentId: d!.id, method: '直接送达', servedOn: '2026-11-24', recipient: '王一' }] });
    expect(r).toEqual({ updated: 1, served: 1, mailed: 0 });
    const after = (await t.call('documents.list', { caseId: d!.caseId, kind: '执行通知书' })).rows[0]!;
    expect(after.service?.servedOn).toBe('2026-11-24');
    expect(after.performanceDueOn).toBe('2026-11-27');
    const ev = (await t.call('cases.get', { id: d!.caseId })).events.find((e) => e.type === 'document.served')!;
    expect(ev.onDate).toBe('2026-11-24');
    expect(ev.payload).toMatchObject({ documentId: d!.id, kind: '执行通知书', method: '直接送达' });
    expect((await t.fail('documents.markServed', { items: [{ documentId: d!.id, method: '直接送达', servedOn: '2026-11-25' }] })).code).toBe('invalid_input');
  });

  it('records mailings with EMS numbers, then the signing dates in bulk by number; one bad line refuses the list', async () => {
    t = open();
    const docs = await generated(3);
    const nums = ['1100000000011', '1100000000022', '1100000000033'];
    const m = await t.call('documents.markServed', { items: docs.map((d, i) => ({ documentId: d.id, method: '邮寄送达' as const, trackingNumber: nums[i] })) });
    expect(m).toEqual({ updated: 3, served: 0, mailed: 3 });
    t.app.clock.set('2026-11-27T02:00:00Z');
    const bad = await t.fail('documents.markServed', { items: [{ trackingNumber: nums[0], servedOn: '2026-11-25' }, { trackingNumber: '9999999999999', servedOn: '2026-11-25' }] });
    expect(bad.code).toBe('invalid_input');
    expect(bad.field).toBe('items.1.trackingNumber');
    expect((bad.details as { rows: unknown[] }).rows).toHaveLength(1);
    expect((await t.call('documents.list', { unservedOnly: true, kind: '执行通知书' })).total).toBe(3);
    const ok = await t.call('documents.markServed', { items: nums.map((n, i) => ({ trackingNumber: n, servedOn: `2026-11-2${4 + i}` })) });
    expect(ok).toEqual({ updated: 3, served: 3, mailed: 0 });
    const rows = (await t.call('documents.list', { kind: '执行通知书' })).rows;
    expect(rows.map((r) => r.service?.servedOn).sort()).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    expect(rows.every((r) => r.service?.method === '邮寄送达')).toBe(true);
  });

  it('counts 公告送达 as served 30 days after publication (民诉法 Art. 95)', async () => {
    t = open();
    const [d] = await generated(1);
    await t.call('documents.markServed', { items: [{ documentId: d!.id, method: '公告送达', servedOn: '2026-11-22' }] });
    const row = (await t.call('documents.list', { caseId: d!.caseId, kind: '执行通知书' })).rows[0]!;
    expect(row.service).toMatchObject({ publishedOn: '2026-11-22', servedOn: '2026-12-22' });
  });
});
