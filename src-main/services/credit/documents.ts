import type { Db } from '../../db/connection';
import { groundLabel, LIFT_GROUND_LABELS, REMOVAL_GROUND_ARTICLE, REMOVAL_GROUND_LABELS, RESTRICTED_ROLE_LABELS, type LiftGround, type RemovalGround, type RestrictedRole } from '../../../src-shared/domain/credit';
import { addCalendarDays } from '../../../src-shared/domain/chineseDate';
import { addMonths } from '../../../src-shared/domain/workingDays';
import type { Actor } from '../../events/log';
import { commitDocuments, prepareDocuments, type DocumentRequest } from '../documents/generate';
import { FileMoves } from '../documents/storage';
import type { DeletionDecisionExtra, LiftOrderExtra, ListingDecisionExtra } from '../documents/templates/creditContent';

// The credit desk's documents through the documents engine: rendered off the request path before
// the transaction, registered inside it together with the register row and its event, so a
// listing, a deletion or a lifting and its document commit together or not at all.

export interface IssuedDoc { documentId: number; number: string }

export interface PreparedCreditDocument {
  /** Registers the prepared document inside the caller's transaction. */
  register(db: Db, actor: Actor, at: Date): IssuedDoc;
  finish(committed: boolean): void;
}

export async function prepareCreditDocument(db: Db, dataDir: string, issuedOn: string, request: DocumentRequest): Promise<PreparedCreditDocument> {
  const prepared = await prepareDocuments(db, dataDir, [request], { issuedOn });
  const moves = new FileMoves();
  return {
    register(db2, actor, at) {
      const id = commitDocuments(db2, dataDir, actor, at, prepared, {}, moves).documentIds[0]!;
      const row = db2.get(db2.q.selectFrom('documents').select(['number']).where('id', '=', id))!;
      return { documentId: id, number: row.number };
    },
    finish(ok) {
      if (!ok) moves.undo();
      void prepared.discard();
    },
  };
}

/** The 纳入失信名单决定书 of a listing about to be decided (2017 rules Arts. 1, 2, 5). */
export function listingDecisionRequest(input: { caseId: number; partyId: number; ground: number; facts: string; decidedOn: string; extensionYears: number; extensionReason?: string | undefined }): DocumentRequest {
  const termYears = input.ground === 1 ? null : 2 + input.extensionYears;
  const extra: ListingDecisionExtra = {
    listingId: 0,
    partyId: input.partyId,
    ground: input.ground,
    groundText: `具有${groundLabel(input.ground).replace(/^第一条第（.）项：/, '')}的情形`,
    facts: input.facts,
    decidedOn: input.decidedOn,
    termYears,
    termEndsOn: termYears ? addCalendarDays(addMonths(input.decidedOn, 12 * termYears), -1) : null,
    extensionReason: input.extensionReason?.trim() || null,
  };
  return { caseId: input.caseId, kind: '纳入失信名单决定书', extra: extra as unknown as Record<string, unknown>, partyId: input.partyId };
}

export function deletionDecisionRequest(db: Db, listingId: number, ground: RemovalGround): DocumentRequest {
  const l = db.raw<{ case_id: number; party_id: number; decided_on: string }>('SELECT case_id, party_id, decided_on FROM credit_listings WHERE id = ?', listingId)[0]!;
  const extra: DeletionDecisionExtra = { listingId, partyId: l.party_id, listedOn: l.decided_on, groundText: REMOVAL_GROUND_LABELS[ground], article: REMOVAL_GROUND_ARTICLE[ground] };
  return { caseId: l.case_id, kind: '删除失信信息决定书', extra: extra as unknown as Record<string, unknown>, partyId: l.party_id };
}

export function liftOrderRequest(db: Db, restrictionId: number, ground: LiftGround, note: string | null): DocumentRequest {
  const r = db.raw<{ case_id: number; party_id: number; ordered_on: string }>('SELECT case_id, party_id, ordered_on FROM consumption_restrictions WHERE id = ?', restrictionId)[0]!;
  const persons = db.raw<{ role: RestrictedRole; name: string }>('SELECT role, name FROM restricted_persons WHERE restriction_id = ? ORDER BY id', restrictionId).map((p) => (p.role === 'debtor' ? p.name : `${RESTRICTED_ROLE_LABELS[p.role]}${p.name}`));
  const extra: LiftOrderExtra = { restrictionId, orderedOn: r.ordered_on, persons, groundText: LIFT_GROUND_LABELS[ground], must: ground === 'performed', note };
  return { caseId: r.case_id, kind: '解除限制消费令', extra: extra as unknown as Record<string, unknown>, partyId: r.party_id };
}

/** The 限制消费令 (2015 form, templates/consumptionBan.ts) when the case has none yet. */
export function banOrderRequest(caseId: number): DocumentRequest {
  return { caseId, kind: '限制消费令' };
}
