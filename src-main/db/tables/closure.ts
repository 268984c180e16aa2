import type { Generated } from 'kysely';

// Tables of migration 040 (closure, the 终本 archive, re-query rounds).

export interface ClosuresTable {
  case_id: number;
  mode: string;
  closed_on: string;
  ground: string | null;
  ruling_number: string | null;
  claim_fen: number;
  recovered_fen: number;
  paid_directly_fen: number;
  unpaid_fen: number;
  balance_fen: number;
  balance_reason: string | null;
  settlement: number;
  checklist: string | null; // JSON snapshot of the 终本 checklist at closure
  note: string | null;
  closed_at: string;
  closed_by: string;
  corrected_at: string | null;
  corrected_by: string | null;
}

export interface ClosureAttestationsTable {
  case_id: number;
  item: string;
  note: string;
  attested_on: string;
  attested_at: string;
  attested_by: string;
}

export interface ArchiveEntriesTable {
  case_id: number;
  terminated_on: string;
  requery_until: string;
  next_requery_on: string | null;
  rounds_done: number;
  last_requery_on: string | null;
  last_result: 'found' | 'nothing' | null;
  room: string | null;
  shelf: string | null;
  box: string | null;
  scan_status: 'pending' | 'scanned' | 'bound';
  review_status: 'pending' | 'pass' | 'fail';
  review_reasons: string; // JSON array
  reviewed_on: string | null;
  reviewed_by: string | null;
  resumed_case_id: number | null;
  updated_at: string;
}

export interface ArchiveRequeryBatchesTable {
  id: Generated<number>;
  number: string;
  created_on: string;
  case_count: number;
  inquiry_batch_id: number | null;
  created_at: string;
  created_by: string;
}

export interface ArchiveRequeriesTable {
  id: Generated<number>;
  batch_id: number;
  case_id: number;
  round: number;
  due_on: string;
  requested_on: string;
  result: 'pending' | 'found' | 'nothing';
  findings: string; // JSON array of finding texts
  result_on: string | null;
  document_id: number | null;
}

declare module '../schema' {
  interface Database {
    closures: ClosuresTable;
    closure_attestations: ClosureAttestationsTable;
    archive_entries: ArchiveEntriesTable;
    archive_requery_batches: ArchiveRequeryBatchesTable;
    archive_requeries: ArchiveRequeriesTable;
  }
}
