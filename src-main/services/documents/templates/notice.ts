import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { toChineseDate } from '../../../../src-shared/domain/chineseDate';
import { accountText, contactText, foot, heading, model, money, names, titlePhrase, you } from './common';
import type { Template } from './types';

// 执行通知书 (domain.md §5): order to perform within a period, delay interest, the fee, payment to the
// case account, consequences. 民诉法 2023 Arts. 251, 264; 民诉法解释 2022 Art. 480 (notice within 10 days,
// must mention 迟延履行利息/迟延履行金).
export const template: Template = {
  kind: '执行通知书',
  addressee: 'debtor',
  summary: '责令被执行人履行义务，告知迟延履行利息、执行费、案款账户与法律后果',
  build(c: CaseData): DocModel {
    const y = you(c.debtors);
    const period = c.performanceDays > 0 ? `自收到本通知之日起${c.performanceDays}日内` : '自收到本通知之日起立即';
    const duties: string[] = [`向申请执行人${names(c.applicants)}支付款项${money(c.claim.principalFen)}`];
    if (c.claim.interestFen > 0) duties.push(`支付利息${money(c.claim.interestFen)}`);
    if (c.claim.costsFen > 0) duties.push(`负担诉讼费等费用${money(c.claim.costsFen)}`);
    duties.push('加倍支付迟延履行期间的债务利息（依照《最高人民法院关于执行程序中计算迟延履行期间的债务利息适用法律若干问题的解释》计算至实际履行之日）');
    duties.push(`负担申请执行费${money(c.feeFen)}`);
    const numerals = ['一', '二', '三', '四', '五', '六'];
    return model(c, '执行通知书', '执行通知书', [
      ...heading(c, '执行通知书'),
      p(`${names(c.debtors)}：`, { indent: false }),
      p(
        `申请执行人${names(c.applicants)}与${y}${c.title.cause}一案，${titlePhrase(c)}已经发生法律效力。申请执行人于${toChineseDate(c.filedOn)}向本院申请强制执行，本院已依法立案执行。依照《中华人民共和国民事诉讼法》第二百五十一条、第二百六十四条，《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第四百八十条的规定，责令${y}${period}履行下列义务：`,
      ),
      ...duties.map((d, i) => p(`${numerals[i]}、${d}${i === duties.length - 1 ? '。' : '；'}`)),
      p(accountText(c)),
      p(
        `${y}逾期不履行的，本院将依法强制执行，可以查询、冻结、划拨${y}的存款，查封、扣押、拍卖、变卖${y}的财产，扣留、提取${y}的收入，限制消费，纳入失信被执行人名单；拒不履行的，依法予以罚款、拘留；构成犯罪的，依法追究刑事责任。`,
      ),
      p(contactText(c)),
      ...foot(c),
    ]);
  },
};
