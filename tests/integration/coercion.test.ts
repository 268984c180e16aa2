import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { makeId, sampleDraft } from '../helpers/drafts';
import { signers } from '../helpers/inquiries';
import { readPdf } from '../helpers/documents';
import { absPath } from '../../src-main/services/documents/storage';

// Compulsory measures (desks.md §2) against the texts in shared/laws/: 民诉法 (2023) Arts. 118–119,
// 259; 民诉法解释 (2022) Arts. 175, 180, 182–185, 482, 494–498; 法〔2018〕147号 (60 days → 自诉).
// Every expected date and time below is worked out by hand from the article, not by the code's rule.

let t: TestApp;
let caseA: number; // a person debtor (a woman), the requests' case
let caseB: number; // an organisation debtor, with no request
let caseC: number;
let debtorA: number;
let presidentId: number;
let vpId: number;
const police = 'police_li';
const clerk = 'centre_head';

const at = (iso: string) => t.app.clock.set(iso);
const idOf = (u: string) => t.app.db.raw<{ id: number }>('SELECT id FROM users WHERE username = ?', u)[0]!.id;
const clocks = async (caseId: number, ruleId: string) =>
  (await t.call('deadlines.forCase', { caseId })).filter((d) => d.ruleId === ruleId).map((d) => ({ ...d, dueAt: d.dueAt?.slice(0, 16) ?? null }));
/** The open clock of a rule (earlier measures of the case have their own, already stopped). */
const openClock = async (caseId: number, ruleId: string) => (await clocks(caseId, ruleId)).filter((d) => d.status === 'open');
async function overdue(ruleId: string): Promise<number[]> {
  const r = await t.call('deadlines.cases', { bucket: 'overdue', ruleId, limit: 100 });
  return r.rows.map((x) => x.caseId);
}
async function pdfText(documentId: number): Promise<string> {
  const row = t.app.db.raw<{ pdf_path: string }>('SELECT pdf_path FROM documents WHERE id = ?', documentId)[0]!;
  return (await readPdf(absPath(t.app.dataDir, row.pdf_path))).text.replace(/\s+/g, '');
}

beforeAll(async () => {
  t = openTestApp();
  at('2026-11-09T01:00:00Z'); // Monday 09:00 in Kailu
  t.user(police, ['detention']);
  t.user(clerk, ['management']);
  t.user('president_zhao', ['management']);
  t.user('vp_qian', ['zhongben']);
  presidentId = idOf('president_zhao');
  vpId = idOf('vp_qian');
  const person = { kind: 'person' as const, name: '王秀兰', idNumber: makeId('19800101', 412), address: '开鲁县开鲁镇新华街2号' };
  const a = await t.call('cases.file', sampleDraft({ filedOn: '2026-11-02', debtors: [person], title: { ...sampleDraft().title, ordered: '被告王秀兰于本判决生效之日起十日内给付原告张三货款123456.00元' } }));
  const b = await t.call('cases.file', sampleDraft({ filedOn: '2026-11-02', title: { ...sampleDraft().title, number: '（2026）内0523民初101号' } }));
  const c = await t.call('cases.file', sampleDraft({ filedOn: '2026-11-02', title: { ...sampleDraft().title, number: '（2026）内0523民初102号' } }));
  caseA = a.id;
  caseB = b.id;
  caseC = c.id;
  await signers(t, [caseA, caseB, caseC]);
  debtorA = t.app.db.raw<{ id: number }>("SELECT id FROM parties WHERE case_id = ? AND role = 'debtor'", caseA)[0]!.id;
}, 120_000);
afterAll(async () => t?.close());

async function compelRequest(caseId: number, personName = '王秀兰', extra: Record<string, unknown> = {}) {
  return (await t.call('coercion.request', { caseId, personName, personKind: 'individual', gender: 'female', measure: 'compel', place: '开鲁县开鲁镇新华街2号', wantedOn: t.app.clock.today(), purpose: '拒不到场接受调查询问', summonsServedOn: '2026-11-05', ...extra }, clerk)).id;
}

