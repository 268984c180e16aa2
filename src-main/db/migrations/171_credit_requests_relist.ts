import type { Migration } from '../migrate';

// The applicant's request to list a debtor, decided within 15 days (失信规定 Art. 5 as desks.md §5
// gives it [P]; a setting, rule creditListingDecision), and the flag a ledger reversal raises when
// the payment that led to a deletion (or a lifting) is taken back: the case offers re-listing.
export const migration: Migration = {
  version: 171,
  name: 'credit_requests_relist',
  sql: `
CREATE TABLE credit_listing_requests (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  party_id INTEGER NOT NULL REFERENCES parties(id),
  ground INTEGER NOT NULL CHECK (ground BETWEEN 1 AND 6),
  reason TEXT NOT NULL,
  requested_on TEXT NOT NULL,
  decide_by TEXT NOT NULL,
  decided_on TEXT,
  result TEXT CHECK (result IN ('listed', 'rejected')),
  note TEXT,
  listing_id INTEGER REFERENCES credit_listings(id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX credit_listing_requests_case ON credit_listing_requests(case_id);

CREATE TABLE credit_relist_flags (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL CHECK (kind IN ('listing', 'restriction')),
  ref_id INTEGER NOT NULL,
  party_id INTEGER NOT NULL REFERENCES parties(id),
  reversal_entry_id INTEGER NOT NULL REFERENCES ledger_entries(id),
  flagged_on TEXT NOT NULL,
  resolved_on TEXT,
  resolution TEXT CHECK (resolution IN ('relisted', 'dismissed')),
  note TEXT
) STRICT;
CREATE INDEX credit_relist_flags_case ON credit_relist_flags(case_id);
`,
};
