import type { Generated } from 'kysely';

// Tables of migration 165 (the dishonest list and the consumption restriction).

export interface CreditListingsTable {
  id: Generated<number>;
  case_id: number;
  party_id: number;
  ground: number;
  facts: string;
  origin: 'request' | 'motion';
  requested_on: string | null;
  decided_on: string;
  signed_by: string;
  term_years: number | null;
  extension_reason: string | null;
  term_ends_on: string | null;
  term_delete_by: string | null;
  document_id: number | null;
  status: 'listed' | 'removalDue' | 'deleted';
  removal_ground: string | null;
  removal_on: string | null;
  deletion_due_on: string | null;
  deleted_on: string | null;
  deletion_document_id: number | null;
  relist_blocked_until: string | null;
  created_at: string;
  created_by: string;
}

export interface CreditListingRequestsTable {
  id: Generated<number>;
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
  created_at: string;
  created_by: string;
}

export interface CreditRelistFlagsTable {
  id: Generated<number>;
  case_id: number;
  kind: 'listing' | 'restriction';
  ref_id: number;
  party_id: number;
  reversal_entry_id: number;
  flagged_on: string;
  resolved_on: string | null;
  resolution: 'relisted' | 'dismissed' | null;
  note: string | null;
}

export interface CreditCorrectionsTable {
  id: Generated<number>;
  listing_id: number;
  case_id: number;
  filed_on: string;
  reason: string;
  review_due_on: string;
  decided_on: string | null;
  result: 'corrected' | 'rejected' | null;
  decision_note: string | null;
  correct_due_on: string | null;
  corrected_on: string | null;
  created_at: string;
  created_by: string;
}

export interface ConsumptionRestrictionsTable {
  id: Generated<number>;
  case_id: number;
  party_id: number;
  origin: 'request' | 'motion' | 'listing';
  ordered_on: string;
  signed_by: string;
  order_document_id: number | null;
  status: 'active' | 'liftDue' | 'lifted';
  lift_ground: string | null;
  lift_ground_on: string | null;
  lift_due_on: string | null;
  lifted_on: string | null;
  lift_note: string | null;
  lift_document_id: number | null;
  created_at: string;
  created_by: string;
}

export interface RestrictedPersonsTable {
  id: Generated<number>;
  restriction_id: number;
  role: 'debtor' | 'legalRep' | 'principal' | 'responsible' | 'controller';
  name: string;
  id_number: string | null;
}

export interface RestrictionPermissionsTable {
  id: Generated<number>;
  restriction_id: number;
  person_id: number;
  kind: 'medical' | 'funeral' | 'exam' | 'privateFunds' | 'other';
  reason: string;
  granted_on: string;
  valid_until: string | null;
  created_at: string;
  created_by: string;
}

export interface RestrictionViolationsTable {
  id: Generated<number>;
  restriction_id: number;
  person_id: number;
  reported_on: string;
  source: string;
  what: string;
  followup: 'none' | 'fineRequested' | 'detentionRequested';
  followup_on: string | null;
  created_at: string;
  created_by: string;
}

declare module '../schema' {
  interface Database {
    credit_listings: CreditListingsTable;
    credit_corrections: CreditCorrectionsTable;
    credit_listing_requests: CreditListingRequestsTable;
    credit_relist_flags: CreditRelistFlagsTable;
    consumption_restrictions: ConsumptionRestrictionsTable;
    restricted_persons: RestrictedPersonsTable;
    restriction_permissions: RestrictionPermissionsTable;
    restriction_violations: RestrictionViolationsTable;
  }
}
