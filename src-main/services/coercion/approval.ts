import type { Db } from '../../db/connection';
import { invalid } from '../../../src-shared/api/errors';
import type { Role } from '../../../src-shared/api/roles';
import { getSettings } from '../settings/settings';

// 拘传, 罚款 and 拘留 need the president's approval (民诉法 Art. 119); the search warrant is signed by
// the president (Art. 259); early release is approved by him (解释 Art. 182). The approver is a real
// user of the app: those named in the setting coercionApprovers (the president and the
// vice-president he authorises), or, while it is empty, every active user with the leaders' role.

export interface Approver {
  id: number;
  displayName: string;
}

export function approvers(db: Db): Approver[] {
  const named = getSettings(db).coercionApprovers;
  const rows = db.raw<{ id: number; display_name: string; roles: string }>('SELECT id, display_name, roles FROM users WHERE active = 1 ORDER BY id');
  return rows
    .filter((r) => (named.length > 0 ? named.includes(r.id) : (JSON.parse(r.roles) as Role[]).includes('management')))
    .map((r) => ({ id: r.id, displayName: r.display_name }));
}

/** The approver named by `approvedById`, refused unless the setting lets that user approve. */
export function assertApprover(db: Db, approvedById: number, field = 'approvedById'): Approver {
  const a = approvers(db).find((x) => x.id === approvedById);
  if (!a) throw invalid(field, '批准人须为院长或经授权的副院长（设置“强制措施批准人”中所列人员）');
  return a;
}
