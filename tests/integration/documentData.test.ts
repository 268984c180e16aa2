import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { makeId, sampleDraft } from '../helpers/drafts';
import { b64, csvBytes, xlsxBytes } from '../helpers/inquiries';
import { readDocx, readPdf, waitJob } from '../helpers/documents';
import { absPath } from '../../src-main/services/documents/storage';
import { FileResponse } from '../../src-main/api/context';
import { MAX_ROWS } from '../../src-main/services/caseAccounts/importList';

// The data the court's documents need, through the API: the title's type and what it ordered, the
// bank's case accounts (entered, or a bank's list imported — a hostile file), the officers who sign
// rulings, the queue of consumption orders due, and the administrator's versioned wording.

process.env.ZHIXING_FONTS = 'bundled';
let t: TestApp;
afterEach(async () => t?.close());

function open(): TestApp {
  const x = openTestApp();
  x.app.clock.set('2026-11-22T02:00:00Z');
  return x;
}

async function file(i: number, over: Parameters<typeof sampleDraft>[0] = {}) {
  return t.call('cases.file', sampleDraft({ confirmDuplicate: true, title: { court: '开鲁县人民法院', number: `（2026）内0523民初${300 + i}号`, effectiveOn: '2026-09-01', cause: '买卖合同纠纷', kind: '民事判决书', ordered: '被告于本判决生效之日起十日内给付原告货款123456.00元' }, ...over }));
}

async function documentText(id: number): Promise<{ pdf: string; docx: string }> {
  const row = t.app.db.raw<{ pdf_path: string; docx_path: string }>('SELECT pdf_path, docx_path FROM documents WHERE id = ?', id)[0]!;
  return { pdf: (await readPdf(absPath(t.dir, row.pdf_path))).text.replace(/\s+/g, ''), docx: (await readDocx(absPath(t.dir, row.docx_path))).text.replace(/\s+/g, '') };
}

