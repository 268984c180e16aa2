import type { Generated } from 'kysely';

// Tables and columns of migration 140 (payout accounts; approver ids; freezes ended by deduction).

export interface PayoutAccountsTable {
  id: Generated<number>;
  case_id: number;
  bank: string;
  account_name: string;
  account_number: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requested_by: number | null;
  requested_by_name: string;
  requested_at: string;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

declare module '../schema' {
  interface Database {
    payout_accounts: PayoutAccountsTable;
  }
}
