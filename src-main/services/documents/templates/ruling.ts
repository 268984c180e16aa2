import type { CaseData } from '../caseData';
import { p, type Block, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, cnIndex, heading, model, money, officersMissing, partiesBlock, rulingFoot, titleMissing, titleRecital } from './common';
import { measureOrder, type MeasuresRuling, type RejectionRuling, type RulingExtra, type TerminationRuling } from './rulingContent';
import { wording, type Template } from './types';

// 执行裁定书 in the form of a ruling (民诉法 2023 Art. 157 and the courts' document style): court,
// document type and number (之一, 之二 … for a case's process rulings), the parties block, the
// recital of the title (issuing court, number and type, date, what it ordered), facts and reasons,
// the legal basis, the holding, the statement of effect, then the judge, the date, the seal and the
// clerk. Three kinds of content (rulingContent.ts):
// - measures: freeze and seizure — 民诉法 Arts. 253, 255; 查封规定 Art. 1 (a ruling, served on both
//   parties), Art. 19 (limited to the claim and the execution fees); 解释 Art. 485 (the terms);
//   deduction — 民诉法 Art. 253 (划拨), 解释 Art. 484 (a deduction ruling freezes as it deducts);
//   renewal — 解释 Art. 485 paras. 2–3; release — 查封规定 Art. 28 para. 1, with its item;
// - termination (终结执行) — 民诉法 Art. 268 with its item, effect on service Art. 269;
// - rejection of the application — 《最高人民法院关于执行案件立案、结案若干问题的意见》Art. 20.
const RELEASE_ITEMS = ['查封、扣押、冻结案外人财产', '申请执行人撤回执行申请或者放弃债权', '查封、扣押、冻结的财产流拍或者变卖不成，申请执行人和其他执行债权人又不同意接受抵债，且对该财产又无法采取其他执行措施', '债务已经清偿', '被执行人提供担保且申请执行人同意解除查封、扣押、冻结', '人民法院认为应当解除查封、扣押、冻结的其他情形'];

function basisOf(x: MeasuresRuling): string {
  if (x.purpose === 'release') {
    const item = x.releaseItem && x.releaseItem >= 1 && x.releaseItem <= 6 ? `第一款第（${cnIndex(x.releaseItem - 1)}）项` : '第一款';
    return `依照《最高人民法院关于人民法院民事执行中查封、扣押、冻结财产的规定》第二十八条${item}之规定，裁定如下：`;
  }
  if (x.purpose === 'renew') return '依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第四百八十五条之规定，裁定如下：';
  const actions = new Set(x.measures.map((m) => m.action));
  const law: string[] = ['第二百五十三条'];
  if (actions.has('seize')) law.push('第二百五十五条');
  const parts = [`《中华人民共和国民事诉讼法》${law.join('、')}`];
  const interp: string[] = [];
  if (actions.has('deduct')) interp.push('第四百八十四条');
  if (actions.has('freeze') || actions.has('seize')) interp.push('第四百八十五条');
  parts.push(`《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》${interp.join('、')}`);
  if (actions.has('freeze') || actions.has('seize')) parts.push('《最高人民法院关于人民法院民事执行中查封、扣押、冻结财产的规定》第一条、第十九条');
  return `依照${parts.join('，')}之规定，裁定如下：`;
}

export const template: Template = {
  kind: '执行裁定书',
  addressee: 'debtor',
  summary: '执行裁定书（冻结、查封、扣划及其续行、解除；终结执行；驳回申请）：当事人、执行依据、事实理由、裁定主文，审判员与书记员署名',
  batchable: false,
  texts: {
    recital: { label: '案件与执行依据', text: '本院在执行申请执行人{申请执行人}与被执行人{被执行人}{案由}一案中，{执行依据及判项}' },
    unpaid: { label: '未履行情况（控制措施）', text: '因被执行人未按执行通知履行法律文书确定的义务，申请执行标的{申请执行标的}及申请执行费{执行费}尚未履行。本院查封、冻结被执行人的财产，以足以清偿上述债权额及执行费用为限。' },
    renew: { label: '续行理由', text: '本院此前采取的下列控制措施期限即将届满，为保障申请执行人的权益，依法续行。' },
    effectMeasures: { label: '生效（控制措施）', text: '本裁定立即执行。' },
    effectTermination: { label: '生效（终结、驳回）', text: '本裁定送达后立即生效。' },
  },
  placeholders: { ...CASE_PLACEHOLDERS, 执行依据及判项: '执行依据的名称、生效日期及其确定的义务' },
  missing: (c) => [...titleMissing(c), ...officersMissing(c)],
  build(c: CaseData): DocModel {
    const x = c.extra as unknown as RulingExtra;
    const vars = { ...caseVars(c, c.debtors), 执行依据及判项: titleRecital(c) };
    const w = (key: string) => wording(this, c, key, vars);
    const body: Block[] = [p(w('recital'))];
    let basis: string;
    let holdings: string[];
    let effect = w('effectTermination');
    if (x.ruling === 'measures') {
      if (x.purpose === 'apply') body.push(p(w('unpaid')));
      else if (x.purpose === 'renew') body.push(p(w('renew')));
      else body.push(p(`${x.releaseReason ? `${x.releaseReason.replace(/[。.]$/, '')}。` : ''}本院认为，本案属于“${RELEASE_ITEMS[(x.releaseItem ?? 6) - 1]}”的情形，对下列措施应予解除。`));
      basis = basisOf(x);
      holdings = x.measures.map((m) => measureOrder(m, x.purpose));
      effect = w('effectMeasures');
    } else if (x.ruling === 'termination') {
      const t = x as TerminationRuling;
      body.push(p(`本案执行中，${t.ground.replace(/[。.]$/, '')}。已执行到位${money(t.recoveredFen)}。`));
      basis = `依照《中华人民共和国民事诉讼法》第二百六十八条${t.groundItem ? `第（${cnIndex(t.groundItem - 1)}）项` : ''}、第二百六十九条之规定，裁定如下：`;
      holdings = [`终结本院${c.number}案件的执行。`];
    } else {
      const r = x as RejectionRuling;
      body.push(p(`本院经审查认为，${r.ground.replace(/[。.]$/, '')}，本案不符合执行案件的受理条件。`));
      basis = '依照《最高人民法院关于执行案件立案、结案若干问题的意见》第二十条之规定，裁定如下：';
      holdings = [`驳回申请执行人${c.applicants.map((a) => a.name).join('、')}的执行申请。`];
    }
    return model(c, '执行裁定书', '执行裁定书', [
      ...heading(c, '执行裁定书'),
      ...partiesBlock(c),
      ...body,
      p(basis),
      ...holdings.map((h, i) => p(holdings.length > 1 ? `${cnIndex(i)}、${h}` : h)),
      p(effect),
      ...rulingFoot(c),
    ]);
  },
};
