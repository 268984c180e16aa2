import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { fenToYuanString } from '../../../src-shared/domain/money';
import { addWorkingDays } from '../../../src-shared/domain/workingDays';
import { DELETION_WORKING_DAYS, MAX_EXTENSION_YEARS, groundLabel, minorityBar, termEndsOn, type ListingGround } from '../../../src-shared/domain/credit';
import { appendEvent, type Actor } from '../../events/log';
import { loadCalendar } from '../calendar/calendar';
import { getCaseRow } from '../cases/queries';
import { assertOpen } from '../cases/stage';
import { recoveredFen } from '../ledger';
import { getSettings } from '../settings/settings';
import { markRequestListed, pendingListingRequest, resolveRelistFlags } from './requests';

// Listing a debtor on the dishonest list (《最高人民法院关于公布失信被执行人名单信息的若干规定》,
// 法释〔2017〕7号; desks.md §5). The bars are checked before anything is written: minors never
// (Art. 4), and for ground (1) not where adequate security was given, the seized or frozen assets
// cover the debt, or the debtor's duty comes later in order (Art. 3). The decision is signed by the
// court president and takes effect when made (Art. 5); grounds (2)–(6) carry a two-year term that
// may be extended by one to three years (Art. 2).

export interface ListInput {
  caseId: number;
  partyId: number;
  ground: number;
  facts: string;
  origin: 'request' | 'motion';
  requestedOn?: string | undefined;
  decidedOn: string;
  extensionYears: number;
  extensionReason?: string | undefined;
  /** The applicant's registered request the listing decides (Art. 5; its 15-day clock stops). */
  requestId?: number | undefined;
  /** Art. 3 (1): the debtor has given adequate, effective security. */
  securityGiven: boolean;
  /** Art. 3 (3): the debtor's duty comes later in order and may not be enforced yet. */
  laterInOrder: boolean;
}

/** Money the seized, frozen (done) measures of a case cover: the value 2017 rules Art. 3 (2) weighs against the debt. */
export function seizedCoverFen(db: Db, caseId: number): number {
  return db.raw<{ n: number }>(
    `SELECT COALESCE(SUM(COALESCE(actual_fen, amount_fen)), 0) AS n FROM measures
      WHERE case_id = ? AND action IN ('freeze', 'seize') AND status IN ('done', 'partial') AND ended_on IS NULL`,
    caseId,
  )[0]!.n;
}

/** The bars a listing must pass, as a list of Chinese reasons (empty: it may be made). Writes nothing. */
export function listingBars(db: Db, input: ListInput): { field: string; reason: string }[] {
  const c = getCaseRow(db, input.caseId);
  const party = db.raw<{ id: number; role: string; kind: string; name: string; id_number: string | null }>(
    'SELECT id, role, kind, name, id_number FROM parties WHERE id = ? AND case_id = ?', input.partyId, input.caseId,
  )[0];
  if (!party || party.role !== 'debtor') throw new ApiError('not_found', '本案没有该被执行人', 'partyId');
  const out: { field: string; reason: string }[] = [];
  // Art. 4: minors are never listed, whatever the ground. Minority from the validated ID number.
  if (party.kind === 'person') {
    const m = minorityBar(party.id_number, input.decidedOn);
    if ('error' in m) out.push({ field: 'partyId', reason: m.error });
  }
  if (input.ground === 1) {
    // Art. 3: ground (1) is barred in three situations.
    if (input.securityGiven) out.push({ field: 'securityGiven', reason: '被执行人已提供充分有效担保：不得以第一条第（一）项纳入失信名单（第三条第（一）项）' });
    const unpaid = Math.max(0, c.claim_fen - recoveredFen(db, c.id));
    const covered = seizedCoverFen(db, c.id);
    if (unpaid > 0 && covered >= unpaid) {
      out.push({ field: 'ground', reason: `已查封、冻结的财产（${fenToYuanString(covered)}元）足以清偿未履行的债务（${fenToYuanString(unpaid)}元）：不得以第一条第（一）项纳入失信名单（第三条第（二）项）` });
    }
    if (input.laterInOrder) out.push({ field: 'laterInOrder', reason: '被执行人履行顺序在后，依法不应强制执行：不得纳入失信名单（第三条第（三）项）' });
  }
  if (c.claim_fen > 0 && recoveredFen(db, c.id) >= c.claim_fen) out.push({ field: 'caseId', reason: '申请执行标的已全部到位：被执行人已履行，不得纳入失信名单（第十条第一款第（一）项）' });
  const current = db.raw<{ id: number }>(`SELECT id FROM credit_listings WHERE case_id = ? AND party_id = ? AND status != 'deleted'`, input.caseId, input.partyId)[0];
  if (current) out.push({ field: 'partyId', reason: `${party.name}已在本案失信名单中（登记 ${current.id}）` });
  // Art. 10 para. 3 [P]: a request to re-list within six months of a deletion for performance is not supported.
  if (input.origin === 'request') {
    const blocked = db.raw<{ until: string }>(
      `SELECT max(relist_blocked_until) AS until FROM credit_listings WHERE case_id = ? AND party_id = ? AND relist_blocked_until IS NOT NULL`, input.caseId, input.partyId,
    )[0]?.until;
    if (blocked && input.decidedOn <= blocked) out.push({ field: 'origin', reason: `被执行人因履行义务被删除失信信息后${getSettings(db).creditRelistBlockMonths}个月内（至${blocked}），申请执行人申请再纳入的不予支持（第十条第三款）` });
  }
  return out;
}

