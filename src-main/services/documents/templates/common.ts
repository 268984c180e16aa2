import { fenToChineseCapital, fenToYuanString } from '../../../../src-shared/domain/money';
import { toChineseDate } from '../../../../src-shared/domain/chineseDate';
import type { CaseData, PartyData } from '../caseData';
import { p, type Block, type DocModel, type SignLine } from '../model';

// Pieces every template shares: the heading, the parties block, the recital of the title, amounts in
// figures and 大写, Chinese-numeral dates, the foot of a notice and of a ruling, and the wording
// lookup (the court's edited texts, else the template's default).

export function money(fen: number): string {
  return `${fenToYuanString(fen)}元（大写：${fenToChineseCapital(fen)}）`;
}

/** A date in Chinese numerals (二〇二六年十一月二十二日), as every document prints dates. */
export const cnDate = (iso: string) => toChineseDate(iso);

export function names(list: PartyData[]): string {
  return list.map((x) => x.name).join('、');
}

/** How a document addresses its addressees: 你 a person, 你单位 an organisation, 你们 several. */
export function you(list: PartyData[]): string {
  if (list.length === 1) return list[0]!.kind === 'org' ? '你单位' : '你';
  return '你们';
}

/** A person's or an organisation's identity as the parties block prints it (no role prefix). */
export function identity(x: PartyData): string {
  if (x.kind === 'org') {
    const rep = x.legalRep ? `法定代表人：${x.legalRep}${x.legalRepTitle ? `，${x.legalRepTitle}` : ''}。` : '';
    return `${x.name}，住所地${x.address ?? '（未登记）'}，统一社会信用代码${x.creditCode ?? '（未登记）'}。${rep}`;
  }
  const parts = [x.name];
  if (x.sex) parts.push(x.sex);
  if (x.birthDate) parts.push(`${cnDate(x.birthDate)}出生`);
  parts.push(`住${x.address ?? '（未登记）'}`);
  parts.push(`公民身份号码${x.idNumber ?? '（未登记）'}`);
  return `${parts.join('，')}。`;
}

/** The parties block of a ruling or order (法院诉讼文书样式): role, identity, legal representative, agent. */
export function partiesBlock(c: CaseData, roles: ('applicant' | 'debtor')[] = ['applicant', 'debtor']): Block[] {
  const out: Block[] = [];
  for (const role of roles) {
    const list = role === 'applicant' ? c.applicants : c.debtors;
    const label = role === 'applicant' ? '申请执行人' : '被执行人';
    for (const x of list) {
      out.push(p(`${label}：${identity(x)}`));
      if (x.agentName) out.push(p(`委托代理人：${x.agentName}${x.agentUnit ? `，${x.agentUnit}` : ''}。`));
    }
  }
  return out;
}

/** The short name a recital uses after naming the title in full: 该判决书, 该调解书, 该裁决书 … */
export function titleShort(c: CaseData): string {
  const n = c.title.docName ?? '';
  const short: Record<string, string> = { 民事判决书: '判决书', 民事调解书: '调解书', 民事裁定书: '裁定书', 支付令: '支付令', 仲裁裁决书: '裁决书', 仲裁调解书: '调解书', 公证债权文书: '公证债权文书' };
  return `该${short[n] ?? '文书'}`;
}

/** 开鲁县人民法院（2026）内0523民初100号民事判决书 — the title named in full, with its type. */
export function titleName(c: CaseData): string {
  return `${c.title.court}${c.title.number}${c.title.docName ?? '（执行依据类型未登记）'}`;
}

/**
 * The recital of the title (执行依据): issuing body, number and type, the date it took effect, and
 * what it ordered.
 */
export function titleRecital(c: CaseData): string {
  const ordered = (c.title.ordered ?? '').replace(/[。；;，,\s]+$/u, '');
  return `${titleName(c)}已于${cnDate(c.title.effectiveOn)}发生法律效力。${titleShort(c)}确定：${ordered}。`;
}

/** What the recital needs and the case may lack (each a sentence naming the data to record). */
export function titleMissing(c: CaseData): string[] {
  const out: string[] = [];
  if (!c.title.docName) out.push('执行依据的类型（判决书、调解书、裁决书等）未登记');
  if (!c.title.ordered?.trim()) out.push('执行依据确定的义务（判项）未登记');
  return out;
}

/**
 * What each applicant is to receive: the split between several applicants (their shares), and the
 * debtors' joint and several liability where the title says so.
 */
export function payTo(c: CaseData, totalFen: number): string {
  const shares = c.applicants.map((a) => a.shareFen);
  if (c.applicants.length > 1 && totalFen === c.claim.claimFen && shares.every((s) => s !== null) && shares.reduce<number>((a, s) => a + (s ?? 0), 0) === totalFen) {
    return c.applicants.map((a) => `向申请执行人${a.name}支付${money(a.shareFen ?? 0)}`).join('，');
  }
  return `向申请执行人${names(c.applicants)}支付${money(totalFen)}`;
}

