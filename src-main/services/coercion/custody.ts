import { ApiError, invalid } from '../../../src-shared/api/errors';
import { addCalendarDays, courtToday, diffCalendarDays } from '../../../src-shared/domain/chineseDate';
import { REVIEW_FILING_DAYS } from '../../../src-shared/domain/coercion';
import { appendEvent } from '../../events/log';
import { getSettings } from '../settings/settings';
import { assertApprover } from './approval';
import { withDocument } from './documents';
import { measureRow, type Env } from './measures';

// A detained person from decision to release: family told within 24 h (民诉法解释 Art. 180), medical
// check and hand-over to the detention centre (解释 Art. 178; 拘留所条例 Arts. 9, 19 — practice,
// setting coercionMedicalCheck [U]), leave (拘留所条例 Art. 27: time away does not count), release
// on expiry or early by decision (民诉法 Art. 118 para. 3; 解释 Art. 182), and the review of a fine
// or detention (民诉法 Art. 119; 解释 Art. 185: filed within 3 days, decided within 5).

function detention(env: Env, measureId: number) {
  const m = measureRow(env.db, measureId);
  if (m.kind !== 'detain') throw invalid('measureId', '该措施不是拘留');
  return m;
}

function assertHeld(m: { released_at: string | null }) {
  if (m.released_at) throw new ApiError('conflict', '被拘留人已解除拘留', 'measureId');
}

/** The family is told (how), or why they could not be is recorded (民诉法解释 Art. 180). */
export function notifyFamily(env: Env, input: { measureId: number; method?: string | undefined; missedReason?: string | undefined }): void {
  const { db } = env;
  db.tx(() => {
    const m = detention(env, input.measureId);
    if (m.family_at) throw new ApiError('conflict', '已登记家属通知', 'measureId');
    if (!input.method && !input.missedReason) throw invalid('method', '请填写通知家属的方式，或无法通知的原因');
    db.run(db.q.updateTable('coercion_measures').set({ family_at: env.at.toISOString(), family_method: input.method ?? null, family_missed_reason: input.missedReason ?? null }).where('id', '=', m.id));
    appendEvent(db, env.actor, env.at, { caseId: m.case_id, type: 'coercion.familyNotified', payload: { measureId: m.id, ...(input.method ? { method: input.method } : {}), ...(input.missedReason ? { missedReason: input.missedReason } : {}) } });
  });
}

/** The medical check before hand-over: the centre may refuse psychosis, infectious disease, critical illness (拘留所条例 Art. 19). */
export function recordMedical(env: Env, input: { measureId: number; fit: boolean; result: string }): void {
  const { db } = env;
  db.tx(() => {
    const m = detention(env, input.measureId);
    assertHeld(m);
    if (m.handed_over_at) throw new ApiError('conflict', '已送交拘留所', 'measureId');
    db.run(db.q.updateTable('coercion_measures').set({ medical_result: `${input.fit ? '适宜羁押' : '不宜羁押'}：${input.result}`, medical_at: env.at.toISOString() }).where('id', '=', m.id));
    appendEvent(db, env.actor, env.at, { caseId: m.case_id, type: 'coercion.medicalChecked', payload: { measureId: m.id, fit: input.fit } });
  });
}

/** Delivered to the detention centre by the judicial police (民诉法解释 Art. 178). */
export function handOver(env: Env, input: { measureId: number; centre: string }): void {
  const { db } = env;
  db.tx(() => {
    const m = detention(env, input.measureId);
    assertHeld(m);
    if (m.handed_over_at) throw new ApiError('conflict', '已送交拘留所', 'measureId');
    if (getSettings(db).coercionMedicalCheck) {
      if (!m.medical_at) throw invalid('measureId', '送交拘留所前须登记体检结果（设置“送拘前须登记体检结果”）');
      if (m.medical_result?.startsWith('不宜')) throw invalid('measureId', '体检结果为不宜羁押，拘留所不予收拘（拘留所条例第十九条）');
    }
    db.run(db.q.updateTable('coercion_measures').set({ centre: input.centre, handed_over_at: env.at.toISOString() }).where('id', '=', m.id));
    appendEvent(db, env.actor, env.at, { caseId: m.case_id, type: 'coercion.handedOver', payload: { measureId: m.id, centre: input.centre } });
  });
}

