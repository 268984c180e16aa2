import type { Db } from '../../db/connection';
import { invalid } from '../../../src-shared/api/errors';
import type { Role } from '../../../src-shared/api/roles';

// Who approves money leaving a case account. 法发〔2017〕6号 (domain.md §7, [P]): a payout is approved
// on a form and a deferral by the bureau chief or the president in charge — the court's leaders, who
// hold the 综合管理 role in this app. The approver is a real, active user named by id, and never the
// officer who records the entry (four eyes).

export const PAYOUT_APPROVER_ROLES: readonly Role[] = ['management'];

export interface PayoutApprover {
  id: number;
  displayName: string;
}

export function payoutApprovers(db: Db): PayoutApprover[] {
  const rows = db.raw<{ id: number; display_name: string; roles: string }>('SELECT id, display_name, roles FROM users WHERE active = 1 ORDER BY id');
  return rows.filter((r) => (JSON.parse(r.roles) as Role[]).some((x) => PAYOUT_APPROVER_ROLES.includes(x))).map((r) => ({ id: r.id, displayName: r.display_name }));
}

/** The approver named by id, refused unless an active user with an approving role. */
export function assertPayoutApprover(db: Db, userId: number, field = 'approverId'): PayoutApprover {
  const a = payoutApprovers(db).find((x) => x.id === userId);
  if (!a) throw invalid(field, '审批人须为在职的综合管理人员（局长或分管院领导）');
  return a;
}

/** assertPayoutApprover, and not the officer who records the entry. */
export function approverOtherThan(db: Db, userId: number, actor: { id: number | null }, field = 'approverId'): PayoutApprover {
  if (actor.id !== null && userId === actor.id) throw invalid(field, '审批人不能是经办人本人');
  return assertPayoutApprover(db, userId, field);
}
