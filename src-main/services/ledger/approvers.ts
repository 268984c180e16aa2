import type { Db } from '../../db/connection';
import { invalid } from '../../../src-shared/api/errors';
import type { Role } from '../../../src-shared/api/roles';
import { getSettings } from '../settings/settings';

// Who approves money leaving a case account. 法发〔2017〕6号 (domain.md §7, [P]): a payout is approved
// on a form and a deferral by the bureau chief or the president in charge — the court's leaders, who
// hold the 综合管理 role in this app; the court may name which of them (setting payoutApprovers). The
// approver is a real, active user named by id, and never the officer who records the entry (four eyes).

export const PAYOUT_APPROVER_ROLES: readonly Role[] = ['management'];

export interface PayoutApprover {
  id: number;
  displayName: string;
}

/** The approvers: the users the setting payoutApprovers names, else every active user with the leaders' role. */
export function payoutApprovers(db: Db): PayoutApprover[] {
  const named = getSettings(db).payoutApprovers;
  const rows = db.raw<{ id: number; display_name: string; roles: string }>('SELECT id, display_name, roles FROM users WHERE active = 1 ORDER BY id');
  return rows
    .filter((r) => (JSON.parse(r.roles) as Role[]).some((x) => PAYOUT_APPROVER_ROLES.includes(x)))
    .filter((r) => named.length === 0 || named.includes(r.id))
    .map((r) => ({ id: r.id, displayName: r.display_name }));
}

/** The approver named by id, refused unless one of payoutApprovers. */
export function assertPayoutApprover(db: Db, userId: number, field = 'approverId'): PayoutApprover {
  const a = payoutApprovers(db).find((x) => x.id === userId);
  if (!a) {
    throw invalid(field, getSettings(db).payoutApprovers.length > 0 ? '审批人须为设置“案款审批人”中所列的在职人员' : '审批人须为在职的综合管理人员（局长或分管院领导）');
  }
  return a;
}

/** The setting payoutApprovers may name only active users holding the leaders' role (checked on saving). */
export function assertPayoutApproverIds(db: Db, ids: readonly number[]): void {
  const rows = db.raw<{ id: number; display_name: string; roles: string; active: number }>('SELECT id, display_name, roles, active FROM users');
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of ids) {
    const u = byId.get(id);
    if (!u) throw invalid('payoutApprovers', `案款审批人中没有编号为 ${id} 的用户`);
    if (u.active !== 1) throw invalid('payoutApprovers', `案款审批人“${u.display_name}”已停用`);
    if (!(JSON.parse(u.roles) as Role[]).some((x) => PAYOUT_APPROVER_ROLES.includes(x))) throw invalid('payoutApprovers', `案款审批人“${u.display_name}”不是综合管理人员（局长或分管院领导）`);
  }
}

/** assertPayoutApprover, and not the officer who records the entry. */
export function approverOtherThan(db: Db, userId: number, actor: { id: number | null }, field = 'approverId'): PayoutApprover {
  if (actor.id !== null && userId === actor.id) throw invalid(field, '审批人不能是经办人本人');
  return assertPayoutApprover(db, userId, field);
}
