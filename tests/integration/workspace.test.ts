import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { makeId, sampleDraft } from '../helpers/drafts';
import { signers } from '../helpers/inquiries';
import { zhongbenHistory } from '../helpers/pipeline';
import { readDocx, readPdf } from '../helpers/documents';
import type { ApiErrorShape } from '../../src-shared/api/errors';
import type { MethodInput } from '../../src-shared/api';

// The case page as a workspace, through the registry as each desk calls it: work records (笔录) and
// the 终本 interview, their print, notes, a team's transfer request and 终本 proposal with the
// management's and the 终本 group's decisions, a single document from any template with the list of
// what the case lacks, service by a team, the summary with each role's actions. A small court of
// two tribunals built through the real services (filing, notices, queries, triage, distribution).

let t: TestApp;
afterEach(async () => t?.close());

const KAILU = { id: 'kailu', name: '开鲁法庭', kind: 'tribunal' as const, areas: ['开鲁镇'], active: true };
const DONGFENG = { id: 'dongfeng', name: '东风法庭', kind: 'tribunal' as const, areas: ['东风镇'], active: true };
let seq = 0;

async function court() {
  t = openTestApp();
  t.app.clock.set('2026-01-10T02:00:00Z');
  await t.call('settings.set', { teams: [KAILU, DONGFENG] });
  t.user('officer_k', ['team'], KAILU.id);
  t.user('officer_d', ['team'], DONGFENG.id);
  t.user('clerk', ['docsQuery']);
  t.user('cashier', ['money']);
  t.user('archivist', ['zhongben']);
  t.user('manager', ['management']);
  t.user('window', ['window']);
}

/** A case of a tribunal's area, with the record a 终本 needs (notices served, nothing found), handed to that tribunal. */
async function teamCase(town: '开鲁镇' | '东风镇', over: Parameters<typeof sampleDraft>[0] = {}) {
  seq += 1;
  t.app.clock.set('2026-01-10T02:00:00Z');
  const c = await t.call(
    'cases.file',
    sampleDraft({
      filedOn: '2026-01-10',
      applicants: [{ kind: 'person', name: `申请人${seq}`, idNumber: makeId('19700101', 200 + seq), address: `开鲁县${town}`, phone: '13800000000' }],
      debtors: [{ kind: 'person', name: `被执行人${seq}`, idNumber: makeId('19800101', 300 + seq), address: `开鲁县${town}某村` }],
      title: { court: '开鲁县人民法院', number: `（2025）内0523民初${800 + seq}号`, effectiveOn: '2025-12-01', cause: '民间借贷纠纷', kind: '民事判决书', ordered: '被告于本判决生效之日起十日内偿还原告借款50000.00元' },
      claim: { principalFen: 5_000_000, interestFen: 0, costsFen: 0 },
      ...over,
    }),
  );
  await signers(t, [c.id]);
  await zhongbenHistory(t, c.id, '2026-01-20');
  await t.call('triage.confirm', { items: [{ caseId: c.id, track: 'complex', reason: '需实地调查' }] }, 'clerk');
  await t.call('assignment.distribute', { caseIds: [c.id] }, 'clerk');
  return c;
}

const applicantOf = (c: { parties: { id: number; role: string; name: string }[] }) => c.parties.find((p) => p.role === 'applicant')!;
const debtorOf = (c: { parties: { id: number; role: string; name: string }[] }) => c.parties.find((p) => p.role === 'debtor')!;

const talk = (caseId: number, over: Record<string, unknown> = {}) => ({
  caseId,
  kind: '谈话笔录' as const,
  heldOn: '2026-05-12',
  startedAt: '09:00',
  endedAt: '10:30',
  place: '开鲁法庭执行室',
  officers: ['张建军', '李明'],
  recorder: '王静',
  persons: [] as MethodInput<'records.create'>['persons'],
  content: '问：你现在的财产状况？\n答：没有存款，车辆已经卖了。\n执行人员告知被执行人拒不报告财产的法律后果。',
  ...over,
});

