import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, foot, heading, model, money } from './common';
import { coercionExtra, extraMissing, personBlock, withChineseDates } from './coercionContent';
import { wording, type Template } from './types';

// 罚款决定书: 民诉法 Art. 118 para. 1 (an individual ≤ ¥100,000, an organisation ¥50,000–1,000,000),
// Art. 119 (president's approval; written decision; one review by the court above, which does not
// suspend it); the ground's own article (Arts. 114, 116, 117, 252; 解释 Arts. 187–189, 192);
// 解释 Art. 185 (review applied for within 3 days of receipt); 解释 Art. 193 (the amount reflects
// the conduct, its consequences, the local economy and the sum at stake).
export const template: Template = {
  kind: '罚款决定书',
  addressee: 'debtor',
  batchable: false,
  summary: '对妨害执行的个人或单位罚款（院长批准；写明事实、依据、金额与复议权利）',
  texts: {
    facts: { label: '查明的事实', text: '本院在执行申请执行人{申请执行人}与被执行人{被执行人}{案由}一案中，查明：{行为}。' },
    reasoning: { label: '本院认为', text: '本院认为，{被罚款人}的上述行为属于{事由}，妨害了执行活动的正常进行。依照{事由条文}、{金额条文}的规定，经本院院长批准，决定如下：' },
    order: { label: '决定', text: '对{被罚款人}罚款{罚款金额}。' },
    review: { label: '复议权利', text: '如不服本决定，可以在收到决定书之日起三日内，向上一级人民法院申请复议一次。复议期间，不停止本决定的执行。' },
  },
  placeholders: { ...CASE_PLACEHOLDERS, 行为: '妨害执行的行为（时间、地点、经过）', 被罚款人: '被罚款人姓名或名称', 事由: '法定事由', 事由条文: '事由所依据的法律条文', 金额条文: '罚款金额与批准所依据的条文', 罚款金额: '罚款金额及大写' },
  missing(c) {
    const out = extraMissing(c, true);
    const x = coercionExtra(c);
    if (!x.amountFen) out.push('未记录罚款金额');
    if (!x.act || !x.ground) out.push('未记录妨害执行的行为及其法定事由');
    return out;
  },
  build(c: CaseData): DocModel {
    const x = coercionExtra(c);
    const vars = { ...caseVars(c, c.debtors), 行为: withChineseDates(x.act ?? '').replace(/[。；;，,\s]+$/u, ''), 被罚款人: x.personName, 事由: x.ground ?? '', 事由条文: x.article ?? '', 金额条文: x.amountArticle ?? '', 罚款金额: `人民币${money(x.amountFen ?? 0)}` };
    const w = (key: string) => wording(this, c, key, vars);
    return model(c, '罚款决定书', '罚款决定书', [...heading(c, '罚款决定书'), ...personBlock(c, '被罚款人'), p(w('facts')), p(w('reasoning')), p(w('order')), p(w('review')), ...foot(c)]);
  },
};
