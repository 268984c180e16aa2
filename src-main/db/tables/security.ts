import type { Generated } from 'kysely';

// Columns migration 050 adds to `users`.
declare module '../schema' {
  interface UsersTable {
    all_cases: Generated<number>;
    password_changed_at: string | null;
  }
}