describe('requests and the detention team scope', () => {
  it('the detention team sees a case only once it has been sent a request', async () => {
    expect((await t.fail('cases.get', { id: caseA }, police)).code).toBe('forbidden');
    const req = await compelRequest(caseA);
    expect((await t.call('cases.get', { id: caseA }, police)).id).toBe(caseA);
    expect((await t.fail('cases.get', { id: caseB }, police)).code).toBe('forbidden');
    const list = await t.call('coercion.requests', {}, police);
    expect(list.map((r) => r.id)).toEqual([req]);
    expect(list[0]).toMatchObject({ personName: '王秀兰', measure: 'compel', place: '开鲁县开鲁镇新华街2号', purpose: '拒不到场接受调查询问', status: 'open' });
    await t.call('coercion.withdraw', { requestId: req, reason: '被执行人已主动到场' }, clerk);
  });

  it('拘传 needs a summons served and ignored first (民诉法解释 Art. 482)', async () => {
    const e = await t.fail('coercion.request', { caseId: caseA, personName: '王秀兰', personKind: 'individual', measure: 'compel', place: '某地', wantedOn: t.app.clock.today(), purpose: '调查' }, clerk);
    expect(e).toMatchObject({ code: 'invalid_input', field: 'summonsServedOn' });
    expect(e.message).toContain('第四百八十二条');
  });

  it('the approver is a real user named by the setting; by default any leader (民诉法 Art. 119)', async () => {
    const req = await compelRequest(caseA);
    const refused = await t.fail('coercion.compel', { requestId: req, approvedById: vpId, place: '本院' }, police);
    expect(refused).toMatchObject({ code: 'invalid_input', field: 'approvedById' });
    await t.call('settings.set', { coercionApprovers: [vpId] });
    expect((await t.fail('coercion.compel', { requestId: req, approvedById: presidentId, place: '本院' }, police)).field).toBe('approvedById');
    const id = (await t.call('coercion.compel', { requestId: req, approvedById: vpId, place: '本院' }, police)).id;
    const m = (await t.call('coercion.measures', { caseId: caseA }, police)).find((x) => x.id === id)!;
    expect(m.approvedBy).toBe('vp_qian');
    await t.call('coercion.endQuestioning', { measureId: id, outcome: '已如实申报财产' }, police);
    await t.call('settings.set', { coercionApprovers: [] });
  });
});

describe('拘传 questioning clock (民诉法解释 Art. 482: 8 h, 24 h when complex)', () => {
  it('alerts on the deadline board at 7 h and is overdue after 8 h', async () => {
    at('2026-11-10T01:00:00Z'); // Tuesday 09:00
    const req = await compelRequest(caseA);
    const id = (await t.call('coercion.compel', { requestId: req, approvedById: presidentId, place: '本院执行局询问室' }, police)).id;
    const [alert] = await openClock(caseA, 'compelAlert');
    const [limit] = await openClock(caseA, 'compel');
    expect(alert!.dueAt).toBe('2026-11-10T08:00'); // 09:00 + 7 h = 16:00 local
    expect(limit!.dueAt).toBe('2026-11-10T09:00'); // 09:00 + 8 h = 17:00 local
    at('2026-11-10T07:59:00Z');
    expect(await overdue('compelAlert')).not.toContain(caseA);
    at('2026-11-10T08:01:00Z');
    expect(await overdue('compelAlert')).toContain(caseA);
    expect(await overdue('compel')).not.toContain(caseA);
    at('2026-11-10T09:01:00Z');
    expect(await overdue('compel')).toContain(caseA);
    // The measure shows the same clocks on the detention team's page.
    const m = (await t.call('coercion.measures', { active: true }, police)).find((x) => x.id === id)!;
    expect(m.clocks.map((c) => c.ruleId).sort()).toEqual(['compel', 'compelAlert']);
    await t.call('coercion.endQuestioning', { measureId: id, outcome: '询问完毕，教育后放回' }, police);
    expect((await clocks(caseA, 'compel')).at(-1)!.status).toBe('late');
    expect(await overdue('compel')).not.toContain(caseA);
  });

  it('a complex case runs 24 h, with its alert at 23 h', async () => {
    at('2026-11-11T02:00:00Z');
    const req = await compelRequest(caseA);
    const id = (await t.call('coercion.compel', { requestId: req, approvedById: presidentId, place: '本院', complex: true }, police)).id;
    expect(await clocks(caseA, 'compelComplexAlert')).toMatchObject([{ dueAt: '2026-11-12T01:00', status: 'open' }]);
    expect(await clocks(caseA, 'compelComplex')).toMatchObject([{ dueAt: '2026-11-12T02:00', status: 'open' }]);
    at('2026-11-11T12:00:00Z'); // 10 h in: an 8 h clock would be overdue, this one is not
    expect(await overdue('compelComplex')).not.toContain(caseA);
    expect(await overdue('compel')).not.toContain(caseA);
    at('2026-11-12T01:30:00Z');
    expect(await overdue('compelComplexAlert')).toContain(caseA);
    await t.call('coercion.endQuestioning', { measureId: id, outcome: '决定拘留' }, police);
    expect(await clocks(caseA, 'compelComplex')).toMatchObject([{ status: 'met' }]);
  });
});

