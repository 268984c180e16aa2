import type { Migration } from '../migrate';

// The working-day calendar (its shipped years are loaded by the app at start, services/calendar/
// shipped.ts), triage proposals, assignment runs with one explainable row per case, and the derived
// deadlines table.
//
// Why a derived `deadlines` table: the board must answer over 200,000 cases / 2,000,000 events in
// under 200 ms, so it cannot replay events. Each case's clocks are recomputed from its events by the
// pure src-shared/domain/deadlines.ts and stored here by the deadline projection
// (services/deadlines/projection.ts), in the transaction of each event; the board is one indexed query.

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
  -- The case's stage, team ('' = none) and officer (0 = none) when the row was computed. Every change
  -- of these comes with an event, and every event recomputes the case's rows, so they stay current.
  stage TEXT NOT NULL,
  team_id TEXT NOT NULL DEFAULT '',
  judge_id INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (case_id, rule_id, seq)
) STRICT, WITHOUT ROWID;
-- Drill-down reads open clocks in due order: a partial index keeps that a range scan.
CREATE INDEX deadlines_open_due ON deadlines(due_on, case_id) WHERE status = 'open';

-- The board's counts: open clocks per day, stage, team, officer and rule, kept by the deadline
-- projection with the rows, so the board sums a few thousand tally rows instead of scanning
-- hundreds of thousands of clocks (bench/deadlines.bench.mjs).
CREATE TABLE deadline_tally (
  due_on TEXT NOT NULL,
  stage TEXT NOT NULL,
  team_id TEXT NOT NULL,
  judge_id INTEGER NOT NULL,
  rule_id TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (due_on, stage, team_id, judge_id, rule_id)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER deadlines_no_update BEFORE UPDATE ON deadlines BEGIN SELECT RAISE(ABORT, 'deadlines rows are replaced, not updated (the tally depends on it)'); END;
`,
};
