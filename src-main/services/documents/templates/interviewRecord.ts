import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { courtToday } from '../../../../src-shared/domain/chineseDate';
import { accountBlocks, CASE_PLACEHOLDERS, caseVars, cnDate, identity, model, names, you } from './common';
import { wording, type Template } from './types';

// Print of the 初次接待笔录 recorded at filing (domain.md §5; seeds/003: check the applicant's
// information, tell them their rights, duties and risks; payout account, property clues, requests).
// The applicant is addressed as 你 (a person), 你单位 (an organisation) or 你们 (several).
export const template: Template = {
  kind: '初次接待笔录',
  addressee: 'file',
  summary: '打印立案时的初次接待笔录（核对信息、告知权利义务与风险、收款账户、财产线索）',
  texts: {
    told: { label: '告知事项', text: '告知：申请执行人享有申请采取执行措施、查询案件进展、提出异议等权利，负有提供财产线索、如实陈述、及时告知联系方式变更等义务；执行可能因被执行人无财产等原因不能实现。已向申请执行人送达执行风险告知书。' },
    read: { label: '核对签名', text: '以上笔录已阅，记录属实。' },
  },
  placeholders: CASE_PLACEHOLDERS,
  missing: () => [],
  build(c: CaseData): DocModel {
    const iv = c.interview;
    const y = you(c.applicants);
    const w = (key: string) => wording(this, c, key, caseVars(c, c.applicants));
    const when = iv ? cnDate(courtToday(new Date(iv.recordedAt))) : '　　年　　月　　日';
    const qa = (q: string, a: string) => [p(`问：${q}`, { indent: false }), p(`答：${a}`, { indent: false })];
    return model(c, '初次接待笔录', '初次接待笔录', [
      { t: 'court', text: c.court.name },
      { t: 'title', text: '执行案件初次接待笔录' },
      { t: 'number', text: c.number },
      p(`时间：${when}　地点：${c.court.name}执行指挥中心接待窗口`, { indent: false }),
      p(`接待人：${iv?.recordedBy ?? '　　　　'}`, { indent: false }),
      p('申请执行人：', { indent: false }),
      ...c.applicants.map((a) => p(identity(a))),
      p(`被执行人：${names(c.debtors)}`, { indent: false }),
      ...qa(`${y}提交的立案材料及联系方式是否真实准确？`, iv?.contactConfirmed ? '已核对，真实准确。' : '（未核对）'),
      ...qa(`${y}确认的送达地址是？`, iv?.serviceAddress ?? '（未提供）'),
      ...qa('执行款支付到哪个账户？', iv?.payoutAccount ? `开户行${iv.payoutBank ?? ''}，户名${iv.payoutAccountName ?? ''}，账号${iv.payoutAccount}。` : '（未提供）'),
      ...qa(`${y}掌握被执行人的哪些财产线索？`, iv?.propertyClues ?? '暂无。'),
      ...qa(`${y}有何申请？`, iv && iv.requests.length ? `申请${iv.requests.join('、')}。` : '暂无。'),
      ...(iv?.notes ? qa('还有什么补充？', iv.notes) : []),
      p(w('told')),
      ...accountBlocks(c, ''),
      p(w('read'), { indent: false }),
      p('申请执行人（签名）：　　　　　　　接待人（签名）：　　　　　　', { indent: false }),
    ]);
  },
};
