import type { Db } from '../../db/connection';
import type { Insertable } from 'kysely';
import type { CoercionMeasuresTable } from '../../db/tables/coercion';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { addCalendarDays } from '../../../src-shared/domain/chineseDate';
import { actKey, AMOUNT_ARTICLE, DETENTION_MAX_DAYS, fineAmountProblem, GROUNDS, type Gender, type Ground, type PersonKind } from '../../../src-shared/domain/coercion';
import { appendEvent, type Actor } from '../../events/log';
import { assertOpen } from '../cases/stage';
import { assertApprover } from './approval';
import { withDocument } from './documents';
import { requestRow } from './requests';

// 拘传, 罚款, 拘留 and the search warrant: each approved by the president or the vice-president he
// authorises (民诉法 Arts. 119, 259), each with its document made by the documents engine in the same
// transaction as the measure (services/coercion/documents.ts).

export interface Env {
  db: Db;
  dataDir: string;
  actor: Actor;
  at: Date;
  today: string;
}

type NewMeasure = Insertable<CoercionMeasuresTable>;

function insertMeasure(db: Db, env: Env, m: Omit<NewMeasure, 'created_at' | 'created_by' | 'approved_at' | 'started_at'>): number {
  return db.run(
    db.q.insertInto('coercion_measures').values({ ...m, approved_at: env.at.toISOString(), started_at: env.at.toISOString(), created_at: env.at.toISOString(), created_by: env.actor.name }),
  ).lastInsertRowid;
}

export function measureRow(db: Db, id: number) {
  const m = db.get(db.q.selectFrom('coercion_measures').selectAll().where('id', '=', id));
  if (!m) throw new ApiError('not_found', `强制措施不存在（编号 ${id}）`, 'measureId');
  return m;
}

function approverName(db: Db, id: number): string {
  return assertApprover(db, id).displayName;
}

/** The person the measure is on: the request's, or the one named in the input. */
interface Person {
  caseId: number;
  requestId: number | null;
  partyId: number | null;
  personName: string;
  personKind: PersonKind;
  gender: Gender | null;
}

function personOf(db: Db, input: { requestId?: number | undefined; caseId?: number | undefined; partyId?: number | undefined; personName?: string | undefined; personKind?: PersonKind | undefined; gender?: Gender | undefined }): Person {
  if (input.requestId !== undefined) {
    const r = requestRow(db, input.requestId);
    if (input.caseId !== undefined && input.caseId !== r.case_id) throw invalid('caseId', '申请不属于该案件');
    if (r.status === 'withdrawn' || r.status === 'done') throw new ApiError('conflict', '该协助申请已撤回或已办结', 'requestId');
    return { caseId: r.case_id, requestId: r.id, partyId: r.party_id, personName: r.person_name, personKind: r.person_kind, gender: r.gender };
  }
  if (input.caseId === undefined) throw invalid('caseId', '请指明案件');
  if (input.partyId !== undefined) {
    // A party of the case: its own name and kind (the decision prints its identity).
    const p = db.raw<{ name: string; kind: string }>('SELECT name, kind FROM parties WHERE id = ? AND case_id = ?', input.partyId, input.caseId)[0];
    if (!p) throw invalid('partyId', '该当事人不属于本案');
    return { caseId: input.caseId, requestId: null, partyId: input.partyId, personName: p.name, personKind: p.kind === 'org' ? 'organisation' : 'individual', gender: input.gender ?? null };
  }
  if (!input.personName) throw invalid('personName', '请填写被采取措施人的姓名或名称');
  return { caseId: input.caseId, requestId: null, partyId: null, personName: input.personName, personKind: input.personKind ?? 'individual', gender: input.gender ?? null };
}

const personExtra = (p: Person) => ({ personName: p.personName, personKind: p.personKind, ...(p.partyId !== null ? { partyId: p.partyId } : {}) });

// ── 拘传 ──────────────────────────────────────────────────────────────────────────────────────────

export interface CompelInput {
  requestId: number;
  approvedById: number;
  /** Complex, and detention may follow: questioning up to 24 h instead of 8 (民诉法解释 Art. 482). */
  complex: boolean;
  place: string;
}

/**
 * Starts a 拘传 on a request: approved by the president (民诉法 Art. 119), the 拘传票 served directly
 * (解释 Art. 175), the questioning clock running from now (解释 Art. 482: 8 h; 24 h when complex).
 */
