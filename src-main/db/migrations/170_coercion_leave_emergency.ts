import type { Migration } from '../migrate';

// Leave applications of a detained person, decided by the court within 12 h (拘留所条例 Art. 27,
// desks.md §2 [V]), and the president's after-approval of a detention made first in an emergency
// (民诉法解释 Art. 181: detain, report to the president at once; if he finds it improper, release).
export const migration: Migration = {
  version: 170,
  name: 'coercion_leave_emergency',
  sql: `
CREATE TABLE coercion_leave_applications (
  id INTEGER PRIMARY KEY,
  measure_id INTEGER NOT NULL REFERENCES coercion_measures(id),
  reason TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  applied_by TEXT NOT NULL,
  decision TEXT CHECK (decision IN ('granted', 'refused')),
  decision_note TEXT,
  decided_at TEXT,
  decided_by TEXT,
  leave_id INTEGER REFERENCES coercion_leaves(id)
) STRICT;
CREATE INDEX coercion_leave_applications_measure ON coercion_leave_applications(measure_id);

CREATE TABLE coercion_emergency_decisions (
  measure_id INTEGER PRIMARY KEY REFERENCES coercion_measures(id),
  approved INTEGER NOT NULL CHECK (approved IN (0, 1)),
  approved_by_id INTEGER NOT NULL REFERENCES users(id),
  note TEXT,
  decided_at TEXT NOT NULL,
  decided_by TEXT NOT NULL
) STRICT;
`,
};