/**
 * A detained person applies for leave (an exam, a birth, a dying or dead close relative): the court
 * that decided the detention decides within 12 h (拘留所条例 Art. 27; deadline rule
 * detentionLeaveDecision). Returns the application's id.
 */
export function applyForLeave(env: Env, input: { measureId: number; reason: string }): number {
  const { db } = env;
  return db.tx(() => {
    const m = detention(env, input.measureId);
    assertHeld(m);
    const pending = db.raw<{ id: number }>('SELECT id FROM coercion_leave_applications WHERE measure_id = ? AND decision IS NULL', m.id)[0];
    if (pending) throw new ApiError('conflict', '已有待决定的请假申请', 'measureId');
    const applicationId = db.run(db.q.insertInto('coercion_leave_applications').values({ measure_id: m.id, reason: input.reason, applied_at: env.at.toISOString(), applied_by: env.actor.name, decision: null, decision_note: null, decided_at: null, decided_by: null, leave_id: null })).lastInsertRowid;
    appendEvent(db, env.actor, env.at, { caseId: m.case_id, type: 'coercion.leaveApplied', payload: { measureId: m.id, applicationId } });
    return applicationId;
  });
}

function pendingApplication(env: Env, measureId: number, applicationId: number) {
  const a = env.db.get(env.db.q.selectFrom('coercion_leave_applications').selectAll().where('id', '=', applicationId));
  if (!a || a.measure_id !== measureId) throw new ApiError('not_found', `请假申请不存在（编号 ${applicationId}）`, 'applicationId');
  if (a.decision) throw new ApiError('conflict', '该请假申请已作出决定', 'applicationId');
  return a;
}

/** Refuses an application, with the reason (拘留所条例 Art. 27: the court decides whether to grant). */
export function refuseLeave(env: Env, input: { measureId: number; applicationId: number; reason: string }): void {
  const { db } = env;
  db.tx(() => {
    const m = detention(env, input.measureId);
    pendingApplication(env, m.id, input.applicationId);
    db.run(db.q.updateTable('coercion_leave_applications').set({ decision: 'refused', decision_note: input.reason, decided_at: env.at.toISOString(), decided_by: env.actor.name }).where('id', '=', input.applicationId));
    appendEvent(db, env.actor, env.at, { caseId: m.case_id, type: 'coercion.leaveRefused', payload: { measureId: m.id, applicationId: input.applicationId, reason: input.reason } });
  });
}

/**
 * Leave during detention for an exam, a birth or a dying relative (拘留所条例 Art. 27), granted on an
 * application (which stops its 12 h clock) or directly. The time away does not count.
 */
export function grantLeave(env: Env, input: { measureId: number; reason?: string | undefined; applicationId?: number | undefined }): number {
  const { db } = env;
  return db.tx(() => {
    const m = detention(env, input.measureId);
    assertHeld(m);
    if (!m.handed_over_at) throw invalid('measureId', '尚未送交拘留所');
    const away = db.raw<{ id: number }>('SELECT id FROM coercion_leaves WHERE measure_id = ? AND to_at IS NULL', m.id)[0];
    if (away) throw new ApiError('conflict', '被拘留人正在请假外出', 'measureId');
    const app = input.applicationId !== undefined ? pendingApplication(env, m.id, input.applicationId) : null;
    const reason = input.reason?.trim() || app?.reason;
    if (!reason) throw invalid('reason', '请填写准假事由');
    const leaveId = db.run(db.q.insertInto('coercion_leaves').values({ measure_id: m.id, reason, from_at: env.at.toISOString(), to_at: null, decided_by: env.actor.name, decided_at: env.at.toISOString() })).lastInsertRowid;
    if (app) db.run(db.q.updateTable('coercion_leave_applications').set({ decision: 'granted', decided_at: env.at.toISOString(), decided_by: env.actor.name, leave_id: leaveId }).where('id', '=', app.id));
    appendEvent(db, env.actor, env.at, { caseId: m.case_id, type: 'coercion.leave', payload: { measureId: m.id, leaveId, ...(app ? { applicationId: app.id } : {}) } });
    return leaveId;
  });
}

