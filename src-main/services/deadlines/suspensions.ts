import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { suspensionsOf, type CaseEventLite } from '../../../src-shared/domain/deadlines';
import type { SuspensionKind } from '../../../src-shared/domain/deadlineRules';
import { appendEvent, type Actor } from '../../events/log';
import { assertOpen } from '../cases/stage';
import { getCaseRow } from '../cases/queries';

// Periods that do not count towards the limits (公告, 中止, 暂缓, 请示, 协调, 鉴定, 评估拍卖: 法发〔2006〕35号
// Art. 13 [U]; 严格执行审限规定 Art. 9). Recorded as events; the deadline clocks skip their days.

function openSuspensions(db: Db, caseId: number) {
  const rows = db.raw<{ id: number; type: string; at: string; on_date: string; payload: string }>(
    `SELECT id, type, at, on_date, payload FROM case_events WHERE case_id = ? AND type IN ('case.suspended','case.unsuspended') ORDER BY id`,
    caseId,
  );
  const events: CaseEventLite[] = rows.map((r) => ({ id: r.id, type: r.type, at: r.at, onDate: r.on_date, payload: JSON.parse(r.payload) }));
  return suspensionsOf(events);
}

export function suspendCases(db: Db, actor: Actor, at: Date, input: { caseIds: number[]; kind: SuspensionKind; onDate: string; reason: string }): void {
  const reason = input.reason.trim();
  if (reason.length < 2) throw invalid('reason', '暂停计算期限须填写事由');
  db.tx(() => {
    input.caseIds.forEach((id, i) => {
      assertOpen(db, id);
      const c = getCaseRow(db, id);
      if (input.onDate < c.filed_on) throw invalid('onDate', `开始日期早于案件 ${c.number} 的立案日期`);
      if (openSuspensions(db, id).some((s) => s.kind === input.kind && s.to === null)) {
        throw new ApiError('conflict', `案件 ${c.number} 已处于“${input.kind}”期间`, `caseIds.${i}`);
      }
      appendEvent(db, actor, at, { caseId: id, type: 'case.suspended', onDate: input.onDate, payload: { kind: input.kind, reason } });
    });
  });
}

export function unsuspendCases(db: Db, actor: Actor, at: Date, input: { caseIds: number[]; kind: SuspensionKind; onDate: string; reason: string }): void {
  db.tx(() => {
    input.caseIds.forEach((id, i) => {
      const c = getCaseRow(db, id);
      const open = openSuspensions(db, id).find((s) => s.kind === input.kind && s.to === null);
      if (!open) throw new ApiError('conflict', `案件 ${c.number} 没有进行中的“${input.kind}”期间`, `caseIds.${i}`);
      if (input.onDate < open.from) throw invalid('onDate', `恢复日期不能早于“${input.kind}”开始日期 ${open.from}`);
      appendEvent(db, actor, at, { caseId: id, type: 'case.unsuspended', onDate: input.onDate, payload: { kind: input.kind, reason: input.reason.trim() } });
    });
  });
}
