import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { addCalendarDays } from '../../../src-shared/domain/chineseDate';
import { DELETION_WORKING_DAYS, REMOVAL_GROUND_LABELS, type RemovalGround } from '../../../src-shared/domain/credit';
import { addMonths, addWorkingDays } from '../../../src-shared/domain/workingDays';
import { ruleAmount } from '../../../src-shared/domain/deadlineRules';
import { appendEvent, type Actor } from '../../events/log';
import { loadCalendar } from '../calendar/calendar';
import { getSettings } from '../settings/settings';

// Deleting a listing (失信规定 法释〔2017〕7号 Art. 10): within three working days of any removal
// ground. A ground is recorded the moment it happens — by the ledger when receipts reach the claim,
// by the closure (settlement performed, 终结执行, 不予执行), by the 终本 re-queries (two with nothing
// found), by the applicant's written request, or when a correction is upheld — and starts the
// deletion clock (deadline rule creditDeletion). The deletion itself is the court's act: it prints
// the 删除失信信息决定书 and stops the clock. A term's end (Art. 10 para. 2) needs no recorded
// ground: the term clock (creditTermEnd) runs from the listing's decision.

export type RemovalSource = 'ledger' | 'closure' | 'requery' | 'request' | 'term' | 'correction';

/** Working days to delete in: the court's rule creditDeletion (default 3, Art. 10). */
function deletionDays(db: Db): number {
  return ruleAmount(getSettings(db).deadlineRules, 'creditDeletion').amount ?? DELETION_WORKING_DAYS;
}

/**
 * Records a removal ground for the case's current listings (all debtors, or one) and starts their
 * deletion clocks. Listings already due or deleted are left as they are (the first ground counts).
 * Must run inside the caller's transaction. Returns the listings it marked.
 */
export function markRemovalDue(db: Db, actor: Actor, at: Date, caseId: number, ground: RemovalGround, source: RemovalSource, onDate: string, partyId?: number): number[] {
  const listings = db.raw<{ id: number }>(
    `SELECT id FROM credit_listings WHERE case_id = ? AND status = 'listed'${partyId ? ' AND party_id = ?' : ''} ORDER BY id`,
    ...(partyId ? [caseId, partyId] : [caseId]),
  );
  if (listings.length === 0) return [];
  const dueOn = addWorkingDays(onDate, deletionDays(db), loadCalendar(db));
  for (const l of listings) {
    db.rawRun(`UPDATE credit_listings SET status = 'removalDue', removal_ground = ?, removal_on = ?, deletion_due_on = ? WHERE id = ?`, ground, onDate, dueOn, l.id);
    appendEvent(db, actor, at, { caseId, type: 'credit.removalDue', onDate, payload: { listingId: l.id, ground, dueOn, source } });
  }
  return listings.map((l) => l.id);
}

export interface DeleteInput {
  listingId: number;
  /** Required only for a listing with no ground recorded yet: the term has ended (termEnded), or the applicant's request (applicantRequest). */
  ground?: RemovalGround | undefined;
  deletedOn: string;
}

export interface ListingRow {
  id: number;
  case_id: number;
  party_id: number;
  status: string;
  removal_ground: string | null;
  removal_on: string | null;
  deletion_due_on: string | null;
  term_ends_on: string | null;
  term_delete_by: string | null;
  decided_on: string;
}

export function getListing(db: Db, listingId: number): ListingRow {
  const l = db.raw<ListingRow>('SELECT * FROM credit_listings WHERE id = ?', listingId)[0];
  if (!l) throw new ApiError('not_found', `失信名单登记不存在（编号 ${listingId}）`, 'listingId');
  return l;
}

/** The ground a deletion rests on, checked: the recorded one, or the term's end once it has passed. */
export function deletionGround(l: ListingRow, input: Pick<DeleteInput, 'ground' | 'deletedOn'>): RemovalGround {
  if (l.status === 'deleted') throw new ApiError('conflict', '该失信信息已删除', 'listingId');
  if (l.status === 'removalDue') return l.removal_ground as RemovalGround;
  if (input.ground === 'termEnded' || (!input.ground && l.term_ends_on)) {
    if (!l.term_ends_on) throw invalid('ground', '该登记依第一条第（一）项纳入，不设纳入期限（第二条）');
    if (input.deletedOn <= l.term_ends_on) throw invalid('ground', `纳入期限至${l.term_ends_on}届满，届满后方可以期限届满为由删除（第十条第二款）`);
    return 'termEnded';
  }
  throw invalid('ground', `尚无删除事由：${Object.values(REMOVAL_GROUND_LABELS).slice(0, 3).join('；')}等（第十条）`);
}

/** Deletes a listing (the document, when any, is registered by the caller in the same transaction). */
export function deleteListing(db: Db, actor: Actor, at: Date, today: string, input: DeleteInput, documentOf?: (listingId: number, ground: RemovalGround) => { documentId: number; number: string } | null): void {
  if (input.deletedOn > today) throw invalid('deletedOn', `删除日期 ${input.deletedOn} 晚于今天`);
  db.tx(() => {
    const l = getListing(db, input.listingId);
    const ground = deletionGround(l, input);
    if (l.removal_on && input.deletedOn < l.removal_on) throw invalid('deletedOn', `删除日期早于删除事由发生之日（${l.removal_on}）`);
    const doc = documentOf?.(l.id, ground) ?? null;
    // Art. 10 para. 3 [P]: deleted for performance → a request to re-list is not supported for some months.
    const blockedUntil = ground === 'performed' || ground === 'settlementPerformed' ? addCalendarDays(addMonths(input.deletedOn, getSettings(db).creditRelistBlockMonths), -1) : null;
    const due = l.deletion_due_on ?? l.term_delete_by;
    db.rawRun(
      `UPDATE credit_listings SET status = 'deleted', removal_ground = ?, removal_on = COALESCE(removal_on, ?), deletion_due_on = COALESCE(deletion_due_on, term_delete_by), deleted_on = ?, deletion_document_id = ?, relist_blocked_until = ? WHERE id = ?`,
      ground, ground === 'termEnded' ? addCalendarDays(l.term_ends_on!, 1) : input.deletedOn, input.deletedOn, doc?.documentId ?? null, blockedUntil, l.id,
    );
    appendEvent(db, actor, at, {
      caseId: l.case_id,
      type: 'credit.deleted',
      onDate: input.deletedOn,
      payload: { listingId: l.id, ground, ...(due ? { dueOn: due } : {}), ...(doc ? { documentId: doc.documentId, documentNumber: doc.number } : {}) },
    });
  });
}
