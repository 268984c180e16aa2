import type { Generated } from 'kysely';

// Tables of migration 130 (the case page as a workspace).

export interface WorkRecordsTable {
  id: Generated<number>;
  case_id: number;
  kind: '执行笔录' | '谈话笔录' | '约谈记录';
  held_on: string;
  started_at: string;
  ended_at: string | null;
  place: string;
  officers: string; // JSON string[]
  recorder: string;
  persons: string; // JSON RecordPerson[] (src-shared/domain/workRecords.ts)
  subject: string | null;
  content: string;
  refusal: string | null;
  corrects_id: number | null;
  document_id: number | null;
  created_at: string;
  created_by: string;
}

export interface CaseNotesTable {
  id: Generated<number>;
  case_id: number;
  text: string;
  created_at: string;
  created_by: string;
}

export interface AttachmentsTable {
  id: Generated<number>;
  case_id: number;
  type: 'pdf' | 'jpeg' | 'png' | 'tiff';
  original_name: string;
  label: string | null;
  stored_path: string;
  bytes: number;
  sha256: string;
  uploaded_at: string;
  uploaded_by: string;
}

export interface TransferRequestsTable {
  id: Generated<number>;
  case_id: number;
  from_team_id: string | null;
  to_team_id: string | null;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requested_at: string;
  requested_by: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
  judge_id: number | null;
}

export interface ClosureRequestsTable {
  id: Generated<number>;
  case_id: number;
  mode: string;
  reason: string;
  basis: string | null; // JSON of the proposed 终本 basis (民诉法解释 Art. 517)
  status: 'pending' | 'closed' | 'returned';
  requested_at: string;
  requested_by: string;
  decided_at: string | null;
  decided_by: string | null;
  return_reasons: string | null; // JSON string[]
  decision_note: string | null;
}

declare module '../schema' {
  interface Database {
    work_records: WorkRecordsTable;
    case_notes: CaseNotesTable;
    attachments: AttachmentsTable;
    transfer_requests: TransferRequestsTable;
    closure_requests: ClosureRequestsTable;
  }
}
