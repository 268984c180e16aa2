import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, cnDate, foot, heading, model, partiesBlock } from './common';
import type { DeletionDecisionExtra } from './creditContent';
import { RULES_2017 } from './creditListing';
import { wording, type Template } from './types';

// 删除失信信息决定书 (失信规定 法释〔2017〕7号 Art. 10: delete within three working days of the ground;
// Art. 12 for a correction upheld). The rules name no signer for a deletion; it is signed like the
// listing it undoes, by the court president (Art. 5) [U].
export const template: Template = {
  kind: '删除失信信息决定书',
  addressee: 'debtor',
  summary: '删除失信被执行人名单信息的决定：删除事由及其依据条款，院长签发',
  batchable: false,
  texts: {
    recital: { label: '案件', text: '本院在执行申请执行人{申请执行人}与被执行人{被执行人}{案由}一案中，' },
    effect: { label: '生效', text: '本决定自作出之日起生效。' },
  },
  placeholders: { ...CASE_PLACEHOLDERS },
  missing(c) {
    return c.president ? [] : ['设置中未填写院长姓名：删除失信信息决定书由院长签发'];
  },
  build(c: CaseData): DocModel {
    const x = c.extra as unknown as DeletionDecisionExtra;
    const debtor = c.debtors.find((d) => d.id === x.partyId) ?? c.debtors[0]!;
    const w = (key: string) => wording(this, c, key, caseVars(c, [debtor]));
    return model(c, '删除失信信息决定书', '决定书', [
      ...heading(c, '决定书'),
      ...partiesBlock(c),
      p(`${w('recital')}本院于${cnDate(x.listedOn)}决定将被执行人${debtor.name}纳入失信被执行人名单。现${x.groundText.replace(/[。.]$/, '')}。`),
      p(`依照${RULES_2017}${x.article}之规定，决定如下：`),
      p(`删除被执行人${debtor.name}的失信被执行人名单信息。`),
      p(w('effect')),
      ...foot(c, `院长　${c.president}`),
    ]);
  },
};
