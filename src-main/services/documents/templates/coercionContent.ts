import type { CaseData } from '../caseData';
import { p, type Block } from '../model';
import { cnDate, identity } from './common';

// What the compulsory measures' documents share (拘传票, 罚款决定书, 拘留决定书, 补办拘留批准手续记录,
// 提前解除拘留决定书, 搜查令, 搜查笔录, 案件移送函): the content the coercion domain passes in `extra`, and the person's
// block — a party of the case printed with its identity as the parties block does, anyone else (an
// organisation's head, a person obliged to assist) by name and kind.

export interface CoercionExtra {
  personName: string;
  personKind: 'individual' | 'organisation';
  partyId?: number;
  approver?: string;
  place?: string;
  purpose?: string;
  summonsServedOn?: string;
  act?: string;
  ground?: string;
  article?: string;
  amountArticle?: string;
  amountFen?: number;
  days?: number;
  /** Detained first in an emergency, the president's approval sought afterwards (民诉法解释 Art. 181). */
  emergency?: boolean;
  fromOn?: string;
  endsOn?: string;
  reason?: string;
  /** The president's after-approval of an emergency detention: given, or the detention found improper (解释 Art. 181). */
  approved?: boolean;
  decidedOn?: string;
  centre?: string;
  startedAt?: string;
  attendees?: string[];
  officers?: string[];
  bodySearch?: { personGender: 'male' | 'female'; searchedBy: string } | null;
  items?: string;
  refusedToSign?: string;
  police?: string;
  facts?: string;
  evidence?: string[];
}

export function coercionExtra(c: CaseData): CoercionExtra {
  return (c.extra ?? { personName: '', personKind: 'individual' }) as unknown as CoercionExtra;
}

/** `label：identity` of the person the measure is on. */
export function personBlock(c: CaseData, label: string): Block[] {
  const x = coercionExtra(c);
  const party = x.partyId !== undefined ? [...c.debtors, ...c.applicants].find((d) => d.id === x.partyId) : undefined;
  if (party) return [p(`${label}：${identity(party)}`)];
  return [p(`${label}：${x.personName}${x.personKind === 'organisation' ? '（单位）' : ''}。`)];
}

/** What every measure's document needs from the domain (the person, the approver where approval is the law's). */
export function extraMissing(c: CaseData, needsApprover: boolean): string[] {
  const x = c.extra as Partial<CoercionExtra> | undefined;
  const out: string[] = [];
  if (!x?.personName) out.push('未指明被采取强制措施的人');
  if (needsApprover && !x?.approver) out.push('未记录院长批准（民诉法第一百一十九条）');
  return out;
}

export const CPL = '《中华人民共和国民事诉讼法》';
export const CPL_INTERP = '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》';

/**
 * A description typed by the clerk (the act, the facts) with its dates written the way every
 * document writes them: 2026年11月3日 → 二〇二六年十一月三日.
 */
export function withChineseDates(text: string): string {
  return text.replace(/(\d{4})年(\d{1,2})月(\d{1,2})日/g, (all, y: string, m: string, d: string) => {
    const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    try {
      return cnDate(iso);
    } catch {
      return all;
    }
  });
}

/** Days of detention in Chinese numerals (1–15, 民诉法 Art. 118): 十日, 十五日. */
export function cnDays(n: number | undefined): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
  return n !== undefined && d[n] ? d[n]! : String(n ?? '');
}
