import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, cnDate, foot, heading, model } from './common';
import { cnDays, coercionExtra, extraMissing, personBlock, withChineseDates } from './coercionContent';
import { wording, type Template } from './types';

// 拘留决定书: 民诉法 Art. 118 paras. 2–3 (15 days at most; held by the public security organs; early
// release on repentance), Art. 119 (president's approval; written decision; one review by the court
// above, which does not suspend it); 解释 Art. 178 (delivered by the judicial police to the local
// public security organs); 解释 Art. 185 (review within 3 days of receipt).
export const template: Template = {
  kind: '拘留决定书',
  addressee: 'debtor',
  batchable: false,
  summary: '对妨害执行的人拘留（院长批准，十五日以下；写明事实、依据、期限与复议权利）',
  texts: {
    facts: { label: '查明的事实', text: '本院在执行申请执行人{申请执行人}与被执行人{被执行人}{案由}一案中，查明：{行为}。' },
    reasoning: { label: '本院认为', text: '本院认为，{被拘留人}的上述行为属于{事由}，妨害了执行活动的正常进行。依照{事由条文}、{期限条文}的规定，经本院院长批准，决定如下：' },
    order: { label: '决定', text: '对{被拘留人}拘留{拘留天数}日（自{起始日期}起至{届满日期}止），由本院司法警察送交公安机关看管。' },
    review: { label: '复议权利', text: '如不服本决定，可以在收到决定书之日起三日内，向上一级人民法院申请复议一次。复议期间，不停止本决定的执行。' },
  },
  placeholders: { ...CASE_PLACEHOLDERS, 行为: '妨害执行的行为（时间、地点、经过）', 被拘留人: '被拘留人姓名', 事由: '法定事由', 事由条文: '事由所依据的法律条文', 期限条文: '拘留期限与批准所依据的条文', 拘留天数: '拘留天数（中文数字）', 起始日期: '拘留起始日期', 届满日期: '拘留届满日期' },
  missing(c) {
    const out = extraMissing(c, true);
    const x = coercionExtra(c);
    if (!x.days || !x.fromOn || !x.endsOn) out.push('未记录拘留期限');
    if (!x.act || !x.ground) out.push('未记录妨害执行的行为及其法定事由');
    return out;
  },
  build(c: CaseData): DocModel {
    const x = coercionExtra(c);
    const vars = {
      ...caseVars(c, c.debtors), 行为: withChineseDates(x.act ?? '').replace(/[。；;，,\s]+$/u, ''), 被拘留人: x.personName, 事由: x.ground ?? '', 事由条文: x.article ?? '', 期限条文: x.amountArticle ?? '',
      拘留天数: cnDays(x.days), 起始日期: x.fromOn ? cnDate(x.fromOn) : '', 届满日期: x.endsOn ? cnDate(x.endsOn) : '',
    };
    const w = (key: string) => wording(this, c, key, vars);
    return model(c, '拘留决定书', '拘留决定书', [...heading(c, '拘留决定书'), ...personBlock(c, '被拘留人'), p(w('facts')), p(w('reasoning')), p(w('order')), p(w('review')), ...foot(c)]);
  },
};
