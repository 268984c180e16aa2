import type { Migration } from '../migrate';

// The document register (design.md §4): one row per generated document with its files, the batch
// that made it, the version chain of regenerations, and its service (送达) record. Files are paths
// relative to the data folder; a row exists only for files that exist (written, then renamed into
// place inside the transaction that inserts the row).
export const migration: Migration = {
  version: 10,
  name: 'documents',
  sql: `
CREATE TABLE document_serials (
  year INTEGER NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('document','batch')),
  last_serial INTEGER NOT NULL,
  PRIMARY KEY (year, scope)
) STRICT;

CREATE TABLE document_batches (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  job_id TEXT,
  kinds TEXT NOT NULL,
  case_count INTEGER NOT NULL,
  document_count INTEGER NOT NULL,
  print_path TEXT,
  reason TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL,
  number TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL CHECK (version >= 1),
  status TEXT NOT NULL CHECK (status IN ('current','superseded')),
  supersedes_id INTEGER REFERENCES documents(id),
  reason TEXT,
  batch_id TEXT REFERENCES document_batches(id),
  issued_on TEXT NOT NULL,
  docx_path TEXT NOT NULL,
  pdf_path TEXT NOT NULL,
  docx_bytes INTEGER NOT NULL,
  pdf_bytes INTEGER NOT NULL,
  generated_at TEXT NOT NULL,
  generated_by TEXT NOT NULL,
  -- 送达: mailed_on/tracking_number when posted (邮寄送达); served_on = the legal service date
  -- (signature date, or publication + 30 days for 公告送达, 民诉法 2023 Art. 95).
  service_method TEXT CHECK (service_method IN ('直接送达','留置送达','邮寄送达','电子送达','公告送达')),
  tracking_number TEXT,
  mailed_on TEXT,
  published_on TEXT,
  served_on TEXT,
  recipient TEXT,
  service_note TEXT,
  service_recorded_at TEXT,
  service_recorded_by TEXT
) STRICT;
CREATE INDEX documents_case ON documents(case_id, kind, status);
CREATE INDEX documents_batch ON documents(batch_id);
CREATE UNIQUE INDEX documents_tracking ON documents(tracking_number) WHERE tracking_number IS NOT NULL;
CREATE INDEX documents_unserved ON documents(kind, served_on) WHERE status = 'current';
`,
};
