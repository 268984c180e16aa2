import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { makeId, sampleDraft } from '../helpers/drafts';
import { signers } from '../helpers/inquiries';
import { control, queryAndAnswer } from '../helpers/pipeline';
import { readDocx } from '../helpers/documents';
import { FileResponse } from '../../src-main/api/context';

// Credit sanctions (desks.md §5): the dishonest list under 《最高人民法院关于公布失信被执行人名单信息的若干
// 规定》(法释〔2017〕7号) and the consumption restriction under 《最高人民法院关于限制被执行人高消费及
// 有关消费的若干规定》(法释〔2015〕17号). Expected dates are worked out by hand from the shipped
// 2026 holiday notice (国庆节 2026-10-01…07, make-up working Saturday 2026-10-10).

let t: TestApp;
afterEach(async () => t?.close());

let seq = 0;
async function fileCase(over: Parameters<typeof sampleDraft>[0] = {}, day = '2026-01-10') {
  seq += 1;
  t.app.clock.set(`${day}T02:00:00Z`);
  const c = await t.call('cases.file', sampleDraft({
    filedOn: day,
    title: { court: '开鲁县人民法院', number: `（2025）内0523民初${800 + seq}号`, effectiveOn: '2025-12-01', cause: '买卖合同纠纷', kind: '民事判决书', ordered: '被告于本判决生效之日起十日内给付原告货款' },
    ...over,
  }));
  await signers(t, [c.id]);
  const debtor = t.app.db.raw<{ id: number }>(`SELECT id FROM parties WHERE case_id = ? AND role = 'debtor' ORDER BY seq`, c.id)[0]!.id;
  return { ...c, debtor };
}
const at = (day: string) => t.app.clock.set(`${day}T02:00:00Z`);
const person = (name: string, idNumber: string) => ({ debtors: [{ kind: 'person' as const, name, idNumber, address: '开鲁县开鲁镇' }] });
const listing = (caseId: number, partyId: number, over: Record<string, unknown> = {}) => ({ caseId, partyId, ground: 4, facts: '收到报告财产令后拒不报告财产', origin: 'motion' as const, securityGiven: false, laterInOrder: false, ...over });
const count = (table: string) => t.app.db.raw<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)[0]!.n;
const events = (caseId: number, type: string) => t.app.db.raw<{ payload: string; on_date: string }>('SELECT payload, on_date FROM case_events WHERE case_id = ? AND type = ? ORDER BY id', caseId, type).map((e) => ({ ...JSON.parse(e.payload), onDate: e.on_date }));
async function docText(id: number): Promise<string> {
  const row = t.app.db.raw<{ docx_path: string }>('SELECT docx_path FROM documents WHERE id = ?', id)[0]!;
  return (await readDocx(join(t.dir, row.docx_path))).text.replace(/\s+/g, '');
}
async function clock(caseId: number, ruleId: string) {
  return (await t.call('deadlines.forCase', { caseId })).filter((d) => d.ruleId === ruleId);
}

