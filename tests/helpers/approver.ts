import type { TestApp } from './testApp';

/**
 * The id of a payout approver (a user with the 综合管理 role, services/ledger/approvers.ts), created
 * on first use under the given display name (also the username in tests).
 */
export function approverId(t: TestApp, name = '王局长'): number {
  const found = t.app.db.raw<{ id: number }>('SELECT id FROM users WHERE username = ?', name)[0];
  if (found) return found.id;
  t.user(name, ['management']);
  return t.app.db.raw<{ id: number }>('SELECT id FROM users WHERE username = ?', name)[0]!.id;
}
