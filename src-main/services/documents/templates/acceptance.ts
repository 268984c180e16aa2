import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { toChineseDate } from '../../../../src-shared/domain/chineseDate';
import { accountText, contactText, foot, heading, model, money, names, titlePhrase, you } from './common';
import type { Template } from './types';

// 执行案件受理通知书 to the applicant (法发〔2014〕26号 Art. 2: the court notifies the applicant of the
// filing); it names the case number, the claim, the case account and whom to contact.
export const template: Template = {
  kind: '执行案件受理通知书',
  addressee: 'applicant',
  summary: '通知申请执行人案件已立案受理，告知案号、执行标的、案款账户与联系人',
  build(c: CaseData): DocModel {
    const y = you(c.applicants);
    return model(c, '执行案件受理通知书', '执行案件受理通知书', [
      ...heading(c, '受理案件通知书'),
      p(`${names(c.applicants)}：`, { indent: false }),
      p(
        `${y}申请执行${names(c.debtors)}${c.title.cause}一案（执行依据：${titlePhrase(c)}），本院经审查，符合受理条件，已于${toChineseDate(c.filedOn)}立案执行，案号为${c.number}，申请执行标的${money(c.claim.claimFen)}。`,
      ),
      p(`${y}应当积极向本院提供被执行人的财产线索；被执行人的住所、联系方式、财产状况发生变化的，应当及时告知本院。`),
      p(accountText(c)),
      p(contactText(c)),
      ...foot(c),
    ]);
  },
};