describe('罚款 (民诉法 Art. 118: individual ≤ ¥100,000; organisation ¥50,000–1,000,000)', () => {
  const fineOf = (caseId: number, personKind: 'individual' | 'organisation', amountFen: number, act: string, personName = '王秀兰') =>
    ({ caseId, personName, personKind, ground: 'refuse', act, amountFen, approvedById: presidentId });

  it('limits the amount by the kind of party', async () => {
    at('2026-11-16T01:00:00Z');
    const over = await t.fail('coercion.fine', fineOf(caseA, 'individual', 10_000_001, '有能力履行而拒不履行（一）'), 'admin');
    expect(over).toMatchObject({ code: 'invalid_input', field: 'amountFen' });
    expect(over.message).toContain('十万元以下');
    await t.call('coercion.fine', fineOf(caseA, 'individual', 10_000_000, '有能力履行而拒不履行（一）'));
    const low = await t.fail('coercion.fine', fineOf(caseB, 'organisation', 4_999_999, '拒不履行', '开鲁县某商贸有限公司'));
    expect(low.message).toContain('五万元以上一百万元以下');
    expect((await t.fail('coercion.fine', fineOf(caseB, 'organisation', 100_000_001, '拒不履行', '开鲁县某商贸有限公司'))).field).toBe('amountFen');
    const ok = await t.call('coercion.fine', fineOf(caseB, 'organisation', 5_000_000, '拒不履行', '开鲁县某商贸有限公司'));
    expect(ok.id).toBeGreaterThan(0);
  });

  it('a second fine for the same act is refused; a new act may be fined; a fine and a detention combine (解释 Arts. 183–184)', async () => {
    const act = '2026年11月3日将已查封的车辆转移隐藏';
    const first = await t.call('coercion.fine', { caseId: caseC, personName: '李四', personKind: 'individual', ground: 'hideSeized', act, amountFen: 2_000_000, approvedById: presidentId });
    const again = await t.fail('coercion.fine', { caseId: caseC, personName: '李四', personKind: 'individual', ground: 'hideSeized', act: '2026年11月3日 将已查封的车辆转移隐藏。', amountFen: 1_000_000, approvedById: presidentId });
    expect(again).toMatchObject({ code: 'conflict', field: 'act' });
    expect(again.message).toContain('第一百八十四条');
    expect(t.app.db.raw<{ n: number }>("SELECT count(*) AS n FROM coercion_measures WHERE case_id = ? AND kind = 'fine'", caseC)[0]!.n).toBe(1);
    // A new act is a new sanction; a detention for the first act combines with its fine.
    await t.call('coercion.fine', { caseId: caseC, personName: '李四', personKind: 'individual', ground: 'hideSeized', act: '2026年11月12日再次转移已查封的车辆', amountFen: 1_000_000, approvedById: presidentId });
    await t.call('coercion.detain', { caseId: caseC, personName: '李四', personKind: 'individual', gender: 'male', ground: 'hideSeized', act, days: 5, approvedById: presidentId });
    expect((await t.fail('coercion.detain', { caseId: caseC, personName: '李四', personKind: 'individual', ground: 'hideSeized', act, days: 3, approvedById: presidentId })).code).toBe('conflict');
    expect(first.id).toBeGreaterThan(0);
  });

  it('prints the 罚款决定书: facts, ground and article, amount, approval, review right', async () => {
    const m = (await t.call('coercion.measures', { caseId: caseB })).find((x) => x.kind === 'fine')!;
    const text = await pdfText(m.documentId!);
    expect(text).toContain('罚款决定书');
    expect(text).toContain('开鲁县某商贸有限公司');
    expect(text).toContain('人民币50000.00元（大写：伍万元整）');
    expect(text).toContain('第一百一十四条第一款第六项');
    expect(text).toContain('经本院院长批准');
    expect(text).toContain('收到决定书之日起三日内');
  });
});

describe('the review window (民诉法解释 Art. 185: filed within 3 days of receipt, decided within 5)', () => {
  it('refuses a late application, allows one, and clocks the upper court', async () => {
    at('2026-11-09T02:00:00Z'); // the decision served on Monday 9 November
    const { id } = await t.call('coercion.fine', { caseId: caseA, personName: '王秀兰', personKind: 'individual', ground: 'falseReport', act: '2026年11月6日虚假报告财产', amountFen: 500_000, approvedById: presidentId });
    at('2026-11-13T02:00:00Z');
    const late = await t.fail('coercion.fileReview', { measureId: id, filedOn: '2026-11-13' });
    expect(late).toMatchObject({ code: 'invalid_input', field: 'filedOn' });
    expect(late.message).toContain('2026-11-12');
    await t.call('coercion.fileReview', { measureId: id, filedOn: '2026-11-12' });
    expect((await t.fail('coercion.fileReview', { measureId: id, filedOn: '2026-11-12' })).code).toBe('conflict'); // 复议一次
    // Filed Thursday 12 November: five days later is Tuesday 17 November.
    expect(await clocks(caseA, 'coercionReview')).toMatchObject([{ dueOn: '2026-11-17', status: 'open' }]);
    at('2026-11-18T02:00:00Z');
    expect(await overdue('coercionReview')).toContain(caseA);
    await t.call('coercion.reviewDecision', { measureId: id, decidedOn: '2026-11-18', result: 'upheld' });
    expect(await clocks(caseA, 'coercionReview')).toMatchObject([{ status: 'late' }]);
  });
});

