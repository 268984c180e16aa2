import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { addCalendarDays } from '../../../src-shared/domain/chineseDate';
import { ruleAmount } from '../../../src-shared/domain/deadlineRules';
import { addWorkingDays, nextWorkingDay } from '../../../src-shared/domain/workingDays';
import { appendEvent, type Actor } from '../../events/log';
import { loadCalendar } from '../calendar/calendar';
import { getSettings } from '../settings/settings';
import { getListing, markRemovalDue } from './removal';

// Correction requests (失信规定 法释〔2017〕7号 Art. 11): the court reviews a written request within 15
// days of receiving it; where the reason holds it corrects within 3 working days; the listing stays
// while the request is reviewed (Art. 12). A correction upheld is a deletion ground (the deletion clock
// starts with it). The clocks are the deadline rules creditCorrectionReview and creditCorrectionFix.

export function fileCorrection(db: Db, actor: Actor, at: Date, today: string, input: { listingId: number; filedOn: string; reason: string }): number {
  if (input.filedOn > today) throw invalid('filedOn', `申请日期 ${input.filedOn} 晚于今天`);
  return db.tx(() => {
    const l = getListing(db, input.listingId);
    if (l.status === 'deleted') throw new ApiError('conflict', '该失信信息已删除，无需纠正', 'listingId');
    if (input.filedOn < l.decided_on) throw invalid('filedOn', `申请日期早于纳入决定（${l.decided_on}）`);
    const open = db.raw<{ id: number }>('SELECT id FROM credit_corrections WHERE listing_id = ? AND decided_on IS NULL', l.id)[0];
    if (open) throw new ApiError('conflict', `该登记已有待审查的纠正申请（编号 ${open.id}）`, 'listingId');
    const days = ruleAmount(getSettings(db).deadlineRules, 'creditCorrectionReview').amount;
    // The last day falling on a day off moves to the next working day (民诉法 2023 Art. 85), as the board computes it.
    const reviewDue = nextWorkingDay(addCalendarDays(input.filedOn, days), loadCalendar(db), true);
    const id = Number(
      db.rawRun(
        'INSERT INTO credit_corrections (listing_id, case_id, filed_on, reason, review_due_on, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
        l.id, l.case_id, input.filedOn, input.reason.trim(), reviewDue, at.toISOString(), actor.name,
      ).lastInsertRowid,
    );
    appendEvent(db, actor, at, { caseId: l.case_id, type: 'credit.correctionFiled', onDate: input.filedOn, payload: { correctionId: id, listingId: l.id, reviewDueOn: reviewDue } });
    return id;
  });
}

export function decideCorrection(db: Db, actor: Actor, at: Date, today: string, input: { correctionId: number; result: 'corrected' | 'rejected'; decidedOn: string; note: string }): void {
  if (input.decidedOn > today) throw invalid('decidedOn', `审查日期 ${input.decidedOn} 晚于今天`);
  db.tx(() => {
    const c = db.raw<{ id: number; listing_id: number; case_id: number; filed_on: string; decided_on: string | null }>('SELECT id, listing_id, case_id, filed_on, decided_on FROM credit_corrections WHERE id = ?', input.correctionId)[0];
    if (!c) throw new ApiError('not_found', `纠正申请不存在（编号 ${input.correctionId}）`, 'correctionId');
    if (c.decided_on) throw new ApiError('conflict', '该纠正申请已审查', 'correctionId');
    if (input.decidedOn < c.filed_on) throw invalid('decidedOn', `审查日期早于申请日期（${c.filed_on}）`);
    const days = ruleAmount(getSettings(db).deadlineRules, 'creditCorrectionFix').amount;
    const fixDue = input.result === 'corrected' ? addWorkingDays(input.decidedOn, days, loadCalendar(db)) : null;
    db.rawRun('UPDATE credit_corrections SET decided_on = ?, result = ?, decision_note = ?, correct_due_on = ? WHERE id = ?', input.decidedOn, input.result, input.note.trim(), fixDue, c.id);
    appendEvent(db, actor, at, { caseId: c.case_id, type: 'credit.correctionDecided', onDate: input.decidedOn, payload: { correctionId: c.id, listingId: c.listing_id, result: input.result, ...(fixDue ? { correctDueOn: fixDue } : {}) } });
  });
}

/** Carries out an upheld correction: the listing was wrong, so its information is deleted (the deletion itself prints its decision). */
export function applyCorrection(db: Db, actor: Actor, at: Date, today: string, input: { correctionId: number; correctedOn: string }): void {
  if (input.correctedOn > today) throw invalid('correctedOn', `纠正日期 ${input.correctedOn} 晚于今天`);
  db.tx(() => {
    const c = db.raw<{ id: number; listing_id: number; case_id: number; result: string | null; corrected_on: string | null; decided_on: string | null }>('SELECT * FROM credit_corrections WHERE id = ?', input.correctionId)[0];
    if (!c) throw new ApiError('not_found', `纠正申请不存在（编号 ${input.correctionId}）`, 'correctionId');
    if (c.result !== 'corrected') throw new ApiError('conflict', '纠正申请未经审查认定理由成立，不能纠正', 'correctionId');
    if (c.corrected_on) throw new ApiError('conflict', '已纠正', 'correctionId');
    if (input.correctedOn < c.decided_on!) throw invalid('correctedOn', `纠正日期早于审查日期（${c.decided_on}）`);
    const l = getListing(db, c.listing_id);
    db.rawRun('UPDATE credit_corrections SET corrected_on = ? WHERE id = ?', input.correctedOn, c.id);
    if (l.status === 'listed') markRemovalDue(db, actor, at, c.case_id, 'corrected', 'correction', input.correctedOn, l.party_id);
    appendEvent(db, actor, at, { caseId: c.case_id, type: 'credit.corrected', onDate: input.correctedOn, payload: { correctionId: c.id, listingId: l.id } });
  });
}
