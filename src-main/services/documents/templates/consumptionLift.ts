import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, cnDate, foot, heading, model } from './common';
import { RULES_2015 } from './consumptionBan';
import type { LiftOrderExtra } from './creditContent';
import { wording, type Template } from './types';

// 解除限制消费令 (《最高人民法院关于限制被执行人高消费及有关消费的若干规定》法释〔2015〕17号 Art. 9):
// the court may lift on effective security or the applicant's consent, and must lift on full
// performance, announcing it within the scope the order was notified or published in (Art. 6). It
// answers the 限制消费令, which the president signs (Art. 5): so is the lifting.
export const template: Template = {
  kind: '解除限制消费令',
  addressee: 'debtor',
  summary: '解除限制消费的命令：原限制消费令、被限制人、解除事由（担保、申请执行人同意、履行完毕），院长签发',
  batchable: false,
  texts: {
    recital: { label: '案件', text: '本院在执行申请执行人{申请执行人}与被执行人{被执行人}{案由}一案中，' },
    scope: { label: '通知与公告范围', text: '本令在原限制消费令通知或者公告的范围内通知或者公告。' },
  },
  placeholders: { ...CASE_PLACEHOLDERS },
  missing(c) {
    return c.president ? [] : ['设置中未填写院长姓名：解除限制消费令由院长签发（限高规定第五条）'];
  },
  build(c: CaseData): DocModel {
    const x = c.extra as unknown as LiftOrderExtra;
    const w = (key: string) => wording(this, c, key, caseVars(c, c.debtors));
    const who = x.persons.join('、');
    return model(c, '解除限制消费令', '解除限制消费令', [
      ...heading(c, '解除限制消费令'),
      p(`被限制消费人：${who}。`, { indent: false }),
      p(`${w('recital')}本院于${cnDate(x.orderedOn)}发出限制消费令，对${who}采取限制消费措施。现${x.groundText.replace(/[。.]$/, '')}${x.note ? `（${x.note.replace(/[。.]$/, '')}）` : ''}。`),
      // Art. 9: full performance — the court must lift; security or consent — it may, and decides to.
      p(`依照${RULES_2015}第九条之规定，${x.must ? '' : '本院决定'}解除对${who}的限制消费措施。自本令作出之日起，${who}不再受原限制消费令的限制。`),
      p(w('scope')),
      ...foot(c, `院长　${c.president}`),
    ]);
  },
};
