import type { CaseData, PartyData } from '../caseData';
import type { Cell, DocModel } from '../model';
import { CASE_PLACEHOLDERS, caseVars, model } from './common';
import { wording, type Template } from './types';

// 送达回证, one per recipient (民诉法 2023 Art. 87: the person served writes the date of receipt and
// signs; that date is the service date; Art. 89: refusal is recorded with the reason and a witness).
// Each carries its own recipient's address and lists exactly the documents served on that recipient
// (`extra.documents`, set by the batch from the set it makes). Fields per domain.md §5.
export function recipientOf(c: CaseData): PartyData {
  const all = [...c.debtors, ...c.applicants];
  const r = all.find((x) => x.id === c.recipientId) ?? c.debtors[0] ?? c.applicants[0];
  if (!r) throw new Error('送达回证没有受送达人');
  return r;
}

export const template: Template = {
  kind: '送达回证',
  addressee: 'debtor',
  perRecipient: true,
  summary: '每名受送达人一份回证：其本人的送达地址、送达的文书；签收日期即送达日期',
  texts: {
    note: { label: '备注', text: '受送达人在本回证上的签收日期为送达日期（《中华人民共和国民事诉讼法》第八十七条）。' },
  },
  placeholders: CASE_PLACEHOLDERS,
  missing(c) {
    const r = recipientOf(c);
    return r.serviceAddress ? [] : [`受送达人${r.name}没有登记送达地址`];
  },
  build(c: CaseData): DocModel {
    const r = recipientOf(c);
    const docs = Array.isArray(c.extra?.documents) ? (c.extra.documents as string[]) : [];
    const w = (key: string) => wording(this, c, key, caseVars(c, [r]));
    const row = (label: string, text: string): Cell[] => [{ text: label, label: true }, { text, colSpan: 3 }];
    return model(c, '送达回证', '送达回证', [
      { t: 'court', text: c.court.name },
      { t: 'title', text: '送达回证' },
      {
        t: 'table',
        widths: [3, 4, 2.5, 3.5],
        minRowHeight: 40,
        rows: [
          row('案号', c.number),
          row('案由', c.title.cause),
          row('送达文书名称及件数', docs.map((d) => `${d}一份`).join('、')),
          row('受送达人', r.name),
          row('送达地址', r.serviceAddress ?? ''),
          row('送达方式', '□直接送达　□留置送达　□邮寄送达　□电子送达　□公告送达'),
          [{ text: '受送达人签名或盖章', label: true }, { text: '' }, { text: '签收日期', label: true }, { text: '年　月　日', align: 'center' }],
          [{ text: '代收人及代收理由', label: true }, { text: '' }, { text: '代收日期', label: true }, { text: '年　月　日', align: 'center' }],
          row('拒收事由及见证人', ''),
          [{ text: '送达人', label: true }, { text: '' }, { text: '签发人', label: true }, { text: '' }],
          row('备注', w('note')),
        ],
      },
    ]);
  },
};
