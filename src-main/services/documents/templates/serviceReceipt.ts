import type { CaseData } from '../caseData';
import type { Cell, DocModel } from '../model';
import { model, names } from './common';
import type { Template } from './types';

// 送达回证 (民诉法 2023 Art. 87: the person served writes the date of receipt and signs; that date is the
// service date; Art. 89: refusal is recorded with the reason and a witness). Fields per domain.md §5.
// In a batch it lists the other documents of the set; `extra.documents` overrides the list.
export const template: Template = {
  kind: '送达回证',
  addressee: 'debtor',
  summary: '随文书送达的回证：受送达人签收日期即送达日期',
  build(c: CaseData): DocModel {
    const docs = Array.isArray(c.extra?.documents) ? (c.extra.documents as string[]) : ['执行通知书', '报告财产令（附财产申报表）'];
    const debtor = c.debtors[0];
    const address = c.interview?.serviceAddress ?? debtor?.address ?? '';
    const row = (label: string, text: string, h?: boolean): Cell[] => [{ text: label, label: true }, { text, colSpan: 3, ...(h ? { align: 'center' as const } : {}) }];
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
          row('受送达人', names(c.debtors)),
          row('送达地址', address),
          row('送达方式', '□直接送达　□留置送达　□邮寄送达　□电子送达　□公告送达'),
          [{ text: '受送达人签名或盖章', label: true }, { text: '' }, { text: '签收日期', label: true }, { text: '　　年　　月　　日' }],
          [{ text: '代收人及代收理由', label: true }, { text: '' }, { text: '代收日期', label: true }, { text: '　　年　　月　　日' }],
          row('拒收事由及见证人', ''),
          [{ text: '送达人', label: true }, { text: '' }, { text: '签发人', label: true }, { text: '' }],
          row('备注', '受送达人在本回证上的签收日期为送达日期（《中华人民共和国民事诉讼法》第八十七条）。'),
        ],
      },
    ]);
  },
};
