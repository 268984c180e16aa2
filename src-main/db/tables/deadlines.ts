import type { Generated } from 'kysely';

// Tables of migration 030 (calendar, triage, assignment, derived deadlines).

export interface CalendarDaysTable {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  updated_at: string;
  updated_by: string;
}

export interface CalendarYearsTable {
  year: number;
  source: string;
}

export interface TriageProposalsTable {
  case_id: number;
  track: 'simple' | 'complex';
  rule: string;
  reason: string;
  facts: string; // JSON TriageInput
  proposed_at: string;
  proposed_by: string;
}

export interface AssignmentRunsTable {
  id: Generated<number>;
  kind: 'distribution' | 'reassignment' | 'fastTrack';
  cap: number;
  basis: string;
  case_count: number;
  assigned_count: number;
  unassigned_count: number;
  reason: string | null;
  stats: string; // JSON RunStats
  at: string;
  on_date: string;
  actor_name: string;
}

export interface AssignmentItemsTable {
  id: Generated<number>;
  run_id: number;
  case_id: number;
  team_id: string | null;
  judge_id: number | null;
  rule: string;
  explanation: string;
  detail: string; // JSON
}

export interface DeadlinesTable {
  case_id: number;
  rule_id: string;
  seq: number;
  start_event_id: number;
  start_on: string;
  due_on: string | null;
  due_at: string | null;
  status: 'open' | 'met' | 'late' | 'paused' | 'cancelled';
  done_event_id: number | null;
  done_on: string | null;
  excluded_days: number;
  stage: string;
  team_id: string;
  judge_id: number;
}

export interface DeadlineTallyTable {
  due_on: string;
  stage: string;
  team_id: string;
  judge_id: number;
  rule_id: string;
  n: number;
}

export interface DeadlineSyncTable {
  key: string;
  value: string;
}

declare module '../schema' {
  interface Database {
    calendar_days: CalendarDaysTable;
    calendar_years: CalendarYearsTable;
    triage_proposals: TriageProposalsTable;
    assignment_runs: AssignmentRunsTable;
    assignment_items: AssignmentItemsTable;
    deadlines: DeadlinesTable;
    deadline_tally: DeadlineTallyTable;
    deadline_sync: DeadlineSyncTable;
  }
}