describe('the title, the shares and the officers', () => {
  it('records the title’s type at filing, warns when it is left out, and refuses documents until it is recorded', async () => {
    t = open();
    await t.call('settings.set', { courtPresident: '赵国庆', consumptionOrderTiming: 'withNotice' });
    const legacy = await t.call('cases.file', sampleDraft({ title: { court: '开鲁县人民法院', number: '（2026）内0523民初1号', effectiveOn: '2026-09-01', cause: '买卖合同纠纷' } }));
    expect(legacy.title.kind).toBe('未登记');
    const v = await t.call('cases.validate', sampleDraft({ title: { court: '开鲁县人民法院', number: '（2026）内0523民初1号', effectiveOn: '2026-09-01', cause: '买卖合同纠纷' } }));
    expect(v.issues.find((i) => i.field === 'title.kind')?.severity).toBe('warning');
    await t.call('caseAccounts.set', { caseId: legacy.id, bank: '中国工商银行开鲁支行', accountName: '开鲁县人民法院', accountNumber: '0605 0121 0930 0088 001' });
    const refused = await t.fail('documents.generateBatch', { caseIds: [legacy.id], kinds: ['执行通知书'] });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('执行依据的类型（判决书、调解书、裁决书等）未登记');
    expect(refused.message).toContain('执行依据确定的义务（判项）未登记');
    const fixed = await t.call('cases.updateTitle', { caseId: legacy.id, title: { kind: '民事调解书', ordered: '被告于2026年10月1日前给付原告货款123456.00元', joint: false } });
    expect(fixed.title).toMatchObject({ kind: '民事调解书', joint: false });
    const job = await waitJob(t, (await t.call('documents.generateBatch', { caseIds: [legacy.id], kinds: ['执行通知书'] })).id);
    expect(job.status, JSON.stringify(job.error)).toBe('done');
    const doc = (await t.call('documents.list', { caseId: legacy.id })).rows[0]!;
    const text = await documentText(doc.id);
    expect(text.pdf).toContain('（2026）内0523民初1号民事调解书已于二〇二六年九月一日发生法律效力。该调解书确定：');
    // The account as the bank issued it, without spaces, in both files.
    expect(text.pdf).toContain('账号：0605012109300088001');
    expect(text.docx).toContain('账号：0605012109300088001');
    // A mediation document is not 非诉; an arbitral award is, and the filing says so.
    const award = await t.fail('cases.file', sampleDraft({ title: { court: '通辽仲裁委员会', number: '通仲裁字〔2026〕第1号', effectiveOn: '2026-09-01', cause: '买卖合同纠纷', kind: '仲裁裁决书', ordered: '被申请人给付申请人货款' } }));
    expect(award.field).toBe('title.nonLitigation');
  });

  it('needs several applicants’ shares to add up to the claim', async () => {
    t = open();
    const two = [
      { kind: 'person' as const, name: '张三', idNumber: '150523198503171233' },
      { kind: 'person' as const, name: '李明', idNumber: makeId('19800101', 13) },
    ];
    const missing = await t.fail('cases.file', sampleDraft({ applicants: two }));
    expect(missing.field).toBe('applicants.0.shareFen');
    const wrong = await t.fail('cases.file', sampleDraft({ applicants: [{ ...two[0]!, shareFen: 100 }, { ...two[1]!, shareFen: 100 }] }));
    expect(wrong.message).toContain('份额之和');
    const ok = await t.call('cases.file', sampleDraft({ applicants: [{ ...two[0]!, shareFen: 10_000_000 }, { ...two[1]!, shareFen: 2_345_600 }] }));
    expect(ok.parties.filter((p) => p.role === 'applicant').map((p) => p.shareFen)).toEqual([10_000_000, 2_345_600]);
  });

  it('refuses a ruling while its judge or clerk is unknown, naming which, and takes them from the case or its team', async () => {
    t = open();
    const c = await file(1);
    await t.call('settings.set', { caseAccount: { bank: '中国农业银行开鲁县支行', accountName: '开鲁县人民法院执行款专户', accountNumber: '05470101040009999' } });
    const prep = await import('../../src-main/services/documents/generate');
    const request = { caseId: c.id, kind: '执行裁定书', printedNumber: `${c.number}之一`, extra: { ruling: 'rejection', ground: '申请执行的法律文书尚未生效' } };
    await expect(prep.prepareDocuments(t.app.db, t.dir, [request], { issuedOn: '2026-11-22' })).rejects.toThrow(/尚未确定署名的审判员.*尚未确定书记员/);
    t.user('wangzhigang', ['management'], 'centre');
    t.user('liuyang', ['docsQuery'], 'centre');
    const id = (u: string) => t.app.db.raw<{ id: number }>('SELECT id FROM users WHERE username = ?', u)[0]!.id;
    // The command centre's team signs for a case not yet handed to a team.
    const s = await t.call('settings.get', {});
    await t.call('settings.set', { teams: [...s.teams, { id: 'centre', name: '执行指挥中心', kind: 'centre', areas: [], active: true, judgeId: id('wangzhigang'), clerkId: null }] });
    await expect(prep.prepareDocuments(t.app.db, t.dir, [request], { issuedOn: '2026-11-22' })).rejects.toThrow(/尚未确定书记员/);
    expect((await t.call('cases.get', { id: c.id })).officers.judge).toMatchObject({ name: 'wangzhigang', source: 'team' });
    await t.call('cases.setOfficers', { caseIds: [c.id], clerkId: id('liuyang') });
    const p = await prep.prepareDocuments(t.app.db, t.dir, [request], { issuedOn: '2026-11-22' });
    try {
      const text = (await readPdf(p.documents[0]!.stagedPdf)).text.replace(/\s+/g, '');
      expect(text).toContain('审判员wangzhigang');
      expect(text).toContain('书记员liuyang');
    } finally {
      await p.discard();
    }
  });
});