export async function compel(env: Env, input: CompelInput): Promise<number> {
  const { db } = env;
  const r = requestRow(db, input.requestId);
  if (r.measure !== 'compel') throw invalid('requestId', '该申请不是拘传申请');
  const p = personOf(db, { requestId: input.requestId });
  assertOpen(db, p.caseId);
  if (!r.summons_served_on) throw invalid('requestId', '拘传须以依法传唤后拒不到场为前提（民诉法解释第四百八十二条）');
  const running = db.raw<{ id: number }>("SELECT id FROM coercion_measures WHERE request_id = ? AND kind = 'compel' AND ended_at IS NULL", r.id)[0];
  if (running) throw new ApiError('conflict', `${r.person_name}正在拘传询问中`, 'requestId');
  const approver = approverName(db, input.approvedById);
  const doc = { caseId: p.caseId, kind: '拘传票', extra: { ...personExtra(p), place: input.place, summonsServedOn: r.summons_served_on, purpose: r.purpose, approver } };
  return withDocument(db, env.dataDir, env.actor, env.at, env.today, doc, (documentId) => {
    const measureId = insertMeasure(db, env, {
      case_id: p.caseId, request_id: p.requestId, kind: 'compel', person_name: p.personName, person_kind: p.personKind, gender: p.gender,
      complex: input.complex ? 1 : 0, approved_by_id: input.approvedById, place: input.place, served_on: env.today, document_id: documentId,
    });
    appendEvent(db, env.actor, env.at, { caseId: p.caseId, type: 'coercion.compelled', payload: { measureId, requestId: r.id, complex: input.complex, approvedById: input.approvedById, documentId } });
    return measureId;
  });
}

/** The questioning of a 拘传 ends (its clock stops); the outcome is written in the record. */
export function endQuestioning(env: Env, input: { measureId: number; outcome: string }): void {
  const { db } = env;
  db.tx(() => {
    const m = measureRow(db, input.measureId);
    if (m.kind !== 'compel') throw invalid('measureId', '该措施不是拘传');
    if (m.ended_at) throw new ApiError('conflict', '该拘传的调查询问已经结束', 'measureId');
    db.run(db.q.updateTable('coercion_measures').set({ ended_at: env.at.toISOString(), outcome: input.outcome }).where('id', '=', m.id));
    appendEvent(db, env.actor, env.at, { caseId: m.case_id, type: 'coercion.questioned', payload: { measureId: m.id, outcome: input.outcome } });
  });
}

// ── 罚款、拘留 ─────────────────────────────────────────────────────────────────────────────────────

interface SanctionBase {
  requestId?: number | undefined;
  caseId?: number | undefined;
  partyId?: number | undefined;
  personName?: string | undefined;
  personKind?: PersonKind | undefined;
  gender?: Gender | undefined;
  ground: Ground;
  /** The obstructing act: what was done, when and where (the decision recites it). */
  act: string;
  approvedById: number;
}

/**
 * The same act is never fined or detained twice (民诉法解释 Art. 184: 不得连续适用); a fine and a
 * detention for one act may be combined (Art. 183). A new act may be sanctioned again.
 */
function assertNotSanctioned(db: Db, caseId: number, key: string, kind: 'fine' | 'detain'): void {
  const prior = db.raw<{ id: number; created_at: string }>('SELECT id, created_at FROM coercion_measures WHERE case_id = ? AND act_key = ? AND kind = ?', caseId, key, kind)[0];
  if (prior) {
    const what = kind === 'fine' ? '罚款' : '拘留';
    throw new ApiError('conflict', `同一妨害执行行为已于${prior.created_at.slice(0, 10)}决定${what}，不得再次${what}（民诉法解释第一百八十四条）`, 'act', { measureId: prior.id });
  }
}

export interface FineInput extends SanctionBase {
  amountFen: number;
}

