import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, cnDate, foot, heading, model } from './common';
import { cnDays, coercionExtra, CPL_INTERP, extraMissing, personBlock, withChineseDates } from './coercionContent';
import { wording, type Template } from './types';

// 拘留决定书: 民诉法 Art. 118 paras. 2–3 (15 days at most; held by the public security organs; early
// release on repentance), Art. 119 (president's approval; written decision; one review by the court
// above, which does not suspend it); 解释 Art. 178 (delivered by the judicial police to the local
// public security organs); 解释 Art. 185 (review within 3 days of receipt).
// In an emergency (解释 Art. 181: 哄闹、冲击法庭，用暴力、威胁等方法抗拒执行公务等紧急情况，必须立即采取
// 拘留措施的，可在拘留后，立即报告院长补办批准手续) the decision is made before any approval exists: it
// says so and cites Art. 181 instead of 经本院院长批准; the president's after-approval is its own
// record (补办拘留批准手续记录, made when he decides).
export const template: Template = {
  kind: '拘留决定书',
  addressee: 'debtor',
  batchable: false,
  summary: '对妨害执行的人拘留（院长批准，十五日以下；紧急情况先行拘留的，写明报告院长补办批准手续；写明事实、依据、期限与复议权利）',
  texts: {
    facts: { label: '查明的事实', text: '本院在执行申请执行人{申请执行人}与被执行人{被执行人}{案由}一案中，查明：{行为}。' },
    reasoning: { label: '本院认为', text: '本院认为，{被拘留人}的上述行为属于{事由}，妨害了执行活动的正常进行。依照{事由条文}、{期限条文}的规定，经本院院长批准，决定如下：' },
    reasoningEmergency: {
      label: '本院认为（紧急情况先行拘留）',
      text: '本院认为，{被拘留人}的上述行为属于{事由}，妨害了执行活动的正常进行，情况紧急，必须立即采取拘留措施。依照{事由条文}、{期限条文}和{民诉法解释}第一百八十一条的规定，决定如下：',
    },
    order: { label: '决定', text: '对{被拘留人}拘留{拘留天数}日（自{起始日期}起至{届满日期}止），由本院司法警察送交公安机关看管。' },
    emergencyReport: { label: '报告院长（紧急情况先行拘留）', text: '本决定系因紧急情况在拘留后作出，本院已立即报告院长补办批准手续；院长认为拘留不当的，应当解除拘留。' },
    review: { label: '复议权利', text: '如不服本决定，可以在收到决定书之日起三日内，向上一级人民法院申请复议一次。复议期间，不停止本决定的执行。' },
  },
  placeholders: {
    ...CASE_PLACEHOLDERS, 行为: '妨害执行的行为（时间、地点、经过）', 被拘留人: '被拘留人姓名', 事由: '法定事由', 事由条文: '事由所依据的法律条文', 期限条文: '拘留期限与批准所依据的条文', 拘留天数: '拘留天数（中文数字）', 起始日期: '拘留起始日期', 届满日期: '拘留届满日期',
    民诉法解释: CPL_INTERP,
  },
  missing(c) {
    // An emergency detention has no approval yet (解释 Art. 181): only the ordinary one needs it.
    const out = extraMissing(c, !coercionExtra(c).emergency);
    const x = coercionExtra(c);
    if (!x.days || !x.fromOn || !x.endsOn) out.push('未记录拘留期限');
    if (!x.act || !x.ground) out.push('未记录妨害执行的行为及其法定事由');
    return out;
  },
  build(c: CaseData): DocModel {
    const x = coercionExtra(c);
    const vars = {
      ...caseVars(c, c.debtors), 行为: withChineseDates(x.act ?? '').replace(/[。；;，,\s]+$/u, ''), 被拘留人: x.personName, 事由: x.ground ?? '', 事由条文: x.article ?? '', 期限条文: x.amountArticle ?? '',
      拘留天数: cnDays(x.days), 起始日期: x.fromOn ? cnDate(x.fromOn) : '', 届满日期: x.endsOn ? cnDate(x.endsOn) : '', 民诉法解释: CPL_INTERP,
    };
    const w = (key: string) => wording(this, c, key, vars);
    const body = x.emergency ? [p(w('facts')), p(w('reasoningEmergency')), p(w('order')), p(w('emergencyReport'))] : [p(w('facts')), p(w('reasoning')), p(w('order'))];
    return model(c, '拘留决定书', '拘留决定书', [...heading(c, '拘留决定书'), ...personBlock(c, '被拘留人'), ...body, p(w('review')), ...foot(c)]);
  },
};
