import type { Migration } from '../migrate';

// Metrics. Figures are never stored: they are computed on demand from per-case facts that the
// metric-facts projection derives from case events as they are appended
// (services/metrics/factsProjection.ts; design choice documented in docs/metrics.md).
// report_exports is the history of monthly exports; city_imports holds courts' files read at city level.
export const migration: Migration = {
  version: 60,
  name: 'metrics',
  sql: `
CREATE TABLE metric_case_facts (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id),
  number TEXT NOT NULL,
  type TEXT NOT NULL,
  filed_on TEXT NOT NULL,
  closed_on TEXT,
  mode TEXT,
  claim_fen INTEGER NOT NULL DEFAULT 0,
  recovered_fen INTEGER NOT NULL DEFAULT 0,
  non_litigation INTEGER NOT NULL DEFAULT 0,
  team_id TEXT,
  judge_id INTEGER,
  review_pass INTEGER,
  settled_fen INTEGER NOT NULL DEFAULT 0,
  deferred_until TEXT
) STRICT;
CREATE INDEX metric_facts_closed ON metric_case_facts(closed_on, filed_on);
CREATE INDEX metric_facts_open ON metric_case_facts(filed_on) WHERE closed_on IS NULL;
CREATE INDEX metric_facts_team ON metric_case_facts(team_id, closed_on);
CREATE INDEX metric_facts_judge ON metric_case_facts(judge_id, closed_on);

CREATE TABLE metric_suspensions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  from_date TEXT NOT NULL,
  to_date TEXT
) STRICT;
CREATE INDEX metric_suspensions_case ON metric_suspensions(case_id, kind);

CREATE TABLE metric_receipts (
  case_id INTEGER NOT NULL,
  entry_id TEXT NOT NULL,
  arrived_on TEXT NOT NULL,
  amount_fen INTEGER NOT NULL,
  paid_on TEXT,
  reversed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (case_id, entry_id)
) STRICT;
CREATE INDEX metric_receipts_paid ON metric_receipts(paid_on);
CREATE INDEX metric_receipts_unpaid ON metric_receipts(arrived_on) WHERE paid_on IS NULL;

CREATE TABLE report_exports (
  id INTEGER PRIMARY KEY,
  period_code TEXT NOT NULL,
  period_kind TEXT NOT NULL,
  court_code TEXT NOT NULL,
  court_name TEXT NOT NULL,
  format_version TEXT NOT NULL,
  folder TEXT NOT NULL,
  files TEXT NOT NULL,
  manifest_sha256 TEXT NOT NULL,
  figure_count INTEGER NOT NULL,
  detail_rows INTEGER NOT NULL,
  job_id TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX report_exports_period ON report_exports(period_code, id);

CREATE TABLE city_imports (
  id INTEGER PRIMARY KEY,
  court_code TEXT NOT NULL,
  court_name TEXT NOT NULL,
  period_code TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok','flagged','rejected')),
  problems TEXT NOT NULL,
  figures TEXT NOT NULL,
  detail TEXT NOT NULL,
  manifest_sha256 TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
) STRICT;
CREATE INDEX city_imports_period ON city_imports(period_code, court_code, id);
`,
};