/**
 * The president's decision on a detention made first in an emergency (民诉法解释 Art. 181): the
 * after-approval is recorded with the real user who gave it (deadline rule
 * detentionEmergencyApproval) in its own document, 补办拘留批准手续记录 — the 拘留决定书 made at the
 * detention says only that it was reported; if he finds the detention improper the person is
 * released at once.
 */
export async function decideEmergency(env: Env, input: { measureId: number; approvedById: number; approved: boolean; note?: string | undefined }): Promise<void> {
  const { db } = env;
  const check = () => {
    const m = detention(env, input.measureId);
    if (m.emergency !== 1) throw invalid('measureId', '该拘留不是紧急情况下先行拘留，无须补办批准手续');
    const done = db.get(db.q.selectFrom('coercion_emergency_decisions').select('measure_id').where('measure_id', '=', m.id));
    if (done) throw new ApiError('conflict', '已补办批准手续', 'measureId');
    return m;
  };
  const m = check();
  const approver = assertApprover(db, input.approvedById).displayName;
  const note = input.note?.trim() || null;
  if (!input.approved && !note) throw invalid('note', '院长认为拘留不当的，请写明理由');
  const doc = {
    caseId: m.case_id,
    kind: '补办拘留批准手续记录',
    extra: { personName: m.person_name, personKind: m.person_kind, act: m.act ?? '', days: m.days, fromOn: courtToday(new Date(m.started_at)), approver, approved: input.approved, ...(note ? { reason: note } : {}) },
  };
  await withDocument(db, env.dataDir, env.actor, env.at, env.today, doc, (documentId) => {
    check(); // again inside the transaction: two clerks at once
    db.run(db.q.insertInto('coercion_emergency_decisions').values({ measure_id: m.id, approved: input.approved ? 1 : 0, approved_by_id: input.approvedById, note, decided_at: env.at.toISOString(), decided_by: env.actor.name, document_id: documentId }));
    if (input.approved) db.run(db.q.updateTable('coercion_measures').set({ approved_by_id: input.approvedById, approved_at: env.at.toISOString() }).where('id', '=', m.id));
    appendEvent(db, env.actor, env.at, { caseId: m.case_id, type: 'coercion.emergencyDecided', payload: { measureId: m.id, approved: input.approved, approvedById: input.approvedById, documentId } });
    // Art. 181: 院长认为拘留不当的，应当解除拘留.
    if (!input.approved && !m.released_at) {
      db.run(db.q.updateTable('coercion_measures').set({ released_at: env.at.toISOString() }).where('id', '=', m.id));
      appendEvent(db, env.actor, env.at, { caseId: m.case_id, type: 'coercion.released', payload: { measureId: m.id, kind: 'revoked' } });
    }
  });
}

/** Back from leave: the days away do not count, so the end date moves by them (拘留所条例 Art. 27). */
export function returnFromLeave(env: Env, input: { leaveId: number }): { endsOn: string } {
  const { db } = env;
  return db.tx(() => {
    const l = db.get(db.q.selectFrom('coercion_leaves').selectAll().where('id', '=', input.leaveId));
    if (!l) throw new ApiError('not_found', `请假记录不存在（编号 ${input.leaveId}）`, 'leaveId');
    if (l.to_at) throw new ApiError('conflict', '已登记回所', 'leaveId');
    const m = detention(env, l.measure_id);
    const daysAway = diffCalendarDays(env.today, courtToday(new Date(l.from_at)));
    const endsOn = addCalendarDays(m.ends_on!, daysAway);
    db.run(db.q.updateTable('coercion_leaves').set({ to_at: env.at.toISOString() }).where('id', '=', l.id));
    db.run(db.q.updateTable('coercion_measures').set({ ends_on: endsOn }).where('id', '=', m.id));
    appendEvent(db, env.actor, env.at, { caseId: m.case_id, type: 'coercion.leaveReturned', payload: { measureId: m.id, leaveId: l.id, endsOn } });
    return { endsOn };
  });
}

