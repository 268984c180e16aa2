import type { Db } from '../../db/connection';
import { groundLabel, REMOVAL_GROUND_LABELS, type LiftGround, type PermissionKind, type RemovalGround, type RestrictedRole, type ViolationFollowup } from '../../../src-shared/domain/credit';
import { scopeSql, type CaseScope } from '../auth/scope';
import { getCaseRow } from '../cases/queries';

// What the credit desk reads: a case's listings, corrections and restrictions, and the court's (or a
// team's) register of the ones still to act on. Reads only: a listing whose term has ended shows as
// due for deletion without anything being written (the term clock is on the deadline board).

export interface ListingView {
  id: number;
  caseId: number;
  caseNumber: string;
  partyId: number;
  debtor: string;
  ground: number;
  groundLabel: string;
  facts: string;
  origin: 'request' | 'motion';
  decidedOn: string;
  signedBy: string;
  termYears: number | null;
  termEndsOn: string | null;
  status: 'listed' | 'removalDue' | 'deleted';
  /** Shown status: a term that has ended is due for deletion (Art. 10 para. 2) even before anything records it. */
  termEnded: boolean;
  removalGround: RemovalGround | null;
  removalGroundLabel: string | null;
  removalOn: string | null;
  deletionDueOn: string | null;
  deletedOn: string | null;
  deletedOnTime: boolean | null;
  documentId: number | null;
  deletionDocumentId: number | null;
  relistBlockedUntil: string | null;
  corrections: CorrectionView[];
}

export interface CorrectionView {
  id: number;
  listingId: number;
  filedOn: string;
  reason: string;
  reviewDueOn: string;
  decidedOn: string | null;
  result: 'corrected' | 'rejected' | null;
  note: string | null;
  correctDueOn: string | null;
  correctedOn: string | null;
}

export interface RestrictionView {
  id: number;
  caseId: number;
  caseNumber: string;
  partyId: number;
  debtor: string;
  origin: 'request' | 'motion' | 'listing';
  orderedOn: string;
  signedBy: string;
  status: 'active' | 'liftDue' | 'lifted';
  liftGround: LiftGround | null;
  liftGroundOn: string | null;
  liftDueOn: string | null;
  liftedOn: string | null;
  liftedOnTime: boolean | null;
  liftNote: string | null;
  orderDocumentId: number | null;
  liftDocumentId: number | null;
  persons: { id: number; role: RestrictedRole; name: string; idNumber: string | null }[];
  permissions: { id: number; personId: number; kind: PermissionKind; reason: string; grantedOn: string; validUntil: string | null }[];
  violations: { id: number; personId: number; reportedOn: string; source: string; what: string; followup: ViolationFollowup; followupOn: string | null }[];
}

type ListingRow = {
  id: number; case_id: number; number: string; party_id: number; debtor: string; ground: number; facts: string; origin: 'request' | 'motion'; decided_on: string; signed_by: string;
  term_years: number | null; term_ends_on: string | null; status: 'listed' | 'removalDue' | 'deleted'; removal_ground: RemovalGround | null; removal_on: string | null;
  deletion_due_on: string | null; deleted_on: string | null; document_id: number | null; deletion_document_id: number | null; relist_blocked_until: string | null; term_delete_by: string | null;
};

const LISTING_SQL = `SELECT l.*, c.number, p.name AS debtor FROM credit_listings l JOIN cases c ON c.id = l.case_id JOIN parties p ON p.id = l.party_id`;

