import type { CaseData, PartyData } from '../../src-main/services/documents/caseData';
import type { DocModel } from '../../src-main/services/documents/model';
import { TEMPLATES } from '../../src-main/services/documents/templates';
import type { AssistExtra, MeasureItem, RulingExtra } from '../../src-main/services/documents/templates/rulingContent';
import type { ZhongbenExtra } from '../../src-main/services/documents/templates/zhongbenRuling';
import type { ClosureNoticeExtra } from '../../src-main/services/documents/templates/closureNotice';
import type { QueryResultExtra } from '../../src-main/services/documents/templates/queryResult';

// Every template with the data a court would give it, as plain CaseData (no database): a person and
// an organisation, several applicants with their shares, joint debtors, a rare-character name, and
// each ruling's content. The rendering, fidelity and page tests read these.

export const PERSON: PartyData = { id: 11, kind: 'person', name: '王小𠮷', idNumber: '150523198001011234', creditCode: null, legalRep: null, legalRepTitle: null, sex: '男', birthDate: '1980-01-01', address: '开鲁县开鲁镇和平路1号', phone: '13800000000', shareFen: null, agentName: null, agentUnit: null, serviceAddress: '开鲁县开鲁镇和平路1号' };
export const ORG: PartyData = { id: 12, kind: 'org', name: '开鲁县某商贸有限公司', idNumber: null, creditCode: '91150523MA0N4B2K6Y', legalRep: '李四', legalRepTitle: '经理', sex: null, birthDate: null, address: '开鲁县工业园区东区8号', phone: null, shareFen: null, agentName: null, agentUnit: null, serviceAddress: '开鲁县工业园区东区8号' };
export const APPLICANT: PartyData = { id: 1, kind: 'person', name: '张三', idNumber: '150523198503171233', creditCode: null, legalRep: null, legalRepTitle: null, sex: '男', birthDate: '1985-03-17', address: '开鲁县东风镇', phone: '13900000000', shareFen: 12585700, agentName: '赵律师', agentUnit: '内蒙古某律师事务所律师', serviceAddress: '开鲁县东风镇幸福街3号' };

export function baseCase(over: Partial<CaseData> = {}): CaseData {
  return {
    caseId: 1,
    number: '（2026）内0523执12号',
    type: '执',
    filedOn: '2026-11-20',
    court: { name: '开鲁县人民法院', phone: '0475-6521234', address: '开鲁县开鲁镇' },
    courtAccount: { bank: '中国农业银行开鲁县支行', accountName: '开鲁县人民法院执行款专户', accountNumber: '05470101040009999' },
    account: { bank: '中国工商银行开鲁支行', accountName: '开鲁县人民法院', accountNumber: '0605012109300088001' },
    contact: { name: '刘洋', phone: '0475-6521234' },
    president: '赵国庆',
    officers: { judge: '张建军', clerk: '王静' },
    applicants: [APPLICANT],
    debtors: [ORG, PERSON],
    title: { court: '开鲁县人民法院', number: '（2026）内0523民初100号', effectiveOn: '2026-09-01', cause: '买卖合同纠纷', kind: '民事判决书', docName: '民事判决书', ordered: '被告开鲁县某商贸有限公司于本判决生效之日起十日内给付原告张三货款123456.00元及利息2345.00元；被告王小𠮷对上述债务承担连带清偿责任', joint: true },
    claim: { principalFen: 12345600, interestFen: 234500, costsFen: 5600, claimFen: 12585700 },
    feeFen: 176800,
    interview: { contactConfirmed: true, serviceAddress: '开鲁县东风镇幸福街3号', payoutBank: '农行', payoutAccountName: '张三', payoutAccount: '6228480000000000000', propertyClues: '被执行人有车辆一台', requests: ['限制消费'], notes: null, recordedAt: '2026-11-20T02:00:00Z', recordedBy: '赵丽' },
    notice: { servedOn: '2026-11-23', dueOn: '2026-11-26' },
    issuedOn: '2026-12-01',
    performanceDays: 3,
    propertyReportDays: 5,
    consumptionOrderTiming: 'afterNoticePeriod',
    ...over,
  };
}

