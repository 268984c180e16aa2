import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { makeId, sampleDraft } from '../helpers/drafts';
import { signers } from '../helpers/inquiries';
import { control, queryAndAnswer, zhongbenHistory } from '../helpers/pipeline';
import { CHECKLIST_RULES } from '../../src-shared/domain/closure';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { readDocx } from '../helpers/documents';

/** The text of a registered document, read back from its DOCX. */
async function documentText(id: number): Promise<string> {
  const row = t.app.db.raw<{ docx_path: string }>('SELECT docx_path FROM documents WHERE id = ?', id)[0]!;
  return (await readDocx(join(t.dir, row.docx_path))).text.replace(/\s+/g, '');
}

let t: TestApp;
afterEach(async () => t?.close());

const JAN = '2026-01-10';
let titleSeq = 0;
function draft(over: Parameters<typeof sampleDraft>[0] = {}) {
  titleSeq += 1;
  return sampleDraft({
    filedOn: JAN,
    title: { court: '开鲁县人民法院', number: `（2025）内0523民初${500 + titleSeq}号`, effectiveOn: '2025-12-01', cause: '买卖合同纠纷', kind: '民事判决书', ordered: '被告于本判决生效之日起十日内给付原告货款' },
    ...over,
  });
}

async function fileOn(day: string, over: Parameters<typeof sampleDraft>[0] = {}) {
  t.app.clock.set(`${day}T02:00:00Z`);
  const c = await t.call('cases.file', draft({ filedOn: day, ...over }));
  await signers(t, [c.id]);
  return c;
}

/** 终本 on the applicant's signed consent (民诉法解释 Art. 517), dated today. */
const consent = () => ({ zhongbenBasis: { kind: 'consent' as const, consentOn: t.app.clock.today() } });

function eventsOf(caseId: number, type: string) {
  return t.app.db.raw<{ payload: string; on_date: string }>('SELECT payload, on_date FROM case_events WHERE case_id = ? AND type = ? ORDER BY id', caseId, type).map((e) => ({ ...JSON.parse(e.payload), onDate: e.on_date }));
}

async function attestManual(caseId: number) {
  await t.call('closure.attest', { caseId, item: 'debtorSearched', note: '被执行人下落清楚，卷第12页' });
  await t.call('closure.attest', { caseId, item: 'applicantInterviewed', note: '2026-05-10 约谈笔录，卷第30页' });
}