describe('拘留 (民诉法 Art. 118: ≤ 15 days; 解释 Arts. 178, 180, 182)', () => {
  it('refuses more than 15 days and an organisation', async () => {
    at('2026-11-20T01:00:00Z');
    const e = await t.fail('coercion.detain', { caseId: caseA, partyId: debtorA, personName: '王秀兰', personKind: 'individual', ground: 'refuse', act: '拒不履行', days: 16, approvedById: presidentId });
    expect(e).toMatchObject({ code: 'invalid_input', field: 'days' });
    expect(e.message).toContain('十五日以下');
    const org = await t.fail('coercion.detain', { caseId: caseB, personName: '开鲁县某商贸有限公司', personKind: 'organisation', ground: 'refuse', act: '拒不履行', days: 5, approvedById: presidentId });
    expect(org.field).toBe('personKind');
  });

  it('family told within 24 h, checked and handed over, leave does not count, early release by decision', async () => {
    at('2026-11-20T01:00:00Z'); // Friday 09:00
    const { id } = await t.call('coercion.detain', { caseId: caseA, partyId: debtorA, ground: 'refuse', act: '2026年11月20日有能力履行而拒不履行', days: 10, approvedById: presidentId }, 'admin');
    let m = (await t.call('coercion.measures', { caseId: caseA })).find((x) => x.id === id)!;
    expect(m.endsOn).toBe('2026-11-29'); // 20 November is day 1, day 10 is 29 November
    expect(await clocks(caseA, 'detentionFamily')).toMatchObject([{ dueAt: '2026-11-21T01:00', status: 'open' }]);
    expect(await clocks(caseA, 'detentionEnd')).toMatchObject([{ dueOn: '2026-11-29', status: 'open' }]);
    const text = await pdfText(m.documentId!);
    expect(text).toContain('拘留决定书');
    expect(text).toContain('王秀兰');
    expect(text).toContain('拘留十日（自二〇二六年十一月二十日起至二〇二六年十一月二十九日止）');
    // Approved beforehand (民诉法 Art. 119): the decision says so, and nothing of an emergency.
    expect(text).toContain('经本院院长批准，决定如下：');
    expect(text).not.toContain('紧急');
    // Hand-over needs the medical check first (setting coercionMedicalCheck, practice).
    expect((await t.fail('coercion.handOver', { measureId: id, centre: '开鲁县拘留所' }, police)).message).toContain('体检');
    await t.call('coercion.medical', { measureId: id, fit: true, result: '血压正常，无传染病' }, police);
    await t.call('coercion.handOver', { measureId: id, centre: '开鲁县拘留所' }, police);
    at('2026-11-21T01:30:00Z');
    expect(await overdue('detentionFamily')).toContain(caseA);
    await t.call('coercion.notifyFamily', { measureId: id, method: '电话通知其丈夫' }, police);
    expect(await clocks(caseA, 'detentionFamily')).toMatchObject([{ status: 'late' }]);
    // Leave on the 22nd, back on the 24th: two days away do not count (拘留所条例 Art. 27).
    at('2026-11-22T01:00:00Z');
    const leave = (await t.call('coercion.leave', { measureId: id, reason: '近亲属病危' }, police)).id;
    at('2026-11-24T01:00:00Z');
    expect((await t.call('coercion.leaveReturn', { leaveId: leave }, police)).endsOn).toBe('2026-12-01');
    expect((await clocks(caseA, 'detentionEnd')).map((c) => [c.dueOn, c.status])).toEqual([['2026-11-29', 'met'], ['2026-12-01', 'open']]);
    // Release before the end needs the president and a decision.
    expect((await t.fail('coercion.release', { measureId: id }, police)).message).toContain('提前解除');
    await t.call('coercion.releaseEarly', { measureId: id, approvedById: presidentId, reason: '具结悔过，承诺于十日内履行' }, police);
    m = (await t.call('coercion.measures', { caseId: caseA })).find((x) => x.id === id)!;
    expect(m.releaseKind).toBe('early');
    expect(await pdfText(m.releaseDocumentId!)).toContain('提前解除对王秀兰的拘留');
    expect(await clocks(caseA, 'detentionEnd')).toMatchObject([{ status: 'met' }, { status: 'met' }]);
  });

  it('a family that cannot be told is recorded with the reason (解释 Art. 180)', async () => {
    const { id } = await t.call('coercion.detain', { caseId: caseC, personName: '赵五', personKind: 'individual', ground: 'obstruct', act: '2026年11月24日阻碍执行人员查封', days: 3, approvedById: presidentId });
    // No request reached the detention team for this case yet: the police may not touch it.
    expect((await t.fail('coercion.notifyFamily', { measureId: id, method: '电话' }, police)).code).toBe('forbidden');
    await t.call('coercion.request', { caseId: caseC, personName: '赵五', personKind: 'individual', measure: 'detain', place: '本院', wantedOn: t.app.clock.today(), purpose: '送拘' }, clerk);
    expect((await t.fail('coercion.notifyFamily', { measureId: id }, police)).field).toBe('method');
    await t.call('coercion.notifyFamily', { measureId: id, missedReason: '被拘留人拒绝提供家属联系方式' }, police);
    expect((await t.call('coercion.measures', { caseId: caseC })).find((x) => x.id === id)!.familyMissedReason).toBe('被拘留人拒绝提供家属联系方式');
  });
});

