import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, cnDate, foot, heading, model, money, titleMissing, titleName } from './common';
import { recipientOf } from './serviceReceipt';
import { wording, type Template } from './types';

// 结案通知书, one to each party entitled to it (《最高人民法院关于执行案件立案、结案若干问题的意见》
// Art. 15: a closure as fully performed is notified to the parties unless they confirm it in writing
// or on the record): the closure mode, its date, the amounts, and the rule it rests on, cited by title.
export interface ClosureNoticeExtra {
  mode: string;
  closedOn: string;
  claimFen: number;
  recoveredFen: number;
  unpaidFen: number;
  ground: string | null;
  rulingNumber: string | null;
  settlement: boolean;
  /** The rule of the closure mode, by title and article (src-shared/domain/closure.ts). */
  basis: string;
}

export const template: Template = {
  kind: '结案通知书',
  addressee: 'applicant',
  perRecipient: true,
  summary: '结案通知书：每名当事人一份，结案方式、日期、金额及所依据的规定',
  batchable: false,
  texts: {
    closed: { label: '结案', text: '申请执行人{申请执行人}与被执行人{被执行人}{案由}一案（执行依据：{执行依据}），本院于{立案日期}立案执行，案号{案号}。本案已于{结案日期}以“{结案方式}”方式结案。' },
    end: { label: '结语', text: '特此通知。' },
  },
  placeholders: { ...CASE_PLACEHOLDERS, 结案日期: '结案日期', 结案方式: '结案方式' },
  missing: (c) => titleMissing(c).filter((m) => m.includes('类型')),
  build(c: CaseData): DocModel {
    const x = c.extra as unknown as ClosureNoticeExtra;
    const r = recipientOf(c);
    const vars = { ...caseVars(c, [r]), 执行依据: titleName(c), 结案日期: cnDate(x.closedOn), 结案方式: x.mode };
    const w = (key: string) => wording(this, c, key, vars);
    return model(c, '结案通知书', '结案通知书', [
      ...heading(c, '结案通知书'),
      p(`${r.name}：`, { indent: false }),
      p(`${w('closed')}${x.ground ? `事由：${x.ground.replace(/[。.]$/, '')}。` : ''}${x.rulingNumber ? `（${x.rulingNumber}）` : ''}`),
      p(`申请执行标的${money(x.claimFen)}，执行到位${money(x.recoveredFen)}${x.unpaidFen > 0 ? `，尚有${money(x.unpaidFen)}未履行` : ''}。${x.settlement ? '双方当事人达成的执行和解协议已履行完毕。' : ''}`),
      p(`依据：${x.basis}。`),
      p(w('end')),
      ...foot(c),
    ]);
  },
};
