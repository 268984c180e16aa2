import type { Generated } from 'kysely';

// Kysely table types, declared once. Each domain adds its own tables to `Database` by interface
// merging (`declare module '../db/schema'`) in its own file, so domains never edit one shared list.
// Booleans are stored as 0/1 integers, money as integer fen, dates as 'YYYY-MM-DD' (court-local),
// timestamps as UTC ISO-8601 strings.

export interface MetaTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string; // JSON array of Role
  team_id: string | null;
  active: number;
  failed_logins: Generated<number>;
  locked_until: string | null;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string; // JSON
  updated_at: string;
  updated_by: string;
}

export interface CaseSerialsTable {
  court_code: string;
  year: number;
  type: string;
  last_serial: number;
}

export interface CasesTable {
  id: Generated<number>;
  number: string;
  year: number;
  court_code: string;
  type: string;
  serial: number;
  stage: string;
  filed_on: string;
  title_court: string;
  title_number: string;
  title_effective_on: string;
  title_cause: string;
  non_litigation: number;
  principal_fen: number;
  interest_fen: number;
  costs_fen: number;
  claim_fen: number;
  preserved: number;
  applicant_names: string;
  debtor_names: string;
  search_text: string;
  team_id: string | null;
  judge_id: number | null;
  resumed_from_id: number | null;
  closed_on: string | null;
  closure_mode: string | null;
  migrated: number;
  demo: number;
  created_at: string;
  created_by: string;
}

export interface PartiesTable {
  id: Generated<number>;
  case_id: number;
  role: 'applicant' | 'debtor';
  kind: 'person' | 'org';
  seq: number;
  name: string;
  id_number: string | null;
  credit_code: string | null;
  legal_rep: string | null;
  birth_date: string | null;
  sex: string | null;
  address: string | null;
  phone: string | null;
}

export interface InterviewsTable {
  case_id: number;
  contact_confirmed: number;
  service_address: string | null;
  payout_bank: string | null;
  payout_account_name: string | null;
  payout_account: string | null;
  property_clues: string | null;
  requests: string; // JSON array
  notes: string | null;
  recorded_at: string;
  recorded_by: string;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: number | null;
  type: string;
  at: string; // UTC ISO timestamp
  on_date: string; // court-local date of `at`, or the effective date the event records
  actor_id: number | null;
  actor_name: string;
  workstation: string;
  payload: string; // JSON
  prev_hash: string;
  hash: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  label: string;
  status: string;
  done: number;
  total: number;
  message: string;
  result: string | null;
  error: string | null;
  created_at: string;
  finished_at: string | null;
  created_by: string;
  /** The user who started it (null: the system, or a job from before migration 61). */
  created_by_id: Generated<number | null>;
  /** 1 = touches cases court-wide; 0 = exactly the cases in job_cases. */
  court_wide: Generated<number>;
}

export interface JobCasesTable {
  job_id: string;
  case_id: number;
}

export interface Database {
  meta: MetaTable;
  users: UsersTable;
  settings: SettingsTable;
  case_serials: CaseSerialsTable;
  cases: CasesTable;
  parties: PartiesTable;
  interviews: InterviewsTable;
  case_events: CaseEventsTable;
  jobs: JobsTable;
  job_cases: JobCasesTable;
}