const FREEZE: MeasureItem = { action: 'freeze', assetType: 'deposit', institution: '中国农业银行开鲁县支行', identifier: '6228480000001234567', debtor: '开鲁县某商贸有限公司', debtorCode: '91150523MA0N4B2K6Y', amountFen: 12762500, startOn: '2026-12-01', expiresOn: '2027-11-30', years: 1 };
const SEIZE: MeasureItem = { action: 'seize', assetType: 'realEstate', institution: '开鲁县不动产登记中心', identifier: '蒙（2020）开鲁县不动产权第0001234号', debtor: '王小𠮷', debtorCode: '150523198001011234', amountFen: 12762500, startOn: '2026-12-01', expiresOn: '2029-11-30', years: 3 };
const DEDUCT: MeasureItem = { ...FREEZE, action: 'deduct', amountFen: 5000000, expiresOn: null, years: null };
const ORIGIN = { number: '（2026）内0523执12号之一', issuedOn: '2026-12-01' };

/** Each variant: a name, the template kind and the data (ruling content in `extra`). */
export function templateVariants(): { name: string; kind: string; data: CaseData }[] {
  const out: { name: string; kind: string; data: CaseData }[] = [];
  const add = (name: string, kind: string, data: CaseData) => out.push({ name, kind, data });
  for (const t of TEMPLATES.values()) {
    if (t.batchable === false) continue;
    add(`${t.kind}-组织与自然人`, t.kind, baseCase(t.perRecipient ? { recipientId: PERSON.id, extra: { documents: ['执行通知书', '报告财产令', '限制消费令'] } } : {}));
    add(`${t.kind}-一名自然人`, t.kind, baseCase({ debtors: [PERSON], title: { ...baseCase().title, joint: false, ordered: '被告王小𠮷于本判决生效之日起十日内给付原告张三借款123456.00元' }, ...(t.perRecipient ? { recipientId: PERSON.id, extra: { documents: ['执行通知书', '报告财产令'] } } : {}) }));
  }
  add('执行通知书-两名申请执行人', '执行通知书', baseCase({ applicants: [{ ...APPLICANT, shareFen: 8000000 }, { ...APPLICANT, id: 2, name: '李明', shareFen: 4585700, agentName: null, agentUnit: null }] }));
  add('送达回证-申请执行人', '送达回证', baseCase({ recipientId: APPLICANT.id, extra: { documents: ['执行案件受理通知书', '执行风险告知书'] } }));
  add('限制消费令-与通知同发', '限制消费令', baseCase({ consumptionOrderTiming: 'withNotice', notice: null }));
  const ruling = (name: string, extra: RulingExtra, number = '（2026）内0523执12号之一') => add(name, '执行裁定书', baseCase({ extra: extra as unknown as Record<string, unknown>, printedNumber: number }));
  ruling('执行裁定书-冻结查封', { ruling: 'measures', purpose: 'apply', measures: [FREEZE, SEIZE] });
  ruling('执行裁定书-扣划', { ruling: 'measures', purpose: 'apply', measures: [DEDUCT] }, '（2026）内0523执12号之二');
  ruling('执行裁定书-续行', { ruling: 'measures', purpose: 'renew', measures: [{ ...FREEZE, startOn: '2027-11-30', expiresOn: '2028-11-29', origin: ORIGIN }] }, '（2026）内0523执12号之三');
  ruling('执行裁定书-解除', { ruling: 'measures', purpose: 'release', measures: [{ ...SEIZE, origin: ORIGIN }], releaseItem: 4, releaseReason: '被执行人已全部履行生效法律文书确定的义务' }, '（2026）内0523执12号之四');
  ruling('执行裁定书-终结执行', { ruling: 'termination', ground: '申请执行人撤回执行申请', groundItem: 1, recoveredFen: 300000 }, '（2026）内0523执12号');
  ruling('执行裁定书-驳回申请', { ruling: 'rejection', ground: '申请执行的法律文书尚未生效' }, '（2026）内0523执12号');
  const assist = (name: string, x: AssistExtra) => add(name, '协助执行通知书', baseCase({ extra: x as unknown as Record<string, unknown>, printedNumber: x.ruling.number }));
  assist('协助执行通知书-冻结', { purpose: 'apply', institution: FREEZE.institution, measures: [FREEZE], ruling: ORIGIN });
  assist('协助执行通知书-扣划', { purpose: 'apply', institution: DEDUCT.institution, measures: [DEDUCT], ruling: { number: '（2026）内0523执12号之二', issuedOn: '2026-12-01' } });
  assist('协助执行通知书-解除查封', { purpose: 'release', institution: SEIZE.institution, measures: [{ ...SEIZE, origin: ORIGIN }], ruling: { number: '（2026）内0523执12号之四', issuedOn: '2026-12-01' } });
  const zb = (basis: ZhongbenExtra['basis']): ZhongbenExtra => ({
    history: [
      { onDate: '2026-11-23', text: '向被执行人送达执行通知书' },
      { onDate: '2026-11-23', text: '向被执行人送达报告财产令' },
      { onDate: '2026-11-27', text: '通过网络执行查控系统查询被执行人的存款、车辆、不动产、证券等财产（第一次）' },
      { onDate: '2026-12-01', text: '冻结被执行人财产30.00元' },
    ],
    property: [{ onDate: '2026-11-27', text: '未发现可供执行的财产' }],
    continuing: ['限制消费令继续有效'],
    recoveredFen: 3000,
    unpaidFen: 12582700,
    exhausted: true,
    basis,
  });
  add('终本裁定书-申请执行人确认', '终本裁定书', baseCase({ issuedOn: '2027-03-01', extra: zb({ kind: 'consent', consentOn: '2027-02-25' }) as unknown as Record<string, unknown> }));
  add('终本裁定书-合议庭', '终本裁定书', baseCase({ issuedOn: '2027-03-01', extra: zb({ kind: 'panel', presiding: '王志刚', members: ['张建军', '李晓东'], reviewedOn: '2027-02-26', approvedBy: '赵国庆', approvedOn: '2027-02-27' }) as unknown as Record<string, unknown> }));
  const closure: ClosureNoticeExtra = { mode: '执行完毕', closedOn: '2027-01-15', claimFen: 12585700, recoveredFen: 12585700, unpaidFen: 0, ground: null, rulingNumber: null, settlement: false, basis: '《最高人民法院关于执行案件立案、结案若干问题的意见》第十五条' };
  add('结案通知书-申请执行人', '结案通知书', baseCase({ recipientId: APPLICANT.id, extra: closure as unknown as Record<string, unknown> }));
  add('结案通知书-被执行人', '结案通知书', baseCase({ recipientId: ORG.id, extra: closure as unknown as Record<string, unknown> }));
  const q = (nothingFound: boolean): QueryResultExtra => ({ round: 2, requestedOn: '2027-09-01', closedOn: '2027-03-01', nothingFound, findings: nothingFound ? [] : ['中国农业银行开鲁县支行账户存款5000.00元'] });
  add('查询结果告知书-未发现', '查询结果告知书', baseCase({ extra: q(true) as unknown as Record<string, unknown> }));
  add('查询结果告知书-发现财产', '查询结果告知书', baseCase({ extra: q(false) as unknown as Record<string, unknown> }));
  // Compulsory measures (desks.md §2): the content the coercion domain passes.
  const person = { personName: PERSON.name, personKind: 'individual', partyId: PERSON.id, approver: '赵国庆' };
  const grounds = { ground: '拒不履行人民法院已经发生法律效力的判决、裁定', article: '《中华人民共和国民事诉讼法》第一百一十四条第一款第六项、《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第一百八十八条', amountArticle: '《中华人民共和国民事诉讼法》第一百一十八条、第一百一十九条' };
  add('拘传票-被执行人', '拘传票', baseCase({ extra: { ...person, place: '开鲁县人民法院执行局询问室', summonsServedOn: '2026-11-25', purpose: '经两次传唤拒不到场接受调查询问' } }));
  add('拘传票-单位负责人', '拘传票', baseCase({ extra: { personName: '李四', personKind: 'individual', approver: '赵国庆', place: '开鲁县人民法院', summonsServedOn: '2026-11-25', purpose: '被执行人单位法定代表人拒不到场' } }));
  add('罚款决定书-个人', '罚款决定书', baseCase({ extra: { ...person, ...grounds, act: '被执行人王小𠮷有能力履行而拒不履行，于2026年11月28日将名下车辆低价转让他人', amountFen: 5_000_000 } }));
  add('罚款决定书-单位', '罚款决定书', baseCase({ extra: { personName: ORG.name, personKind: 'organisation', partyId: ORG.id, approver: '赵国庆', ...grounds, act: '被执行人拒绝报告财产情况', amountFen: 10_000_000 } }));
  add('拘留决定书', '拘留决定书', baseCase({ extra: { ...person, ...grounds, act: '被执行人王小𠮷有能力履行而拒不履行', days: 15, fromOn: '2026-12-01', endsOn: '2026-12-15' } }));
  // Detained first in an emergency (民诉法解释 Art. 181): no approval yet; the president's after-approval is its own record.
  const { approver: _none, ...unapproved } = person;
  const emergency = { ...unapproved, ...grounds, act: '2026年12月1日在执行现场以暴力抗拒执行公务', days: 10, fromOn: '2026-12-01', endsOn: '2026-12-10', emergency: true };
  add('拘留决定书-紧急情况', '拘留决定书', baseCase({ extra: emergency }));
  add('补办拘留批准手续记录-批准', '补办拘留批准手续记录', baseCase({ issuedOn: '2026-12-01', extra: { ...emergency, approver: '赵国庆', approved: true } }));
  add('补办拘留批准手续记录-不予批准', '补办拘留批准手续记录', baseCase({ issuedOn: '2026-12-02', extra: { ...emergency, approver: '赵国庆', approved: false, reason: '现场秩序已经恢复，不属必须立即拘留的紧急情况' } }));
  add('提前解除拘留决定书', '提前解除拘留决定书', baseCase({ extra: { ...person, decidedOn: '2026-12-01', days: 15, reason: '具结悔过，并已履行部分款项', centre: '开鲁县拘留所' } }));
  add('搜查令', '搜查令', baseCase({ extra: { ...person, place: '开鲁县开鲁镇和平路1号住所及其经营场所', reason: '隐匿会计账簿及现金，经责令拒不交出' } }));
  add('搜查笔录', '搜查笔录', baseCase({ extra: { personName: '王秀兰', personKind: 'individual', place: '开鲁县开鲁镇和平路1号', startedAt: '2026-12-01T01:30:00Z', attendees: ['王秀兰', '其子王强', '社区居委会主任刘芳'], officers: ['李警官', '张警官'], bodySearch: { personGender: 'female', searchedBy: '张警官' }, items: '在卧室衣柜内发现现金20000元，已依法扣押', refusedToSign: '' } }));
  add('案件移送函', '案件移送函', baseCase({ extra: { personName: ORG.name, personKind: 'organisation', police: '开鲁县公安局', facts: '被执行人经罚款后仍有能力履行而拒不履行，转移财产致使判决无法执行。', evidence: ['营业执照及法定代表人身份证明', '生效判决书及执行通知书送达回证', '银行流水（履行能力）', '罚款决定书'] } }));
  return out;
}

export function everyTemplateModel(): DocModel[] {
  return templateVariants().map((v) => TEMPLATES.get(v.kind as never)!.build(v.data));
}