describe('the bars of a listing (失信规定 2017 Arts. 3, 4)', () => {
  it('refuses a minor (Art. 4), reading minority from the ID number, and writes nothing; lists the same person from the day after the 18th birthday', async () => {
    t = openTestApp();
    const c = await fileCase(person('少年甲', makeId('20081002', 311)));
    at('2026-10-01');
    const err = await t.fail('credit.list', listing(c.id, c.debtor, { decidedOn: '2026-10-01' }));
    expect(err.code).toBe('invalid_input');
    expect(err.field).toBe('partyId');
    expect(err.message).toContain('未满十八周岁');
    expect(err.message).toContain('第四条');
    expect(count('credit_listings')).toBe(0);
    expect(events(c.id, 'credit.listed')).toEqual([]);
    expect(t.app.db.raw(`SELECT 1 FROM documents WHERE kind = '纳入失信名单决定书'`)).toEqual([]);
    // Any ground: a minor is barred from ground (2) too.
    expect((await t.fail('credit.list', listing(c.id, c.debtor, { ground: 2, decidedOn: '2026-10-01' }))).message).toContain('未满十八周岁');
    // On the 18th birthday itself still a minor; from the next day 已满十八周岁.
    at('2026-10-02');
    expect((await t.fail('credit.list', listing(c.id, c.debtor))).message).toContain('未满十八周岁');
    at('2026-10-03');
    const ok = await t.call('credit.list', listing(c.id, c.debtor));
    expect(ok.listings).toHaveLength(1);
  });

  it('refuses ground (1) where security was given, where the seized assets cover the debt, or where the duty comes later in order (Art. 3); other grounds pass', async () => {
    t = openTestApp();
    const c = await fileCase(person('担保人乙', makeId('19800101', 312)), '2026-01-10');
    at('2026-02-01');
    const sec = await t.fail('credit.list', listing(c.id, c.debtor, { ground: 1, securityGiven: true }));
    expect([sec.field, sec.message.includes('第三条第（一）项')]).toEqual(['securityGiven', true]);
    const later = await t.fail('credit.list', listing(c.id, c.debtor, { ground: 1, laterInOrder: true }));
    expect([later.field, later.message.includes('第三条第（三）项')]).toEqual(['laterInOrder', true]);
    // Ground (2) is not barred by security: Art. 3 speaks of ground (1) only.
    const bars = await t.call('credit.checkBars', listing(c.id, c.debtor, { ground: 2, securityGiven: true }));
    expect(bars.bars).toEqual([]);

    // A deposit of ¥200,000 frozen on a claim of ¥123,456: the seized assets cover the debt (Art. 3 (2)).
    const d = await fileCase(person('冻结人丙', makeId('19800202', 313)), '2026-01-10');
    at('2026-01-12');
    await queryAndAnswer(t, [d.id], '2026-01-12', () => [{ assetType: '银行存款', institution: '中国农业银行开鲁支行', identifier: '6228480000000009999', value: '200000.00' }]);
    const asset = (await t.call('assets.list', { caseId: d.id })).rows[0]!;
    await control(t, [{ assetId: asset.id, action: 'freeze' }]);
    at('2026-02-01');
    const seized = await t.fail('credit.list', listing(d.id, d.debtor, { ground: 1 }));
    expect(seized.field).toBe('ground');
    expect(seized.message).toContain('第三条第（二）项');
    expect(seized.message).toContain('123456.00');
    expect(count('credit_listings')).toBe(0);
    // The same debtor may be listed on ground (4).
    expect((await t.call('credit.list', listing(d.id, d.debtor))).listings[0]!.termYears).toBe(2);
  });
});

