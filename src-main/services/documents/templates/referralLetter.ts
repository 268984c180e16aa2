import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, cnIndex, foot, heading, model, titleName } from './common';
import { coercionExtra, withChineseDates } from './coercionContent';
import { wording, type Template } from './types';

// 案件移送函 for the crime of refusing to enforce: 刑法 Art. 313; 法释〔2024〕13号 (Art. 3: "serious"
// cases); the referral with an account of enforcement and the evidence of identity, duty, ability
// to pay, refusal and consequences, and the police's answer within 7 days (30 when complex) —
// 法发〔2025〕8号 [P] (desks.md §2).
export const template: Template = {
  kind: '案件移送函',
  addressee: 'third',
  batchable: false,
  summary: '被执行人涉嫌拒不执行判决、裁定罪，移送公安机关立案侦查（附执行情况说明及证据材料清单）',
  texts: {
    body: {
      label: '移送事由',
      text: '本院在执行申请执行人{申请执行人}与被执行人{被执行人}{案由}一案中，{执行依据}已经发生法律效力。{被移送人}对该判决、裁定有能力执行而拒不执行，情节严重，涉嫌拒不执行判决、裁定罪。依照《中华人民共和国刑法》第三百一十三条、《最高人民法院、最高人民检察院关于办理拒不执行判决、裁定刑事案件适用法律若干问题的解释》的规定，现将该案移送你局，请依法立案侦查，并将是否立案的决定书面告知本院。',
    },
  },
  placeholders: { ...CASE_PLACEHOLDERS, 被移送人: '涉嫌拒不执行判决、裁定罪的人' },
  missing(c) {
    const x = c.extra as { police?: string; evidence?: string[]; facts?: string } | undefined;
    const out: string[] = [];
    if (!x?.police) out.push('未指明接受移送的公安机关');
    if (!x?.facts) out.push('未填写执行情况说明');
    if (!x?.evidence?.length) out.push('未列明证据材料');
    return out;
  },
  build(c: CaseData): DocModel {
    const x = coercionExtra(c);
    const vars = { ...caseVars(c, c.debtors), 执行依据: titleName(c), 被移送人: x.personName };
    const w = (key: string) => wording(this, c, key, vars);
    return model(c, '案件移送函', '案件移送函', [
      ...heading(c, '案件移送函'),
      p(`${x.police ?? ''}：`, { indent: false }),
      p(w('body')),
      p('附件一：执行情况说明', { indent: false }),
      p(withChineseDates((x.facts ?? '').trim())),
      p('附件二：证据材料清单', { indent: false }),
      ...(x.evidence ?? []).map((e, i) => p(`${cnIndex(i)}、${e}`)),
      ...foot(c),
    ]);
  },
};
