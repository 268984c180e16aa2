import type { Migration } from '../migrate';

// Query batches and their feedback, the asset register, control batches and measures, the case
// ledger and the court's unidentified-funds register (不明款). Money in integer fen, dates
// 'YYYY-MM-DD' court-local, timestamps UTC ISO. Ledger rows are append-only (corrections reverse).
export const migration: Migration = {
  version: 20,
  name: 'inquiries',
  sql: `
CREATE TABLE inquiry_batches (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  categories TEXT NOT NULL,
  case_count INTEGER NOT NULL CHECK (case_count > 0),
  debtor_count INTEGER NOT NULL CHECK (debtor_count > 0),
  created_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;

-- One row per debtor asked about: the request file's rows.
CREATE TABLE inquiry_targets (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES inquiry_batches(id),
  seq INTEGER NOT NULL,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  party_id INTEGER NOT NULL REFERENCES parties(id),
  name TEXT NOT NULL,
  id_code TEXT NOT NULL,
  answered_at TEXT,
  UNIQUE (batch_id, seq),
  UNIQUE (batch_id, party_id)
) STRICT;
CREATE INDEX inquiry_targets_case ON inquiry_targets(case_id);
CREATE INDEX inquiry_targets_open ON inquiry_targets(party_id) WHERE answered_at IS NULL;

-- One row per imported feedback file; the content hash makes a second import of the same file a no-op.
CREATE TABLE inquiry_imports (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES inquiry_batches(id),
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL UNIQUE,
  row_count INTEGER NOT NULL,
  finding_count INTEGER NOT NULL,
  nothing_count INTEGER NOT NULL,
  skipped_count INTEGER NOT NULL,
  simulated INTEGER NOT NULL DEFAULT 0,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
) STRICT;

-- One row per feedback row, findings and "nothing found" alike (终本 needs proof of the query).
CREATE TABLE inquiry_results (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES inquiry_imports(id),
  batch_id INTEGER NOT NULL REFERENCES inquiry_batches(id),
  target_id INTEGER NOT NULL REFERENCES inquiry_targets(id),
  case_id INTEGER NOT NULL REFERENCES cases(id),
  party_id INTEGER NOT NULL REFERENCES parties(id),
  row_no INTEGER NOT NULL,
  nothing_found INTEGER NOT NULL CHECK (nothing_found IN (0,1)),
  asset_type TEXT,
  institution TEXT NOT NULL DEFAULT '',
  identifier TEXT NOT NULL DEFAULT '',
  value_fen INTEGER CHECK (value_fen >= 0),
  other_frozen_fen INTEGER NOT NULL DEFAULT 0 CHECK (other_frozen_fen >= 0),
  other_frozen_note TEXT,
  queried_on TEXT NOT NULL,
  row_key TEXT NOT NULL,
  asset_id INTEGER,
  UNIQUE (batch_id, row_key)
) STRICT;
CREATE INDEX inquiry_results_case ON inquiry_results(case_id, queried_on);

-- The asset register (财产清单): one row per distinct asset of a debtor in a case; a later query
-- that finds it again refreshes its value and source.
CREATE TABLE assets (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  party_id INTEGER NOT NULL REFERENCES parties(id),
  type TEXT NOT NULL,
  institution TEXT NOT NULL,
  identifier TEXT NOT NULL,
  value_fen INTEGER CHECK (value_fen >= 0),
  other_frozen_fen INTEGER NOT NULL DEFAULT 0 CHECK (other_frozen_fen >= 0),
  other_frozen_note TEXT,
  found_on TEXT NOT NULL,
  found_at TEXT NOT NULL,
  source_batch_id INTEGER REFERENCES inquiry_batches(id),
  simulated INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (case_id, party_id, type, institution, identifier)
) STRICT;
CREATE INDEX assets_batch ON assets(source_batch_id);

CREATE TABLE control_batches (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  measure_count INTEGER NOT NULL,
  case_count INTEGER NOT NULL,
  documents_note TEXT,
  created_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;

CREATE TABLE measures (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES control_batches(id),
  case_id INTEGER NOT NULL REFERENCES cases(id),
  asset_id INTEGER NOT NULL REFERENCES assets(id),
  action TEXT NOT NULL CHECK (action IN ('freeze','seize','deduct')),
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  actual_fen INTEGER CHECK (actual_fen >= 0),
  start_on TEXT NOT NULL,
  expires_on TEXT,
  renewals INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('pending','done','partial','refused','released')),
  result_on TEXT,
  result_note TEXT,
  from_measure_id INTEGER REFERENCES measures(id),
  released_on TEXT,
  release_reason TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX measures_case ON measures(case_id);
CREATE INDEX measures_asset ON measures(asset_id);
CREATE INDEX measures_batch ON measures(batch_id);
CREATE INDEX measures_expiry ON measures(expires_on) WHERE status IN ('pending','done','partial');

-- Documents a measure produced (ruling and assistance notice; again on renewal and release).
CREATE TABLE measure_documents (
  measure_id INTEGER NOT NULL REFERENCES measures(id),
  document_id INTEGER NOT NULL,
  purpose TEXT NOT NULL CHECK (purpose IN ('apply','renew','release')),
  PRIMARY KEY (measure_id, document_id)
) STRICT;

CREATE TABLE unidentified_funds (
  id INTEGER PRIMARY KEY,
  received_on TEXT NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  payer TEXT,
  payer_account TEXT,
  reference TEXT,
  note TEXT,
  claimed_case_id INTEGER REFERENCES cases(id),
  claimed_entry_id INTEGER,
  claimed_at TEXT,
  claimed_by TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;

CREATE TABLE ledger_entries (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL CHECK (kind IN ('receipt','fee','payout','deferral','refund','reversal')),
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  on_date TEXT NOT NULL,
  source TEXT CHECK (source IN ('online','voluntary','auction','cash')),
  payer TEXT,
  officers TEXT NOT NULL DEFAULT '[]',
  payee_name TEXT,
  payee_bank TEXT,
  payee_account TEXT,
  approver TEXT,
  reason TEXT,
  deferred_until TEXT,
  reference TEXT,
  reverses_id INTEGER UNIQUE REFERENCES ledger_entries(id),
  measure_id INTEGER UNIQUE REFERENCES measures(id),
  unidentified_id INTEGER REFERENCES unidentified_funds(id),
  note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  CHECK (kind <> 'receipt' OR source IS NOT NULL),
  CHECK (kind <> 'reversal' OR reverses_id IS NOT NULL)
) STRICT;
CREATE INDEX ledger_entries_case ON ledger_entries(case_id, id);
CREATE INDEX ledger_entries_day ON ledger_entries(kind, on_date);
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only: reverse instead'); END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only: reverse instead'); END;
`,
};