describe('the bank’s list of case accounts (一案一账号)', () => {
  it('imports a list matched by case number, and refuses a bad one whole, naming rows and columns', async () => {
    t = open();
    t.user('money1', ['money']);
    const [a, b] = [await file(1), await file(2)];
    const good = csvBytes([
      ['案号', '虚拟账号', '户名', '开户行'],
      [a.number, '6228 4800 0000 0001 1', '开鲁县人民法院执行款专户', '中国农业银行开鲁县支行'],
      [b.number.replace('（', '(').replace('）', ')'), '622848000000000022', '开鲁县人民法院执行款专户', '中国农业银行开鲁县支行'],
    ]);
    const r = await t.call('caseAccounts.import', { fileName: '子账号.csv', contentBase64: b64(good) }, 'money1');
    expect(r.rows).toBe(2);
    expect((await t.call('cases.get', { id: a.id })).account).toMatchObject({ accountNumber: '62284800000000011', bank: '中国农业银行开鲁县支行', imported: true });
    expect((await t.call('cases.get', { id: b.id })).account?.accountNumber).toBe('622848000000000022');

    const bad = await xlsxBytes([
      ['案号', '账号', '户名', '开户行'],
      [a.number, '622848000000000033', '开鲁县人民法院执行款专户', '中国农业银行开鲁县支行'],
      ['（2026）内0523执999号', '622848000000000044', '开鲁县人民法院执行款专户', '中国农业银行开鲁县支行'],
      [b.number, '62-28', '开鲁县人民法院执行款专户', '中国农业银行开鲁县支行'],
      [a.number, '622848000000000055', '', '中国农业银行开鲁县支行'],
    ]);
    const err = await t.fail('caseAccounts.import', { fileName: '子账号.xlsx', contentBase64: b64(bad) }, 'money1');
    const rows = (err.details as { rows: { row: number; column: string }[] }).rows.map((x) => `${x.row}:${x.column}`);
    expect(rows).toEqual(['3:案号', '4:账号', '5:案号', '5:户名']);
    expect(err.message).toContain('未导入任何账号');
    // Nothing written: case a keeps its account.
    expect((await t.call('cases.get', { id: a.id })).account?.accountNumber).toBe('62284800000000011');
    // Hostile sizes are refused before parsing: too many rows, too many bytes.
    const many = csvBytes([['案号', '账号', '户名', '开户行'], ...Array.from({ length: MAX_ROWS + 1 }, (_, i) => [a.number, String(100000000 + i), '户', '行'])]);
    expect((await t.fail('caseAccounts.import', { fileName: 'x.csv', contentBase64: b64(many) }, 'money1')).message).toContain('数据行过多');
    const big = Buffer.alloc(2 * 1024 * 1024 + 10, 0x41);
    expect((await t.fail('caseAccounts.import', { fileName: 'x.csv', contentBase64: b64(big) }, 'money1')).message).toContain('文件超过文件大小上限 2 MB');
    // An account already another case's is refused when entered by hand.
    expect((await t.fail('caseAccounts.set', { caseId: b.id, bank: '行', accountName: '户', accountNumber: '62284800000000011' })).code).toBe('conflict');
  });
});

describe('the consumption order after the notice period', () => {
  it('queues cases whose served notice has run out unperformed, and refuses the order before then', async () => {
    t = open();
    await t.call('settings.set', { courtPresident: '赵国庆' });
    const c = await file(1);
    await t.call('caseAccounts.set', { caseId: c.id, bank: '中国工商银行开鲁支行', accountName: '开鲁县人民法院', accountNumber: '0605012109300088009' });
    await waitJob(t, (await t.call('documents.generateBatch', { caseIds: [c.id], kinds: ['执行通知书', '报告财产令'] })).id);
    const notice = (await t.call('documents.list', { caseId: c.id, kind: '执行通知书' })).rows[0]!;
    // Served 2026-11-22: the 3-day period ends 2026-11-25.
    await t.call('documents.markServed', { items: [{ documentId: notice.id, method: '直接送达', servedOn: '2026-11-22' }] });
    const early = await t.fail('documents.generateBatch', { caseIds: [c.id], kinds: ['限制消费令'] });
    expect(early.message).toContain('履行期间至2026-11-25届满');
    expect((await t.call('documents.banQueue', {})).total).toBe(0);
    t.app.clock.set('2026-11-26T02:00:00Z');
    const queue = await t.call('documents.banQueue', {});
    expect(queue.rows).toMatchObject([{ caseId: c.id, servedOn: '2026-11-22', dueOn: '2026-11-25' }]);
    const job = await waitJob(t, (await t.call('documents.generateBatch', { caseIds: [c.id], kinds: ['限制消费令', '送达回证'] })).id);
    expect(job.status, JSON.stringify(job.error)).toBe('done');
    const ban = (await t.call('documents.list', { caseId: c.id, kind: '限制消费令' })).rows[0]!;
    expect((await documentText(ban.id)).pdf).toContain('已于二〇二六年十一月二十二日向被执行人送达执行通知书，责令其于二〇二六年十一月二十五日前履行');
    // One 回证 per debtor, listing the order it serves.
    const receipts = (await t.call('documents.list', { caseId: c.id, kind: '送达回证' })).rows;
    expect(receipts).toHaveLength(1);
    expect((await documentText(receipts[0]!.id)).pdf).toContain('限制消费令一份');
    expect((await t.call('documents.banQueue', {})).total).toBe(0);
  });
});

