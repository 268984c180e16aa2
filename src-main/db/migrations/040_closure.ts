import type { Migration } from '../migrate';

// Closure (结案), the clerk's attestations for the 终本 checklist, the 终本 archive (终本库) with its
// six-monthly re-query rounds, and quality reviews. The audit trail of all of it is in case_events;
// these tables hold the current state the queues and the archive read.
export const migration: Migration = {
  version: 40,
  name: 'closure',
  sql: `
CREATE TABLE closures (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id),
  mode TEXT NOT NULL,
  closed_on TEXT NOT NULL,
  ground TEXT,
  ruling_number TEXT,
  claim_fen INTEGER NOT NULL CHECK (claim_fen >= 0),
  recovered_fen INTEGER NOT NULL CHECK (recovered_fen >= 0),
  paid_directly_fen INTEGER NOT NULL DEFAULT 0 CHECK (paid_directly_fen >= 0),
  unpaid_fen INTEGER NOT NULL CHECK (unpaid_fen >= 0),
  balance_fen INTEGER NOT NULL,
  balance_reason TEXT,
  settlement INTEGER NOT NULL DEFAULT 0,
  checklist TEXT,
  note TEXT,
  closed_at TEXT NOT NULL,
  closed_by TEXT NOT NULL,
  corrected_at TEXT,
  corrected_by TEXT
) STRICT;
CREATE INDEX closures_mode_date ON closures(mode, closed_on);

CREATE TABLE closure_attestations (
  case_id INTEGER NOT NULL REFERENCES cases(id),
  item TEXT NOT NULL,
  note TEXT NOT NULL,
  attested_on TEXT NOT NULL,
  attested_at TEXT NOT NULL,
  attested_by TEXT NOT NULL,
  PRIMARY KEY (case_id, item)
) STRICT;

CREATE TABLE archive_entries (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id),
  terminated_on TEXT NOT NULL,
  requery_until TEXT NOT NULL,
  next_requery_on TEXT,
  rounds_done INTEGER NOT NULL DEFAULT 0,
  last_requery_on TEXT,
  last_result TEXT CHECK (last_result IN ('found','nothing')),
  room TEXT,
  shelf TEXT,
  box TEXT,
  scan_status TEXT NOT NULL DEFAULT 'pending' CHECK (scan_status IN ('pending','scanned','bound')),
  review_status TEXT NOT NULL DEFAULT 'pending' CHECK (review_status IN ('pending','pass','fail')),
  review_reasons TEXT NOT NULL DEFAULT '[]',
  reviewed_on TEXT,
  reviewed_by TEXT,
  resumed_case_id INTEGER REFERENCES cases(id),
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX archive_entries_next ON archive_entries(next_requery_on) WHERE next_requery_on IS NOT NULL;

CREATE TABLE archive_requery_batches (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  created_on TEXT NOT NULL,
  case_count INTEGER NOT NULL,
  inquiry_batch_id INTEGER,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;

CREATE TABLE archive_requeries (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES archive_requery_batches(id),
  case_id INTEGER NOT NULL REFERENCES cases(id),
  round INTEGER NOT NULL CHECK (round > 0),
  due_on TEXT NOT NULL,
  requested_on TEXT NOT NULL,
  result TEXT NOT NULL DEFAULT 'pending' CHECK (result IN ('pending','found','nothing')),
  findings TEXT NOT NULL DEFAULT '[]',
  result_on TEXT,
  document_id INTEGER,
  UNIQUE (case_id, round)
) STRICT;
CREATE INDEX archive_requeries_batch ON archive_requeries(batch_id, case_id);
`,
};