/** Decides the listing: checks every bar, writes the register row and its event. Returns the new listing's id. */
export function listDebtor(db: Db, actor: Actor, at: Date, today: string, input: ListInput, documentOf?: (listingId: number) => { documentId: number; number: string } | null): number {
  if (input.decidedOn > today) throw invalid('decidedOn', `决定日期 ${input.decidedOn} 晚于今天`);
  if (input.ground === 1 && input.extensionYears > 0) throw invalid('extensionYears', '第一条第（一）项不设纳入期限，不能延长（第二条）');
  if (input.extensionYears < 0 || input.extensionYears > MAX_EXTENSION_YEARS) throw invalid('extensionYears', '纳入期限可以延长一至三年（第二条第二款）');
  if (input.extensionYears > 0 && !input.extensionReason?.trim()) throw invalid('extensionReason', '延长纳入期限须写明理由：以暴力、威胁方法妨碍、抗拒执行情节严重或具有多项失信行为（第二条第二款）');
  if (input.origin === 'request' && !input.requestedOn) throw invalid('requestedOn', '依申请纳入的，请填写申请日期');
  const president = getSettings(db).courtPresident.trim();
  if (!president) throw invalid('decidedOn', '设置中未填写院长姓名：纳入失信名单决定书由院长签发（第五条）');
  return db.tx(() => {
    assertOpen(db, input.caseId);
    const filedOn = getCaseRow(db, input.caseId).filed_on;
    if (input.decidedOn < filedOn) throw invalid('decidedOn', `决定日期早于立案日期（${filedOn}）`);
    const bars = listingBars(db, input);
    if (bars.length) throw new ApiError('invalid_input', bars[0]!.reason, bars[0]!.field, { bars });
    if (input.requestId !== undefined) pendingListingRequest(db, input.caseId, input.requestId, input.partyId);
    const ends = termEndsOn(input.ground as ListingGround, input.decidedOn, input.extensionYears);
    const deleteBy = ends ? addWorkingDays(ends, DELETION_WORKING_DAYS, loadCalendar(db)) : null;
    const id = Number(
      db.rawRun(
        `INSERT INTO credit_listings (case_id, party_id, ground, facts, origin, requested_on, decided_on, signed_by, term_years, extension_reason, term_ends_on, term_delete_by, status, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'listed', ?, ?)`,
        input.caseId, input.partyId, input.ground, input.facts.trim(), input.origin, input.requestedOn ?? null, input.decidedOn, president,
        ends ? 2 + input.extensionYears : null, input.extensionReason?.trim() || null, ends, deleteBy, at.toISOString(), actor.name,
      ).lastInsertRowid,
    );
    const doc = documentOf?.(id) ?? null;
    if (doc) db.rawRun('UPDATE credit_listings SET document_id = ? WHERE id = ?', doc.documentId, id);
    if (input.requestId !== undefined) markRequestListed(db, input.requestId, id, input.decidedOn);
    resolveRelistFlags(db, actor, at, input.caseId, input.partyId, 'listing', input.decidedOn);
    appendEvent(db, actor, at, {
      caseId: input.caseId,
      type: 'credit.listed',
      onDate: input.decidedOn,
      payload: {
        listingId: id,
        partyId: input.partyId,
        ground: input.ground,
        origin: input.origin,
        ...(input.requestId !== undefined ? { requestId: input.requestId } : {}),
        ...(ends ? { termEndsOn: ends, termDeleteBy: deleteBy! } : {}),
        ...(doc ? { documentId: doc.documentId, documentNumber: doc.number } : {}),
      },
    });
    return id;
  });
}

export const groundText = (g: number) => groundLabel(g);
