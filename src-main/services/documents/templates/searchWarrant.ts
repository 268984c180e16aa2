import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, foot, heading, model } from './common';
import { coercionExtra, CPL, CPL_INTERP, extraMissing, personBlock, withChineseDates } from './coercionContent';
import { wording, type Template } from './types';

// 搜查令: 民诉法 Art. 259 (the debtor has not performed and hides property: the court issues a search
// warrant, signed by the president, for the debtor, his home or where the property is hidden);
// 民诉法解释 Art. 494 (hidden property or account books not handed over), Art. 495 (searchers show
// the warrant and their papers).
export const template: Template = {
  kind: '搜查令',
  addressee: 'debtor',
  batchable: false,
  summary: '被执行人不履行义务并隐匿财产、会计账簿等资料，拒不交出的，对其人身、住所或财产隐匿地搜查（院长签发）',
  texts: {
    recital: { label: '事由', text: '本院在执行申请执行人{申请执行人}与被执行人{被执行人}{案由}一案中，被执行人未按执行通知履行法律文书确定的义务，{搜查事由}，经责令仍拒不交出。' },
    basis: { label: '依据与命令', text: '依照{民诉法}第二百五十九条、{民诉法解释}第四百九十四条的规定，特发此令，对{被搜查人}及其住所或者财产隐匿地{搜查地点}进行搜查。' },
  },
  placeholders: { ...CASE_PLACEHOLDERS, 搜查事由: '隐匿财产、会计账簿等资料的情况', 被搜查人: '被搜查人', 搜查地点: '搜查地点', 民诉法: CPL, 民诉法解释: CPL_INTERP },
  missing(c) {
    const out = extraMissing(c, true);
    if (!c.president) out.push('设置中未填写院长姓名：搜查令由院长签发（民诉法第二百五十九条第二款）');
    if (!coercionExtra(c).place) out.push('未记录搜查地点');
    return out;
  },
  build(c: CaseData): DocModel {
    const x = coercionExtra(c);
    const vars = { ...caseVars(c, c.debtors), 搜查事由: withChineseDates(x.reason ?? '').replace(/[。；;，,\s]+$/u, ''), 被搜查人: x.personName, 搜查地点: x.place ?? '', 民诉法: CPL, 民诉法解释: CPL_INTERP };
    const w = (key: string) => wording(this, c, key, vars);
    return model(c, '搜查令', '搜查令', [...heading(c, '搜查令'), ...personBlock(c, '被搜查人'), p(w('recital')), p(w('basis')), ...foot(c, `院长　${c.president}`)]);
  },
};
