import { courtToday } from '../../../../src-shared/domain/chineseDate';
import type { CaseData } from '../caseData';
import { p, type DocModel } from '../model';
import { CASE_PLACEHOLDERS, cnDate, model } from './common';
import { coercionExtra, withChineseDates } from './coercionContent';
import { wording, type Template } from './types';

// 搜查笔录: 民诉法解释 Art. 496 (those present: the debtor or an adult family member and the local
// community body, for an organisation its head; a woman's body searched by a female officer),
// Art. 497 (property found is seized under 民诉法 Arts. 252, 254), Art. 498 (the record is signed by
// the searchers, the person searched and the others present; a refusal is written in).
export const template: Template = {
  kind: '搜查笔录',
  addressee: 'file',
  batchable: false,
  summary: '搜查的时间、地点、在场人、搜查人员、经过及发现的财产，由搜查人员、被搜查人及在场人签名',
  texts: {
    shown: { label: '出示搜查令', text: '搜查人员按规定着装，向被搜查人出示搜查令和工作证件，告知其搜查的依据及拒绝、妨碍搜查的法律后果。' },
    read: { label: '核对签名', text: '以上笔录已向在场人宣读（或交其阅读），记录属实。' },
  },
  placeholders: CASE_PLACEHOLDERS,
  missing(c) {
    const x = c.extra as { officers?: string[]; attendees?: string[] } | undefined;
    const out: string[] = [];
    if (!x?.officers?.length) out.push('未登记搜查人员');
    if (!x?.attendees?.length) out.push('未登记在场人（民诉法解释第四百九十六条）');
    return out;
  },
  build(c: CaseData): DocModel {
    const x = coercionExtra(c);
    const w = (key: string) => wording(this, c, key, {});
    const when = x.startedAt ? cnDate(courtToday(new Date(x.startedAt))) : cnDate(c.issuedOn);
    const body = x.bodySearch ? [p(`人身搜查：由${x.bodySearch.searchedBy}对被搜查人${x.personName}的身体进行搜查${x.bodySearch.personGender === 'female' ? '（被搜查人为女性，由女执行人员进行）' : ''}。`)] : [];
    return model(c, '搜查笔录', '搜查笔录', [
      { t: 'court', text: c.court.name },
      { t: 'title', text: '搜查笔录' },
      { t: 'number', text: c.number },
      p(`时间：${when}　地点：${x.place ?? ''}`, { indent: false }),
      p(`被搜查人：${x.personName}`, { indent: false }),
      p(`搜查人员：${(x.officers ?? []).join('、')}`, { indent: false }),
      p(`在场人：${(x.attendees ?? []).join('、')}`, { indent: false }),
      p(w('shown')),
      ...body,
      p(`搜查情况及发现的财产：${withChineseDates(x.items ?? '')}`),
      ...(x.refusedToSign ? [p(`拒绝签名情况：${x.refusedToSign}`)] : []),
      p(w('read'), { indent: false }),
      p('搜查人员（签名）：　　　　　　　被搜查人（签名）：　　　　　　', { indent: false }),
      p('在场人（签名）：　　　　　　　　记录人（签名）：　　　　　　　', { indent: false }),
    ]);
  },
};