describe('a paid case: deletion and lifting within 3 working days across 国庆节 (2017 Art. 10; 2015 Art. 9)', () => {
  it('starts both clocks from the ledger, then deletes and lifts with their documents, on time', async () => {
    t = openTestApp();
    // An organisation with its legal representative 李四 (sampleDraft), claim ¥123,456.00.
    const c = await fileCase({}, '2026-08-03');
    at('2026-08-20');
    const listed = await t.call('credit.list', listing(c.id, c.debtor, { ground: 5, facts: '违反限制消费令乘坐飞机' }));
    const l = listed.listings[0]!;
    expect([l.ground, l.termYears, l.termEndsOn, l.signedBy]).toEqual([5, 2, '2028-08-19', '赵国庆']);
    const decision = await docText(l.documentId!);
    expect(decision).toContain('纳入失信被执行人名单');
    expect(decision).toContain('第一条第（五）项');
    expect(decision).toContain('院长赵国庆');
    expect(decision).toContain('二〇二八年八月十九日');
    // Art. 3 para. 2 of the 2015 rules: the organisation and its four natural persons.
    const restricted = await t.call('credit.restrict', { caseId: c.id, partyId: c.debtor, origin: 'listing', persons: [{ role: 'legalRep', name: '李四' }, { role: 'controller', name: '王实控', idNumber: makeId('19700505', 515) }] });
    const r = restricted.restrictions[0]!;
    expect(r.persons.map((p) => [p.role, p.name])).toEqual([['debtor', '开鲁县某商贸有限公司'], ['legalRep', '李四'], ['controller', '王实控']]);
    // Identifiers leave the API masked.
    expect(r.persons[2]!.idNumber).not.toBe(makeId('19700505', 515));
    expect(r.orderDocumentId).not.toBeNull();

    // Part payment: nothing moves.
    at('2026-09-20');
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 5_000_000, on: '2026-09-20', source: 'voluntary' });
    expect((await t.call('credit.case', { caseId: c.id })).listings[0]!.status).toBe('listed');
    // The rest arrives on 2026-09-30, the day before 国庆节: receipts reach the claim.
    at('2026-09-30');
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 12_345_600 - 5_000_000, on: '2026-09-30', source: 'voluntary' });
    const due = await t.call('credit.case', { caseId: c.id });
    // 3 working days after 09-30: 10-01…07 are holidays, 10-08 (Thu), 10-09 (Fri), 10-10 (make-up Saturday).
    expect([due.listings[0]!.status, due.listings[0]!.removalGround, due.listings[0]!.deletionDueOn]).toEqual(['removalDue', 'performed', '2026-10-10']);
    expect([due.restrictions[0]!.status, due.restrictions[0]!.liftGround, due.restrictions[0]!.liftDueOn]).toEqual(['liftDue', 'performed', '2026-10-10']);
    expect(events(c.id, 'credit.removalDue')).toMatchObject([{ listingId: l.id, ground: 'performed', source: 'ledger', dueOn: '2026-10-10', onDate: '2026-09-30' }]);
    // The clocks on the deadline board.
    expect(await clock(c.id, 'creditDeletion')).toMatchObject([{ dueOn: '2026-10-10', status: 'open' }]);
    expect(await clock(c.id, 'restrictionLift')).toMatchObject([{ dueOn: '2026-10-10', status: 'open' }]);
    const board = await t.call('credit.register', { pendingOnly: true });
    expect(board.listings.map((x) => x.id)).toEqual([l.id]);
    expect(board.restrictions.map((x) => x.id)).toEqual([r.id]);

    // Deleted and lifted on 10-09, inside the period.
    at('2026-10-09');
    const deleted = await t.call('credit.delete', { listingId: l.id });
    const dl = deleted.listings[0]!;
    expect([dl.status, dl.deletedOn, dl.deletedOnTime]).toEqual(['deleted', '2026-10-09', true]);
    const deletion = await docText(dl.deletionDocumentId!);
    expect(deletion).toContain('删除被执行人开鲁县某商贸有限公司的失信被执行人名单信息');
    expect(deletion).toContain('第十条第一款第（一）项');
    expect(deletion).toContain('院长赵国庆');
    const lifted = await t.call('credit.lift', { restrictionId: r.id });
    const lr = lifted.restrictions[0]!;
    expect([lr.status, lr.liftedOn, lr.liftedOnTime]).toEqual(['lifted', '2026-10-09', true]);
    const lift = await docText(lr.liftDocumentId!);
    expect(lift).toContain('解除限制消费令');
    expect(lift).toContain('法定代表人李四');
    expect(lift).toContain('实际控制人王实控');
    expect(lift).toContain('第九条');
    expect(lift).toContain('院长赵国庆');
    expect(await clock(c.id, 'creditDeletion')).toMatchObject([{ status: 'met', doneOn: '2026-10-09' }]);
    expect(await clock(c.id, 'restrictionLift')).toMatchObject([{ status: 'met', doneOn: '2026-10-09' }]);
    // The leaders' figures.
    const f = await t.call('credit.figures', { from: '2026-01-01', to: '2026-12-31' });
    expect(f).toMatchObject({ listed: 1, deleted: 1, deletedOnTime: 1, deletionOverdue: 0, restricted: 1, lifted: 1, liftedOnTime: 1, inForce: 0 });
    // A debtor who has performed is not listed again (Art. 10 (1)); a request to re-list within 6 months
    // of a deletion for performance is not supported (Art. 10 para. 3 [P]): 2026-10-09 + 6 months − 1 day.
    const relist = await t.fail('credit.list', listing(c.id, c.debtor, { origin: 'request', requestedOn: '2026-10-09' }));
    expect(relist.message).toContain('第十条第一款第（一）项');
    expect(dl.relistBlockedUntil).toBe('2027-04-08');
  });

  it('counts a deletion after the period as late', async () => {
    t = openTestApp();
    const c = await fileCase(person('迟删丁', makeId('19800303', 314)), '2026-08-03');
    at('2026-08-20');
    const l = (await t.call('credit.list', listing(c.id, c.debtor))).listings[0]!;
    at('2026-09-30');
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 12_345_600, on: '2026-09-30', source: 'voluntary' });
    at('2026-10-12');
    const f0 = await t.call('credit.figures', { from: '2026-01-01', to: '2026-12-31' });
    expect(f0.deletionOverdue).toBe(1);
    const d = (await t.call('credit.delete', { listingId: l.id })).listings[0]!;
    expect(d.deletedOnTime).toBe(false);
    expect(await clock(c.id, 'creditDeletion')).toMatchObject([{ status: 'late' }]);
  });
});