function listingViews(db: Db, rows: ListingRow[], today: string): ListingView[] {
  const corr = new Map<number, CorrectionView[]>();
  if (rows.length) {
    for (const r of db.raw<{ id: number; listing_id: number; filed_on: string; reason: string; review_due_on: string; decided_on: string | null; result: 'corrected' | 'rejected' | null; decision_note: string | null; correct_due_on: string | null; corrected_on: string | null }>(
      `SELECT * FROM credit_corrections WHERE listing_id IN (${rows.map(() => '?').join(',')}) ORDER BY id`, ...rows.map((r) => r.id),
    )) {
      const list = corr.get(r.listing_id) ?? [];
      list.push({ id: r.id, listingId: r.listing_id, filedOn: r.filed_on, reason: r.reason, reviewDueOn: r.review_due_on, decidedOn: r.decided_on, result: r.result, note: r.decision_note, correctDueOn: r.correct_due_on, correctedOn: r.corrected_on });
      corr.set(r.listing_id, list);
    }
  }
  return rows.map((r) => {
    const termEnded = r.status === 'listed' && r.term_ends_on !== null && today > r.term_ends_on;
    const due = r.deletion_due_on ?? (termEnded ? r.term_delete_by : null);
    return {
      id: r.id, caseId: r.case_id, caseNumber: r.number, partyId: r.party_id, debtor: r.debtor, ground: r.ground, groundLabel: groundLabel(r.ground), facts: r.facts, origin: r.origin,
      decidedOn: r.decided_on, signedBy: r.signed_by, termYears: r.term_years, termEndsOn: r.term_ends_on, status: r.status, termEnded,
      removalGround: r.removal_ground ?? (termEnded ? 'termEnded' : null), removalGroundLabel: r.removal_ground ? REMOVAL_GROUND_LABELS[r.removal_ground] : termEnded ? REMOVAL_GROUND_LABELS.termEnded : null,
      removalOn: r.removal_on, deletionDueOn: due, deletedOn: r.deleted_on, deletedOnTime: r.deleted_on && r.deletion_due_on ? r.deleted_on <= r.deletion_due_on : null,
      documentId: r.document_id, deletionDocumentId: r.deletion_document_id, relistBlockedUntil: r.relist_blocked_until, corrections: corr.get(r.id) ?? [],
    };
  });
}

type RestrictionRow = {
  id: number; case_id: number; number: string; party_id: number; debtor: string; origin: 'request' | 'motion' | 'listing'; ordered_on: string; signed_by: string; status: 'active' | 'liftDue' | 'lifted';
  lift_ground: LiftGround | null; lift_ground_on: string | null; lift_due_on: string | null; lifted_on: string | null; lift_note: string | null; order_document_id: number | null; lift_document_id: number | null;
};
const RESTRICTION_SQL = `SELECT r.*, c.number, p.name AS debtor FROM consumption_restrictions r JOIN cases c ON c.id = r.case_id JOIN parties p ON p.id = r.party_id`;

function restrictionViews(db: Db, rows: RestrictionRow[]): RestrictionView[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const marks = ids.map(() => '?').join(',');
  const persons = db.raw<{ id: number; restriction_id: number; role: RestrictedRole; name: string; id_number: string | null }>(`SELECT * FROM restricted_persons WHERE restriction_id IN (${marks}) ORDER BY id`, ...ids);
  const perms = db.raw<{ id: number; restriction_id: number; person_id: number; kind: PermissionKind; reason: string; granted_on: string; valid_until: string | null }>(`SELECT * FROM restriction_permissions WHERE restriction_id IN (${marks}) ORDER BY id`, ...ids);
  const viol = db.raw<{ id: number; restriction_id: number; person_id: number; reported_on: string; source: string; what: string; followup: ViolationFollowup; followup_on: string | null }>(`SELECT * FROM restriction_violations WHERE restriction_id IN (${marks}) ORDER BY id`, ...ids);
  return rows.map((r) => ({
    id: r.id, caseId: r.case_id, caseNumber: r.number, partyId: r.party_id, debtor: r.debtor, origin: r.origin, orderedOn: r.ordered_on, signedBy: r.signed_by, status: r.status,
    liftGround: r.lift_ground, liftGroundOn: r.lift_ground_on, liftDueOn: r.lift_due_on, liftedOn: r.lifted_on, liftedOnTime: r.lifted_on && r.lift_due_on ? r.lifted_on <= r.lift_due_on : null,
    liftNote: r.lift_note, orderDocumentId: r.order_document_id, liftDocumentId: r.lift_document_id,
    persons: persons.filter((p) => p.restriction_id === r.id).map((p) => ({ id: p.id, role: p.role, name: p.name, idNumber: p.id_number })),
    permissions: perms.filter((p) => p.restriction_id === r.id).map((p) => ({ id: p.id, personId: p.person_id, kind: p.kind, reason: p.reason, grantedOn: p.granted_on, validUntil: p.valid_until })),
    violations: viol.filter((v) => v.restriction_id === r.id).map((v) => ({ id: v.id, personId: v.person_id, reportedOn: v.reported_on, source: v.source, what: v.what, followup: v.followup, followupOn: v.followup_on })),
  }));
}

