import type { Generated } from 'kysely';

// Tables of migration 060 (metrics facts, export history, city imports).

export interface MetricCaseFactsTable {
  case_id: number;
  number: string;
  type: string;
  filed_on: string;
  closed_on: string | null;
  mode: string | null;
  claim_fen: number;
  recovered_fen: number;
  non_litigation: number;
  team_id: string | null;
  judge_id: number | null;
  review_pass: number | null;
  settled_fen: number;
  deferred_until: string | null;
}

export interface MetricSuspensionsTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  from_date: string;
  to_date: string | null;
}

export interface MetricReceiptsTable {
  case_id: number;
  entry_id: string;
  arrived_on: string;
  amount_fen: number;
  paid_on: string | null;
  reversed: number;
  deferred_until: string | null;
}

export interface ReportExportsTable {
  id: Generated<number>;
  period_code: string;
  period_kind: string;
  court_code: string;
  court_name: string;
  format_version: string;
  folder: string;
  files: string; // JSON [{name, sha256, bytes}]
  manifest_sha256: string;
  figure_count: number;
  detail_rows: number;
  job_id: string | null;
  created_at: string;
  created_by: string;
}

export interface CityImportsTable {
  id: Generated<number>;
  court_code: string;
  court_name: string;
  period_code: string;
  status: 'ok' | 'flagged' | 'rejected';
  problems: string; // JSON
  figures: string; // JSON Figure[] as recomputed from the detail rows
  detail: string; // JSON {cases, receipts} detail rows, for drill-down
  manifest_sha256: string;
  imported_at: string;
  imported_by: string;
}

declare module '../schema' {
  interface Database {
    metric_case_facts: MetricCaseFactsTable;
    metric_suspensions: MetricSuspensionsTable;
    metric_receipts: MetricReceiptsTable;
    report_exports: ReportExportsTable;
    city_imports: CityImportsTable;
  }
}
