import type { Migration } from '../migrate';

// Users, settings, the case register with its parties and first interview, the per-court serial
// counters, the append-only event log and the job table.
export const migration: Migration = {
  version: 1,
  name: 'foundation',
  sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  roles TEXT NOT NULL DEFAULT '[]',
  team_id TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;

CREATE TABLE case_serials (
  court_code TEXT NOT NULL,
  year INTEGER NOT NULL,
  type TEXT NOT NULL,
  last_serial INTEGER NOT NULL,
  PRIMARY KEY (court_code, year, type)
) STRICT;

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  court_code TEXT NOT NULL,
  type TEXT NOT NULL,
  serial INTEGER NOT NULL CHECK (serial > 0),
  stage TEXT NOT NULL,
  filed_on TEXT NOT NULL,
  title_court TEXT NOT NULL,
  title_number TEXT NOT NULL,
  title_effective_on TEXT NOT NULL,
  title_cause TEXT NOT NULL,
  non_litigation INTEGER NOT NULL DEFAULT 0,
  principal_fen INTEGER NOT NULL CHECK (principal_fen >= 0),
  interest_fen INTEGER NOT NULL CHECK (interest_fen >= 0),
  costs_fen INTEGER NOT NULL CHECK (costs_fen >= 0),
  claim_fen INTEGER NOT NULL CHECK (claim_fen >= 0),
  preserved INTEGER NOT NULL DEFAULT 0,
  applicant_names TEXT NOT NULL,
  debtor_names TEXT NOT NULL,
  search_text TEXT NOT NULL,
  team_id TEXT,
  judge_id INTEGER REFERENCES users(id),
  resumed_from_id INTEGER REFERENCES cases(id),
  closed_on TEXT,
  closure_mode TEXT,
  migrated INTEGER NOT NULL DEFAULT 0,
  demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (court_code, year, type, serial)
) STRICT;
CREATE INDEX cases_filed_on ON cases(filed_on);
CREATE INDEX cases_stage ON cases(stage, filed_on);
CREATE INDEX cases_team ON cases(team_id, stage);
CREATE INDEX cases_type ON cases(type, filed_on);
CREATE INDEX cases_title ON cases(title_number);
CREATE INDEX cases_closed_on ON cases(closed_on);

CREATE TABLE parties (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  role TEXT NOT NULL CHECK (role IN ('applicant','debtor')),
  kind TEXT NOT NULL CHECK (kind IN ('person','org')),
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  id_number TEXT,
  credit_code TEXT,
  legal_rep TEXT,
  birth_date TEXT,
  sex TEXT,
  address TEXT,
  phone TEXT
) STRICT;
CREATE INDEX parties_case ON parties(case_id, role, seq);
CREATE INDEX parties_id_number ON parties(id_number) WHERE id_number IS NOT NULL;
CREATE INDEX parties_credit_code ON parties(credit_code) WHERE credit_code IS NOT NULL;

CREATE TABLE interviews (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id),
  contact_confirmed INTEGER NOT NULL DEFAULT 0,
  service_address TEXT,
  payout_bank TEXT,
  payout_account_name TEXT,
  payout_account TEXT,
  property_clues TEXT,
  requests TEXT NOT NULL DEFAULT '[]',
  notes TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
) STRICT;

-- Append-only: every change to a case is one row; the hash chain makes edits and deletions detectable.
CREATE TABLE case_events (
  id INTEGER PRIMARY KEY,
  case_id INTEGER REFERENCES cases(id),
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  on_date TEXT NOT NULL,
  actor_id INTEGER,
  actor_name TEXT NOT NULL,
  workstation TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX case_events_case ON case_events(case_id, id);
CREATE INDEX case_events_type_date ON case_events(type, on_date);
CREATE INDEX case_events_actor ON case_events(actor_id, id);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  status TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL DEFAULT 0,
  message TEXT NOT NULL DEFAULT '',
  result TEXT,
  error TEXT,
  created_at TEXT NOT NULL,
  finished_at TEXT,
  created_by TEXT NOT NULL
) STRICT;
`,
};