describe('work records (笔录) and the 终本 interview (终本规定 Art. 5)', () => {
  it('dates the interview item by the 约谈记录 held with the applicant, not by the day it was typed in, and the 终本 ruling recites that day', async () => {
    await court();
    const c = await teamCase('开鲁镇');
    t.app.clock.set('2026-05-20T02:00:00Z');
    const item = async (asOf?: string) => (await t.call('closure.checklist', { caseId: c.id, ...(asOf ? { asOf } : {}) })).items.find((i) => i.key === 'applicantInterviewed')!;
    expect((await item()).met).toBe(false);

    // A 谈话笔录 with the applicant, or a 约谈记录 with the debtor only, is not the 终本 interview.
    await t.call('records.create', { ...talk(c.id), persons: [{ name: applicantOf(c).name, capacity: '申请执行人', partyId: applicantOf(c).id }] }, 'officer_k');
    await t.call('records.create', { ...talk(c.id), kind: '约谈记录', persons: [{ name: debtorOf(c).name, capacity: '被执行人', partyId: debtorOf(c).id }] }, 'officer_k');
    expect((await item()).met).toBe(false);

    // Typed in on 05-20, held on 05-12 with the applicant's agent.
    const rec = await t.call('records.create', { ...talk(c.id), kind: '约谈记录', heldOn: '2026-05-12', persons: [{ name: '赵律师', capacity: '申请执行人的委托代理人', partyId: applicantOf(c).id, detail: '内蒙古某律师事务所律师' }], content: '告知申请执行人执行情况及终结本次执行程序的后果，申请执行人表示同意。' }, 'officer_k');
    expect(rec.applicantInterview).toBe(true);
    const met = await item();
    expect(met.met).toBe(true);
    expect(met.via).toBe('events');
    expect(met.evidence[0]!.onDate).toBe('2026-05-12');
    expect(met.evidence[0]!.text).toContain('申请执行人的委托代理人赵律师');
    // As of the day before it was held, the item is not met.
    expect((await item('2026-05-11')).met).toBe(false);
    const event = t.app.db.raw<{ on_date: string; payload: string }>("SELECT on_date, payload FROM case_events WHERE case_id = ? AND type = 'record.created' ORDER BY id DESC LIMIT 1", c.id)[0]!;
    expect(event.on_date).toBe('2026-05-12');
    expect(JSON.parse(event.payload)).toMatchObject({ recordId: rec.id, kind: '约谈记录', heldOn: '2026-05-12', applicantInterview: true });

    // The 终本 group closes; the ruling's history names the interview on the day it was held.
    await t.call('closure.attest', { caseId: c.id, item: 'debtorSearched', note: '下落清楚，卷第12页' }, 'officer_k');
    const closed = await t.call('closure.close', { caseId: c.id, mode: '终结本次执行程序', zhongbenBasis: { kind: 'consent', consentOn: '2026-05-12' } }, 'archivist');
    const ruling = closed.documents.find((d) => d.kind === '终本裁定书')!;
    const row = t.app.db.raw<{ docx_path: string }>('SELECT docx_path FROM documents WHERE id = ?', ruling.documentId)[0]!;
    const text = (await readDocx(join(t.dir, row.docx_path))).text.replace(/\s+/g, '');
    expect(text).toContain('二〇二六年五月十二日，约谈申请执行人，告知执行情况并听取意见');
  });

  it('prints a 笔录 through the documents engine: time from start to end, place, officers, recorder, each person present, the content, a refusal, a signature line for each', async () => {
    await court();
    const c = await teamCase('开鲁镇');
    t.app.clock.set('2026-05-20T02:00:00Z');
    const rec = await t.call(
      'records.create',
      talk(c.id, {
        persons: [
          { name: debtorOf(c).name, capacity: '被执行人', partyId: debtorOf(c).id },
          { name: '刘村长', capacity: '基层组织代表', detail: '开鲁镇某村村民委员会主任' },
        ],
        refusal: '被执行人拒绝在笔录上签名，由基层组织代表刘村长见证。',
      }),
      'officer_k',
    );
    const { documentId } = await t.call('records.print', { recordId: rec.id }, 'officer_k');
    // Printed once: the signed paper and the register name the same document.
    expect((await t.call('records.print', { recordId: rec.id }, 'officer_k')).documentId).toBe(documentId);
    const doc = t.app.db.raw<{ kind: string; issued_on: string; pdf_path: string; batch_id: string | null }>('SELECT kind, issued_on, pdf_path, batch_id FROM documents WHERE id = ?', documentId)[0]!;
    expect(doc).toMatchObject({ kind: '谈话笔录', issued_on: '2026-05-12', batch_id: null });
    const text = (await readPdf(join(t.dir, doc.pdf_path))).text.replace(/\s+/g, '');
    for (const s of [
      '谈话笔录',
      c.number,
      '时间：二〇二六年五月十二日9时00分至10时30分',
      '地点：开鲁法庭执行室',
      '执行人员：张建军、李明',
      '记录人：王静',
      `被执行人：${debtorOf(c).name}`,
      '基层组织代表：刘村长，开鲁镇某村村民委员会主任。',
      '问：你现在的财产状况？',
      '答：没有存款，车辆已经卖了。',
      '拒绝签名情况：被执行人拒绝在笔录上签名',
      `被执行人${debtorOf(c).name}（签名）：`,
      '基层组织代表刘村长（签名）：',
      '执行人员张建军（签名）：',
      '执行人员李明（签名）：',
      '记录人王静（签名）：',
    ])
      expect(text).toContain(s);
    // The full ID number is printed (a court record); the answer of records.list masks the detail text only.
    expect(text).toContain(t.app.db.raw<{ id_number: string }>('SELECT id_number FROM parties WHERE id = ?', debtorOf(c).id)[0]!.id_number);
    expect(t.app.db.raw<{ document_id: number }>('SELECT document_id FROM work_records WHERE id = ?', rec.id)[0]!.document_id).toBe(documentId);
  });

  it('refuses a record dated in the future, ending before it began, naming another case’s party or a party in the wrong capacity, a talk with nobody, and any record on a case closed otherwise than 终本', async () => {
    await court();
    const c = await teamCase('开鲁镇');
    const other = await teamCase('开鲁镇');
    t.app.clock.set('2026-05-20T02:00:00Z');
    const fail = (over: Record<string, unknown>) => t.fail('records.create', talk(c.id, { persons: [{ name: '某人', capacity: '其他' }], ...over }), 'officer_k');
    expect(await fail({ heldOn: '2026-05-21' })).toMatchObject({ code: 'invalid_input', field: 'heldOn', message: '笔录日期不能晚于今天' });
    expect(await fail({ startedAt: '11:00', endedAt: '10:00' })).toMatchObject({ field: 'endedAt', message: '结束时间不能早于开始时间' });
    expect(await fail({ startedAt: '9:00' })).toMatchObject({ field: 'startedAt' });
    expect(await fail({ persons: [{ name: 'x', capacity: '被执行人', partyId: debtorOf(other).id }] })).toMatchObject({ field: 'persons.0.partyId', message: '所选当事人不是本案当事人' });
    expect((await fail({ persons: [{ name: 'x', capacity: '被执行人', partyId: applicantOf(c).id }] })).message).toContain('是本案申请执行人，身份不能为“被执行人”');
    expect(await fail({ persons: [] })).toMatchObject({ field: 'persons', message: '谈话笔录须写明被谈话人或在场人员' });
    // A 执行笔录 may record a measure carried out without anyone present (民诉法 2023 Art. 256).
    await t.call('records.create', talk(c.id, { kind: '执行笔录', persons: [] }), 'officer_k');
    await t.call('closure.close', { caseId: c.id, mode: '终结执行', ground: '申请人撤销申请', groundItem: 1 }, 'officer_k');
    expect((await fail({})).code).toBe('read_only');
    expect(t.app.db.raw<{ n: number }>('SELECT count(*) AS n FROM work_records WHERE case_id = ?', c.id)[0]!.n).toBe(1);
  });
});

