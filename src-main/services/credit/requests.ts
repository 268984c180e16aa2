import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { addCalendarDays } from '../../../src-shared/domain/chineseDate';
import { ruleAmount } from '../../../src-shared/domain/deadlineRules';
import { appendEvent, type Actor } from '../../events/log';
import { assertOpen } from '../cases/stage';
import { getSettings } from '../settings/settings';

// The applicant's written request to list the debtor (失信规定 法释〔2017〕7号 Art. 5): the court
// reviews and decides within 15 days of receiving it. desks.md §5 tags the 15 days [P] and §12 lists
// it as unconfirmed, so the limit is the court's rule creditListingDecision (default 15 calendar
// days) and this clock starts from the request's registration. The request ends in a listing
// (credit.list with its requestId) or a refusal with reasons.

export interface ListingRequestRow {
  id: number;
  case_id: number;
  party_id: number;
  ground: number;
  reason: string;
  requested_on: string;
  decide_by: string;
  decided_on: string | null;
  result: 'listed' | 'rejected' | null;
  note: string | null;
  listing_id: number | null;
}

export function listingRequestRow(db: Db, caseId: number, requestId: number): ListingRequestRow {
  const r = db.raw<ListingRequestRow>('SELECT * FROM credit_listing_requests WHERE id = ? AND case_id = ?', requestId, caseId)[0];
  if (!r) throw new ApiError('not_found', `本案没有该纳入失信名单申请（编号 ${requestId}）`, 'requestId');
  return r;
}

/** Pending request of this case and debtor, checked for a listing made on it. */
export function pendingListingRequest(db: Db, caseId: number, requestId: number, partyId: number): ListingRequestRow {
  const r = listingRequestRow(db, caseId, requestId);
  if (r.result) throw new ApiError('conflict', '该申请已作出决定', 'requestId');
  if (r.party_id !== partyId) throw invalid('partyId', '纳入的被执行人与申请所列被执行人不一致');
  return r;
}

export function requestListing(db: Db, actor: Actor, at: Date, today: string, input: { caseId: number; partyId: number; ground: number; reason: string; requestedOn: string }): number {
  if (input.requestedOn > today) throw invalid('requestedOn', `申请日期 ${input.requestedOn} 晚于今天`);
  return db.tx(() => {
    assertOpen(db, input.caseId);
    const party = db.raw<{ role: string }>('SELECT role FROM parties WHERE id = ? AND case_id = ?', input.partyId, input.caseId)[0];
    if (!party || party.role !== 'debtor') throw invalid('partyId', '本案没有该被执行人');
    const pending = db.raw<{ id: number }>('SELECT id FROM credit_listing_requests WHERE case_id = ? AND party_id = ? AND result IS NULL', input.caseId, input.partyId)[0];
    if (pending) throw new ApiError('conflict', `对该被执行人已有待审查的申请（编号 ${pending.id}）`, 'partyId');
    const days = ruleAmount(getSettings(db).deadlineRules, 'creditListingDecision').amount;
    const decideBy = addCalendarDays(input.requestedOn, days);
    const id = db.run(
      db.q.insertInto('credit_listing_requests').values({
        case_id: input.caseId, party_id: input.partyId, ground: input.ground, reason: input.reason.trim(), requested_on: input.requestedOn, decide_by: decideBy,
        decided_on: null, result: null, note: null, listing_id: null, created_at: at.toISOString(), created_by: actor.name,
      }),
    ).lastInsertRowid;
    appendEvent(db, actor, at, { caseId: input.caseId, type: 'credit.listingRequested', onDate: input.requestedOn, payload: { requestId: id, partyId: input.partyId, ground: input.ground } });
    return id;
  });
}

/** Refuses the request, with the reasons (the court's review found no ground of Art. 1, or a bar). */
export function rejectListingRequest(db: Db, actor: Actor, at: Date, today: string, input: { caseId: number; requestId: number; decidedOn: string; reason: string }): void {
  if (input.decidedOn > today) throw invalid('decidedOn', `决定日期 ${input.decidedOn} 晚于今天`);
  db.tx(() => {
    const r = listingRequestRow(db, input.caseId, input.requestId);
    if (r.result) throw new ApiError('conflict', '该申请已作出决定', 'requestId');
    if (input.decidedOn < r.requested_on) throw invalid('decidedOn', `决定日期早于申请日期（${r.requested_on}）`);
    db.rawRun(`UPDATE credit_listing_requests SET result = 'rejected', decided_on = ?, note = ? WHERE id = ?`, input.decidedOn, input.reason.trim(), r.id);
    appendEvent(db, actor, at, { caseId: r.case_id, type: 'credit.listingRequestRejected', onDate: input.decidedOn, payload: { requestId: r.id, reason: input.reason.trim() } });
  });
}

/** Marks a request decided by the listing made on it (inside the listing's transaction). */
export function markRequestListed(db: Db, requestId: number, listingId: number, decidedOn: string): void {
  db.rawRun(`UPDATE credit_listing_requests SET result = 'listed', decided_on = ?, listing_id = ? WHERE id = ?`, decidedOn, listingId, requestId);
}

/**
 * A re-listing offered after a ledger reversal is settled: by listing the debtor again, or dismissed
 * with the reason (e.g. the debtor paid again in another way).
 */
export function resolveRelistFlags(db: Db, actor: Actor, at: Date, caseId: number, partyId: number, kind: 'listing' | 'restriction', on: string): void {
  const open = db.raw<{ id: number }>('SELECT id FROM credit_relist_flags WHERE case_id = ? AND party_id = ? AND kind = ? AND resolved_on IS NULL', caseId, partyId, kind);
  for (const f of open) {
    db.rawRun(`UPDATE credit_relist_flags SET resolved_on = ?, resolution = 'relisted' WHERE id = ?`, on, f.id);
    appendEvent(db, actor, at, { caseId, type: 'credit.relistResolved', onDate: on, payload: { flagId: f.id, resolution: 'relisted' } });
  }
}

export function dismissRelistFlag(db: Db, actor: Actor, at: Date, today: string, input: { caseId: number; flagId: number; note: string }): void {
  db.tx(() => {
    const f = db.raw<{ id: number; resolved_on: string | null }>('SELECT id, resolved_on FROM credit_relist_flags WHERE id = ? AND case_id = ?', input.flagId, input.caseId)[0];
    if (!f) throw new ApiError('not_found', `本案没有该提示（编号 ${input.flagId}）`, 'flagId');
    if (f.resolved_on) throw new ApiError('conflict', '该提示已处理', 'flagId');
    db.rawRun(`UPDATE credit_relist_flags SET resolved_on = ?, resolution = 'dismissed', note = ? WHERE id = ?`, today, input.note.trim(), f.id);
    appendEvent(db, actor, at, { caseId: input.caseId, type: 'credit.relistResolved', payload: { flagId: f.id, resolution: 'dismissed' } });
  });
}
