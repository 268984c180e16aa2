import type { Migration } from '../migrate';

// Case money (domain.md §7): the applicant's payout account recorded or changed after filing, each
// change approved by a second user; the approver of a payout, deferral or refund as a user id; a
// freeze ended by the deduction that took all of its money (查扣冻规定 2020 Art. 28 does not apply:
// nothing is left to release).
export const migration: Migration = {
  version: 140,
  name: 'money',
  sql: `
-- A payout account asked for (pending) and approved or rejected by another user. The approved row
-- latest in id order is the applicant's account; the interview's account applies while none is.
CREATE TABLE payout_accounts (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  bank TEXT NOT NULL,
  account_name TEXT NOT NULL,
  account_number TEXT NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending','approved','rejected')),
  requested_by INTEGER REFERENCES users(id),
  requested_by_name TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  decided_by INTEGER REFERENCES users(id),
  decided_by_name TEXT,
  decided_at TEXT,
  decision_note TEXT
) STRICT;
CREATE INDEX payout_accounts_case ON payout_accounts(case_id, status);

-- The user who approved a payout, deferral or refund (approver keeps the name as shown then).
ALTER TABLE ledger_entries ADD COLUMN approver_id INTEGER REFERENCES users(id);

-- A freeze whose whole frozen sum was deducted: ended on that day by that deduction.
ALTER TABLE measures ADD COLUMN ended_on TEXT;
ALTER TABLE measures ADD COLUMN ended_by INTEGER REFERENCES measures(id);
`,
};