export interface CaseCreditView {
  caseId: number;
  caseNumber: string;
  debtors: { id: number; kind: 'person' | 'org'; name: string; legalRep: string | null; listed: boolean; restricted: boolean }[];
  listings: ListingView[];
  restrictions: RestrictionView[];
  /** 2015 rules Art. 1 para. 2: a listed debtor must be restricted — listed debtors without a restriction in force. */
  restrictionMissing: string[];
  listingRequests: { id: number; partyId: number; debtor: string; ground: number; reason: string; requestedOn: string; decideBy: string; decidedOn: string | null; result: 'listed' | 'rejected' | null; note: string | null }[];
  relistFlags: { id: number; kind: 'listing' | 'restriction'; refId: number; partyId: number; debtor: string; reversalEntryId: number; flaggedOn: string; resolvedOn: string | null; resolution: 'relisted' | 'dismissed' | null; note: string | null }[];
}

export function caseCredit(db: Db, caseId: number, today: string): CaseCreditView {
  const c = getCaseRow(db, caseId);
  const listings = listingViews(db, db.raw<ListingRow>(`${LISTING_SQL} WHERE l.case_id = ? ORDER BY l.id`, caseId), today);
  const restrictions = restrictionViews(db, db.raw<RestrictionRow>(`${RESTRICTION_SQL} WHERE r.case_id = ? ORDER BY r.id`, caseId));
  const debtors = db.raw<{ id: number; kind: 'person' | 'org'; name: string; legal_rep: string | null }>(`SELECT id, kind, name, legal_rep FROM parties WHERE case_id = ? AND role = 'debtor' ORDER BY seq`, caseId).map((d) => ({
    id: d.id, kind: d.kind, name: d.name, legalRep: d.legal_rep,
    listed: listings.some((l) => l.partyId === d.id && l.status !== 'deleted'),
    restricted: restrictions.some((r) => r.partyId === d.id && r.status !== 'lifted'),
  }));
  return {
    caseId, caseNumber: c.number, debtors, listings, restrictions,
    restrictionMissing: debtors.filter((d) => listings.some((l) => l.partyId === d.id && l.status === 'listed') && !d.restricted).map((d) => d.name),
    listingRequests: db
      .raw<{ id: number; party_id: number; debtor: string; ground: number; reason: string; requested_on: string; decide_by: string; decided_on: string | null; result: 'listed' | 'rejected' | null; note: string | null }>(
        'SELECT r.*, p.name AS debtor FROM credit_listing_requests r JOIN parties p ON p.id = r.party_id WHERE r.case_id = ? ORDER BY r.id', caseId,
      )
      .map((r) => ({ id: r.id, partyId: r.party_id, debtor: r.debtor, ground: r.ground, reason: r.reason, requestedOn: r.requested_on, decideBy: r.decide_by, decidedOn: r.decided_on, result: r.result, note: r.note })),
    relistFlags: db
      .raw<{ id: number; kind: 'listing' | 'restriction'; ref_id: number; party_id: number; debtor: string; reversal_entry_id: number; flagged_on: string; resolved_on: string | null; resolution: 'relisted' | 'dismissed' | null; note: string | null }>(
        'SELECT f.*, p.name AS debtor FROM credit_relist_flags f JOIN parties p ON p.id = f.party_id WHERE f.case_id = ? ORDER BY f.id', caseId,
      )
      .map((f) => ({ id: f.id, kind: f.kind, refId: f.ref_id, partyId: f.party_id, debtor: f.debtor, reversalEntryId: f.reversal_entry_id, flaggedOn: f.flagged_on, resolvedOn: f.resolved_on, resolution: f.resolution, note: f.note })),
  };
}

