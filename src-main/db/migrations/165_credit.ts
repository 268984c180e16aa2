import type { Migration } from '../migrate';

// Credit sanctions: the dishonest list (失信被执行人名单, 法释〔2017〕7号) with its corrections, and the
// consumption restriction (限制消费, 法释〔2015〕17号) with its persons, single permissions and
// violation reports. Every row is written together with its event (src-shared/domain/events/credit.ts);
// the clocks (deletion within 3 working days, corrections, term end, lifting) are derived from those
// events by the deadline projection, not stored here.
export const migration: Migration = {
  version: 165,
  name: 'credit',
  sql: `
CREATE TABLE credit_listings (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  party_id INTEGER NOT NULL REFERENCES parties(id),
  ground INTEGER NOT NULL CHECK (ground BETWEEN 1 AND 6),
  facts TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('request','motion')),
  requested_on TEXT,
  decided_on TEXT NOT NULL,
  signed_by TEXT NOT NULL,
  term_years INTEGER CHECK (term_years IS NULL OR term_years BETWEEN 1 AND 5),
  extension_reason TEXT,
  term_ends_on TEXT,
  term_delete_by TEXT,
  document_id INTEGER REFERENCES documents(id),
  status TEXT NOT NULL CHECK (status IN ('listed','removalDue','deleted')),
  removal_ground TEXT,
  removal_on TEXT,
  deletion_due_on TEXT,
  deleted_on TEXT,
  deletion_document_id INTEGER REFERENCES documents(id),
  relist_blocked_until TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX credit_listings_case ON credit_listings(case_id, party_id);
CREATE INDEX credit_listings_status ON credit_listings(status, deletion_due_on);
CREATE INDEX credit_listings_decided ON credit_listings(decided_on);

CREATE TABLE credit_corrections (
  id INTEGER PRIMARY KEY,
  listing_id INTEGER NOT NULL REFERENCES credit_listings(id),
  case_id INTEGER NOT NULL REFERENCES cases(id),
  filed_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  review_due_on TEXT NOT NULL,
  decided_on TEXT,
  result TEXT CHECK (result IN ('corrected','rejected')),
  decision_note TEXT,
  correct_due_on TEXT,
  corrected_on TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX credit_corrections_listing ON credit_corrections(listing_id);

CREATE TABLE consumption_restrictions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  party_id INTEGER NOT NULL REFERENCES parties(id),
  origin TEXT NOT NULL CHECK (origin IN ('request','motion','listing')),
  ordered_on TEXT NOT NULL,
  signed_by TEXT NOT NULL,
  order_document_id INTEGER REFERENCES documents(id),
  status TEXT NOT NULL CHECK (status IN ('active','liftDue','lifted')),
  lift_ground TEXT,
  lift_ground_on TEXT,
  lift_due_on TEXT,
  lifted_on TEXT,
  lift_note TEXT,
  lift_document_id INTEGER REFERENCES documents(id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX consumption_restrictions_case ON consumption_restrictions(case_id, party_id);
CREATE INDEX consumption_restrictions_status ON consumption_restrictions(status, lift_due_on);

CREATE TABLE restricted_persons (
  id INTEGER PRIMARY KEY,
  restriction_id INTEGER NOT NULL REFERENCES consumption_restrictions(id),
  role TEXT NOT NULL CHECK (role IN ('debtor','legalRep','principal','responsible','controller')),
  name TEXT NOT NULL,
  id_number TEXT
) STRICT;
CREATE INDEX restricted_persons_restriction ON restricted_persons(restriction_id);

CREATE TABLE restriction_permissions (
  id INTEGER PRIMARY KEY,
  restriction_id INTEGER NOT NULL REFERENCES consumption_restrictions(id),
  person_id INTEGER NOT NULL REFERENCES restricted_persons(id),
  kind TEXT NOT NULL CHECK (kind IN ('medical','funeral','exam','privateFunds','other')),
  reason TEXT NOT NULL,
  granted_on TEXT NOT NULL,
  valid_until TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX restriction_permissions_restriction ON restriction_permissions(restriction_id);

CREATE TABLE restriction_violations (
  id INTEGER PRIMARY KEY,
  restriction_id INTEGER NOT NULL REFERENCES consumption_restrictions(id),
  person_id INTEGER NOT NULL REFERENCES restricted_persons(id),
  reported_on TEXT NOT NULL,
  source TEXT NOT NULL,
  what TEXT NOT NULL,
  followup TEXT NOT NULL CHECK (followup IN ('none','fineRequested','detentionRequested')),
  followup_on TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX restriction_violations_restriction ON restriction_violations(restriction_id);
`,
};