describe('closure as 终本 through the checklist (终本规定 Art. 1)', () => {
  it('refuses 终本 while one item is missing, naming it, and closes once the clerk attests it', async () => {
    t = openTestApp();
    const c = await fileOn(JAN);
    // The record made by the real services: notices generated and served, one query with nothing found.
    await zhongbenHistory(t, c.id, '2026-01-20');
    t.app.clock.set('2026-05-20T02:00:00Z');

    const before = await t.call('closure.checklist', { caseId: c.id });
    expect(before.complete).toBe(false);
    expect(before.items.filter((i) => i.met).map((i) => i.key)).toEqual(['noticeServed', 'reportOrderServed', 'restrictionIssued', 'onlineQueried', 'nothingDisposable', 'threeMonths']);
    const noticeEvidence = before.items.find((i) => i.key === 'noticeServed')!.evidence[0]!;
    expect(noticeEvidence).toMatchObject({ text: '执行通知书已送达（直接送达）', onDate: '2026-01-20' });
    expect(eventsOf(c.id, 'document.served').map((e) => e.kind)).toContain('执行通知书');
    expect(before.items.find((i) => i.key === 'onlineQueried')!.evidence.map((e) => [e.text, e.onDate])).toEqual([['网络查控反馈：未发现财产', '2026-01-20']]);

    await t.call('closure.attest', { caseId: c.id, item: 'debtorSearched', note: '被执行人下落清楚，卷第12页' });
    const err = await t.fail('closure.close', { caseId: c.id, mode: '终结本次执行程序', ...consent() });
    expect(err.code).toBe('conflict');
    expect(err.field).toBe('checklist');
    expect(err.message).toContain(CHECKLIST_RULES.applicantInterviewed.label);
    expect((err.details as { missing: string[] }).missing).toEqual([CHECKLIST_RULES.applicantInterviewed.label]);
    // Nothing was written by the refused closure.
    expect(t.app.db.raw<{ n: number }>('SELECT count(*) AS n FROM closures')[0]!.n).toBe(0);
    expect((await t.call('cases.get', { id: c.id })).stage).toBe('triage');

    await t.call('closure.attest', { caseId: c.id, item: 'applicantInterviewed', note: '2026-05-10 约谈笔录，卷第30页' });
    const closed = await t.call('closure.close', { caseId: c.id, mode: '终结本次执行程序', ...consent() });
    expect(closed.mode).toBe('终结本次执行程序');
    expect(closed.closedOn).toBe('2026-05-20');
    expect(closed.unpaidFen).toBe(c.claimFen);
    expect(closed.nextRequeryOn).toBe('2026-11-20');
    expect(closed.rulingNumber).toBe(c.number);
    // The ruling states the contents of 终本规定 Art. 6, filled from the case.
    expect(closed.documents.map((d) => d.kind)).toEqual(['终本裁定书']);
    const ruling = await documentText(closed.documents[0]!.documentId!);
    for (const part of ['执行裁定书', c.number, '开鲁县某商贸有限公司', '123456.00元', '已执行到位0.00元', '尚有123456.00元', '通过网络执行查控系统查询被执行人的存款、车辆、不动产、证券等财产（第一次）', '限制消费令继续有效', '可以向本院申请恢复执行', '终结本院']) {
      expect(ruling).toContain(part);
    }

    const detail = await t.call('cases.get', { id: c.id });
    expect(detail.stage).toBe('archived');
    expect(detail.closedOn).toBe('2026-05-20');
    expect(detail.closureMode).toBe('终结本次执行程序');
    const [ev] = eventsOf(c.id, 'case.closed');
    expect(ev).toMatchObject({ mode: '终结本次执行程序', recoveredFen: 0, unpaidFen: c.claimFen, onDate: '2026-05-20' });

    const archive = await t.call('grids.archive', {});
    expect(archive.rows.map((r) => [r.number, r.nextRequeryOn, r.requeryUntil])).toEqual([[c.number, '2026-11-20', '2031-05-20']]);

    // Closed means read-only: no more attestations, no second closure.
    expect((await t.fail('closure.attest', { caseId: c.id, item: 'debtorSearched', note: 'x' })).code).toBe('read_only');
    expect((await t.fail('closure.close', { caseId: c.id, mode: '执行完毕' })).code).toBe('read_only');
  });

  it('holds 终本 until more than three months have passed since filing; that item cannot be attested', async () => {
    t = openTestApp();
    const c = await fileOn('2026-02-28');
    await zhongbenHistory(t, c.id, '2026-03-05');
    await attestManual(c.id);
    t.app.clock.set('2026-05-28T02:00:00Z');
    const err = await t.fail('closure.close', { caseId: c.id, mode: '终结本次执行程序', ...consent() });
    expect(err.message).toContain(CHECKLIST_RULES.threeMonths.label);
    expect((await t.fail('closure.attest', { caseId: c.id, item: 'threeMonths', note: '已满' })).field).toBe('item');
    t.app.clock.set('2026-05-29T02:00:00Z');
    expect((await t.call('closure.close', { caseId: c.id, mode: '终结本次执行程序', ...consent() })).mode).toBe('终结本次执行程序');
  });

  it('counts a freeze still in force as disposable property until it is released or attested as not disposable', async () => {
    t = openTestApp();
    const c = await fileOn(JAN);
    await zhongbenHistory(t, c.id, '2026-01-20');
    // A later query finds a deposit of 50.00元 and the control group freezes it.
    t.app.clock.set('2026-02-01T02:00:00Z');
    await queryAndAnswer(t, [c.id], '2026-02-01', () => [{ assetType: '银行存款', institution: '农业银行开鲁支行', identifier: '6228480000000006228', value: '50.00' }]);
    const [deposit] = (await t.call('assets.list', { caseId: c.id })).rows;
    t.app.clock.set('2026-02-02T02:00:00Z');
    const frozen = await control(t, [{ assetId: deposit!.id, action: 'freeze' }]);
    await attestManual(c.id);
    t.app.clock.set('2026-05-20T02:00:00Z');
    let list = await t.call('closure.checklist', { caseId: c.id });
    const item = list.items.find((i) => i.key === 'nothingDisposable')!;
    expect(item.met).toBe(false);
    expect(item.evidence.map((e) => e.text)).toContain('冻结措施仍在执行：50.00元，至2027-02-02');
    expect((await t.fail('closure.close', { caseId: c.id, mode: '终结本次执行程序', ...consent() })).message).toContain(CHECKLIST_RULES.nothingDisposable.label);
    // Released, and a fresh query shows nothing left: the item is met from the events.
    await t.call('measures.release', { measureIds: [frozen.measures[0]!.id], reason: '冻结账户无余额，解除冻结' });
    await queryAndAnswer(t, [c.id], '2026-05-20');
    list = await t.call('closure.checklist', { caseId: c.id });
    expect(list.items.find((i) => i.key === 'nothingDisposable')!.via).toBe('events');
    expect(list.complete).toBe(true);
  });
});