/** A fine by written decision (罚款决定书): 民诉法 Arts. 118–119; amount within the party kind's limits. */
export async function fine(env: Env, input: FineInput): Promise<number> {
  const { db } = env;
  const p = personOf(db, input);
  assertOpen(db, p.caseId);
  const problem = fineAmountProblem(p.personKind, input.amountFen);
  if (problem) throw invalid('amountFen', problem);
  const key = actKey(p.personName, input.ground, input.act);
  assertNotSanctioned(db, p.caseId, key, 'fine');
  const approver = approverName(db, input.approvedById);
  const g = GROUNDS[input.ground];
  const doc = { caseId: p.caseId, kind: '罚款决定书', extra: { ...personExtra(p), act: input.act, ground: g.label, article: g.article, amountArticle: AMOUNT_ARTICLE, amountFen: input.amountFen, approver } };
  return withDocument(db, env.dataDir, env.actor, env.at, env.today, doc, (documentId) => {
    assertNotSanctioned(db, p.caseId, key, 'fine'); // again inside the transaction: two clerks at once
    const measureId = insertMeasure(db, env, {
      case_id: p.caseId, request_id: p.requestId, kind: 'fine', person_name: p.personName, person_kind: p.personKind, gender: p.gender,
      act_key: key, act: input.act, ground: input.ground, article: g.article, amount_fen: input.amountFen, approved_by_id: input.approvedById,
      served_on: env.today, document_id: documentId,
    });
    appendEvent(db, env.actor, env.at, { caseId: p.caseId, type: 'coercion.fined', payload: { measureId, amountFen: input.amountFen, ground: input.ground, article: g.article, approvedById: input.approvedById, documentId } });
    return measureId;
  });
}

export interface DetainInput extends SanctionBase {
  days: number;
  /** Detained first in an emergency and reported to the president at once (民诉法解释 Art. 181). */
  emergency?: boolean | undefined;
}

/**
 * Detention by written decision (拘留决定书): 民诉法 Art. 118 (15 days at most, held by the public
 * security organs), Art. 119 (president's approval); 解释 Art. 178 (judicial police deliver the
 * person). Only a person is detained: for an organisation, its principal or the person directly
 * responsible (民诉法 Art. 114 para. 2). Under Art. 117 (a unit refusing to assist) its head is
 * detained only after a fine when the unit still does not assist.
 */
export async function detain(env: Env, input: DetainInput): Promise<number> {
  const { db } = env;
  const p = personOf(db, input);
  assertOpen(db, p.caseId);
  if (p.personKind === 'organisation') throw invalid('personKind', '不能拘留单位：对单位的主要负责人或者直接责任人员予以拘留（民诉法第一百一十四条第二款）');
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > DETENTION_MAX_DAYS) throw invalid('days', `拘留期限为十五日以下（民诉法第一百一十八条）`);
  const key = actKey(p.personName, input.ground, input.act);
  assertNotSanctioned(db, p.caseId, key, 'detain');
  if (input.ground === 'refuseAssist') {
    const fined = db.raw<{ n: number }>("SELECT count(*) AS n FROM coercion_measures WHERE case_id = ? AND kind = 'fine' AND ground = 'refuseAssist'", p.caseId)[0]!.n;
    if (fined === 0) throw invalid('ground', '对拒不协助执行的单位，先予罚款；仍不履行协助义务的，方可对其主要负责人或者直接责任人员拘留（民诉法第一百一十七条第二款）');
  }
  const approver = approverName(db, input.approvedById);
  const g = GROUNDS[input.ground];
  // Detention of N days from today: today is the first day, so it ends on day N.
  const endsOn = addCalendarDays(env.today, input.days - 1);
  // In an emergency the president is reported to after the detention (解释 Art. 181): the decision
  // names no approval, it says it was made in an emergency and reported.
  const doc = {
    caseId: p.caseId,
    kind: '拘留决定书',
    extra: { ...personExtra(p), act: input.act, ground: g.label, article: g.article, amountArticle: AMOUNT_ARTICLE, days: input.days, fromOn: env.today, endsOn, ...(input.emergency ? { emergency: true } : { approver }) },
  };
  return withDocument(db, env.dataDir, env.actor, env.at, env.today, doc, (documentId) => {
    assertNotSanctioned(db, p.caseId, key, 'detain');
    const measureId = insertMeasure(db, env, {
      case_id: p.caseId, request_id: p.requestId, kind: 'detain', person_name: p.personName, person_kind: p.personKind, gender: p.gender,
      act_key: key, act: input.act, ground: input.ground, article: g.article, days: input.days, ends_on: endsOn,
      approved_by_id: input.approvedById, emergency: input.emergency ? 1 : 0, served_on: env.today, document_id: documentId,
    });
    appendEvent(db, env.actor, env.at, {
      caseId: p.caseId,
      type: 'coercion.detained',
      payload: { measureId, days: input.days, endsOn, ground: input.ground, article: g.article, approvedById: input.approvedById, emergency: Boolean(input.emergency), documentId },
    });
    return measureId;
  });
}