describe('the term (2017 Art. 2) and its end (Art. 10 para. 2)', () => {
  it('two years for ground (4), none for ground (1), extension 1–3 years with a reason; deletion only once the term has ended', async () => {
    t = openTestApp();
    const c = await fileCase(person('期限戊', makeId('19800404', 316)), '2026-01-10');
    at('2026-01-15');
    expect((await t.fail('credit.list', listing(c.id, c.debtor, { ground: 1, extensionYears: 1, extensionReason: '多次' }))).field).toBe('extensionYears');
    expect((await t.fail('credit.list', listing(c.id, c.debtor, { ground: 2, extensionYears: 1 }))).field).toBe('extensionReason');
    const l = (await t.call('credit.list', listing(c.id, c.debtor))).listings[0]!;
    // 2026-01-15 + 2 years, the last day on the list 2028-01-14 (a Friday).
    expect([l.termYears, l.termEndsOn]).toEqual([2, '2028-01-14']);
    // The term clock: 3 working days after 2028-01-14 → Mon 17, Tue 18, Wed 19.
    expect(await clock(c.id, 'creditTermEnd')).toMatchObject([{ dueOn: '2028-01-19', status: 'open' }]);
    at('2028-01-14');
    const early = await t.fail('credit.delete', { listingId: l.id, ground: 'termEnded' });
    expect(early.message).toContain('届满后');
    at('2028-01-17');
    const view = await t.call('credit.case', { caseId: c.id });
    expect([view.listings[0]!.termEnded, view.listings[0]!.deletionDueOn]).toEqual([true, '2028-01-19']);
    expect((await t.call('credit.register', { pendingOnly: true })).listings.map((x) => x.id)).toEqual([l.id]);
    const d = (await t.call('credit.delete', { listingId: l.id })).listings[0]!;
    expect([d.status, d.removalGround, d.deletedOnTime]).toEqual(['deleted', 'termEnded', true]);
    expect(await docText(d.deletionDocumentId!)).toContain('第十条第二款');
    expect(await clock(c.id, 'creditTermEnd')).toMatchObject([{ status: 'met' }]);

    // Ground (2) extended by one year: three years.
    const e = await fileCase(person('延长己', makeId('19800606', 317)), '2026-01-10');
    at('2026-01-15');
    const ext = (await t.call('credit.list', listing(e.id, e.debtor, { ground: 2, extensionYears: 1, extensionReason: '以暴力方法抗拒执行，情节严重' }))).listings[0]!;
    expect([ext.termYears, ext.termEndsOn]).toEqual([3, '2029-01-14']);
    // Ground (1): no term, no term clock.
    const g = await fileCase(person('无期庚', makeId('19800707', 318)), '2026-01-10');
    const g1 = (await t.call('credit.list', listing(g.id, g.debtor, { ground: 1 }))).listings[0]!;
    expect([g1.termYears, g1.termEndsOn]).toEqual([null, null]);
    expect(await clock(g.id, 'creditTermEnd')).toEqual([]);
  });
});