describe('other closure modes', () => {
  it('needs the facts of each mode and refuses 执行完毕 when the claim was not recovered', async () => {
    t = openTestApp();
    const c = await fileOn(JAN);
    t.app.clock.set('2026-03-01T02:00:00Z');
    expect((await t.fail('closure.close', { caseId: c.id, mode: '终结执行' })).field).toBe('ground');
    expect((await t.fail('closure.close', { caseId: c.id, mode: '不予执行', ground: '裁定不予执行仲裁裁决' })).field).toBe('rulingNumber');
    expect((await t.fail('closure.close', { caseId: c.id, mode: '保全完毕' })).field).toBe('mode');
    const notDone = await t.fail('closure.close', { caseId: c.id, mode: '执行完毕' });
    expect(notDone.field).toBe('mode');
    expect(notDone.message).toContain('少于申请执行标的');
    const done = await t.call('closure.close', { caseId: c.id, mode: '执行完毕', paidDirectlyFen: c.claimFen });
    expect(done).toMatchObject({ recoveredFen: c.claimFen, unpaidFen: 0 });
    expect((await t.call('cases.get', { id: c.id })).stage).toBe('closed');
    expect(await t.call('grids.archive', {})).toMatchObject({ total: 0 });
  });

  it('closes by 终结执行 with the item of 民诉法 Art. 268 the clerk picked, and its ruling cites that item', async () => {
    t = openTestApp();
    const c = await fileOn(JAN);
    t.app.clock.set('2026-03-02T02:00:00Z');
    const r = await t.call('closure.close', { caseId: c.id, mode: '终结执行', ground: '作为被执行人的公民死亡，无遗产可供执行，又无义务承担人：被执行人于2026年2月3日死亡', groundItem: 3 });
    expect(r.mode).toBe('终结执行');
    const ruling = r.documents.find((d) => d.kind === '执行裁定书');
    expect(ruling?.documentId).toBeTruthy();
    const text = await documentText(ruling!.documentId!);
    // 民诉法 2023 Art. 268 item (三) and Art. 269 (effective on service), in the ruling's basis.
    expect(text).toContain('第二百六十八条第（三）项、第二百六十九条');
    expect(text).toContain('被执行人于2026年2月3日死亡');
    expect((await t.call('cases.get', { id: c.id })).stage).toBe('closed');
    // A ground typed in the item's own words states the item without it being picked.
    const d = await fileOn('2026-03-02');
    const r2 = await t.call('closure.close', { caseId: d.id, mode: '终结执行', ground: '申请人撤销申请' });
    expect(await documentText(r2.documents.find((x) => x.kind === '执行裁定书')!.documentId!)).toContain('第二百六十八条第（一）项');
  });

  it('closes 执保 cases only with the preservation modes', async () => {
    t = openTestApp();
    const c = await fileOn(JAN, { type: '执保' });
    t.app.clock.set('2026-02-01T02:00:00Z');
    expect((await t.fail('closure.close', { caseId: c.id, mode: '执行完毕' })).field).toBe('mode');
    expect((await t.call('closure.close', { caseId: c.id, mode: '无标的物可实施保全' })).mode).toBe('无标的物可实施保全');
  });

  it('lets only a supervisor correct a closed case, and records the correction', async () => {
    t = openTestApp();
    const c = await fileOn(JAN);
    t.app.clock.set('2026-03-01T02:00:00Z');
    await t.call('closure.close', { caseId: c.id, mode: '终结执行', ground: '申请人撤销申请' });
    t.user('clerk', ['zhongben']);
    t.user('boss', ['management']);
    expect((await t.fail('closure.correct', { caseId: c.id, reason: '日期录错', closedOn: '2026-02-27' }, 'clerk')).code).toBe('forbidden');
    const fixed = await t.call('closure.correct', { caseId: c.id, reason: '日期录错', closedOn: '2026-02-27' }, 'boss');
    expect(fixed.closedOn).toBe('2026-02-27');
    expect(fixed.correctedBy).toBe('boss');
    expect((await t.call('cases.get', { id: c.id })).closedOn).toBe('2026-02-27');
    expect(eventsOf(c.id, 'case.closureCorrected')[0]).toMatchObject({ reason: '日期录错', before: { closedOn: '2026-03-01' }, after: { closedOn: '2026-02-27' } });
  });
});