describe('notes', () => {
  it('keeps each note as written, newest first, with its event', async () => {
    await court();
    const c = await teamCase('开鲁镇');
    await t.call('notes.add', { caseId: c.id, text: '电话联系申请执行人，约定下周来院' }, 'officer_k');
    await t.call('notes.add', { caseId: c.id, text: '被执行人承诺月底前付款' }, 'cashier');
    const list = await t.call('notes.list', { caseId: c.id }, 'officer_k');
    expect(list.map((n) => [n.text, n.createdBy])).toEqual([
      ['被执行人承诺月底前付款', 'cashier'],
      ['电话联系申请执行人，约定下周来院', 'officer_k'],
    ]);
    const payloads = t.app.db.raw<{ payload: string }>("SELECT payload FROM case_events WHERE case_id = ? AND type = 'note.added' ORDER BY id", c.id).map((e) => JSON.parse(e.payload).text);
    expect(payloads).toEqual(['电话联系申请执行人，约定下周来院', '被执行人承诺月底前付款']);
    expect((await t.fail('notes.add', { caseId: c.id, text: '   ' }, 'officer_k')).field).toBe('text');
  });
});

describe('a team asks to move a case; the management decides', () => {
  it('records the request with its reason, shows it to the management and not to another team, refuses a rejection without reason, and on approval moves the case to the named judge’s team', async () => {
    await court();
    const c = await teamCase('开鲁镇');
    expect((await t.call('cases.get', { id: c.id })).teamId).toBe(KAILU.id);
    const r = await t.call('transfers.request', { caseId: c.id, reason: '被执行人已迁居东风镇', toTeamId: DONGFENG.id }, 'officer_k');
    expect(r).toMatchObject({ status: 'pending', fromTeam: '开鲁法庭', toTeam: '东风法庭', requestedBy: 'officer_k' });
    expect((await t.fail('transfers.request', { caseId: c.id, reason: '再次申请' }, 'officer_k')).message).toContain('已有一份待审批的移交申请');
    expect((await t.call('transfers.list', { status: 'pending' }, 'manager')).map((x) => x.id)).toEqual([r.id]);
    expect(await t.call('transfers.list', {}, 'officer_d')).toEqual([]);
    // The management's to-do list carries it.
    expect((await t.call('todo.mine', {}, 'manager')).transfers.map((x) => x.id)).toEqual([r.id]);
    expect((await t.call('todo.badges', {}, 'manager')).requests).toBe(1);
    // A team cannot decide; the management must give a reason to refuse and a judge to approve.
    expect((await t.fail('transfers.decide', { requestId: r.id, approve: true }, 'officer_k')).code).toBe('forbidden');
    expect(await t.fail('transfers.decide', { requestId: r.id, approve: false }, 'manager')).toMatchObject({ field: 'note', message: '不同意移交须写明理由' });
    expect(await t.fail('transfers.decide', { requestId: r.id, approve: true }, 'manager')).toMatchObject({ field: 'judgeId' });
    const judge = t.app.db.raw<{ id: number }>("SELECT id FROM users WHERE username = 'officer_d'")[0]!.id;
    const done = await t.call('transfers.decide', { requestId: r.id, approve: true, judgeId: judge, note: '同意' }, 'manager');
    expect(done).toMatchObject({ status: 'approved', decidedBy: 'manager', judgeName: 'officer_d' });
    const moved = await t.call('cases.get', { id: c.id });
    expect([moved.teamId, moved.judgeId]).toEqual([DONGFENG.id, judge]);
    expect(moved.events.map((e) => e.type)).toEqual(expect.arrayContaining(['transfer.requested', 'case.reassigned', 'transfer.decided']));
    // The case is now 东风's: 开鲁's officer no longer reaches it.
    expect((await t.fail('cases.workspace', { caseId: c.id }, 'officer_k')).code).toBe('forbidden');
    expect((await t.call('cases.workspace', { caseId: c.id }, 'officer_d')).team).toMatchObject({ name: '东风法庭' });
  });
});

