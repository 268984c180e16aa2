import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, cnDate, foot, heading, model } from './common';
import { coercionExtra, CPL, CPL_INTERP, extraMissing, personBlock } from './coercionContent';
import { wording, type Template } from './types';

// 拘传票: 民诉法 Art. 119 (president's approval; 拘传应当发拘传票); 民诉法解释 Art. 175 (served
// directly on the person) and Art. 482 (a debtor, its legal representative, head or actual
// controller who was lawfully summoned and refused without good reason; questioning ≤ 8 h, ≤ 24 h
// when complex).
export const template: Template = {
  kind: '拘传票',
  addressee: 'debtor',
  batchable: false,
  summary: '经依法传唤无正当理由拒不到场的，拘传其到场接受调查询问（院长批准，直接送达被拘传人）',
  texts: {
    recital: {
      label: '事由',
      text: '本院在执行申请执行人{申请执行人}与被执行人{被执行人}{案由}一案中，于{传票送达日期}依法传唤{被拘传人}到本院接受调查询问，{被拘传人}无正当理由拒不到场。',
    },
    basis: {
      label: '依据与决定',
      text: '依照{民诉法}第一百一十九条、{民诉法解释}第一百七十五条、第四百八十二条的规定，经本院院长批准，决定对{被拘传人}予以拘传。',
    },
    time: { label: '询问时限', text: '调查询问的时间不得超过八小时；情况复杂，依法可能采取拘留措施的，不得超过二十四小时。' },
  },
  placeholders: { ...CASE_PLACEHOLDERS, 传票送达日期: '传票送达日期', 被拘传人: '被拘传人姓名或名称', 民诉法: CPL, 民诉法解释: CPL_INTERP },
  missing(c) {
    const out = extraMissing(c, true);
    if (!coercionExtra(c).summonsServedOn) out.push('未记录传票送达日期：拘传须以依法传唤后拒不到场为前提（民诉法解释第四百八十二条）');
    return out;
  },
  build(c: CaseData): DocModel {
    const x = coercionExtra(c);
    const vars = { ...caseVars(c, c.debtors), 传票送达日期: x.summonsServedOn ? cnDate(x.summonsServedOn) : '', 被拘传人: x.personName, 民诉法: CPL, 民诉法解释: CPL_INTERP };
    const w = (key: string) => wording(this, c, key, vars);
    return model(c, '拘传票', '拘传票', [
      ...heading(c, '拘传票'),
      ...personBlock(c, '被拘传人'),
      p(w('recital')),
      p(w('basis')),
      p(`拘传事由：${x.purpose ?? ''}`),
      p(`应到处所：${x.place ?? ''}`),
      p(w('time')),
      ...foot(c),
    ]);
  },
};