describe('other removal grounds and corrections (2017 Arts. 10–12)', () => {
  it('closure as 终结执行 starts the deletion clock; the applicant’s request does too', async () => {
    t = openTestApp();
    const c = await fileCase(person('终结辛', makeId('19800808', 319)), '2026-03-02');
    at('2026-03-10');
    const l = (await t.call('credit.list', listing(c.id, c.debtor))).listings[0]!;
    at('2026-04-01');
    await t.call('closure.close', { caseId: c.id, mode: '终结执行', ground: '申请人撤销申请', groundItem: 1 });
    const v = await t.call('credit.case', { caseId: c.id });
    // 2026-04-01 (Wed): 04-02 Thu, 04-03 Fri, then 清明 04-04…06 → 04-07.
    expect([v.listings[0]!.status, v.listings[0]!.removalGround, v.listings[0]!.deletionDueOn]).toEqual(['removalDue', 'terminated', '2026-04-07']);
    // A closed case still gets its listing deleted, with the article of the ground.
    const d = (await t.call('credit.delete', { listingId: l.id })).listings[0]!;
    expect(await docText(d.deletionDocumentId!)).toContain('第十条第一款第（七）项');

    const e = await fileCase(person('申请壬', makeId('19800909', 320)), '2026-03-02');
    at('2026-03-10');
    const le = (await t.call('credit.list', listing(e.id, e.debtor))).listings[0]!;
    at('2026-03-16');
    const req = await t.call('credit.requestRemoval', { listingId: le.id, requestedOn: '2026-03-16', note: '申请执行人书面申请，经审查同意' });
    expect([req.listings[0]!.removalGround, req.listings[0]!.deletionDueOn]).toEqual(['applicantRequest', '2026-03-19']);
  });

  it('runs a correction request through its clocks: review within 15 days, correct within 3 working days, then the deletion', async () => {
    t = openTestApp();
    const c = await fileCase(person('纠正癸', makeId('19801010', 321)), '2026-03-02');
    at('2026-03-10');
    const l = (await t.call('credit.list', listing(c.id, c.debtor))).listings[0]!;
    at('2026-03-12');
    const filed = await t.call('credit.fileCorrection', { listingId: l.id, filedOn: '2026-03-12', reason: '已如实报告财产' });
    const corr = filed.listings[0]!.corrections[0]!;
    // 2026-03-12 + 15 days = 03-27 (Fri).
    expect(corr.reviewDueOn).toBe('2026-03-27');
    expect(filed.listings[0]!.status).toBe('listed'); // the listing stays meanwhile (Art. 12)
    expect(await clock(c.id, 'creditCorrectionReview')).toMatchObject([{ dueOn: '2026-03-27', status: 'open' }]);
    at('2026-03-20');
    const decided = await t.call('credit.decideCorrection', { correctionId: corr.id, result: 'corrected', note: '报告财产属实' });
    // 03-20 (Fri) + 3 working days: 03-23, 03-24, 03-25.
    expect(decided.listings[0]!.corrections[0]!.correctDueOn).toBe('2026-03-25');
    expect(await clock(c.id, 'creditCorrectionFix')).toMatchObject([{ dueOn: '2026-03-25', status: 'open' }]);
    at('2026-03-23');
    const applied = await t.call('credit.applyCorrection', { correctionId: corr.id });
    expect([applied.listings[0]!.status, applied.listings[0]!.removalGround]).toEqual(['removalDue', 'corrected']);
    expect(await clock(c.id, 'creditCorrectionFix')).toMatchObject([{ status: 'met' }]);
    expect(await clock(c.id, 'creditCorrectionReview')).toMatchObject([{ status: 'met' }]);
  });
});