// ── 搜查 ──────────────────────────────────────────────────────────────────────────────────────────

export interface WarrantInput {
  requestId?: number | undefined;
  caseId?: number | undefined;
  partyId?: number | undefined;
  personName?: string | undefined;
  personKind?: PersonKind | undefined;
  gender?: Gender | undefined;
  place: string;
  /** Why: the debtor hides property or account books and will not hand them over (民诉法解释 Art. 494). */
  reason: string;
  approvedById: number;
}

/** The search warrant (搜查令), signed by the president (民诉法 Art. 259 para. 2). */
export async function issueWarrant(env: Env, input: WarrantInput): Promise<number> {
  const { db } = env;
  const p = personOf(db, input);
  assertOpen(db, p.caseId);
  const approver = approverName(db, input.approvedById);
  const doc = { caseId: p.caseId, kind: '搜查令', extra: { ...personExtra(p), place: input.place, reason: input.reason, approver } };
  return withDocument(db, env.dataDir, env.actor, env.at, env.today, doc, (documentId) => {
    const measureId = insertMeasure(db, env, {
      case_id: p.caseId, request_id: p.requestId, kind: 'search', person_name: p.personName, person_kind: p.personKind, gender: p.gender,
      act: input.reason, approved_by_id: input.approvedById, place: input.place, document_id: documentId,
    });
    appendEvent(db, env.actor, env.at, { caseId: p.caseId, type: 'coercion.searched', payload: { measureId, approvedById: input.approvedById, documentId } });
    return measureId;
  });
}

export interface SearchRecordInput {
  measureId: number;
  /** The debtor or an adult family member and the local community body; for an organisation its head (解释 Art. 496). */
  attendees: string[];
  officers: { name: string; gender: Gender }[];
  /** A person's body searched, and by whom: a woman only by a female officer (解释 Art. 496 para. 2). */
  bodySearch?: { personGender: Gender; searchedBy: string } | undefined;
  items: string;
  /** Who refused to sign, recorded in the record (解释 Art. 498). */
  refusedToSign?: string | undefined;
}

/** The search record (搜查笔录), signed by the searchers, the person searched and those present (解释 Art. 498). */
export async function recordSearch(env: Env, input: SearchRecordInput): Promise<void> {
  const { db } = env;
  const m = measureRow(db, input.measureId);
  if (m.kind !== 'search') throw invalid('measureId', '该措施不是搜查');
  if (m.record_document_id) throw new ApiError('conflict', '该搜查已制作搜查笔录', 'measureId');
  assertOpen(db, m.case_id);
  if (input.officers.length === 0) throw invalid('officers', '请登记搜查人员');
  if (input.bodySearch) {
    const by = input.officers.find((o) => o.name === input.bodySearch!.searchedBy);
    if (!by) throw invalid('bodySearch.searchedBy', '搜查身体的人员须是登记的搜查人员之一');
    if (input.bodySearch.personGender === 'female' && by.gender !== 'female') {
      throw invalid('bodySearch.searchedBy', '搜查妇女身体，应当由女执行人员进行（民诉法解释第四百九十六条第二款）');
    }
  }
  const doc = {
    caseId: m.case_id,
    kind: '搜查笔录',
    extra: {
      personName: m.person_name, personKind: m.person_kind, ...(m.request_id !== null ? {} : {}), place: m.place ?? '', startedAt: m.started_at,
      attendees: input.attendees, officers: input.officers.map((o) => o.name), bodySearch: input.bodySearch ?? null, items: input.items, refusedToSign: input.refusedToSign ?? '',
    },
  };
  await withDocument(db, env.dataDir, env.actor, env.at, env.today, doc, (documentId) => {
    db.run(
      db.q
        .updateTable('coercion_measures')
        .set({
          attendees: JSON.stringify(input.attendees),
          officers: JSON.stringify(input.officers),
          searched_person_gender: input.bodySearch?.personGender ?? null,
          items: input.items,
          ended_at: env.at.toISOString(),
          record_document_id: documentId,
        })
        .where('id', '=', m.id),
    );
    appendEvent(db, env.actor, env.at, { caseId: m.case_id, type: 'coercion.searched', payload: { measureId: m.id, approvedById: m.approved_by_id, recordDocumentId: documentId } });
  });
}