describe('the print file for duplex printing', () => {
  it('pads every document of odd length with a blank page when the setting asks, so each starts on a front page', async () => {
    t = open();
    const ids = [await file(1), await file(2)].map((c) => c.id);
    for (const [i, caseId] of ids.entries()) await t.call('caseAccounts.set', { caseId, bank: '中国工商银行开鲁支行', accountName: '开鲁县人民法院', accountNumber: `06050121093000881${i}0` });
    const pages = async (duplex: boolean, reason?: string) => {
      await t.call('settings.set', { printDuplex: duplex });
      const job = await waitJob(t, (await t.call('documents.generateBatch', { caseIds: ids, kinds: ['执行通知书', '报告财产令', '送达回证'], ...(reason ? { reason } : {}) })).id);
      expect(job.status, JSON.stringify(job.error)).toBe('done');
      return (job.result as { printPages: number; batchId: string }).printPages;
    };
    const plain = await pages(false);
    const docs = (await t.call('documents.list', {})).rows;
    const own = await Promise.all(docs.map(async (d) => (await readPdf(absPath(t.dir, t.app.db.raw<{ pdf_path: string }>('SELECT pdf_path FROM documents WHERE id = ?', d.id)[0]!.pdf_path))).pages.length));
    expect(plain).toBe(own.reduce((a, x) => a + x, 0));
    const padded = await pages(true, '双面打印');
    expect(padded).toBe(own.reduce((a, x) => a + x + (x % 2), 0));
    expect(own.some((x) => x % 2 === 1)).toBe(true);
  });
});

describe('the court’s own wording', () => {
  it('saves edited wording as a version, refuses unknown placeholders, previews it on a real case and records the version on each document', async () => {
    t = open();
    const c = await file(1);
    await t.call('caseAccounts.set', { caseId: c.id, bank: '中国工商银行开鲁支行', accountName: '开鲁县人民法院', accountNumber: '0605012109300088010' });
    const detail = await t.call('templates.get', { kind: '执行通知书' });
    expect(detail.version).toBe(0);
    const consequences = detail.passages.find((p) => p.key === 'consequences')!;
    expect(detail.placeholders.map((p) => p.name)).toContain('你');
    const unknown = await t.fail('templates.save', { kind: '执行通知书', texts: { consequences: '{你}逾期不履行的，{某某}将强制执行。' } });
    expect(unknown.field).toBe('texts.consequences');
    expect(unknown.message).toContain('{某某}');
    expect((await t.fail('templates.save', { kind: '执行通知书', texts: { consequences: '' } })).message).toContain('不能为空');
    // Only the administrator edits wording.
    t.user('clerk1', ['docsQuery']);
    expect((await t.fail('templates.get', { kind: '执行通知书' }, 'clerk1')).code).toBe('forbidden');
    const edited = `${consequences.text}本院另行告知失信惩戒措施。`;
    const preview = (await t.call('templates.preview', { kind: '执行通知书', caseId: c.id, texts: { consequences: edited } })) as unknown as FileResponse;
    expect((await readPdf(new Uint8Array(readFileSync(preview.path)))).text.replace(/\s+/g, '')).toContain('本院另行告知失信惩戒措施。');
    expect((await t.call('templates.get', { kind: '执行通知书' })).version).toBe(0);
    const saved = await t.call('templates.save', { kind: '执行通知书', texts: { consequences: edited }, note: '增加失信惩戒告知' });
    expect(saved.version).toBe(1);
    expect(saved.versions[0]).toMatchObject({ version: 1, note: '增加失信惩戒告知', keys: ['consequences'] });
    await waitJob(t, (await t.call('documents.generateBatch', { caseIds: [c.id], kinds: ['执行通知书'] })).id);
    const doc = (await t.call('documents.list', { caseId: c.id })).rows[0]!;
    expect(t.app.db.raw<{ template_version: number }>('SELECT template_version FROM documents WHERE id = ?', doc.id)[0]!.template_version).toBe(1);
    expect((await documentText(doc.id)).docx).toContain('本院另行告知失信惩戒措施。');
  });
});