describe('restriction: permissions, violations, lifting on consent (2015 Arts. 3, 8, 9, 11)', () => {
  it('requires the legal representative for an organisation, grants a single permission, records a violation once, lifts on consent with a note', async () => {
    t = openTestApp();
    const c = await fileCase({}, '2026-03-02');
    at('2026-03-10');
    const noRep = await t.fail('credit.restrict', { caseId: c.id, partyId: c.debtor, origin: 'motion', persons: [{ role: 'controller', name: '王实控' }] });
    expect([noRep.field, noRep.message.includes('法定代表人')]).toEqual(['persons', true]);
    const badId = await t.fail('credit.restrict', { caseId: c.id, partyId: c.debtor, origin: 'motion', persons: [{ role: 'legalRep', name: '李四', idNumber: '150523198001011234' }] });
    expect(badId.field).toBe('persons.0.idNumber');
    expect(count('consumption_restrictions')).toBe(0);
    const r = (await t.call('credit.restrict', { caseId: c.id, partyId: c.debtor, origin: 'motion', persons: [{ role: 'legalRep', name: '李四' }] })).restrictions[0]!;
    const rep = r.persons.find((p) => p.role === 'legalRep')!;
    const permitted = await t.call('credit.permit', { restrictionId: r.id, personId: rep.id, kind: 'medical', reason: '赴北京就医，乘坐飞机', validUntil: '2026-03-20' });
    expect(permitted.restrictions[0]!.permissions).toMatchObject([{ kind: 'medical', reason: '赴北京就医，乘坐飞机', grantedOn: '2026-03-10' }]);
    const reported = await t.call('credit.reportViolation', { restrictionId: r.id, personId: rep.id, source: '举报电话', what: '入住五星级酒店' });
    const v = reported.restrictions[0]!.violations[0]!;
    expect(v.followup).toBe('none');
    await t.call('credit.followUpViolation', { violationId: v.id, followup: 'fineRequested' });
    // The same act is not sanctioned twice.
    expect((await t.fail('credit.followUpViolation', { violationId: v.id, followup: 'detentionRequested' })).code).toBe('conflict');
    // Consent: may lift (Art. 9), with what shows it.
    expect((await t.fail('credit.lift', { restrictionId: r.id, ground: 'consent' })).field).toBe('note');
    const lifted = (await t.call('credit.lift', { restrictionId: r.id, ground: 'consent', note: '申请执行人书面同意' })).restrictions[0]!;
    expect([lifted.status, lifted.liftGround, lifted.liftedOnTime]).toEqual(['lifted', 'consent', null]);
    const text = await docText(lifted.liftDocumentId!);
    expect(text).toContain('申请执行人同意解除');
    expect(text).toContain('本院决定解除');
  });
});

describe('the entry file of the national database (2017 Art. 6)', () => {
  it('exports the entry data with the full ID number, and records who made it', async () => {
    t = openTestApp();
    const id = makeId('19801111', 323);
    const c = await fileCase(person('录入子', id), '2026-03-02');
    at('2026-03-10');
    await t.call('credit.list', listing(c.id, c.debtor));
    const out = await t.call('credit.exportEntries', { from: '2026-03-01', to: '2026-03-31' }, 'admin');
    expect(out).toBeInstanceOf(FileResponse);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((out as FileResponse).path);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('被执行人')).toBe('录入子');
    expect(cell('身份证号码/统一社会信用代码')).toBe(id);
    expect(cell('性别')).toBe('男');
    expect(cell('年龄')).toBe(45);
    expect(cell('执行案号')).toBe(c.number);
    expect(cell('失信行为情形')).toContain('违反财产报告制度');
    expect(t.app.db.raw<{ payload: string }>(`SELECT payload FROM case_events WHERE type = 'credit.entryExported'`).map((e) => JSON.parse(e.payload))).toEqual([{ from: '2026-03-01', to: '2026-03-31', listings: 1 }]);
  });
});

