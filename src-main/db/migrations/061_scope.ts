import type { Migration } from '../migrate';

// A job belongs to the user who started it and to the cases inside it: a tribunal team's officer
// sees a job only when it is theirs or every case in it is their team's, and only the starter (or
// the administrator) may cancel it. Jobs recorded before this migration count as court-wide.
export const migration: Migration = {
  version: 61,
  name: 'scope',
  sql: `
ALTER TABLE jobs ADD COLUMN created_by_id INTEGER;
ALTER TABLE jobs ADD COLUMN court_wide INTEGER NOT NULL DEFAULT 1 CHECK (court_wide IN (0, 1));
CREATE TABLE job_cases (
  job_id TEXT NOT NULL REFERENCES jobs(id),
  case_id INTEGER NOT NULL,
  PRIMARY KEY (job_id, case_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX jobs_created_by ON jobs(created_by_id, created_at);
`,
};
