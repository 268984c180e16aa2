import type { Generated } from 'kysely';

// Tables of migration 160 (compulsory measures, desks.md §2).

export interface CoercionOperationsTable {
  id: Generated<number>;
  name: string;
  planned_on: string;
  leader_id: number;
  note: string | null;
  status: 'planned' | 'done';
  created_at: string;
  created_by: string;
}

export interface CoercionRequestsTable {
  id: Generated<number>;
  case_id: number;
  party_id: number | null;
  person_name: string;
  person_kind: 'individual' | 'organisation';
  gender: 'male' | 'female' | null;
  measure: 'compel' | 'search' | 'detain' | 'fine';
  place: string;
  wanted_on: string;
  purpose: string;
  summons_served_on: string | null;
  status: 'open' | 'scheduled' | 'done' | 'withdrawn';
  operation_id: number | null;
  outcome: 'paid' | 'settled' | 'detained' | 'released' | 'notFound' | null;
  outcome_note: string | null;
  outcome_at: string | null;
  requested_at: string;
  requested_by: string;
  requested_by_id: number;
  team_id: string | null;
}

export interface CoercionMeasuresTable {
  id: Generated<number>;
  case_id: number;
  request_id: number | null;
  kind: 'compel' | 'fine' | 'detain' | 'search';
  person_name: string;
  person_kind: 'individual' | 'organisation';
  gender: 'male' | 'female' | null;
  act_key: string | null;
  act: string | null;
  ground: string | null;
  article: string | null;
  amount_fen: number | null;
  days: number | null;
  complex: Generated<number>;
  approved_by_id: number;
  approved_at: string;
  emergency: Generated<number>;
  started_at: string;
  ends_on: string | null;
  ended_at: string | null;
  outcome: string | null;
  served_on: string | null;
  family_at: string | null;
  family_method: string | null;
  family_missed_reason: string | null;
  medical_result: string | null;
  medical_at: string | null;
  centre: string | null;
  handed_over_at: string | null;
  released_at: string | null;
  release_kind: 'expiry' | 'early' | null;
  review_filed_on: string | null;
  review_decided_on: string | null;
  review_result: string | null;
  place: string | null;
  attendees: string | null;
  officers: string | null;
  searched_person_gender: 'male' | 'female' | null;
  items: string | null;
  document_id: number | null;
  record_document_id: number | null;
  release_document_id: number | null;
  created_at: string;
  created_by: string;
}

export interface CoercionLeavesTable {
  id: Generated<number>;
  measure_id: number;
  reason: string;
  from_at: string;
  to_at: string | null;
  decided_by: string;
  decided_at: string;
}

export interface CoercionLeaveApplicationsTable {
  id: Generated<number>;
  measure_id: number;
  reason: string;
  applied_at: string;
  applied_by: string;
  decision: 'granted' | 'refused' | null;
  decision_note: string | null;
  decided_at: string | null;
  decided_by: string | null;
  leave_id: number | null;
}

export interface CoercionEmergencyDecisionsTable {
  measure_id: number;
  approved: number;
  approved_by_id: number;
  note: string | null;
  decided_at: string;
  decided_by: string;
  /** The 补办拘留批准手续记录 (migration 172); null for decisions recorded before it. */
  document_id: number | null;
}

export interface CoercionReferralsTable {
  id: Generated<number>;
  case_id: number;
  person_name: string;
  police: string;
  sent_on: string;
  complex: number;
  facts: string;
  evidence: string;
  answered_on: string | null;
  answer: 'filed' | 'refused' | null;
  answer_note: string | null;
  private_on: string | null;
  private_number: string | null;
  document_id: number | null;
  created_at: string;
  created_by: string;
}

declare module '../schema' {
  interface Database {
    coercion_operations: CoercionOperationsTable;
    coercion_requests: CoercionRequestsTable;
    coercion_measures: CoercionMeasuresTable;
    coercion_leaves: CoercionLeavesTable;
    coercion_leave_applications: CoercionLeaveApplicationsTable;
    coercion_emergency_decisions: CoercionEmergencyDecisionsTable;
    coercion_referrals: CoercionReferralsTable;
  }
}
