import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, cnDate, foot, heading, model } from './common';
import { cnDays, coercionExtra, CPL, CPL_INTERP, extraMissing, personBlock, withChineseDates } from './coercionContent';
import { wording, type Template } from './types';

// 提前解除拘留决定书: 民诉法 Art. 118 para. 3 (a detained person who admits and corrects the error may
// be released early); 民诉法解释 Art. 182 (president's approval; a decision handed to the public
// security organs holding the person).
export const template: Template = {
  kind: '提前解除拘留决定书',
  addressee: 'debtor',
  batchable: false,
  summary: '被拘留人认错悔改的，提前解除拘留（院长批准，交看管的公安机关执行）',
  texts: {
    recital: { label: '事由', text: '本院在执行申请执行人{申请执行人}与被执行人{被执行人}{案由}一案中，于{拘留决定日期}决定对{被拘留人}拘留{拘留天数}日。拘留期间，{被拘留人}{悔改情况}。' },
    basis: { label: '依据与决定', text: '依照{民诉法}第一百一十八条第三款、{民诉法解释}第一百八十二条的规定，经本院院长批准，决定如下：' },
    order: { label: '决定', text: '提前解除对{被拘留人}的拘留。' },
    execute: { label: '执行', text: '本决定送交{看管机关}执行。' },
  },
  placeholders: { ...CASE_PLACEHOLDERS, 拘留决定日期: '拘留决定的日期', 被拘留人: '被拘留人姓名', 拘留天数: '决定拘留的天数', 悔改情况: '承认并改正错误的情况', 看管机关: '看管被拘留人的拘留所', 民诉法: CPL, 民诉法解释: CPL_INTERP },
  missing(c) {
    const out = extraMissing(c, true);
    const x = coercionExtra(c);
    if (!x.reason) out.push('未记录被拘留人认错悔改的情况');
    if (!x.decidedOn) out.push('未指明原拘留决定');
    return out;
  },
  build(c: CaseData): DocModel {
    const x = coercionExtra(c);
    const vars = {
      ...caseVars(c, c.debtors), 拘留决定日期: x.decidedOn ? cnDate(x.decidedOn) : '', 被拘留人: x.personName, 拘留天数: cnDays(x.days),
      悔改情况: withChineseDates(x.reason ?? '').replace(/[。；;，,\s]+$/u, ''), 看管机关: x.centre || '看管的公安机关', 民诉法: CPL, 民诉法解释: CPL_INTERP,
    };
    const w = (key: string) => wording(this, c, key, vars);
    return model(c, '提前解除拘留决定书', '提前解除拘留决定书', [...heading(c, '提前解除拘留决定书'), ...personBlock(c, '被拘留人'), p(w('recital')), p(w('basis')), p(w('order')), p(w('execute')), ...foot(c)]);
  },
};