describe('搜查 (民诉法 Art. 259; 解释 Arts. 494–498)', () => {
  it('a woman is searched only by a female officer; the warrant is signed by the president', async () => {
    const { id } = await t.call('coercion.warrant', { caseId: caseA, partyId: debtorA, personName: '王秀兰', personKind: 'individual', gender: 'female', place: '开鲁县开鲁镇新华街2号', reason: '隐匿会计账簿及现金，经责令拒不交出', approvedById: presidentId });
    const warrant = (await t.call('coercion.measures', { caseId: caseA })).find((x) => x.id === id)!;
    const w = await pdfText(warrant.documentId!);
    expect(w).toContain('搜查令');
    expect(w).toContain('院长赵国庆');
    expect(w).toContain('第二百五十九条');
    const record = { measureId: id, attendees: ['王秀兰', '其子王强', '新华街社区居委会主任刘芳'], items: '在卧室衣柜内发现现金20000元，已依法扣押' };
    const male = await t.fail('coercion.searchRecord', { ...record, officers: [{ name: '李警官', gender: 'male' }, { name: '张警官', gender: 'female' }], bodySearch: { personGender: 'female', searchedBy: '李警官' } });
    expect(male).toMatchObject({ code: 'invalid_input', field: 'bodySearch.searchedBy' });
    expect(male.message).toContain('女执行人员');
    await t.call('coercion.searchRecord', { ...record, officers: [{ name: '李警官', gender: 'male' }, { name: '张警官', gender: 'female' }], bodySearch: { personGender: 'female', searchedBy: '张警官' } });
    const done = (await t.call('coercion.measures', { caseId: caseA })).find((x) => x.id === id)!;
    const r = await pdfText(done.recordDocumentId!);
    expect(r).toContain('由张警官对被搜查人王秀兰的身体进行搜查');
    expect(r).toContain('新华街社区居委会主任刘芳');
  });
});

describe('referral for 拒执罪 (刑法 Art. 313; 法发〔2025〕8号; 法〔2018〕147号)', () => {
  it('the police clock is 7 days, 30 when complex; private prosecution opens after 60 days without an answer', async () => {
    at('2026-11-02T02:00:00Z'); // Monday
    const base = { caseId: caseB, personName: '开鲁县某商贸有限公司', police: '开鲁县公安局', facts: '被执行人有能力履行而拒不履行，经罚款仍不履行。', evidence: ['营业执照及法定代表人身份证明', '生效判决书及执行通知书送达回证', '银行流水（履行能力）', '罚款决定书'] };
    const simple = (await t.call('coercion.refer', base)).id;
    const complex = (await t.call('coercion.refer', { ...base, complex: true })).id;
    const refs = await t.call('coercion.referrals', { caseId: caseB });
    const clocksOf = (id: number) => Object.fromEntries(refs.find((r) => r.id === id)!.clocks.map((c) => [c.ruleId, c.dueOn]));
    // 2 November + 7 = Monday 9 November; + 30 = Wednesday 2 December; + 60 = Friday 1 January 2027, a holiday? (元旦)
    expect(clocksOf(simple).policeDecision).toBe('2026-11-09');
    expect(clocksOf(complex).policeDecisionComplex).toBe('2026-12-02');
    expect(clocksOf(simple).policeDecisionComplex).toBeUndefined();
    const letter = await pdfText(refs.find((r) => r.id === simple)!.documentId!);
    expect(letter).toContain('案件移送函');
    expect(letter).toContain('开鲁县公安局');
    expect(letter).toContain('第三百一十三条');
    expect(letter).toContain('银行流水（履行能力）');
    at('2026-12-30T02:00:00Z');
    const early = await t.fail('coercion.privateProsecution', { referralId: simple });
    expect(early.message).toContain('60日');
    at('2027-01-02T02:00:00Z'); // 61 days after the referral
    await t.call('coercion.privateProsecution', { referralId: simple, number: '（2027）内0523刑初1号' });
    await t.call('coercion.policeAnswer', { referralId: complex, answer: 'filed', answeredOn: '2026-11-20' });
    expect((await t.fail('coercion.privateProsecution', { referralId: complex })).message).toContain('已立案');
  });
});

