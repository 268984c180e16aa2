import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { accountBlocks, CASE_PLACEHOLDERS, caseVars, contactBlocks, foot, heading, model, names } from './common';
import { wording, type Template } from './types';

// 执行风险告知书 to the applicant at filing (domain.md §5, [P]: seeds/000, Anlu local rule): the risk
// that nothing can be recovered, the duty to give property clues, that 终本 is possible
// (《最高人民法院关于严格规范终结本次执行程序的规定（试行）》Art. 1), and the case account.
export const template: Template = {
  kind: '执行风险告知书',
  addressee: 'applicant',
  summary: '立案时告知申请执行人执行不能、提供线索、终本等风险及本案案款账户',
  texts: {
    intro: { label: '导语', text: '为使{你}充分了解强制执行中可能存在的风险，依法维护自身合法权益，本院现就有关事项告知如下：' },
    r1: { label: '风险一', text: '一、被执行人无财产或者财产不足清偿债务的风险。被执行人确无财产可供执行的，申请执行人的债权可能无法实现或者无法全部实现，此为执行不能的风险，并非人民法院执行不力。' },
    r2: { label: '风险二', text: '二、提供财产线索的义务。申请执行人应当向人民法院提供其所了解的被执行人的财产状况或者线索；不能提供的，可能承担案件无法执行的后果。' },
    r3: { label: '风险三', text: '三、被执行人下落不明的风险。被执行人下落不明的，人民法院可能无法通知其履行或者无法采取有关强制措施。' },
    r4: { label: '风险四', text: '四、终结本次执行程序的风险。经穷尽财产调查措施，未发现被执行人有可供执行的财产，或者发现的财产不能处置的，人民法院可以裁定终结本次执行程序；申请执行人发现被执行人有可供执行财产的，可以再次申请执行，不受申请执行时效期间的限制。' },
    r5: { label: '风险五', text: '五、财产处置的风险。查封、扣押、冻结的财产可能因权利负担、估价、流拍等原因不能变价或者变价金额不足。' },
    r6: { label: '风险六', text: '六、案款支付。执行款通过本案执行款账户支付，申请执行人应当如实提供收款账户，变更的应当书面告知本院。' },
    ack: { label: '申请执行人确认', text: '申请执行人已阅读并知悉上述风险。　　申请执行人（签名或盖章）：　　　　　　　　年　　月　　日' },
  },
  placeholders: CASE_PLACEHOLDERS,
  missing: () => [],
  build(c: CaseData): DocModel {
    const vars = caseVars(c, c.applicants);
    const w = (key: string) => wording(this, c, key, vars);
    return model(c, '执行风险告知书', '执行风险告知书', [
      ...heading(c, '执行风险告知书'),
      p(`${names(c.applicants)}：`, { indent: false }),
      p(w('intro')),
      ...['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((k) => p(w(k))),
      ...accountBlocks(c, ''),
      ...contactBlocks(c),
      p(w('ack'), { indent: false }),
      ...foot(c),
    ]);
  },
};