describe('a team proposes 终本; the 终本 group closes it or returns it (seeds/003: 统一集中结案)', () => {
  it('refuses 终本 closed by the team itself, refuses a proposal while the checklist lacks items (naming them), and the group returns then closes', async () => {
    await court();
    const c = await teamCase('开鲁镇');
    t.app.clock.set('2026-05-20T02:00:00Z');
    const own = await t.fail('closure.close', { caseId: c.id, mode: '终结本次执行程序', zhongbenBasis: { kind: 'consent', consentOn: '2026-05-20' } }, 'officer_k');
    expect(own).toMatchObject({ code: 'forbidden', message: '终本结案由终本案件管控组审核办理：请在案件页提交终本申请' });
    const early = (await t.fail('closure.request', { caseId: c.id, reason: '无财产可供执行' }, 'officer_k')) as ApiErrorShape & { details: { missing: string[] } };
    expect(early.code).toBe('conflict');
    expect(early.details.missing).toEqual(['下落不明的被执行人已依法查找（或无下落不明情形）', '已约谈申请执行人，告知并听取意见（笔录在卷）']);

    await t.call('closure.attest', { caseId: c.id, item: 'debtorSearched', note: '下落清楚，卷第12页' }, 'officer_k');
    await t.call('records.create', talk(c.id, { kind: '约谈记录', heldOn: '2026-05-18', persons: [{ name: applicantOf(c).name, capacity: '申请执行人', partyId: applicantOf(c).id }], content: '申请执行人同意终结本次执行程序。' }), 'officer_k');
    const ws0 = await t.call('cases.workspace', { caseId: c.id }, 'officer_k');
    expect(ws0.actions.requestClosure).toBe(true);
    expect(ws0.actions.closeModes).not.toContain('终结本次执行程序');
    expect(ws0.zhongben).toEqual({ complete: true, missing: [] });

    const req = await t.call('closure.request', { caseId: c.id, reason: '穷尽财产调查措施未发现财产', zhongbenBasis: { kind: 'consent', consentOn: '2026-05-18' } }, 'officer_k');
    expect(req.status).toBe('pending');
    expect((await t.call('cases.workspace', { caseId: c.id }, 'officer_k')).actions.requestClosure).toBe(false);
    expect((await t.call('todo.mine', {}, 'archivist')).closureRequests.map((r) => r.id)).toEqual([req.id]);
    // Another team neither sees nor decides it; only the 终本 group decides.
    expect(await t.call('closure.requests', {}, 'officer_d')).toEqual([]);
    expect((await t.fail('closure.decide', { requestId: req.id, close: true }, 'officer_k')).code).toBe('forbidden');
    expect((await t.fail('closure.decide', { requestId: req.id, close: false }, 'archivist')).field).toBe('reasons');

    const returned = await t.call('closure.decide', { requestId: req.id, close: false, reasons: ['卷宗材料不全或未扫描'], note: '请补充约谈笔录扫描件' }, 'archivist');
    expect(returned).toMatchObject({ status: 'returned', returnReasons: ['卷宗材料不全或未扫描'], decisionNote: '请补充约谈笔录扫描件', decidedBy: 'archivist' });
    // The team sees the returned proposal among its work, with the reasons.
    expect((await t.call('todo.mine', {}, 'officer_k')).closureRequests.map((r) => [r.id, r.status])).toEqual([[req.id, 'returned']]);
    expect((await t.call('cases.get', { id: c.id })).stage).toBe('team');

    const again = await t.call('closure.request', { caseId: c.id, reason: '已补充扫描件', zhongbenBasis: { kind: 'consent', consentOn: '2026-05-18' } }, 'officer_k');
    const closed = await t.call('closure.decide', { requestId: again.id, close: true }, 'archivist');
    expect(closed).toMatchObject({ status: 'closed', decidedBy: 'archivist' });
    const after = await t.call('cases.get', { id: c.id });
    expect([after.stage, after.closureMode]).toEqual(['archived', '终结本次执行程序']);
    expect((await t.call('closure.get', { caseId: c.id }))?.documents.map((d) => d.kind)).toEqual(['终本裁定书']);
    const types = after.events.map((e) => e.type);
    expect(types.filter((x) => x === 'closure.requestDecided')).toHaveLength(2);
    expect(types.indexOf('case.closed')).toBeGreaterThan(types.lastIndexOf('closure.requested'));
  });

  it('lets the closing teams close 终本 themselves when the court does not close centrally', async () => {
    await court();
    const c = await teamCase('开鲁镇');
    await t.call('settings.set', { zhongbenClosedByGroup: false });
    const ws = await t.call('cases.workspace', { caseId: c.id }, 'officer_k');
    expect(ws.actions.closeModes).toContain('终结本次执行程序');
    expect(ws.actions.requestClosure).toBe(false);
  });
});

