import type { Generated } from 'kysely';

export interface DocumentSerialsTable {
  year: number;
  scope: 'document' | 'batch';
  last_serial: number;
}

export interface DocumentBatchesTable {
  id: string;
  number: string;
  job_id: string | null;
  kinds: string; // JSON array of kinds
  case_count: number;
  document_count: number;
  print_path: string | null;
  reason: string | null;
  created_at: string;
  created_by: string;
}

export interface DocumentsTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  number: string;
  version: number;
  status: 'current' | 'superseded';
  supersedes_id: number | null;
  reason: string | null;
  batch_id: string | null;
  issued_on: string;
  docx_path: string;
  pdf_path: string;
  docx_bytes: number;
  pdf_bytes: number;
  generated_at: string;
  generated_by: string;
  service_method: string | null;
  tracking_number: string | null;
  mailed_on: string | null;
  published_on: string | null;
  served_on: string | null;
  recipient: string | null;
  service_note: string | null;
  service_recorded_at: string | null;
  service_recorded_by: string | null;
}

declare module '../schema' {
  interface Database {
    document_serials: DocumentSerialsTable;
    document_batches: DocumentBatchesTable;
    documents: DocumentsTable;
  }
}

// Migration 080: what the court's documents need (see the migration's header).
export interface DocumentsTable {
  printed_number: string | null;
  party_id: number | null;
  template_version: Generated<number>;
}

export interface CaseOfficersTable {
  case_id: number;
  judge_id: number | null;
  clerk_id: number | null;
  set_at: string;
  set_by: string;
}

export interface ZhongbenBasesTable {
  case_id: number;
  kind: 'consent' | 'panel';
  consent_on: string | null;
  presiding_id: number | null;
  member_ids: string | null; // JSON array of user ids
  reviewed_on: string | null;
  approved_by: string | null;
  approved_on: string | null;
  recorded_at: string;
  recorded_by: string;
}

export interface CaseAccountImportsTable {
  id: Generated<number>;
  file_name: string;
  bank: string;
  rows: number;
  imported_at: string;
  imported_by: string;
}

export interface CaseAccountsTable {
  case_id: number;
  bank: string;
  account_name: string;
  account_number: string;
  import_id: number | null;
  recorded_at: string;
  recorded_by: string;
}

export interface DocumentTemplatesTable {
  kind: string;
  version: number;
  texts: string; // JSON { [key]: text }
  note: string | null;
  created_at: string;
  created_by: string;
}

declare module '../schema' {
  interface CasesTable {
    /** 执行依据's type (TITLE_KINDS); '未登记' for cases filed before it was recorded. */
    title_kind: Generated<string>;
    title_kind_other: string | null;
    /** What the title ordered (判项/裁决事项), as the clerk transcribed it. */
    title_ordered: string | null;
    /** Several debtors liable jointly and severally (连带责任) under the title. */
    title_joint: Generated<number>;
  }
  interface PartiesTable {
    /** An applicant's share of the claim when several apply together (fen). */
    share_fen: number | null;
    agent_name: string | null;
    agent_unit: string | null;
    legal_rep_title: string | null;
  }
  interface Database {
    case_officers: CaseOfficersTable;
    zhongben_bases: ZhongbenBasesTable;
    case_account_imports: CaseAccountImportsTable;
    case_accounts: CaseAccountsTable;
    document_templates: DocumentTemplatesTable;
  }
}
