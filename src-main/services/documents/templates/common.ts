import { fenToChineseCapital, fenToYuanString } from '../../../../src-shared/domain/money';
import { toChineseDate } from '../../../../src-shared/domain/chineseDate';
import type { CaseData, PartyData } from '../caseData';
import type { Block, DocModel } from '../model';

// Pieces every template shares: the heading, party lines, amounts in figures and 大写, the foot.

export function money(fen: number): string {
  return `${fenToYuanString(fen)}元（大写：${fenToChineseCapital(fen)}）`;
}

export function names(list: PartyData[]): string {
  return list.map((x) => x.name).join('、');
}

/** 你 for one person, 你单位 for one organisation, 你（单位） for a mixed or plural addressee. */
export function you(list: PartyData[]): string {
  if (list.length === 1) return list[0]!.kind === 'org' ? '你单位' : '你';
  return list.every((x) => x.kind === 'person') ? '你们' : '你（单位）';
}

/** The identifying line of a party as the forms print it (domain.md §5 "fields that fill it"). */
export function partyLine(x: PartyData): string {
  if (x.kind === 'org') {
    return `${x.name}，统一社会信用代码${x.creditCode ?? '（未登记）'}，住所地${x.address ?? '（未登记）'}。法定代表人${x.legalRep ?? '（未登记）'}。`;
  }
  const born = x.birthDate ? `，${toChineseDate(x.birthDate).replace(/日$/, '日出生')}` : '';
  return `${x.name}，${x.sex ?? ''}${x.sex ? '，' : ''}公民身份号码${x.idNumber ?? '（未登记）'}${born}，住${x.address ?? '（未登记）'}。`.replace('，，', '，');
}

export function heading(c: CaseData, title: string): Block[] {
  return [
    { t: 'court', text: c.court.name },
    { t: 'title', text: title },
    { t: 'number', text: c.number },
  ];
}

export function foot(c: CaseData, signer?: string): Block[] {
  const lines = signer ? [signer, c.court.name, toChineseDate(c.issuedOn)] : [c.court.name, toChineseDate(c.issuedOn)];
  return [{ t: 'spacer', lines: 1 }, { t: 'signature', lines, seal: '（院印）' }];
}

/** The case account paragraph: payments only to the case's own sub-account (一案一账号, domain.md §7). */
export function accountText(c: CaseData): string {
  if (!c.account.subAccount) return '本案执行款请汇入本院执行款专户，账户信息以本院另行书面告知为准，请勿向其他任何账户或个人支付。';
  return `本案执行款账户（一案一账号）：开户银行${c.account.bank || '（见本院告知）'}，户名${c.account.accountName || c.court.name}，账号${c.account.subAccount}。请勿向其他任何账户或个人支付。`;
}

export function contactText(c: CaseData): string {
  const who = c.contact.name ? `联系人：${c.contact.name}　` : '';
  const phone = c.contact.phone ? `联系电话：${c.contact.phone}` : '';
  const addr = c.court.address ? `　地址：${c.court.address}` : '';
  return `${who}${phone}${addr}`.trim();
}

/** The title of the enforcement basis as one phrase: 开鲁县人民法院（2026）内0523民初100号法律文书. */
export function titlePhrase(c: CaseData): string {
  return `${c.title.court}作出的${c.title.number}法律文书`;
}

export function model(c: CaseData, kind: string, title: string, blocks: Block[]): DocModel {
  return { kind, title, caseNumber: c.number, blocks };
}