describe('a single document from any template, and service by the team', () => {
  it('lists what the case lacks, makes the document once it is recorded, moves a filed case on when its notice set is complete, and asks a reason to make one again', async () => {
    await court();
    t.app.clock.set('2026-01-10T02:00:00Z');
    const c = await t.call('cases.file', sampleDraft({ filedOn: '2026-01-10', title: { court: '开鲁县人民法院', number: '（2025）内0523民初999号', effectiveOn: '2025-12-01', cause: '买卖合同纠纷' } }));
    await signers(t, [c.id]);
    const refused = (await t.fail('documents.generate', { caseId: c.id, kind: '执行通知书' }, 'clerk')) as ApiErrorShape & { details: { refusals: { missing: string[] }[] } };
    expect(refused.code).toBe('conflict');
    expect(refused.details.refusals[0]!.missing).toEqual(['执行依据的类型（判决书、调解书、裁决书等）未登记', '执行依据确定的义务（判项）未登记']);
    expect(t.app.db.raw<{ n: number }>('SELECT count(*) AS n FROM documents WHERE case_id = ?', c.id)[0]!.n).toBe(0);

    await t.call('cases.updateTitle', { caseId: c.id, title: { kind: '民事判决书', ordered: '被告于判决生效之日起十日内给付货款', joint: false } }, 'clerk');
    const made = await t.call('documents.generate', { caseId: c.id, kind: '执行通知书' }, 'clerk');
    expect(made.documents.map((d) => [d.kind, d.batchId])).toEqual([['执行通知书', null]]);
    expect((await t.call('cases.get', { id: c.id })).stage).toBe('filed');
    await t.call('documents.generate', { caseId: c.id, kind: '报告财产令' }, 'clerk');
    expect((await t.call('cases.get', { id: c.id })).stage).toBe('query');

    expect((await t.fail('documents.generate', { caseId: c.id, kind: '执行通知书' }, 'clerk')).field).toBe('reason');
    const again = await t.call('documents.generate', { caseId: c.id, kind: '执行通知书', reason: '被执行人送达地址变更' }, 'clerk');
    expect(again.documents[0]!.version).toBe(2);
    expect((await t.fail('documents.generate', { caseId: c.id, kind: '执行裁定书' }, 'clerk')).field).toBe('kind');
    expect((await t.fail('documents.generate', { caseId: c.id, kind: '送达回证' }, 'clerk')).field).toBe('partyId');
    const receipt = await t.call('documents.generate', { caseId: c.id, kind: '送达回证', partyId: debtorOf(c).id }, 'clerk');
    const row = t.app.db.raw<{ pdf_path: string }>('SELECT pdf_path FROM documents WHERE id = ?', receipt.documents[0]!.id)[0]!;
    const text = (await readPdf(join(t.dir, row.pdf_path))).text.replace(/\s+/g, '');
    expect(text).toContain('执行通知书');
    expect(text).toContain('报告财产令');
  });

  it('lets a team officer record service of its own case’s documents by document, never by tracking number alone', async () => {
    await court();
    const c = await teamCase('开鲁镇');
    t.app.clock.set('2026-05-20T02:00:00Z');
    const made = await t.call('documents.generate', { caseId: c.id, kind: '执行通知书', reason: '被执行人新地址' }, 'officer_k');
    const r = await t.call('documents.markServed', { items: [{ documentId: made.documents[0]!.id, method: '直接送达', servedOn: '2026-05-20', recipient: '被执行人' }] }, 'officer_k');
    expect(r).toEqual({ updated: 1, served: 1, mailed: 0 });
    expect((await t.fail('documents.markServed', { items: [{ trackingNumber: 'EA123456789CN', servedOn: '2026-05-20' }] }, 'officer_k')).field).toBe('items.0.documentId');
  });
});

