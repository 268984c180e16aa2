import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { APPLICANT_SIDE, isApplicantInterview, type PersonCapacity, type RecordPerson, type WorkRecordKind } from '../../../src-shared/domain/workRecords';
import { appendEvent, type Actor } from '../../events/log';
import { getCaseRow } from '../cases/queries';

// Work records (执行笔录、谈话笔录、约谈记录; src-shared/domain/workRecords.ts for what a 笔录 holds and
// the articles). A record is written once and never edited — what was signed on paper is what the
// register holds; a mistake is put right by a new record that names the one it corrects.

export interface RecordInput {
  caseId: number;
  kind: WorkRecordKind;
  heldOn: string;
  startedAt: string;
  endedAt: string;
  place: string;
  officers: string[];
  recorder: string;
  persons: RecordPerson[];
  subject?: string | undefined;
  content: string;
  /** Who refused to sign and why (民诉法 2023 Art. 150: 拒绝签名盖章的，记明情况). */
  refusal?: string | undefined;
  correctsId?: number | undefined;
}

export interface RecordView {
  id: number;
  caseId: number;
  caseNumber: string;
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
  correctsId: number | null;
  documentId: number | null;
  /** The 约谈 of 终本规定 Art. 5: the applicant (or their agent) took part in a 约谈记录. */
  applicantInterview: boolean;
  createdAt: string;
  createdBy: string;
}

const DEBTOR_SIDE: readonly PersonCapacity[] = ['被执行人', '被执行人的法定代表人', '被执行人的委托代理人', '被执行人的成年家属'];

/** A record may be made while the case is open, and for a 终本 case in the archive (its follow-up work); not after any other closure. */
function assertRecordable(db: Db, caseId: number): void {
  const c = getCaseRow(db, caseId);
  if (c.stage === 'closed') throw new ApiError('read_only', `案件 ${c.number} 已结案，不能再制作笔录`, 'caseId');
}

function checkPersons(db: Db, caseId: number, kind: WorkRecordKind, persons: RecordPerson[]): RecordPerson[] {
  // 谈话笔录 and 约谈记录 record what someone said: there is someone (民诉法 Art. 133). A 执行笔录 may
  // record a measure carried out in the debtor's absence (民诉法 2023 Art. 256: 拒不到场的，不影响执行).
  if (kind !== '执行笔录' && persons.length === 0) throw invalid('persons', `${kind}须写明被谈话人或在场人员`);
  const parties = new Map(db.all(db.q.selectFrom('parties').select(['id', 'name', 'role']).where('case_id', '=', caseId)).map((p) => [p.id, p]));
  return persons.map((p, i) => {
    if (p.partyId === undefined) return p;
    const party = parties.get(p.partyId);
    if (!party) throw invalid(`persons.${i}.partyId`, '所选当事人不是本案当事人');
    const side = APPLICANT_SIDE.includes(p.capacity) ? 'applicant' : DEBTOR_SIDE.includes(p.capacity) ? 'debtor' : null;
    if (side && side !== party.role) throw invalid(`persons.${i}.capacity`, `${party.name}是本案${party.role === 'applicant' ? '申请执行人' : '被执行人'}，身份不能为“${p.capacity}”`);
    // The party themselves: the name is the register's, not retyped.
    return p.capacity === '申请执行人' || p.capacity === '被执行人' ? { ...p, name: party.name } : p;
  });
}

export function createRecord(db: Db, actor: Actor, at: Date, today: string, input: RecordInput): number {
  return db.tx(() => {
    assertRecordable(db, input.caseId);
    const c = getCaseRow(db, input.caseId);
    if (input.heldOn > today) throw invalid('heldOn', '笔录日期不能晚于今天');
    if (input.heldOn < c.filed_on) throw invalid('heldOn', `笔录日期不能早于立案日期 ${c.filed_on}`);
    if (input.endedAt < input.startedAt) throw invalid('endedAt', '结束时间不能早于开始时间');
    if (input.correctsId !== undefined) {
      const old = db.get(db.q.selectFrom('work_records').select(['id', 'case_id']).where('id', '=', input.correctsId));
      if (!old || old.case_id !== input.caseId) throw invalid('correctsId', '所更正的笔录不是本案笔录');
    }
    const persons = checkPersons(db, input.caseId, input.kind, input.persons);
    const id = db.run(
      db.q.insertInto('work_records').values({
        case_id: input.caseId,
        kind: input.kind,
        held_on: input.heldOn,
        started_at: input.startedAt,
        ended_at: input.endedAt,
        place: input.place,
        officers: JSON.stringify(input.officers),
        recorder: input.recorder,
        persons: JSON.stringify(persons),
        subject: input.subject?.trim() || null,
        content: input.content,
        refusal: input.refusal?.trim() || null,
        corrects_id: input.correctsId ?? null,
        document_id: null,
        created_at: at.toISOString(),
        created_by: actor.name,
      }),
    ).lastInsertRowid;
    appendEvent(db, actor, at, {
      caseId: input.caseId,
      type: 'record.created',
      // The day it was held: the 终本 checklist and ruling date the interview by it, not by the day typed in.
      onDate: input.heldOn,
      payload: {
        recordId: id,
        kind: input.kind,
        heldOn: input.heldOn,
        place: input.place,
        persons: persons.map((p) => ({ name: p.name, capacity: p.capacity })),
        applicantInterview: isApplicantInterview(input.kind, persons),
        ...(input.correctsId !== undefined ? { correctsId: input.correctsId } : {}),
      },
    });
    return id;
  });
}

type Row = {
  id: number;
  case_id: number;
  number: string;
  kind: WorkRecordKind;
  held_on: string;
  started_at: string;
  ended_at: string | null;
  place: string;
  officers: string;
  recorder: string;
  persons: string;
  subject: string | null;
  content: string;
  refusal: string | null;
  corrects_id: number | null;
  document_id: number | null;
  created_at: string;
  created_by: string;
};

function toView(r: Row): RecordView {
  const persons = JSON.parse(r.persons) as RecordPerson[];
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.number,
    kind: r.kind,
    heldOn: r.held_on,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    place: r.place,
    officers: JSON.parse(r.officers) as string[],
    recorder: r.recorder,
    persons,
    subject: r.subject,
    content: r.content,
    refusal: r.refusal,
    correctsId: r.corrects_id,
    documentId: r.document_id,
    applicantInterview: isApplicantInterview(r.kind, persons),
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

const SELECT = 'SELECT w.*, c.number FROM work_records w JOIN cases c ON c.id = w.case_id';

export function listRecords(db: Db, caseId: number): RecordView[] {
  getCaseRow(db, caseId);
  return db.raw<Row>(`${SELECT} WHERE w.case_id = ? ORDER BY w.held_on DESC, w.id DESC`, caseId).map(toView);
}

export function getRecord(db: Db, id: number): RecordView {
  const r = db.raw<Row>(`${SELECT} WHERE w.id = ?`, id)[0];
  if (!r) throw new ApiError('not_found', `笔录不存在（编号 ${id}）`, 'recordId');
  return toView(r);
}

/** The case's latest 约谈 of the applicant (终本规定 Art. 5), or null. */
export function latestApplicantInterview(db: Db, caseId: number): RecordView | null {
  return listRecords(db, caseId).find((r) => r.applicantInterview) ?? null;
}
