import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, cnDate, cnIndex, foot, heading, model, officersMissing } from './common';
import { measureOrder, type AssistExtra } from './rulingContent';
import { wording, type Template } from './types';

// 协助执行通知书 to a bank or registry (民诉法 2023 Art. 253 (banks: 查询、冻结、划拨), Art. 262 (registries:
// 协助执行通知书, 有关单位必须办理); 查封规定 Art. 1 para. 2: sent with a copy of the ruling, effective on
// service; Art. 28 para. 2 for a release). It names the ruling it executes (number and date), the
// executing officers, the institution, for a deduction the court's account to pay into (bank, account
// name and number, the case number as the payment's note), and carries the 回执 the institution
// returns.
export const template: Template = {
  kind: '协助执行通知书',
  addressee: 'third',
  summary: '协助执行通知书：所执行的裁定（文号、日期）、协助事项、划款账户、执行人员，附回执',
  batchable: false,
  texts: {
    request: { label: '协助请求', text: '本院在执行申请执行人{申请执行人}与被执行人{被执行人}{案由}一案中，于{裁定日期}作出{裁定文号}执行裁定书。依照《中华人民共和国民事诉讼法》第二百五十三条、第二百六十二条的规定，请{你}协助执行下列事项：' },
    deliver: { label: '办理与回执', text: '请于收到本通知书后立即办理，并将所附回执填写后送交本院。' },
    receipt: { label: '回执正文', text: '{法院}：你院{裁定文号}协助执行通知书及执行裁定书已收悉，我单位已于　　年　　月　　日按通知事项办理完毕。未能办理的，原因如下：' },
  },
  placeholders: { ...CASE_PLACEHOLDERS, 裁定日期: '所执行的执行裁定书的日期', 裁定文号: '所执行的执行裁定书的文号（含之一、之二……）' },
  missing(c) {
    const x = c.extra as unknown as AssistExtra | undefined;
    const out = officersMissing(c);
    if (x?.measures.some((m) => m.action === 'deduct') && !c.courtAccount.accountNumber) out.push('设置中未填写本院执行款专户（开户行、户名、账号）：扣划款须写明划入账户');
    return out;
  },
  build(c: CaseData): DocModel {
    const x = c.extra as unknown as AssistExtra;
    const bank = /银行|信用社|支付|证券|农商/.test(x.institution);
    const vars = { ...caseVars(c, c.debtors), 你: bank ? '你行' : '你单位', 裁定日期: cnDate(x.ruling.issuedOn), 裁定文号: x.ruling.number };
    const w = (key: string) => wording(this, c, key, vars);
    const items = x.measures.map((m, i) => `${cnIndex(i)}、${measureOrder(m, x.purpose)}`);
    const deduct = x.measures.some((m) => m.action === 'deduct');
    return model(c, '协助执行通知书', '协助执行通知书', [
      ...heading(c, '协助执行通知书', x.ruling.number),
      p(`${x.institution}：`, { indent: false }),
      p(w('request')),
      ...items.map((s) => p(s)),
      ...(deduct
        ? [p('扣划的款项请划入本院执行款专户，并在附言中注明案号：'), p(`开户银行：${c.courtAccount.bank}`), p(`户　　名：${c.courtAccount.accountName}`), p(`账　　号：${c.courtAccount.accountNumber}`), p(`附　　言：${c.number}`)]
        : []),
      p(w('deliver')),
      p(`执行人员：${[c.officers.judge, c.officers.clerk].filter(Boolean).join('、')}　联系电话：${c.contact.phone || c.court.phone}`),
      p('附：执行裁定书一份'),
      ...foot(c),
      { t: 'pageBreak' },
      { t: 'title', text: '协助执行通知书（回执）' },
      { t: 'number', text: x.ruling.number },
      p(w('receipt'), { indent: false }),
      p('经办人：　　　　　　　联系电话：', { indent: false }),
      { t: 'spacer', lines: 1 },
      { t: 'signature', lines: [{ text: '协助执行单位（盖章）' }, { text: '　　　　年　　月　　日' }] },
    ]);
  },
};
