import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, cnDate, foot, heading, model, partiesBlock, titleMissing, titleRecital } from './common';
import type { ListingDecisionExtra } from './creditContent';
import { wording, type Template } from './types';

// 纳入失信被执行人名单决定书 (《最高人民法院关于公布失信被执行人名单信息的若干规定》法释〔2017〕7号):
// the ground of Art. 1 with the facts, the term of Art. 2 (none for ground (1); two years, or
// extended by one to three years, for grounds (2)–(6)), signed by the court president and effective
// when made (Art. 5), and the debtor's right to ask for correction (Art. 11). Legal basis: 民事诉讼法
// (2023) Art. 266 (recording in the credit system and publishing the failure to perform).
export const RULES_2017 = '《最高人民法院关于公布失信被执行人名单信息的若干规定》';

export const template: Template = {
  kind: '纳入失信名单决定书',
  addressee: 'debtor',
  summary: '将被执行人纳入失信被执行人名单的决定：失信情形、纳入期限，院长签发，自作出之日起生效',
  batchable: false,
  texts: {
    recital: { label: '案件与执行依据', text: '本院在执行申请执行人{申请执行人}与被执行人{被执行人}{案由}一案中，{执行依据及判项}' },
    effect: { label: '生效与纠正', text: '本决定自作出之日起生效。被执行人认为将其纳入失信被执行人名单错误的，可以向本院申请纠正。' },
  },
  placeholders: { ...CASE_PLACEHOLDERS, 执行依据及判项: '执行依据的名称、生效日期及其确定的义务' },
  missing(c) {
    const out = titleMissing(c);
    if (!c.president) out.push('设置中未填写院长姓名：纳入失信名单决定书由院长签发（失信规定第五条）');
    return out;
  },
  build(c: CaseData): DocModel {
    const x = c.extra as unknown as ListingDecisionExtra;
    const debtor = c.debtors.find((d) => d.id === x.partyId) ?? c.debtors[0]!;
    const w = (key: string) => wording(this, c, key, { ...caseVars(c, [debtor]), 执行依据及判项: titleRecital(c) });
    const item = `第一条第（${'一二三四五六'[x.ground - 1]}）项`;
    const term = x.termYears ? `，纳入期限为${'一二三四五'[x.termYears - 1]}年（自${cnDate(x.decidedOn)}起至${cnDate(x.termEndsOn!)}止）` : '';
    const basis = `依照《中华人民共和国民事诉讼法》第二百六十六条，${RULES_2017}${item}${x.termYears ? '、第二条' : ''}、第五条之规定，决定如下：`;
    return model(c, '纳入失信名单决定书', '决定书', [
      ...heading(c, '决定书'),
      ...partiesBlock(c),
      p(w('recital')),
      // Art. 1 opening words: the debtor has not performed the duty the title fixes, and one of the six situations applies.
      p(`被执行人${debtor.name}未履行生效法律文书确定的义务，${x.facts.replace(/[。.]$/, '')}。本院认为，被执行人${debtor.name}${x.groundText}。${x.extensionReason ? `因${x.extensionReason.replace(/[。.]$/, '')}，纳入期限依法延长。` : ''}`),
      p(basis),
      p(`将被执行人${debtor.name}纳入失信被执行人名单${term}。`),
      p(w('effect')),
      ...foot(c, `院长　${c.president}`),
    ]);
  },
};
