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
