import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, cnDate, cnIndex, heading, model, money, officersMissing, partiesBlock, rulingFoot, titleMissing, titleRecital } from './common';
import { wording, type Template } from './types';

// 终本裁定书 (《最高人民法院关于严格规范终结本次执行程序的规定（试行）》, 2016): the five contents of Art. 6
// (the claim; the enforcement history and the measures taken; the property found; the amount
// recovered and unpaid; the applicant's right to resume and the debtor's continuing duty), how the
// case qualifies under Art. 1 (the measures actually taken, each with its date from the records, in
// Chinese numerals), and the basis of 民诉法解释 2022 Art. 517: the applicant's signed consent, or the
// 合议庭's review with the president's approval — the panel then signs the ruling. "经穷尽财产调查措施"
// is said only when the checklist shows the investigation exhausted (Art. 3).

export interface ZhongbenExtra {
  history: { onDate: string; text: string }[];
  property: { onDate: string | null; text: string }[];
  continuing: string[];
  recoveredFen: number;
  unpaidFen: number;
  /** The 终本 checklist shows Art. 3's measures done (online query, clues, on-site, search, audit/reward). */
  exhausted: boolean;
  basis: { kind: 'consent'; consentOn: string } | { kind: 'panel'; presiding: string; members: string[]; reviewedOn: string; approvedBy: string; approvedOn: string };
}

export const template: Template = {
  kind: '终本裁定书',
  addressee: 'applicant',
  summary: '终结本次执行程序裁定书：执行措施及其日期、财产情况、到位与未履行金额，申请执行人确认或合议庭审查，审判人员与书记员署名',
  batchable: false,
  texts: {
    recital: { label: '案件与执行依据', text: '本院在执行申请执行人{申请执行人}与被执行人{被执行人}{案由}一案中，{执行依据及判项}申请执行人于{立案日期}向本院申请执行，申请执行标的{申请执行标的}。' },
    measures: { label: '执行措施（导语）', text: '本案执行过程中，本院采取了以下执行措施：' },
    exhausted: { label: '穷尽财产调查', text: '经穷尽财产调查措施，未发现被执行人有其他可供执行的财产。' },
    notExhausted: { label: '财产调查结论', text: '经上述财产调查，未发现被执行人有其他可供执行的财产。' },
    consent: { label: '申请执行人确认', text: '本院已告知申请执行人本案执行情况、财产调查措施、被执行人的财产情况、终结本次执行程序的依据及法律后果，申请执行人于{确认日期}签字确认同意终结本次执行程序。' },
    panel: { label: '合议庭审查', text: '本院组成合议庭对本案进行了审查核实，合议庭于{审查日期}认为本案符合终结本次执行程序的条件，并经院长{院长}于{批准日期}批准。' },
    basis: { label: '依据', text: '依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条，《最高人民法院关于严格规范终结本次执行程序的规定（试行）》第一条、第六条之规定，裁定如下：' },
    rights: { label: '权利与义务', text: '终结本次执行程序后，申请执行人发现被执行人有可供执行财产的，可以向本院申请恢复执行，再次申请不受申请执行时效期间的限制。被执行人负有继续向申请执行人履行债务的义务。本院将在终结本次执行程序后五年内每六个月通过网络执行查控系统查询一次被执行人的财产，并将查询结果告知申请执行人。' },
    effect: { label: '生效', text: '本裁定送达后立即生效。' },
  },
  placeholders: { ...CASE_PLACEHOLDERS, 执行依据及判项: '执行依据的名称、生效日期及其确定的义务', 确认日期: '申请执行人签字确认的日期', 审查日期: '合议庭审查的日期', 院长: '批准的院长', 批准日期: '院长批准的日期' },
  missing(c) {
    const x = c.extra as unknown as ZhongbenExtra | undefined;
    const out = [...titleMissing(c), ...(x?.basis?.kind === 'panel' ? [] : officersMissing(c))];
    if (x?.basis?.kind === 'panel' && !c.officers.clerk) out.push(...officersMissing(c).filter((m) => m.includes('书记员')));
    if (!x?.basis) out.push('未登记申请执行人的书面确认或合议庭审查（民诉法解释第五百一十七条）');
    return out;
  },
  build(c: CaseData): DocModel {
    const x = c.extra as unknown as ZhongbenExtra;
    const b = x.basis;
    const vars = {
      ...caseVars(c, c.applicants),
      执行依据及判项: titleRecital(c),
      确认日期: b.kind === 'consent' ? cnDate(b.consentOn) : '',
      审查日期: b.kind === 'panel' ? cnDate(b.reviewedOn) : '',
      院长: b.kind === 'panel' ? b.approvedBy : '',
      批准日期: b.kind === 'panel' ? cnDate(b.approvedOn) : '',
    };
    const w = (key: string) => wording(this, c, key, vars);
    const history = x.history.map((h, i) => p(`${cnIndex(i)}、${cnDate(h.onDate)}，${h.text.replace(/[。；;]$/, '')}；`.replace(/；$/, i === x.history.length - 1 ? '。' : '；')));
    const property = x.property.map((f) => (f.onDate ? `${cnDate(f.onDate)}查询，${f.text}` : f.text)).join('；');
    return model(c, '终本裁定书', '执行裁定书', [
      ...heading(c, '执行裁定书'),
      ...partiesBlock(c),
      p(w('recital')),
      p(w('measures')),
      ...history,
      p(`财产调查情况：${property.replace(/[。；]$/, '')}。${w(x.exhausted ? 'exhausted' : 'notExhausted')}`),
      p(`执行到位情况：已执行到位${money(x.recoveredFen)}，尚有${money(x.unpaidFen)}未履行。${x.continuing.length ? `终结本次执行程序后，${x.continuing.join('；')}。` : ''}`),
      p(w(b.kind === 'consent' ? 'consent' : 'panel')),
      p(w('basis')),
      p(`终结本院${c.number}案件的本次执行程序。`),
      p(w('rights')),
      p(w('effect')),
      ...rulingFoot(c, b.kind === 'panel' ? { presiding: b.presiding, members: b.members } : undefined),
    ]);
  },
};