describe('the case summary and what each desk may do', () => {
  it('shows stage, team, judge, money, clocks with the next due first, measures in force and what 终本 lacks; the actions follow the registry’s access and the case’s state', async () => {
    await court();
    const c = await teamCase('开鲁镇');
    t.app.clock.set('2026-05-20T02:00:00Z');
    const ws = await t.call('cases.workspace', { caseId: c.id }, 'officer_k');
    expect(ws).toMatchObject({ number: c.number, stage: 'team', stageLabel: '团队办案', team: { id: KAILU.id, name: '开鲁法庭' }, closed: false });
    expect(ws.judge?.name).toBe('judge-sign');
    expect(ws.money).toEqual({ claimFen: 5_000_000, recoveredFen: 0, paidOutFen: 0, balanceFen: 0, unpaidFen: 5_000_000, overdueFen: 0 });
    expect(ws.zhongben?.missing).toEqual(['下落不明的被执行人已依法查找（或无下落不明情形）', '已约谈申请执行人，告知并听取意见（笔录在卷）']);
    const dues = ws.clocks.map((k) => k.dueAt ?? k.dueOn);
    expect([...dues].sort()).toEqual(dues);
    expect(ws.clocks.map((k) => k.ruleId)).toContain('closure');

    const team = ws.actions;
    // The proposal is open to the team whatever the checklist says; a proposal while it lacks items is refused naming them.
    expect([team.query, team.control, team.records, team.documents, team.service, team.suspend, team.transfer, team.requestClosure, team.attachments, team.notes]).toEqual([true, true, true, true, true, true, true, true, true, true]);
    expect([team.ledger, team.decideTransfer, team.decideClosure, team.resume]).toEqual([false, false, false, false]);
    expect(team.closeModes).toEqual(['执行完毕', '终结执行', '销案', '不予执行', '驳回申请']);

    const money = (await t.call('cases.workspace', { caseId: c.id }, 'cashier')).actions;
    expect([money.ledger, money.query, money.records, money.closeModes.length]).toEqual([true, false, false, 0]);
    const zb = (await t.call('cases.workspace', { caseId: c.id }, 'archivist')).actions;
    expect(zb.closeModes).toContain('终结本次执行程序');
    expect(zb.requestClosure).toBe(false);
    const win = (await t.call('cases.workspace', { caseId: c.id }, 'window')).actions;
    expect([win.query, win.records, win.ledger, win.closeModes.length, win.notes, win.attachments]).toEqual([false, false, false, 0, true, true]);
  });

  it('prints the case page as a PDF with the summary, identifiers masked', async () => {
    await court();
    const c = await teamCase('开鲁镇');
    t.app.clock.set('2026-05-20T02:00:00Z');
    await t.call('notes.add', { caseId: c.id, text: '被执行人承诺月底前付款' }, 'officer_k');
    const out = (await t.call('cases.printSummary', { caseId: c.id }, 'officer_k')) as unknown as { path: string; fileName: string };
    expect(out.fileName).toBe(`案件情况表_${c.number}.pdf`);
    const text = (await readPdf(out.path)).text.replace(/\s+/g, '');
    for (const s of ['执行案件情况表', c.number, '开鲁法庭', '团队办案', '50000.00元', '有财产可供执行案件结案', '被执行人承诺月底前付款', applicantOf(c).name]) expect(text).toContain(s);
    const fullId = t.app.db.raw<{ id_number: string }>('SELECT id_number FROM parties WHERE id = ?', applicantOf(c).id)[0]!.id_number;
    expect(text).not.toContain(fullId);
    expect(text).toContain(`${fullId.slice(0, 6)}********${fullId.slice(-4)}`);
  });
});

