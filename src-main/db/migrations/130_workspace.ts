import type { Migration } from '../migrate';

// The case page as a workspace: work records (执行笔录、谈话笔录、约谈记录), case notes, attachments
// (scans and photos with their SHA-256), a team's request to move a case (移交/改分申请) decided by
// management, and a team's proposal of 终本 reviewed by the 终本 group. Each row is written with its
// event in one transaction; the events are the record, these tables what the pages read.
export const migration: Migration = {
  version: 130,
  name: 'workspace',
  sql: `
-- A 笔录 as recorded (查封规定 Art. 18; 民诉法 2023 Arts. 133, 150): when and where, the officers and
-- the recorder, every person present, what was said or done. Printed through the documents engine;
-- document_id is the latest print. Never edited: a correction is a new record naming the one it corrects.
CREATE TABLE work_records (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL CHECK (kind IN ('执行笔录','谈话笔录','约谈记录')),
  held_on TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  place TEXT NOT NULL,
  officers TEXT NOT NULL,
  recorder TEXT NOT NULL,
  persons TEXT NOT NULL,
  subject TEXT,
  content TEXT NOT NULL,
  refusal TEXT,
  corrects_id INTEGER REFERENCES work_records(id),
  document_id INTEGER,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX work_records_case ON work_records(case_id, held_on, id);

CREATE TABLE case_notes (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX case_notes_case ON case_notes(case_id, id);

-- Stored under the data folder by a generated name (attachments/<case id>/<uuid>.<ext>); the name
-- the clerk uploaded is a label only. sha256 is checked again on every download.
CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  type TEXT NOT NULL CHECK (type IN ('pdf','jpeg','png','tiff')),
  original_name TEXT NOT NULL,
  label TEXT,
  stored_path TEXT NOT NULL UNIQUE,
  bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  uploaded_by TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_case ON attachments(case_id, id);

CREATE TABLE transfer_requests (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  from_team_id TEXT,
  to_team_id TEXT,
  reason TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending','approved','rejected')),
  requested_at TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  decided_at TEXT,
  decided_by TEXT,
  decision_note TEXT,
  judge_id INTEGER REFERENCES users(id)
) STRICT;
CREATE UNIQUE INDEX transfer_requests_one_pending ON transfer_requests(case_id) WHERE status = 'pending';
CREATE INDEX transfer_requests_status ON transfer_requests(status, id);

CREATE TABLE closure_requests (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  mode TEXT NOT NULL,
  reason TEXT NOT NULL,
  basis TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending','closed','returned')),
  requested_at TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  decided_at TEXT,
  decided_by TEXT,
  return_reasons TEXT,
  decision_note TEXT
) STRICT;
CREATE UNIQUE INDEX closure_requests_one_pending ON closure_requests(case_id) WHERE status = 'pending';
CREATE INDEX closure_requests_status ON closure_requests(status, id);
`,
};