/** The register: listings and restrictions still to act on (or all), over the cases in scope. */
export function creditRegister(db: Db, today: string, scope: CaseScope, input: { pendingOnly: boolean; limit: number }): { listings: ListingView[]; restrictions: RestrictionView[] } {
  const s = scopeSql(scope);
  const lWhere = input.pendingOnly ? ` AND (l.status = 'removalDue' OR (l.status = 'listed' AND l.term_ends_on IS NOT NULL AND l.term_ends_on < ?) OR EXISTS (SELECT 1 FROM credit_corrections x WHERE x.listing_id = l.id AND (x.decided_on IS NULL OR (x.result = 'corrected' AND x.corrected_on IS NULL))))` : '';
  const listings = listingViews(db, db.raw<ListingRow>(`${LISTING_SQL} WHERE 1${s.sql}${lWhere} ORDER BY COALESCE(l.deletion_due_on, l.term_delete_by, l.decided_on), l.id LIMIT ?`, ...s.params, ...(input.pendingOnly ? [today] : []), input.limit), today);
  const rWhere = input.pendingOnly ? ` AND r.status = 'liftDue'` : '';
  const restrictions = restrictionViews(db, db.raw<RestrictionRow>(`${RESTRICTION_SQL} WHERE 1${s.sql}${rWhere} ORDER BY COALESCE(r.lift_due_on, r.ordered_on), r.id LIMIT ?`, ...s.params, input.limit));
  return { listings, restrictions };
}

/** The leaders' figures for a period (desks.md §5): listings, deletions and whether on time, restrictions and lifting on time. */
export function creditFigures(db: Db, from: string, to: string, today: string, scope: CaseScope) {
  const s = scopeSql(scope);
  const one = (sql: string, ...p: unknown[]) => db.raw<{ n: number }>(sql, ...p)[0]!.n;
  const L = `FROM credit_listings l JOIN cases c ON c.id = l.case_id WHERE 1${s.sql}`;
  const R = `FROM consumption_restrictions r JOIN cases c ON c.id = r.case_id WHERE 1${s.sql}`;
  return {
    from, to,
    listed: one(`SELECT count(*) AS n ${L} AND l.decided_on BETWEEN ? AND ?`, ...s.params, from, to),
    inForce: one(`SELECT count(*) AS n ${L} AND l.status != 'deleted'`, ...s.params),
    deleted: one(`SELECT count(*) AS n ${L} AND l.deleted_on BETWEEN ? AND ?`, ...s.params, from, to),
    deletedOnTime: one(`SELECT count(*) AS n ${L} AND l.deleted_on BETWEEN ? AND ? AND l.deleted_on <= COALESCE(l.deletion_due_on, l.deleted_on)`, ...s.params, from, to),
    deletionOverdue: one(`SELECT count(*) AS n ${L} AND ((l.status = 'removalDue' AND l.deletion_due_on < ?) OR (l.status = 'listed' AND l.term_delete_by < ?))`, ...s.params, today, today),
    restricted: one(`SELECT count(*) AS n ${R} AND r.ordered_on BETWEEN ? AND ?`, ...s.params, from, to),
    lifted: one(`SELECT count(*) AS n ${R} AND r.lifted_on BETWEEN ? AND ?`, ...s.params, from, to),
    liftedOnTime: one(`SELECT count(*) AS n ${R} AND r.lifted_on BETWEEN ? AND ? AND r.lifted_on <= COALESCE(r.lift_due_on, r.lifted_on)`, ...s.params, from, to),
    liftOverdue: one(`SELECT count(*) AS n ${R} AND r.status = 'liftDue' AND r.lift_due_on < ?`, ...s.params, today),
    violations: one(`SELECT count(*) AS n FROM restriction_violations v JOIN consumption_restrictions r ON r.id = v.restriction_id JOIN cases c ON c.id = r.case_id WHERE 1${s.sql} AND v.reported_on BETWEEN ? AND ?`, ...s.params, from, to),
  };
}