describe('我的待办 (the deadline rules, by whose work a clock is)', () => {
  it('gives a team officer its own team’s cases only, the money officer the payout clocks wherever the case is, and counts cases, not clocks', async () => {
    await court();
    const k = await teamCase('开鲁镇');
    const d = await teamCase('东风镇');
    // Money arrives on 东风's case and is not paid out: a payout clock (the money officer's).
    t.app.clock.set('2026-05-01T02:00:00Z');
    await t.call('ledger.record', { kind: 'receipt', caseId: d.id, amountFen: 100_000, on: '2026-05-01', source: 'voluntary' }, 'cashier');
    t.app.clock.set('2026-11-10T02:00:00Z');

    const mine = await t.call('todo.mine', {}, 'officer_k');
    expect(mine.cases.map((x) => x.caseId)).toEqual([k.id]);
    expect(mine.cases[0]!.items.map((i) => i.ruleId)).toEqual(['closure']);
    expect(mine.cases[0]!.bucket).toBe('overdue');
    expect(JSON.stringify(mine)).not.toContain(d.number);

    const cashier = await t.call('todo.mine', {}, 'cashier');
    expect(cashier.cases.map((x) => [x.caseId, x.items.map((i) => i.ruleId)])).toEqual([[d.id, ['payout']]]);

    // 东风's case has two overdue clocks (closure, payout): the administrator's list holds it once.
    const admin = await t.call('todo.mine', {});
    const dRow = admin.cases.find((x) => x.caseId === d.id)!;
    expect(dRow.items.map((i) => i.ruleId).sort()).toEqual(['closure', 'payout']);
    expect(admin.totals.overdue).toBe(admin.cases.filter((x) => x.bucket === 'overdue').length);
    const forCase = async (id: number) => (await t.call('deadlines.forCase', { caseId: id })).filter((x) => x.bucket === 'overdue').length;
    const overdueClocks = (await forCase(k.id)) + (await forCase(d.id));
    const badges = await t.call('todo.badges', {});
    expect(overdueClocks).toBeGreaterThan(2);
    expect(badges.overdueCases).toBe(2);
    expect(badges.overdueByStage).toEqual({ team: 2 });
    expect((await t.call('todo.badges', {}, 'officer_k')).overdueCases).toBe(1);
    expect((await t.call('todo.badges', {}, 'officer_k')).myCases).toBe(1);
  });
});
