import type { Migration } from '../migrate';
import shipped from '../../../resources/calendar/holidays-2020-2026.json';

// The working-day calendar (seeded with the shipped 2020–2026 table), triage proposals, assignment
// runs with one explainable row per case, and the derived deadlines table (issue 5).
//
// Why a derived `deadlines` table: the board must answer over 200,000 cases / 2,000,000 events in
// under 200 ms, so it cannot replay events. Each case's clocks are recomputed from its events by the
// pure src-shared/domain/deadlines.ts and stored here; `deadline_sync` holds the highest event id
// already folded in (the watermark) and a hash of the rules and calendar. Any read of deadlines
// first recomputes just the cases that got events past the watermark, so no other domain has to
// remember to call anything after appending an event, and the board is one indexed query.
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const seed = shipped.days.map((d) => `(${q(d.date)}, ${q(d.kind)}, ${q(d.name)}, '1970-01-01T00:00:00.000Z', '系统')`).join(',\n');
const years = shipped.years.map((y) => `(${y}, ${q(shipped.source)})`).join(', ');

export const migration: Migration = {
  version: 30,
  name: 'deadlines',
  sql: `
CREATE TABLE calendar_days (
  date TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('holiday','workday')),
  name TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
-- Years whose State Council holiday notice is entered (outside them only weekends are days off).
CREATE TABLE calendar_years (year INTEGER PRIMARY KEY, source TEXT NOT NULL) STRICT;
INSERT INTO calendar_days (date, kind, name, updated_at, updated_by) VALUES
${seed};
INSERT INTO calendar_years (year, source) VALUES ${years};

-- The latest proposal per case (the history is in the triage.proposed events).
CREATE TABLE triage_proposals (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id),
  track TEXT NOT NULL CHECK (track IN ('simple','complex')),
  rule TEXT NOT NULL,
  reason TEXT NOT NULL,
  facts TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  proposed_by TEXT NOT NULL
) STRICT;

-- Anchor VA Caseflow: every distribution (and every bulk reassignment) is a recorded run with its statistics.
CREATE TABLE assignment_runs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('distribution','reassignment','fastTrack')),
  cap INTEGER NOT NULL,
  basis TEXT NOT NULL,
  case_count INTEGER NOT NULL,
  assigned_count INTEGER NOT NULL,
  unassigned_count INTEGER NOT NULL,
  reason TEXT,
  stats TEXT NOT NULL,
  at TEXT NOT NULL,
  on_date TEXT NOT NULL,
  actor_name TEXT NOT NULL
) STRICT;
CREATE TABLE assignment_items (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES assignment_runs(id),
  case_id INTEGER NOT NULL REFERENCES cases(id),
  team_id TEXT,
  judge_id INTEGER REFERENCES users(id),
  rule TEXT NOT NULL,
  explanation TEXT NOT NULL,
  detail TEXT NOT NULL
) STRICT;
CREATE INDEX assignment_items_run ON assignment_items(run_id, id);
CREATE INDEX assignment_items_case ON assignment_items(case_id, id);

CREATE TABLE deadlines (
  case_id INTEGER NOT NULL REFERENCES cases(id),
  rule_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  start_event_id INTEGER NOT NULL,
  start_on TEXT NOT NULL,
  due_on TEXT,
  due_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('open','met','late','paused','cancelled')),
  done_event_id INTEGER,
  done_on TEXT,
  excluded_days INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (case_id, rule_id, seq)
) STRICT, WITHOUT ROWID;
-- The board reads only open clocks due up to a horizon: a partial index keeps that a range scan.
CREATE INDEX deadlines_open_due ON deadlines(due_on, case_id) WHERE status = 'open';

CREATE TABLE deadline_sync (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
INSERT INTO deadline_sync (key, value) VALUES ('watermark', '0'), ('rulesHash', ''), ('calendarVersion', '1');
`,
};
