import type { Migration } from '../migrate';

// Security: a team member can be granted the whole register; when a password was last
// set. Backups live as files in the backup folder (with a JSON sidecar each), not in this database,
// so restoring an older copy cannot lose the record of newer backups.
export const migration: Migration = {
  version: 50,
  name: 'security',
  sql: `
ALTER TABLE users ADD COLUMN all_cases INTEGER NOT NULL DEFAULT 0 CHECK (all_cases IN (0, 1));
ALTER TABLE users ADD COLUMN password_changed_at TEXT;
`,
};
