import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, cnDate, foot, heading, model } from './common';
import { cnDays, coercionExtra, CPL_INTERP, personBlock, withChineseDates } from './coercionContent';
import { wording, type Template } from './types';

// 补办拘留批准手续记录: the president's after-approval of a detention made first in an emergency
// (民诉法解释 Art. 181: 紧急情况……可在拘留后，立即报告院长补办批准手续。院长认为拘留不当的，应当
// 解除拘留). The 拘留决定书 of such a detention says it was reported; this record, kept in the file,
// says what the president decided and when — approved, or found improper and the person released.
export const template: Template = {
  kind: '补办拘留批准手续记录',
  addressee: 'file',
  batchable: false,
  summary: '紧急情况先行拘留后，院长补办批准手续或者认为拘留不当予以解除的记录（附卷）',
  texts: {
    recital: {
      label: '先行拘留与报告',
      text: '本院在执行申请执行人{申请执行人}与被执行人{被执行人}{案由}一案中，因{被拘留人}{行为}，情况紧急，于{拘留日期}依照{民诉法解释}第一百八十一条的规定先行对其拘留{拘留天数}日，并于拘留后立即报告院长。',
    },
    approved: { label: '院长批准', text: '{批准人}于{批准日期}审查后，批准对{被拘留人}的拘留，补办批准手续。' },
    refused: { label: '院长认为拘留不当', text: '{批准人}于{批准日期}审查后，认为拘留不当：{理由}。依照{民诉法解释}第一百八十一条的规定，解除对{被拘留人}的拘留。' },
    opinion: { label: '院长意见', text: '院长意见：{理由}。' },
  },
  placeholders: {
    ...CASE_PLACEHOLDERS, 被拘留人: '被拘留人姓名', 行为: '妨害执行的行为', 拘留日期: '先行拘留的日期', 拘留天数: '决定拘留的天数', 批准人: '补办批准手续的院长（或授权的副院长）',
    批准日期: '院长作出决定的日期', 理由: '院长的意见（认为拘留不当的理由）', 民诉法解释: CPL_INTERP,
  },
  missing(c) {
    const x = coercionExtra(c);
    const out: string[] = [];
    if (!x.personName) out.push('未指明被拘留人');
    if (!x.approver) out.push('未记录补办批准手续的院长（民诉法解释第一百八十一条）');
    if (x.approved === undefined) out.push('未记录院长是否批准');
    if (x.approved === false && !x.reason) out.push('未记录院长认为拘留不当的理由');
    if (!x.fromOn || !x.days) out.push('未指明先行拘留的日期与天数');
    if (!x.act) out.push('未记录妨害执行的行为');
    return out;
  },
  build(c: CaseData): DocModel {
    const x = coercionExtra(c);
    const vars = {
      ...caseVars(c, c.debtors), 被拘留人: x.personName, 行为: withChineseDates(x.act ?? '').replace(/[。；;，,\s]+$/u, ''), 拘留日期: x.fromOn ? cnDate(x.fromOn) : '',
      拘留天数: cnDays(x.days), 批准人: x.approver ?? '', 批准日期: cnDate(c.issuedOn), 理由: (x.reason ?? '').replace(/[。；;，,\s]+$/u, ''), 民诉法解释: CPL_INTERP,
    };
    const w = (key: string) => wording(this, c, key, vars);
    const decision = x.approved ? [p(w('approved')), ...(x.reason ? [p(w('opinion'))] : [])] : [p(w('refused'))];
    const title = '补办拘留批准手续记录';
    return model(c, title, title, [...heading(c, title), ...personBlock(c, '被拘留人'), p(w('recital')), ...decision, ...foot(c)]);
  },
};
