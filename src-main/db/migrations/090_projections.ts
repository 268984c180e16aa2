import type { Migration } from '../migrate';

// Derived tables are kept by projections in TypeScript (src-main/events/projections.ts), run by
// appendEvent in each event's transaction, no longer by SQL triggers or read handlers.
// `projection_state` records per projection the version of its rules the tables were derived with
// and, while they are derived again from the log, how far that got (the highest case id done, of
// `until`). A court upgraded from an earlier version has no rows here: at start every projection is
// then derived again from its log (services: events/reproject.ts).
// Databases created before this version also lose what the projections replace: the triggers of the
// search index, the metric facts and the deadline tally, the metric replay table, the positions
// table the search triggers cut names with, and the read handlers' watermark. The append-only
// guards (RAISE only) stay.
export const migration: Migration = {
  version: 90,
  name: 'projections',
  sql: `
CREATE TABLE projection_state (
  name TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('current','rebuilding')),
  cursor INTEGER NOT NULL DEFAULT 0,
  until INTEGER NOT NULL DEFAULT 0,
  started_at TEXT,
  finished_at TEXT
) STRICT;

DROP TRIGGER IF EXISTS cases_fts_insert;
DROP TRIGGER IF EXISTS cases_fts_update;
DROP TRIGGER IF EXISTS cases_fts_delete;
DROP TRIGGER IF EXISTS case_grams_insert;
DROP TRIGGER IF EXISTS case_grams_update;
DROP TRIGGER IF EXISTS case_grams_delete;
DROP TABLE IF EXISTS case_search_positions;

DROP TRIGGER IF EXISTS deadlines_tally_insert;
DROP TRIGGER IF EXISTS deadlines_tally_delete;
DROP TABLE IF EXISTS deadline_sync;

DROP TRIGGER IF EXISTS metric_live_filed;
DROP TRIGGER IF EXISTS metric_live_closed;
DROP TRIGGER IF EXISTS metric_live_assigned;
DROP TRIGGER IF EXISTS metric_live_reviewed;
DROP TRIGGER IF EXISTS metric_live_suspended;
DROP TRIGGER IF EXISTS metric_live_unsuspended;
DROP TRIGGER IF EXISTS metric_live_receipt;
DROP TRIGGER IF EXISTS metric_live_settled;
DROP TRIGGER IF EXISTS metric_live_reversal;
DROP TRIGGER IF EXISTS metric_live_deferral;
DROP TABLE IF EXISTS metric_event_replay;
`,
};
