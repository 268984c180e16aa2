import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { accountBlocks, CASE_PLACEHOLDERS, caseVars, contactBlocks, foot, heading, model, names, titleMissing } from './common';
import { wording, type Template } from './types';

// 执行案件受理通知书 to the applicant (法发〔2014〕26号《最高人民法院关于执行案件立案、结案若干问题的意见》
// Art. 2: the court notifies the applicant of the filing); it names the case number, the claim, the
// case account and whom to contact.
export const template: Template = {
  kind: '执行案件受理通知书',
  addressee: 'applicant',
  summary: '通知申请执行人案件已立案受理，告知案号、执行标的、案款账户与联系人',
  texts: {
    accepted: { label: '受理', text: '{你}申请执行{被执行人}{案由}一案（执行依据：{执行依据}），本院经审查，符合受理条件，已于{立案日期}立案执行，案号为{案号}，申请执行标的{申请执行标的}。' },
    duty: { label: '申请执行人的义务', text: '{你}应当积极向本院提供被执行人的财产线索；被执行人的住所、联系方式、财产状况发生变化的，应当及时告知本院。' },
  },
  placeholders: CASE_PLACEHOLDERS,
  missing: (c) => titleMissing(c).filter((m) => m.includes('类型')),
  build(c: CaseData): DocModel {
    const vars = caseVars(c, c.applicants);
    const w = (key: string) => wording(this, c, key, vars);
    return model(c, '执行案件受理通知书', '执行案件受理通知书', [
      ...heading(c, '受理案件通知书'),
      p(`${names(c.applicants)}：`, { indent: false }),
      p(w('accepted')),
      p(w('duty')),
      ...accountBlocks(c, '被执行人履行、本院执行到位的款项，均通过'),
      ...contactBlocks(c),
      ...foot(c),
    ]);
  },
};