describe('a sweep: requests of several cases, outcomes back to each case, the figures', () => {
  it('one pays on the spot into the case ledger, one is detained, one is released', async () => {
    at('2026-12-07T00:30:00Z'); // Monday 08:30
    const r1 = await compelRequest(caseA);
    const r2 = await compelRequest(caseB, '李四', { gender: 'male' });
    const r3 = await compelRequest(caseC, '钱六', { gender: 'male' });
    expect((await t.fail('coercion.planOperation', { name: '12月7日集中拘传行动', plannedOn: '2026-12-07', leaderId: presidentId, requestIds: [r1, r2, r3] }, police)).field).toBe('leaderId');
    const op = (await t.call('coercion.planOperation', { name: '12月7日集中拘传行动', plannedOn: '2026-12-07', leaderId: idOf(police), requestIds: [r1, r2, r3] }, police)).id;
    expect((await t.call('coercion.operations', {}, police))[0]).toMatchObject({ id: op, requestCount: 3, doneCount: 0, status: 'planned' });
    const before = (await t.call('ledger.get', { caseId: caseA })).entries.length;
    // Paid on the spot: cash needs two officers present.
    const payment = { amountFen: 3_000_000, source: 'cash' as const, officers: ['李警官'] };
    expect((await t.fail('coercion.outcome', { requestId: r1, outcome: 'paid', payment }, police)).field).toBe('payment.officers');
    const paid = await t.call('coercion.outcome', { requestId: r1, outcome: 'paid', payment: { ...payment, officers: ['李警官', '张警官'] } }, police);
    const ledger = await t.call('ledger.get', { caseId: caseA });
    expect(ledger.entries.length).toBe(before + 1);
    expect(ledger.entries.find((e) => e.id === paid.entryId)).toMatchObject({ kind: 'receipt', amountFen: 3_000_000, source: 'cash' });
    // Detained: the measure is named.
    const c2 = await t.call('coercion.compel', { requestId: r2, approvedById: presidentId, place: '开鲁县东风镇' }, police);
    await t.call('coercion.endQuestioning', { measureId: c2.id, outcome: '拒不申报财产，决定拘留' }, police);
    const d2 = await t.call('coercion.detain', { requestId: r2, ground: 'falseReport', act: '2026年12月7日拒绝报告财产情况', days: 15, approvedById: presidentId }, police);
    expect((await t.fail('coercion.finishOperation', { operationId: op }, police)).message).toContain('尚有2人');
    await t.call('coercion.outcome', { requestId: r2, outcome: 'detained', measureId: d2.id }, police);
    await t.call('coercion.outcome', { requestId: r3, outcome: 'released', note: '批评教育后承诺一周内履行' }, police);
    await t.call('coercion.finishOperation', { operationId: op }, police);
    const reqs = await t.call('coercion.requests', { operationId: op }, police);
    expect(reqs.map((r) => [r.caseId, r.outcome])).toEqual([[caseA, 'paid'], [caseB, 'detained'], [caseC, 'released']]);
    const f = await t.call('coercion.figures', { from: '2026-12-07', to: '2026-12-07' }, police);
    expect(f).toMatchObject({ compelled: 1, detained: 1, fined: 0, paidOnSpot: 1, paidOnSpotFen: 3_000_000 });
    const month = await t.call('coercion.figures', { from: '2026-11-01', to: '2026-11-30' }, clerk);
    // November: compelled 3 (the approver test and the two clock tests); fined 5 — ¥100,000 + ¥50,000
    // (limits), ¥20,000 + ¥10,000 (two acts), ¥5,000 (review) = ¥185,000; detained 3 (李四, 王秀兰, 赵五).
    expect(month).toMatchObject({ compelled: 3, fined: 5, finedFen: 18_500_000, detained: 3, searched: 1, referred: 2 });
  });
});