export function jointClause(c: CaseData): string {
  return c.title.joint && c.debtors.length > 1 ? `被执行人${names(c.debtors)}对上述债务承担连带清偿责任。` : '';
}

export function heading(c: CaseData, title: string, number = c.printedNumber ?? c.number): Block[] {
  return [
    { t: 'court', text: c.court.name },
    { t: 'title', text: title },
    { t: 'number', text: number },
  ];
}

/** The foot of a notice or order: the court, the date in Chinese numerals and the seal. */
export function foot(c: CaseData, signer?: string): Block[] {
  const lines: SignLine[] = [...(signer ? [{ text: signer }] : []), { text: c.court.name }, { text: cnDate(c.issuedOn) }, { text: '（院印）', seal: true }];
  return [{ t: 'spacer', lines: 1 }, { t: 'signature', lines }];
}

/**
 * The foot of a ruling (民诉法 2023 Art. 157: 裁定书由审判人员、书记员署名，加盖人民法院印章): the judicial
 * officers (审判长/审判员), the date, the seal, then the clerk (书记员).
 */
export function rulingFoot(c: CaseData, panel?: { presiding: string; members: string[] }): Block[] {
  const judges: SignLine[] = panel
    ? [{ text: `审判长　${panel.presiding}` }, ...panel.members.map((m) => ({ text: `审判员　${m}` }))]
    : [{ text: `审判员　${c.officers.judge ?? ''}` }];
  return [
    { t: 'spacer', lines: 1 },
    { t: 'signature', lines: [...judges, { text: '' }, { text: cnDate(c.issuedOn) }, { text: '（院印）', seal: true }, { text: `书记员　${c.officers.clerk ?? ''}` }] },
  ];
}

/** The officers a ruling needs (民诉法 Art. 157), named when missing. */
export function officersMissing(c: CaseData): string[] {
  const out: string[] = [];
  if (!c.officers.judge) out.push('本案尚未确定署名的审判员（承办法官）：请在案件详情中指定，或在设置的团队中指定署名审判员');
  if (!c.officers.clerk) out.push('本案尚未确定书记员：请在案件详情中指定，或在设置的团队中指定书记员');
  return out;
}

/** The case account's lines (一案一账号), each a short paragraph so a long account number never stretches a line. */
export function accountBlocks(c: CaseData, lead: string): Block[] {
  if (!c.account) return [p(`${lead}本案执行款账户（一案一账号）尚未开立，本院将另行书面告知；在此之前请勿向任何个人支付。`)];
  return [p(`${lead}本案执行款账户（一案一账号）：`), p(`开户银行：${c.account.bank}`), p(`户　　名：${c.account.accountName}`), p(`账　　号：${c.account.accountNumber}`), p('请勿向其他任何账户或个人支付。')];
}

/** Whom to contact: the officer and phone, then the office's address, each a short line of its own. */
export function contactBlocks(c: CaseData): Block[] {
  const who = [c.contact.name ? `联系人：${c.contact.name}` : '', c.contact.phone ? `联系电话：${c.contact.phone}` : ''].filter(Boolean).join('，');
  return [...(who ? [p(`${who}。`)] : []), ...(c.court.address ? [p(`地址：${c.court.address}。`)] : [])];
}

export function model(c: CaseData, kind: string, title: string, blocks: Block[]): DocModel {
  return { kind, title, caseNumber: c.printedNumber ?? c.number, blocks };
}

/** Chinese ordinal for item lists: 一、二、… */
export function cnIndex(i: number): string {
  const d = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  if (i < 10) return d[i + 1]!;
  const n = i + 1;
  return `${n >= 20 ? d[Math.floor(n / 10)] : ''}十${n % 10 ? d[n % 10] : ''}`;
}

/** Placeholders every template's wording may use, with what they print. */
export const CASE_PLACEHOLDERS: Record<string, string> = {
  法院: '本院名称',
  案号: '本文书的案号（裁定书为之一、之二……）',
  立案日期: '立案日期（中文数字）',
  申请执行人: '申请执行人姓名或名称（多名以顿号分隔）',
  被执行人: '被执行人姓名或名称（多名以顿号分隔）',
  案由: '案由',
  执行依据: '执行依据的作出机关、文号与类型，如 开鲁县人民法院（2026）内0523民初100号民事判决书',
  申请执行标的: '申请执行标的金额及大写',
  执行费: '申请执行费金额及大写',
  你: '对受文人的称呼：你、你单位或你们',
  文书日期: '文书制作日期（中文数字）',
};

export function caseVars(c: CaseData, addressees: PartyData[]): Record<string, string> {
  return {
    法院: c.court.name,
    案号: c.printedNumber ?? c.number,
    立案日期: cnDate(c.filedOn),
    申请执行人: names(c.applicants),
    被执行人: names(c.debtors),
    案由: c.title.cause,
    执行依据: titleName(c),
    申请执行标的: money(c.claim.claimFen),
    执行费: money(c.feeFen),
    你: you(addressees),
    文书日期: cnDate(c.issuedOn),
  };
}
