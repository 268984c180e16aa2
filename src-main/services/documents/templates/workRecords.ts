import type { CaseData } from '../caseData';
import { p, type Block, type DocModel } from '../model';
import type { RecordPerson, WorkRecordKind } from '../../../../src-shared/domain/workRecords';
import { CASE_PLACEHOLDERS, caseVars, cnDate, identity, model } from './common';
import { wording, type Template } from './types';

// The print of a work record (执行笔录、谈话笔录、约谈记录; src-shared/domain/workRecords.ts): time from
// start to end and place (查封规定 Art. 18(1)–(2)), the officers and the recorder, every person present
// with who they are, what was said or done, then the reading and a signature line for each person
// present, each officer and the recorder (民诉法 2023 Arts. 133, 150; 查封规定 Art. 18 para. 2). A
// refusal to sign is printed above the signatures (民诉法 2023 Art. 150; 民诉法解释 2022 Art. 498).
// The record's content arrives in `extra.record` from services/records.

export interface RecordExtra {
  kind: WorkRecordKind;
  heldOn: string;
  startedAt: string;
  endedAt: string | null;
  place: string;
  officers: string[];
  recorder: string;
  persons: RecordPerson[];
  subject: string | null;
  content: string;
  refusal: string | null;
}

function recordOf(c: CaseData): RecordExtra | null {
  const r = (c.extra as { record?: RecordExtra } | undefined)?.record;
  return r && typeof r.content === 'string' ? r : null;
}

/** 9:05 → 9时05分 */
function clock(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  return `${Number(h)}时${m}分`;
}

/** A person present as the record names them: a party with their identity as the documents print it, anyone else with what identifies them. */
function personLine(c: CaseData, x: RecordPerson): string {
  const party = [...c.applicants, ...c.debtors].find((y) => y.id === x.partyId);
  if (party && (x.capacity === '申请执行人' || x.capacity === '被执行人')) return `${x.capacity}：${identity(party)}`;
  const of = party ? `（${party.name}）` : '';
  return `${x.capacity}${of}：${x.name}${x.detail ? `，${x.detail}` : ''}。`;
}

/** The content as written: a line that starts with 问：or 答： is a paragraph of its own, set flush left as the forms do. */
function contentBlocks(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => p(l, { indent: !/^(问|答)[：:]/.test(l) }));
}

const LABELS: Record<WorkRecordKind, { persons: string }> = {
  执行笔录: { persons: '在场人员' },
  谈话笔录: { persons: '被谈话人' },
  约谈记录: { persons: '被约谈人' },
};

export function recordTemplate(kind: WorkRecordKind, summary: string): Template {
  return {
    kind,
    addressee: 'file',
    summary,
    batchable: false,
    texts: {
      read: { label: '宣读与核对', text: '以上笔录已向在场人员宣读（或交其阅读），经核对无误。' },
    },
    placeholders: CASE_PLACEHOLDERS,
    missing(c: CaseData): string[] {
      const r = recordOf(c);
      if (!r) return [`${kind}的内容尚未登记`];
      const out: string[] = [];
      if (!r.place.trim()) out.push(`${kind}未写明地点`);
      if (r.officers.length === 0) out.push(`${kind}未写明执行人员`);
      if (!r.recorder.trim()) out.push(`${kind}未写明记录人`);
      return out;
    },
    build(c: CaseData): DocModel {
      const r = recordOf(c)!;
      const when = `${cnDate(r.heldOn)}${clock(r.startedAt)}${r.endedAt ? `至${clock(r.endedAt)}` : ''}`;
      const signLine = (who: string) => p(`${who}（签名）：`, { indent: false });
      return model(c, kind, kind, [
        { t: 'court', text: c.court.name },
        { t: 'title', text: kind },
        { t: 'number', text: c.number },
        p(`时间：${when}`, { indent: false }),
        p(`地点：${r.place}`, { indent: false }),
        ...(r.subject ? [p(`事由：${r.subject}`, { indent: false })] : []),
        p(`执行人员：${r.officers.join('、')}`, { indent: false }),
        p(`记录人：${r.recorder}`, { indent: false }),
        ...(r.persons.length ? [p(`${LABELS[kind].persons}：`, { indent: false }), ...r.persons.map((x) => p(personLine(c, x)))] : [p(`${LABELS[kind].persons}：无`, { indent: false })]),
        ...contentBlocks(r.content),
        ...(r.refusal ? [p(`拒绝签名情况：${r.refusal}`, { indent: false })] : []),
        p(wording(this, c, 'read', caseVars(c, c.applicants)), { indent: false }),
        { t: 'spacer', lines: 1 },
        ...r.persons.map((x) => signLine(`${x.capacity}　${x.name}`)),
        ...r.officers.map((o) => signLine(`执行人员　${o}`)),
        signLine(`记录人　${r.recorder}`),
      ]);
    },
  };
}