/** Release on expiry (on or after the end date). */
export function releaseOnExpiry(env: Env, input: { measureId: number }): void {
  const { db } = env;
  db.tx(() => {
    const m = detention(env, input.measureId);
    assertHeld(m);
    if (env.today < m.ends_on!) throw invalid('measureId', `拘留期至${m.ends_on}届满；提前解除须经院长批准并作出提前解除拘留决定书（民诉法解释第一百八十二条）`);
    db.run(db.q.updateTable('coercion_measures').set({ released_at: env.at.toISOString(), release_kind: 'expiry' }).where('id', '=', m.id));
    appendEvent(db, env.actor, env.at, { caseId: m.case_id, type: 'coercion.released', payload: { measureId: m.id, kind: 'expiry' } });
  });
}

/** Early release on repentance: the president approves, a decision goes to the centre (民诉法 Art. 118 para. 3; 解释 Art. 182). */
export async function releaseEarly(env: Env, input: { measureId: number; approvedById: number; reason: string }): Promise<void> {
  const { db } = env;
  const m = detention(env, input.measureId);
  assertHeld(m);
  const approver = assertApprover(db, input.approvedById).displayName;
  const doc = {
    caseId: m.case_id,
    kind: '提前解除拘留决定书',
    extra: { personName: m.person_name, personKind: m.person_kind, decidedOn: courtToday(new Date(m.started_at)), decisionDocumentId: m.document_id, days: m.days, reason: input.reason, centre: m.centre ?? '', approver },
  };
  await withDocument(db, env.dataDir, env.actor, env.at, env.today, doc, (documentId) => {
    const again = measureRow(db, m.id);
    assertHeld(again);
    db.run(db.q.updateTable('coercion_measures').set({ released_at: env.at.toISOString(), release_kind: 'early', release_document_id: documentId }).where('id', '=', m.id));
    appendEvent(db, env.actor, env.at, { caseId: m.case_id, type: 'coercion.released', payload: { measureId: m.id, kind: 'early', documentId } });
  });
}

/**
 * A review of a fine or detention, applied for within 3 days of receiving the decision (民诉法解释
 * Art. 185), once (民诉法 Art. 119 para. 3: 复议一次); the review does not suspend the measure.
 */
export function fileReview(env: Env, input: { measureId: number; filedOn: string }): void {
  const { db } = env;
  db.tx(() => {
    const m = measureRow(db, input.measureId);
    if (m.kind !== 'fine' && m.kind !== 'detain') throw invalid('measureId', '只有罚款、拘留决定可以申请复议');
    if (m.review_filed_on) throw new ApiError('conflict', '已申请过复议：对决定不服的，可以申请复议一次（民诉法第一百一十九条）', 'measureId');
    if (input.filedOn > env.today) throw invalid('filedOn', `复议申请日期 ${input.filedOn} 晚于今天`);
    const received = m.served_on!;
    if (input.filedOn < received) throw invalid('filedOn', `复议申请日期早于收到决定书之日（${received}）`);
    const last = addCalendarDays(received, REVIEW_FILING_DAYS);
    if (input.filedOn > last) throw invalid('filedOn', `复议应当自收到决定书之日起三日内提出（${received}收到，至${last}届满）（民诉法解释第一百八十五条）`);
    db.run(db.q.updateTable('coercion_measures').set({ review_filed_on: input.filedOn }).where('id', '=', m.id));
    appendEvent(db, env.actor, env.at, { caseId: m.case_id, type: 'coercion.reviewFiled', onDate: input.filedOn, payload: { measureId: m.id, filedOn: input.filedOn } });
  });
}

/** The upper court's decision on the review (民诉法解释 Arts. 185–186). */
export function recordReviewDecision(env: Env, input: { measureId: number; decidedOn: string; result: 'upheld' | 'varied' | 'revoked' }): void {
  const { db } = env;
  db.tx(() => {
    const m = measureRow(db, input.measureId);
    if (!m.review_filed_on) throw invalid('measureId', '该决定未申请复议');
    if (m.review_decided_on) throw new ApiError('conflict', '已登记复议结果', 'measureId');
    if (input.decidedOn < m.review_filed_on || input.decidedOn > env.today) throw invalid('decidedOn', `复议决定日期应在${m.review_filed_on}至今天之间`);
    db.run(db.q.updateTable('coercion_measures').set({ review_decided_on: input.decidedOn, review_result: input.result }).where('id', '=', m.id));
    appendEvent(db, env.actor, env.at, { caseId: m.case_id, type: 'coercion.reviewDecided', onDate: input.decidedOn, payload: { measureId: m.id, result: input.result } });
  });
}
