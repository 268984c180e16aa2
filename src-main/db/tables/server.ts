import type { Generated } from 'kysely';

// Migration 100: the case version and the login sessions of the court server.
export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  address: string;
  client: Generated<string>;
  ended_at: string | null;
  end_reason: string | null;
}

declare module '../schema' {
  interface CasesTable {
    /** The id of the last event that changed the case (events/caseVersion.ts). */
    version: Generated<number>;
  }
  interface Database {
    sessions: SessionsTable;
  }
}