describe('the 终本 archive, re-query rounds and resumption', () => {
  async function zhongbenCase() {
    const c = await fileOn(JAN);
    await zhongbenHistory(t, c.id, '2026-01-20');
    await attestManual(c.id);
    t.app.clock.set('2026-05-20T02:00:00Z');
    await t.call('closure.close', { caseId: c.id, mode: '终结本次执行程序', ...consent() });
    return c;
  }

  it('lists due rounds, records a round with the applicant told, and moves the clock six months on', async () => {
    t = openTestApp();
    const c = await zhongbenCase();
    t.app.clock.set('2026-10-01T02:00:00Z');
    expect((await t.call('grids.requeryDue', {})).rows).toEqual([]);
    t.app.clock.set('2026-11-01T02:00:00Z');
    const due = await t.call('grids.requeryDue', {});
    expect(due.rows.map((r) => [r.caseId, r.round, r.dueOn, r.overdue])).toEqual([[c.id, 1, '2026-11-20', false]]);

    const batch = await t.call('archive.createRequeryBatch', { caseIds: [c.id] });
    expect(batch).toMatchObject({ caseCount: 1, pending: 1 });
    expect((await t.call('grids.requeryDue', {})).rows).toEqual([]);
    expect((await t.fail('archive.createRequeryBatch', { caseIds: [c.id] })).code).toBe('conflict');

    const bad = await t.fail('archive.recordResults', { batchId: batch.id, results: [{ caseId: c.id, nothingFound: false, findings: [] }] });
    expect(bad.field).toBe('results.0.findings');
    const done = await t.call('archive.recordResults', { batchId: batch.id, results: [{ caseId: c.id, nothingFound: false, findings: ['银行存款 农业银行开鲁支行 622848 余额 8,000.00元'] }] });
    expect(done).toMatchObject({ pending: 0, found: 1 });
    const row = (await t.call('grids.archive', {})).rows[0]!;
    expect(row).toMatchObject({ roundsDone: 1, lastResult: 'found', lastRequeryOn: '2026-11-01', nextRequeryOn: '2027-05-20' });
    const told = eventsOf(c.id, 'archive.requeried')[0];
    expect(told).toMatchObject({ round: 1, nothingFound: false });
    const notice = await documentText(told.documentId);
    expect(notice).toContain('第一次查询');
    expect(notice).toContain('622848');
    // Property found: the court resumes (终本规定 Art. 9), it does not leave it to the applicant.
    expect(notice).toContain('本院将依法恢复执行');
    expect(notice).not.toContain('可以依法申请恢复执行');
  });

  it('re-queries through a real query batch: request file, simulated feedback with a new deposit, findings read from the import', async () => {
    t = openTestApp();
    const c = await zhongbenCase();
    t.app.clock.set('2026-11-20T02:00:00Z');
    const round = await t.call('archive.createRequeryBatch', { caseIds: [c.id] });
    expect(round.inquiryBatchId).not.toBeNull();
    const query = await t.call('inquiries.get', { batchId: round.inquiryBatchId! });
    expect(query).toMatchObject({ number: round.inquiryBatchNumber, status: 'sent', caseCount: 1 });
    expect(query.categories).toEqual(expect.arrayContaining(['deposit', 'realEstate', 'vehicle']));
    expect(eventsOf(c.id, 'inquiry.requested').at(-1)).toMatchObject({ batchId: query.id, requery: true, first: false });

    // The request file goes out, the (simulated) national system answers with a deposit.
    const request = (await t.call('inquiries.exportRequest', { batchId: query.id, format: 'xlsx' })) as unknown as { path: string };
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const out = join(t.dir, '复查反馈.csv');
    await promisify(execFile)(process.execPath, ['tools/simulate-feedback.mjs', request.path, '--seed', '11', '--date', '2026-11-20', '--nothing-rate', '0', '--deposits', '--out', out]);
    const report = await t.call('inquiries.importFeedback', { fileName: '复查反馈.csv', contentBase64: readFileSync(out).toString('base64') });
    expect(report).toMatchObject({ batchId: query.id, simulated: true, casesToControl: 0, casesToTriage: 0 });
    expect(report.findingCount).toBeGreaterThan(0);
    // Feedback on a 终本 case fills the asset register but leaves it in the archive until resumed.
    expect((await t.call('cases.get', { id: c.id })).stage).toBe('archived');
    const deposit = (await t.call('assets.list', { caseId: c.id, type: 'deposit' })).rows[0]!;
    expect(deposit.sourceBatchNumber).toBe(query.number);

    const collected = await t.call('archive.collectResults', { batchId: round.id });
    expect(collected).toMatchObject({ pending: 0, found: 1, nothing: 0, recorded: 1 });
    const told = eventsOf(c.id, 'archive.requeried')[0];
    expect(told).toMatchObject({ round: 1, nothingFound: false });
    // The answers mask the account (last four); the event and the notice to the applicant carry it in full.
    expect(deposit.identifier).toMatch(/^\*+\d{4}$/);
    const account = (await t.call('cases.reveal', { caseId: c.id })).assets.find((a) => a.id === deposit.id)!.identifier;
    expect(account.slice(-4)).toBe(deposit.identifier.slice(-4));
    expect((told.findings as string[]).join('；')).toContain(account);
    const rounds = (await t.call('archive.requeryBatch', { batchId: round.id })).rounds;
    expect(rounds[0]!.findings.join('；')).not.toContain(account);
    expect(rounds[0]!.findings.join('；')).toContain(deposit.identifier);
    const notice = await documentText(told.documentId);
    expect(notice).toContain(account);
    expect(notice).toContain('本院将依法恢复执行');
    expect((await t.call('grids.archive', {})).rows[0]).toMatchObject({ lastResult: 'found', roundsDone: 1, nextRequeryOn: '2027-05-20' });
    // The found deposit is what the resumption acts on.
    const resumed = await t.call('cases.resume', { caseId: c.id, ground: '终本后发现被执行人有可供执行的财产' });
    expect(resumed.number).toBe('（2026）内0523执恢1号');
  }, 60_000);

  it('accepts only archived 终本 cases into a re-query batch; other closed cases stay read-only', async () => {
    t = openTestApp();
    const z = await zhongbenCase();
    const done = await fileOn(JAN);
    t.app.clock.set('2026-06-01T02:00:00Z');
    await t.call('closure.close', { caseId: done.id, mode: '执行完毕', paidDirectlyFen: done.claimFen });
    // The ordinary query batch refuses every closed case, 终本 included.
    expect((await t.fail('inquiries.createBatch', { caseIds: [z.id] })).code).toBe('read_only');
    const { createInquiryBatch } = await import('../../src-main/services/inquiries/batches');
    const { SYSTEM_ACTOR } = await import('../../src-main/events/log');
    const requery = (caseIds: number[]) => () => createInquiryBatch(t.app.db, SYSTEM_ACTOR, t.app.clock.now(), '2026-06-01', { caseIds, categories: ['deposit'], requery: true });
    expect(requery([z.id, done.id])).toThrow(/不是终本案件/);
    expect(t.app.db.raw<{ n: number }>(`SELECT count(*) AS n FROM inquiry_batches WHERE created_on = '2026-06-01'`)[0]!.n).toBe(0);
    expect(requery([z.id])()).toBeGreaterThan(0);
  });

  it('resumes a 终本 case as the next 执恢 of the year, linked both ways, with the unpaid balance as its claim', async () => {
    t = openTestApp();
    const c = await zhongbenCase();
    // Two 执恢 cases already filed this year: the resumption must be the third.
    await fileOn('2026-06-01', { type: '执恢', originalNumber: '（2019）内0523执101号', debtors: [{ kind: 'person', name: '王五', idNumber: makeId('19900101', 456) }] });
    await fileOn('2026-06-02', { type: '执恢', originalNumber: '（2019）内0523执102号', debtors: [{ kind: 'person', name: '赵六', idNumber: makeId('19910101', 457) }] });
    t.app.clock.set('2026-07-01T02:00:00Z');
    const r = await t.call('cases.resume', { caseId: c.id, ground: '终本后发现被执行人有可供执行的财产' });
    expect(r.number).toBe('（2026）内0523执恢3号');
    expect(r.type).toBe('执恢');
    expect(r.stage).toBe('filed');
    expect(r.resumedFromId).toBe(c.id);
    expect(r.claimFen).toBe(c.claimFen);
    expect(r.parties.map((p) => [p.role, p.name])).toEqual(c.parties.map((p) => [p.role, p.name]));
    expect(r.title.number).toBe(c.title.number);
    expect(r.events.find((e) => e.type === 'case.filed')!.payload).toMatchObject({ resumedFromId: c.id });
    expect(eventsOf(c.id, 'case.resumed')[0]).toMatchObject({ newCaseId: r.id });
    const row = (await t.call('grids.archive', { filters: [{ col: 'resumedNumber', op: 'notBlank' }] })).rows[0]!;
    expect(row).toMatchObject({ caseId: c.id, resumedCaseId: r.id, resumedNumber: r.number, nextRequeryOn: null });
    // The clocks: the original, closed, runs none (its re-queries end with the resumption, 终本规定 第9条);
    // the resumed case runs its own from its filing (notices, officer, closure within 6 months).
    const running = (id: number) => t.app.db.raw<{ rule_id: string }>(`SELECT rule_id FROM deadlines WHERE case_id = ? AND status IN ('open', 'paused') ORDER BY rule_id`, id).map((x) => x.rule_id);
    expect(running(c.id)).toEqual([]);
    expect(running(r.id)).toEqual(expect.arrayContaining(['closure', 'notices', 'officer']));
    // While the resumed case is open, a second resumption is refused.
    expect((await t.fail('cases.resume', { caseId: c.id, ground: '终本后发现被执行人有可供执行的财产' })).code).toBe('conflict');
  });

  it('refuses to resume an open case or one closed as 执行完毕 without a settlement', async () => {
    t = openTestApp();
    const open = await fileOn(JAN);
    expect((await t.fail('cases.resume', { caseId: open.id, ground: 'x' })).code).toBe('conflict');
    t.app.clock.set('2026-02-01T02:00:00Z');
    await t.call('closure.close', { caseId: open.id, mode: '执行完毕', paidDirectlyFen: open.claimFen });
    expect((await t.fail('cases.resume', { caseId: open.id, ground: 'x' })).code).toBe('conflict');
  });

  it('records quality reviews and computes 终本合格率 from them', async () => {
    t = openTestApp();
    const a = await zhongbenCase();
    const b = await zhongbenCase();
    expect((await t.fail('archive.review', { caseId: a.id, pass: false })).field).toBe('reasons');
    await t.call('archive.review', { caseId: a.id, pass: true });
    const rb = await t.call('archive.review', { caseId: b.id, pass: false, reasons: ['终本裁定书内容不全'] });
    expect(rb).toMatchObject({ reviewStatus: 'fail', reviewReasons: ['终本裁定书内容不全'] });
    expect(await t.call('archive.reviewStats', { from: '2026-01-01', to: '2026-12-31' })).toEqual({ terminated: 2, reviewed: 2, passed: 1, awaiting: 0, ratePct: 50 });
    expect(eventsOf(b.id, 'archive.reviewed')[0]).toMatchObject({ pass: false, reasons: ['终本裁定书内容不全'] });
    const located = await t.call('archive.update', { caseId: a.id, room: '终本档案室', shelf: '3', box: '2026-017', scanStatus: 'scanned' });
    expect(located).toMatchObject({ room: '终本档案室', shelf: '3', box: '2026-017', scanStatus: 'scanned' });
  });
});