const receiptIds = (caseId: number) => t.app.db.raw<{ id: number }>(`SELECT id FROM ledger_entries WHERE case_id = ? AND kind = 'receipt' ORDER BY id`, caseId).map((r) => r.id);

describe('a reversed payment undoes the performance a deletion rested on (2017 Art. 10 (1); 2015 Art. 9)', () => {
  it('before the deletion: the listing and the restriction stay in force and their clocks are withdrawn; a new payment starts them again', async () => {
    t = openTestApp();
    const c = await fileCase(person('冲正甲', makeId('19800404', 416)), '2026-08-03');
    at('2026-08-20');
    const l = (await t.call('credit.list', listing(c.id, c.debtor))).listings[0]!;
    const r = (await t.call('credit.restrict', { caseId: c.id, partyId: c.debtor, origin: 'listing', persons: [] })).restrictions[0]!;
    at('2026-09-30');
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 12_345_600, on: '2026-09-30', source: 'voluntary' });
    expect((await t.call('credit.case', { caseId: c.id })).listings[0]!.status).toBe('removalDue');
    // The bank returns the transfer on 10-08: the claim is no longer paid.
    at('2026-10-08');
    await t.call('ledger.record', { kind: 'reversal', caseId: c.id, entryId: receiptIds(c.id)[0]!, reason: '银行退回：付款人账户冻结' });
    const back = await t.call('credit.case', { caseId: c.id });
    expect([back.listings[0]!.status, back.listings[0]!.removalGround, back.listings[0]!.deletionDueOn]).toEqual(['listed', null, null]);
    expect(back.restrictions[0]!.status).toBe('active');
    expect(events(c.id, 'credit.removalUndone')).toMatchObject([{ listingId: l.id }]);
    expect(events(c.id, 'restriction.liftUndone')).toMatchObject([{ restrictionId: r.id }]);
    expect(await clock(c.id, 'creditDeletion')).toMatchObject([{ status: 'cancelled' }]);
    expect(await clock(c.id, 'restrictionLift')).toMatchObject([{ status: 'cancelled' }]);
    // Paid again on Friday 10-09: 3 working days are 10-10 (make-up Saturday), 10-12, 10-13.
    at('2026-10-09');
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 12_345_600, on: '2026-10-09', source: 'voluntary' });
    const again = await t.call('credit.case', { caseId: c.id });
    expect([again.listings[0]!.status, again.listings[0]!.deletionDueOn]).toEqual(['removalDue', '2026-10-13']);
    expect((await clock(c.id, 'creditDeletion')).map((x) => [x.status, x.dueOn])).toEqual([['cancelled', '2026-10-10'], ['open', '2026-10-13']]);
  });

  it('after the deletion: the case offers re-listing (no six-month block), resolved by listing again; the lifted restriction is flagged and may be dismissed', async () => {
    t = openTestApp();
    const c = await fileCase(person('冲正乙', makeId('19800505', 517)), '2026-08-03');
    at('2026-08-20');
    const l = (await t.call('credit.list', listing(c.id, c.debtor))).listings[0]!;
    const r = (await t.call('credit.restrict', { caseId: c.id, partyId: c.debtor, origin: 'listing', persons: [] })).restrictions[0]!;
    at('2026-09-30');
    await t.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 12_345_600, on: '2026-09-30', source: 'voluntary' });
    at('2026-10-09');
    expect((await t.call('credit.delete', { listingId: l.id })).listings[0]!.relistBlockedUntil).toBe('2027-04-08');
    await t.call('credit.lift', { restrictionId: r.id });
    at('2026-10-12');
    const rev = receiptIds(c.id)[0]!;
    await t.call('ledger.record', { kind: 'reversal', caseId: c.id, entryId: rev, reason: '票据退票' });
    const flagged = await t.call('credit.case', { caseId: c.id });
    expect(flagged.listings[0]!.status).toBe('deleted');
    expect(flagged.listings[0]!.relistBlockedUntil).toBeNull();
    expect(flagged.relistFlags.map((f) => [f.kind, f.refId, f.flaggedOn, f.resolvedOn])).toEqual([['listing', l.id, '2026-10-12', null], ['restriction', r.id, '2026-10-12', null]]);
    // A second reversal-free read raises nothing more; re-listing on the applicant's request is now allowed.
    const relisted = await t.call('credit.list', listing(c.id, c.debtor, { origin: 'request', requestedOn: '2026-10-12' }));
    expect(relisted.listings.map((x) => x.status)).toEqual(['deleted', 'listed']);
    expect(relisted.relistFlags.find((f) => f.kind === 'listing')).toMatchObject({ resolvedOn: '2026-10-12', resolution: 'relisted' });
    const flagR = relisted.relistFlags.find((f) => f.kind === 'restriction')!;
    expect((await t.fail('credit.dismissRelist', { caseId: c.id, flagId: flagR.id, note: '' })).field).toBe('note');
    const dismissed = await t.call('credit.dismissRelist', { caseId: c.id, flagId: flagR.id, note: '被执行人已另行提供担保' });
    expect(dismissed.relistFlags.find((f) => f.kind === 'restriction')).toMatchObject({ resolution: 'dismissed', note: '被执行人已另行提供担保' });
  });
});