describe('leave from detention (拘留所条例 Art. 27: the court decides within 12 h)', () => {
  it('an application starts a 12 h clock; a grant after 13 h is late, a refusal in time is met', async () => {
    at('2026-12-14T02:00:00Z'); // Monday 10:00
    const { id } = await t.call('coercion.detain', { caseId: caseC, personName: '孙七', personKind: 'individual', ground: 'refuse', act: '2026年12月14日拒不履行', days: 10, approvedById: presidentId });
    await t.call('coercion.medical', { measureId: id, fit: true, result: '体检正常' }, police);
    await t.call('coercion.handOver', { measureId: id, centre: '开鲁县拘留所' }, police);
    at('2026-12-15T01:00:00Z');
    const app1 = (await t.call('coercion.leaveApply', { measureId: id, reason: '参加研究生入学考试' }, police)).id;
    // Applied 15 December 01:00 UTC: 12 h later is 13:00 UTC the same day.
    expect(await openClock(caseC, 'detentionLeaveDecision')).toMatchObject([{ dueAt: '2026-12-15T13:00' }]);
    expect((await t.fail('coercion.leaveApply', { measureId: id, reason: '又一次' }, police)).code).toBe('conflict');
    expect((await t.call('coercion.measures', { caseId: caseC })).find((x) => x.id === id)!.leaveApplication).toMatchObject({ id: app1, reason: '参加研究生入学考试' });
    at('2026-12-15T14:00:00Z');
    expect(await overdue('detentionLeaveDecision')).toContain(caseC);
    const leave = (await t.call('coercion.leave', { measureId: id, applicationId: app1 }, police)).id;
    expect((await clocks(caseC, 'detentionLeaveDecision')).map((c) => c.status)).toEqual(['late']);
    at('2026-12-16T14:00:00Z');
    await t.call('coercion.leaveReturn', { leaveId: leave }, police);
    at('2026-12-17T02:00:00Z');
    const app2 = (await t.call('coercion.leaveApply', { measureId: id, reason: '近亲属病危' }, police)).id;
    expect((await t.fail('coercion.leaveRefuse', { measureId: id, applicationId: app2, reason: '' }, police)).field).toBe('reason');
    at('2026-12-17T05:00:00Z');
    await t.call('coercion.leaveRefuse', { measureId: id, applicationId: app2, reason: '经核实，近亲属病情平稳' }, police);
    expect((await clocks(caseC, 'detentionLeaveDecision')).map((c) => c.status)).toEqual(['late', 'met']);
    expect((await t.fail('coercion.leave', { measureId: id, applicationId: app2 }, police)).code).toBe('conflict');
    await t.call('coercion.releaseEarly', { measureId: id, approvedById: presidentId, reason: '具结悔过' }, police);
  });
});

describe('emergency detention (民诉法解释 Art. 181: detain first, report to the president at once)', () => {
  it('the after-approval clock runs until the president decides; a refusal releases the person at once', async () => {
    at('2026-12-21T03:00:00Z');
    const { id } = await t.call('coercion.detain', { caseId: caseC, personName: '周八', personKind: 'individual', ground: 'obstruct', act: '2026年12月21日以暴力抗拒执行', days: 5, approvedById: presidentId, emergency: true });
    let m = (await t.call('coercion.measures', { caseId: caseC })).find((x) => x.id === id)!;
    expect(m.emergency).toBe('pending');
    // The decision is made before any approval exists: it states the emergency and the report to
    // the president (Art. 181), never 经本院院长批准.
    const decision = await pdfText(m.documentId!);
    expect(decision).toContain('妨害了执行活动的正常进行，情况紧急，必须立即采取拘留措施。');
    expect(decision).toContain('《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第一百八十一条的规定，决定如下：');
    expect(decision).toContain('本决定系因紧急情况在拘留后作出，本院已立即报告院长补办批准手续；院长认为拘留不当的，应当解除拘留。');
    expect(decision).not.toContain('批准，决定如下');
    expect(m.emergencyDocumentId).toBeNull();
    // Default 24 h (the article says "立即"; setting [U]): 21 December 03:00 UTC + 24 h.
    expect(await openClock(caseC, 'detentionEmergencyApproval')).toMatchObject([{ dueAt: '2026-12-22T03:00' }]);
    at('2026-12-22T04:00:00Z');
    expect(await overdue('detentionEmergencyApproval')).toContain(caseC);
    // The approver must be the president or an authorised vice-president (a real user).
    expect((await t.fail('coercion.emergencyDecision', { measureId: id, approvedById: idOf(police), approved: true }, police)).field).toBe('approvedById');
    expect((await t.fail('coercion.emergencyDecision', { measureId: id, approvedById: presidentId, approved: false }, police)).field).toBe('note');
    await t.call('coercion.emergencyDecision', { measureId: id, approvedById: presidentId, approved: false, note: '情况不属紧急，拘留不当' }, police);
    m = (await t.call('coercion.measures', { caseId: caseC })).find((x) => x.id === id)!;
    expect(m).toMatchObject({ emergency: 'refused', releaseKind: 'revoked' });
    expect(m.releasedAt).not.toBeNull();
    // The president's decision is its own record in the file: found improper, released.
    const refused = await pdfText(m.emergencyDocumentId!);
    expect(refused).toContain('补办拘留批准手续记录');
    expect(refused).toContain('因周八二〇二六年十二月二十一日以暴力抗拒执行，情况紧急，于二〇二六年十二月二十一日依照');
    expect(refused).toContain('第一百八十一条的规定先行对其拘留五日，并于拘留后立即报告院长。');
    expect(refused).toContain('president_zhao于二〇二六年十二月二十二日审查后，认为拘留不当：情况不属紧急，拘留不当。');
    expect(refused).toContain('解除对周八的拘留。');
    expect(refused).not.toContain('补办批准手续。');
    // The decision made at the detention is left as it was.
    expect(await pdfText(m.documentId!)).toBe(decision);
    expect((await clocks(caseC, 'detentionEmergencyApproval')).map((c) => c.status)).toEqual(['late']);
    expect((await clocks(caseC, 'detentionEnd')).filter((c) => c.startOn === '2026-12-21').map((c) => c.status)).toEqual(['met']);
    expect((await t.fail('coercion.emergencyDecision', { measureId: id, approvedById: presidentId, approved: true }, police)).code).toBe('conflict');
    // A detention approved beforehand needs no after-approval.
    const normal = (await t.call('coercion.measures', { caseId: caseC })).find((x) => x.kind === 'detain' && x.emergency === null)!;
    expect((await t.fail('coercion.emergencyDecision', { measureId: normal.id, approvedById: presidentId, approved: true }, police)).field).toBe('measureId');
  });

  it('an approved emergency detention: the record says the president approved it afterwards (in January, outside the figures below)', async () => {
    at('2027-01-05T02:00:00Z');
    const { id } = await t.call('coercion.detain', { caseId: caseC, personName: '吴九', personKind: 'individual', ground: 'obstruct', act: '2027年1月5日冲击执行现场', days: 3, approvedById: presidentId, emergency: true });
    at('2027-01-05T03:00:00Z');
    await t.call('coercion.emergencyDecision', { measureId: id, approvedById: presidentId, approved: true, note: '情况紧急，先行拘留适当' }, police);
    const m = (await t.call('coercion.measures', { caseId: caseC })).find((x) => x.id === id)!;
    expect(m).toMatchObject({ emergency: 'approved', releasedAt: null });
    const record = await pdfText(m.emergencyDocumentId!);
    expect(record).toContain('因吴九二〇二七年一月五日冲击执行现场，情况紧急，于二〇二七年一月五日依照');
    expect(record).toContain('先行对其拘留三日，并于拘留后立即报告院长。');
    expect(record).toContain('president_zhao于二〇二七年一月五日审查后，批准对吴九的拘留，补办批准手续。');
    expect(record).toContain('院长意见：情况紧急，先行拘留适当。');
    expect(record).not.toContain('拘留不当');
    expect((await clocks(caseC, 'detentionEmergencyApproval')).filter((c) => c.startOn === '2027-01-05').map((c) => c.status)).toEqual(['met']);
  });
});

