import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { accountBlocks, CASE_PLACEHOLDERS, caseVars, cnIndex, contactBlocks, foot, heading, jointClause, model, money, names, payTo, titleMissing, titleRecital } from './common';
import { wording, type Template } from './types';

// 执行通知书 (domain.md §5): order to perform within a period, delay interest, the fee, payment to the
// case account, consequences. 民诉法 2023 Art. 251 (the notice), Art. 264 (doubled interest for late
// payment); 民诉法解释 2022 Art. 480 (notice within 10 days, must mention 迟延履行利息/迟延履行金).
// Without a registered case account (一案一账号) it is not made: it would tell the debtor where to pay.
export const template: Template = {
  kind: '执行通知书',
  addressee: 'debtor',
  summary: '责令被执行人履行义务，告知迟延履行利息、执行费、案款账户与法律后果',
  texts: {
    recital: {
      label: '执行依据与立案',
      text: '申请执行人{申请执行人}与{你}{案由}一案，{执行依据及判项}申请执行人于{立案日期}向本院申请强制执行，本院已依法立案执行。依照《中华人民共和国民事诉讼法》第二百五十一条、第二百六十四条，《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第四百八十条的规定，责令{你}{履行期间}履行下列义务：',
    },
    interest: { label: '迟延履行利息', text: '加倍支付迟延履行期间的债务利息（依照《最高人民法院关于执行程序中计算迟延履行期间的债务利息适用法律若干问题的解释》计算至实际履行之日）' },
    consequences: {
      label: '逾期不履行的后果',
      text: '{你}逾期不履行的，本院将依法强制执行，可以查询、冻结、划拨{你}的存款，查封、扣押、拍卖、变卖{你}的财产，扣留、提取{你}的收入，限制消费，纳入失信被执行人名单；拒不履行的，依法予以罚款、拘留；构成犯罪的，依法追究刑事责任。',
    },
  },
  placeholders: { ...CASE_PLACEHOLDERS, 执行依据及判项: '执行依据的名称、生效日期及其确定的义务', 履行期间: '履行期间，如 自收到本通知之日起三日内' },
  missing: (c) => [...titleMissing(c), ...(c.account ? [] : ['本案尚未登记案款账户（一案一账号）：执行通知书须写明付款账户，请先录入或导入银行的子账号'])],
  build(c: CaseData): DocModel {
    const vars = {
      ...caseVars(c, c.debtors),
      执行依据及判项: titleRecital(c),
      履行期间: c.performanceDays > 0 ? `自收到本通知之日起${cnIndex(c.performanceDays - 1)}日内` : '自收到本通知之日起立即',
    };
    const w = (key: string) => wording(this, c, key, vars);
    const parts = [`本金${money(c.claim.principalFen)}`, ...(c.claim.interestFen > 0 ? [`利息${money(c.claim.interestFen)}`] : []), ...(c.claim.costsFen > 0 ? [`诉讼费等费用${money(c.claim.costsFen)}`] : [])];
    const duties: string[] = [`${payTo(c, c.claim.claimFen)}${parts.length > 1 ? `（其中${parts.join('，')}）` : ''}`];
    duties.push(w('interest'));
    duties.push(`负担申请执行费${money(c.feeFen)}`);
    const joint = jointClause(c);
    return model(c, '执行通知书', '执行通知书', [
      ...heading(c, '执行通知书'),
      p(`${names(c.debtors)}：`, { indent: false }),
      p(w('recital')),
      ...duties.map((d, i) => p(`${cnIndex(i)}、${d}${i === duties.length - 1 ? '。' : '；'}`)),
      ...(joint ? [p(joint)] : []),
      ...accountBlocks(c, ''),
      p(w('consequences')),
      ...contactBlocks(c),
      ...foot(c),
    ]);
  },
};