describe("the applicant's request to list, decided within 15 days (2017 Art. 5 [P]; rule creditListingDecision)", () => {
  it('starts a 15-day clock at the request; a listing on it is in time, a refusal after the day is late', async () => {
    t = openTestApp();
    const c = await fileCase(person('申请丙', makeId('19800606', 618)), '2026-08-03');
    at('2026-08-04');
    const req = (await t.call('credit.requestListing', { caseId: c.id, partyId: c.debtor, ground: 4, reason: '被执行人拒不报告财产', requestedOn: '2026-08-04' })).listingRequests[0]!;
    // 15 calendar days after 08-04 (the first day not counted): 08-19, a Wednesday.
    expect(req.decideBy).toBe('2026-08-19');
    expect(await clock(c.id, 'creditListingDecision')).toMatchObject([{ dueOn: '2026-08-19', status: 'open' }]);
    expect((await t.fail('credit.requestListing', { caseId: c.id, partyId: c.debtor, ground: 4, reason: '再次申请', requestedOn: '2026-08-04' })).code).toBe('conflict');
    at('2026-08-18');
    const listed = await t.call('credit.list', listing(c.id, c.debtor, { requestId: req.id }));
    expect(listed.listings[0]).toMatchObject({ origin: 'request' });
    expect(listed.listingRequests[0]).toMatchObject({ result: 'listed', decidedOn: '2026-08-18' });
    expect(await clock(c.id, 'creditListingDecision')).toMatchObject([{ status: 'met' }]);

    const c2 = await fileCase(person('申请丁', makeId('19800707', 719)), '2026-08-03');
    at('2026-08-04');
    const req2 = (await t.call('credit.requestListing', { caseId: c2.id, partyId: c2.debtor, ground: 1, reason: '有履行能力而拒不履行', requestedOn: '2026-08-04' })).listingRequests[0]!;
    at('2026-08-20');
    expect((await t.call('deadlines.cases', { bucket: 'overdue', ruleId: 'creditListingDecision', limit: 100 })).rows.map((x) => x.caseId)).toContain(c2.id);
    expect((await t.fail('credit.rejectListingRequest', { caseId: c2.id, requestId: req2.id, reason: '' })).field).toBe('reason');
    const rej = await t.call('credit.rejectListingRequest', { caseId: c2.id, requestId: req2.id, reason: '已查封财产足以清偿债务（第三条第（二）项）' });
    expect(rej.listingRequests[0]).toMatchObject({ result: 'rejected', decidedOn: '2026-08-20' });
    expect(await clock(c2.id, 'creditListingDecision')).toMatchObject([{ status: 'late' }]);
  });
});
