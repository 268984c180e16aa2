import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { appendEvent, type Actor } from '../../events/log';
import { requestRow } from './requests';

// The day's operations (集中拘传行动): several cases' requests in one sweep led by one officer of
// the detention team, as Wuzhi's and Kailu's teams run them (issue; seeds/003).

export interface PlanInput {
  name: string;
  plannedOn: string;
  leaderId: number;
  requestIds: number[];
  note?: string | undefined;
}

export function planOperation(db: Db, actor: Actor, at: Date, today: string, input: PlanInput): number {
  return db.tx(() => {
    if (input.plannedOn < today) throw invalid('plannedOn', `行动日期 ${input.plannedOn} 早于今天（${today}）`);
    const leader = db.raw<{ roles: string; active: number }>('SELECT roles, active FROM users WHERE id = ?', input.leaderId)[0];
    if (!leader || !leader.active || !(JSON.parse(leader.roles) as string[]).some((r) => r === 'detention' || r === 'admin')) {
      throw invalid('leaderId', '带队人须为司法警察（拘传团队）');
    }
    if (new Set(input.requestIds).size !== input.requestIds.length) throw invalid('requestIds', '同一申请列入了两次');
    const rows = input.requestIds.map((id, i) => {
      const r = requestRow(db, id);
      if (r.status !== 'open') throw new ApiError('conflict', `申请${id}（${r.person_name}）已安排、办结或撤回，不能列入本次行动`, `requestIds.${i}`);
      return r;
    });
    const operationId = db.run(
      db.q.insertInto('coercion_operations').values({ name: input.name, planned_on: input.plannedOn, leader_id: input.leaderId, note: input.note ?? null, status: 'planned', created_at: at.toISOString(), created_by: actor.name }),
    ).lastInsertRowid;
    for (const r of rows) {
      db.run(db.q.updateTable('coercion_requests').set({ status: 'scheduled', operation_id: operationId }).where('id', '=', r.id));
      appendEvent(db, actor, at, { caseId: r.case_id, type: 'coercion.scheduled', payload: { requestId: r.id, operationId, plannedOn: input.plannedOn } });
    }
    appendEvent(db, actor, at, { caseId: null, type: 'coercion.operationPlanned', payload: { operationId, plannedOn: input.plannedOn, requestIds: input.requestIds } });
    return operationId;
  });
}

/** Ends a sweep once every request in it has its outcome. */
export function finishOperation(db: Db, actor: Actor, at: Date, operationId: number): void {
  db.tx(() => {
    const op = db.get(db.q.selectFrom('coercion_operations').selectAll().where('id', '=', operationId));
    if (!op) throw new ApiError('not_found', `行动不存在（编号 ${operationId}）`, 'operationId');
    if (op.status === 'done') throw new ApiError('conflict', '该行动已结束', 'operationId');
    const pending = db.raw<{ person_name: string }>("SELECT person_name FROM coercion_requests WHERE operation_id = ? AND status = 'scheduled'", operationId);
    if (pending.length > 0) throw new ApiError('conflict', `尚有${pending.length}人未登记结果：${pending.map((p) => p.person_name).join('、')}`, 'operationId');
    db.run(db.q.updateTable('coercion_operations').set({ status: 'done' }).where('id', '=', operationId));
    appendEvent(db, actor, at, { caseId: null, type: 'coercion.operationDone', payload: { operationId } });
  });
}
