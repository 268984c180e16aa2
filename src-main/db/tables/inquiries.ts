import type { Generated } from 'kysely';

// Tables of migration 020 (query batches, assets, measures, ledger).

export interface InquiryBatchesTable {
  id: Generated<number>;
  number: string;
  categories: string; // JSON array of AssetType
  case_count: number;
  debtor_count: number;
  created_on: string;
  created_at: string;
  created_by: string;
}

export interface InquiryTargetsTable {
  id: Generated<number>;
  batch_id: number;
  seq: number;
  case_id: number;
  party_id: number;
  name: string;
  id_code: string;
  answered_at: string | null;
}

export interface InquiryImportsTable {
  id: Generated<number>;
  batch_id: number;
  file_name: string;
  file_hash: string;
  row_count: number;
  finding_count: number;
  nothing_count: number;
  skipped_count: number;
  simulated: number;
  imported_at: string;
  imported_by: string;
}

export interface InquiryResultsTable {
  id: Generated<number>;
  import_id: number;
  batch_id: number;
  target_id: number;
  case_id: number;
  party_id: number;
  row_no: number;
  nothing_found: number;
  asset_type: string | null;
  institution: string;
  identifier: string;
  value_fen: number | null;
  other_frozen_fen: number;
  other_frozen_note: string | null;
  queried_on: string;
  row_key: string;
  asset_id: number | null;
}

export interface AssetsTable {
  id: Generated<number>;
  case_id: number;
  party_id: number;
  type: string;
  institution: string;
  identifier: string;
  value_fen: number | null;
  other_frozen_fen: number;
  other_frozen_note: string | null;
  found_on: string;
  found_at: string;
  source_batch_id: number | null;
  simulated: number;
  created_at: string;
}

export interface ControlBatchesTable {
  id: Generated<number>;
  number: string;
  measure_count: number;
  case_count: number;
  documents_note: string | null;
  created_on: string;
  created_at: string;
  created_by: string;
}

export interface MeasuresTable {
  id: Generated<number>;
  batch_id: number;
  case_id: number;
  asset_id: number;
  action: 'freeze' | 'seize' | 'deduct';
  amount_fen: number;
  actual_fen: number | null;
  start_on: string;
  expires_on: string | null;
  renewals: Generated<number>;
  status: 'pending' | 'done' | 'partial' | 'refused' | 'released';
  result_on: string | null;
  result_note: string | null;
  from_measure_id: number | null;
  released_on: string | null;
  release_reason: string | null;
  /** Migration 140: a freeze whose whole frozen sum was deducted ends (day, deducting measure). */
  ended_on: Generated<string | null>;
  ended_by: Generated<number | null>;
  created_at: string;
  created_by: string;
}

export interface MeasureDocumentsTable {
  measure_id: number;
  document_id: number;
  purpose: 'apply' | 'renew' | 'release';
}

export interface UnidentifiedFundsTable {
  id: Generated<number>;
  received_on: string;
  amount_fen: number;
  payer: string | null;
  payer_account: string | null;
  reference: string | null;
  note: string | null;
  claimed_case_id: number | null;
  claimed_entry_id: number | null;
  claimed_at: string | null;
  claimed_by: string | null;
  created_at: string;
  created_by: string;
}

export interface LedgerEntriesTable {
  id: Generated<number>;
  case_id: number;
  kind: 'receipt' | 'fee' | 'payout' | 'deferral' | 'refund' | 'reversal';
  amount_fen: number;
  on_date: string;
  source: 'online' | 'voluntary' | 'auction' | 'cash' | null;
  payer: string | null;
  officers: string; // JSON array of names
  payee_name: string | null;
  payee_bank: string | null;
  payee_account: string | null;
  approver: string | null;
  /** Migration 140: the approving user (null on entries written before it). */
  approver_id: number | null;
  reason: string | null;
  deferred_until: string | null;
  reference: string | null;
  reverses_id: number | null;
  measure_id: number | null;
  unidentified_id: number | null;
  note: string | null;
  created_at: string;
  created_by: string;
}

declare module '../schema' {
  interface Database {
    inquiry_batches: InquiryBatchesTable;
    inquiry_targets: InquiryTargetsTable;
    inquiry_imports: InquiryImportsTable;
    inquiry_results: InquiryResultsTable;
    assets: AssetsTable;
    control_batches: ControlBatchesTable;
    measures: MeasuresTable;
    measure_documents: MeasureDocumentsTable;
    unidentified_funds: UnidentifiedFundsTable;
    ledger_entries: LedgerEntriesTable;
  }
}
