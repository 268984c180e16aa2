import type { Migration } from '../migrate';

// Compulsory measures (desks.md §2): requests from case teams to the detention team, the team's
// sweeps (集中拘传行动), each measure on a person (传票, 拘传, 罚款, 拘留, 搜查) with its approval,
// ground and clocks, leave from detention, and referrals to the police for 拒执罪. Append-mostly:
// a measure's row is updated as it moves on (questioning ended, family told, handed over,
// released) and each change is also an event in the case's log.
export const migration: Migration = {
  version: 160,
  name: 'coercion',
  sql: `
CREATE TABLE coercion_operations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  planned_on TEXT NOT NULL,
  leader_id INTEGER NOT NULL REFERENCES users(id),
  note TEXT,
  status TEXT NOT NULL CHECK (status IN ('planned', 'done')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;

CREATE TABLE coercion_requests (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  party_id INTEGER REFERENCES parties(id),
  person_name TEXT NOT NULL,
  person_kind TEXT NOT NULL CHECK (person_kind IN ('individual', 'organisation')),
  gender TEXT CHECK (gender IN ('male', 'female')),
  measure TEXT NOT NULL CHECK (measure IN ('compel', 'search', 'detain', 'fine')),
  place TEXT NOT NULL,
  wanted_on TEXT NOT NULL,
  purpose TEXT NOT NULL,
  summons_served_on TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'scheduled', 'done', 'withdrawn')),
  operation_id INTEGER REFERENCES coercion_operations(id),
  outcome TEXT CHECK (outcome IN ('paid', 'settled', 'detained', 'released', 'notFound')),
  outcome_note TEXT,
  outcome_at TEXT,
  requested_at TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_by_id INTEGER NOT NULL REFERENCES users(id),
  team_id TEXT
) STRICT;
CREATE INDEX coercion_requests_case ON coercion_requests(case_id);
CREATE INDEX coercion_requests_operation ON coercion_requests(operation_id);
CREATE INDEX coercion_requests_status ON coercion_requests(status, wanted_on);

CREATE TABLE coercion_measures (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  request_id INTEGER REFERENCES coercion_requests(id),
  kind TEXT NOT NULL CHECK (kind IN ('compel', 'fine', 'detain', 'search')),
  person_name TEXT NOT NULL,
  person_kind TEXT NOT NULL CHECK (person_kind IN ('individual', 'organisation')),
  gender TEXT CHECK (gender IN ('male', 'female')),
  act_key TEXT,
  act TEXT,
  ground TEXT,
  article TEXT,
  amount_fen INTEGER,
  days INTEGER,
  complex INTEGER NOT NULL DEFAULT 0,
  approved_by_id INTEGER NOT NULL REFERENCES users(id),
  approved_at TEXT NOT NULL,
  emergency INTEGER NOT NULL DEFAULT 0,
  started_at TEXT NOT NULL,
  ends_on TEXT,
  ended_at TEXT,
  outcome TEXT,
  served_on TEXT,
  family_at TEXT,
  family_method TEXT,
  family_missed_reason TEXT,
  medical_result TEXT,
  medical_at TEXT,
  centre TEXT,
  handed_over_at TEXT,
  released_at TEXT,
  release_kind TEXT CHECK (release_kind IN ('expiry', 'early')),
  review_filed_on TEXT,
  review_decided_on TEXT,
  review_result TEXT,
  place TEXT,
  attendees TEXT,
  officers TEXT,
  searched_person_gender TEXT CHECK (searched_person_gender IN ('male', 'female')),
  items TEXT,
  document_id INTEGER REFERENCES documents(id),
  record_document_id INTEGER REFERENCES documents(id),
  release_document_id INTEGER REFERENCES documents(id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX coercion_measures_case ON coercion_measures(case_id, kind);
CREATE INDEX coercion_measures_request ON coercion_measures(request_id);
CREATE INDEX coercion_measures_started ON coercion_measures(kind, started_at);
-- The same act is never fined or detained twice (民诉法解释 Art. 184): one sanction per act.
CREATE UNIQUE INDEX coercion_measures_one_sanction ON coercion_measures(case_id, act_key, kind) WHERE kind IN ('fine', 'detain');

CREATE TABLE coercion_leaves (
  id INTEGER PRIMARY KEY,
  measure_id INTEGER NOT NULL REFERENCES coercion_measures(id),
  reason TEXT NOT NULL,
  from_at TEXT NOT NULL,
  to_at TEXT,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL
) STRICT;
CREATE INDEX coercion_leaves_measure ON coercion_leaves(measure_id);

CREATE TABLE coercion_referrals (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  person_name TEXT NOT NULL,
  police TEXT NOT NULL,
  sent_on TEXT NOT NULL,
  complex INTEGER NOT NULL DEFAULT 0,
  facts TEXT NOT NULL,
  evidence TEXT NOT NULL,
  answered_on TEXT,
  answer TEXT CHECK (answer IN ('filed', 'refused')),
  answer_note TEXT,
  private_on TEXT,
  private_number TEXT,
  document_id INTEGER REFERENCES documents(id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX coercion_referrals_case ON coercion_referrals(case_id);
`,
};
