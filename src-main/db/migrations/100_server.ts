import type { Migration } from '../migrate';

// The court server (many clerks on one database):
// - cases.version: the id of the last event that changed the case (events/caseVersion.ts). A write
//   states the version the clerk saw and is refused when the case has moved on since; the id of an
//   event doubles as "changed by whom and when". Viewing events (case.revealed) and advisory ones
//   (triage.proposed) do not change a case.
// - sessions: login sessions outlive a restart of the server (clients rejoin without logging in
//   again) and can be listed and ended by the administrator. Only a SHA-256 of each token is kept.
export const migration: Migration = {
  version: 100,
  name: 'server',
  sql: `
ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
UPDATE cases SET version = coalesce((SELECT max(e.id) FROM case_events e WHERE e.case_id = cases.id AND e.type NOT IN ('case.revealed', 'triage.proposed')), 0);

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  address TEXT NOT NULL,
  client TEXT NOT NULL DEFAULT '',
  ended_at TEXT,
  end_reason TEXT CHECK (end_reason IN ('logout', 'idle', 'expired', 'revoked', 'disabled', 'password', 'restored'))
) STRICT;
CREATE INDEX sessions_open ON sessions(user_id) WHERE ended_at IS NULL;
`,
};