describe('the coercion figures on the 质效统计 dashboard', () => {
  it('reads the dashboard period: November 2026 as a month, and the fourth quarter', async () => {
    const nov = await t.call('coercion.periodFigures', { period: { kind: 'month', year: 2026, month: 11 } }, clerk);
    expect(nov.period).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    // The same November counts as the sweep test above: 3 compelled, 5 fines (¥185,000), 3 detained.
    expect(nov).toMatchObject({ compelled: 3, fined: 5, finedFen: 18_500_000, detained: 3 });
    const q4 = await t.call('coercion.periodFigures', { period: { kind: 'quarter', year: 2026, quarter: 4 } }, clerk);
    expect(q4.period).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    // December adds 李四 (7 Dec), 孙七 (14 Dec) and 周八 (21 Dec, emergency) to the detentions, one 拘传.
    expect(q4).toMatchObject({ compelled: 4, detained: 6, fined: 5 });
    const e = await t.fail('coercion.periodFigures', { period: { kind: 'month', year: 2026, month: 13 } }, clerk);
    expect(e).toMatchObject({ code: 'invalid_input' });
    expect(e.message).toContain('月份');
  });
});

describe('dates in court time', () => {
  it('the early release names the day of the decision in court time, also for a detention before 08:00 Beijing time', async () => {
    at('2026-09-14T17:30:00Z'); // 15 September, 01:30 in the court
    const { id } = await t.call('coercion.detain', { caseId: caseA, partyId: debtorA, ground: 'refuse', act: '2026年9月14日夜间拒不到庭', days: 5, approvedById: presidentId }, 'admin');
    at('2026-09-15T02:00:00Z');
    await t.call('coercion.releaseEarly', { measureId: id, approvedById: presidentId, reason: '具结悔过' }, police);
    const m = (await t.call('coercion.measures', { caseId: caseA })).find((x) => x.id === id)!;
    const text = await pdfText(m.releaseDocumentId!);
    expect(text).toContain('于二〇二六年九月十五日决定对王秀兰拘留五日');
    expect(text).not.toContain('九月十四日');
  });
});
