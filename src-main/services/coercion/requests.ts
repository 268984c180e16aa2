import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import type { Gender, MeasureKind, Outcome, PersonKind } from '../../../src-shared/domain/coercion';
import { appendEvent, type Actor } from '../../events/log';
import { assertOpen } from '../cases/stage';
import { getCaseRow } from '../cases/queries';
import { recordReceipt } from '../ledger/entries';

// Requests from a case team to the detention team (desks.md §2 "Who does it": the team decides, the
// 拘传团队 controls, compels, holds and delivers): who, where, when, what for. The request opens the
// case to the detention team's scope (services/auth/scope.ts).

export interface RequestInput {
  caseId: number;
  partyId?: number | undefined;
  personName: string;
  personKind: PersonKind;
  gender?: Gender | undefined;
  measure: MeasureKind;
  place: string;
  wantedOn: string;
  purpose: string;
  summonsServedOn?: string | undefined;
}

export function createRequest(db: Db, actor: Actor & { id: number }, at: Date, today: string, input: RequestInput): number {
  return db.tx(() => {
    assertOpen(db, input.caseId);
    const c = getCaseRow(db, input.caseId);
    if (input.partyId !== undefined) {
      const p = db.raw<{ role: string }>('SELECT role FROM parties WHERE id = ? AND case_id = ?', input.partyId, input.caseId)[0];
      if (!p) throw invalid('partyId', '该当事人不属于本案');
    }
    if (input.wantedOn < today) throw invalid('wantedOn', `执行日期 ${input.wantedOn} 早于今天（${today}）`);
    // 拘传 only after a lawful summons was ignored (民诉法解释 Art. 482; 民诉法 Art. 112).
    if (input.measure === 'compel') {
      if (!input.summonsServedOn) throw invalid('summonsServedOn', '拘传须以依法传唤后无正当理由拒不到场为前提：请填写传票送达日期（民诉法解释第四百八十二条）');
      if (input.summonsServedOn > today) throw invalid('summonsServedOn', `传票送达日期 ${input.summonsServedOn} 晚于今天`);
    }
    const id = db.run(
      db.q.insertInto('coercion_requests').values({
        case_id: input.caseId,
        party_id: input.partyId ?? null,
        person_name: input.personName,
        person_kind: input.personKind,
        gender: input.gender ?? null,
        measure: input.measure,
        place: input.place,
        wanted_on: input.wantedOn,
        purpose: input.purpose,
        summons_served_on: input.summonsServedOn ?? null,
        status: 'open',
        operation_id: null,
        outcome: null,
        outcome_note: null,
        outcome_at: null,
        requested_at: at.toISOString(),
        requested_by: actor.name,
        requested_by_id: actor.id,
        team_id: c.team_id,
      }),
    ).lastInsertRowid;
    appendEvent(db, actor, at, { caseId: input.caseId, type: 'coercion.requested', payload: { requestId: id, measure: input.measure, wantedOn: input.wantedOn } });
    return id;
  });
}

export function requestRow(db: Db, id: number) {
  const r = db.get(db.q.selectFrom('coercion_requests').selectAll().where('id', '=', id));
  if (!r) throw new ApiError('not_found', `协助申请不存在（编号 ${id}）`, 'requestId');
  return r;
}

export function withdrawRequest(db: Db, actor: Actor, at: Date, input: { requestId: number; reason: string }): void {
  db.tx(() => {
    const r = requestRow(db, input.requestId);
    if (r.status === 'done' || r.status === 'withdrawn') throw new ApiError('conflict', '该申请已办结或已撤回', 'requestId');
    db.run(db.q.updateTable('coercion_requests').set({ status: 'withdrawn', outcome_note: input.reason, outcome_at: at.toISOString() }).where('id', '=', r.id));
    appendEvent(db, actor, at, { caseId: r.case_id, type: 'coercion.withdrawn', payload: { requestId: r.id, reason: input.reason } });
  });
}

export interface OutcomeInput {
  requestId: number;
  outcome: Outcome;
  note?: string | undefined;
  /** Performed on the spot: the money received, as a receipt of the case ledger. */
  payment?: { amountFen: number; source: 'cash' | 'voluntary'; payer?: string | undefined; officers: string[]; reference?: string | undefined } | undefined;
  measureId?: number | undefined;
}

/**
 * The outcome back to the case: performed on the spot (a receipt in the case ledger, through the
 * ledger service), settled, detained (names the detention measure), released after education, or
 * not found. One transaction: the receipt, the request and the event.
 */
export function recordOutcome(db: Db, actor: Actor, at: Date, today: string, input: OutcomeInput): { entryId: number | null } {
  return db.tx(() => {
    const r = requestRow(db, input.requestId);
    if (r.status === 'done' || r.status === 'withdrawn') throw new ApiError('conflict', '该申请已办结或已撤回，不能再登记结果', 'requestId');
    let entryId: number | null = null;
    if (input.outcome === 'paid') {
      const p = input.payment;
      if (!p) throw invalid('payment', '当场履行须登记收到的款项（金额、方式、经手人）');
      const officers = p.officers.map((s) => s.trim()).filter(Boolean);
      // Cash needs two officers present (法发〔2017〕6号 as reproduced locally, domain.md §7) — the ledger's own rule.
      if (p.source === 'cash' && new Set(officers).size < 2) throw invalid('payment.officers', '现金收款须有两名以上经手人在场并登记姓名');
      entryId = recordReceipt(db, actor, at, { caseId: r.case_id, amountFen: p.amountFen, on: today, source: p.source, payer: p.payer ?? r.person_name, reference: p.reference ?? null, officers, note: `强制措施现场履行（协助申请${r.id}）` });
    } else if (input.payment) throw invalid('payment', '只有“当场履行”登记款项');
    if (input.outcome === 'detained') {
      const m = input.measureId === undefined ? undefined : db.get(db.q.selectFrom('coercion_measures').select(['id', 'kind', 'case_id']).where('id', '=', input.measureId));
      if (!m || m.kind !== 'detain' || m.case_id !== r.case_id) throw invalid('measureId', '“已拘留”须指明本案的拘留决定');
    }
    db.run(
      db.q
        .updateTable('coercion_requests')
        .set({ status: 'done', outcome: input.outcome, outcome_note: input.note ?? null, outcome_at: at.toISOString() })
        .where('id', '=', r.id),
    );
    appendEvent(db, actor, at, {
      caseId: r.case_id,
      type: 'coercion.outcome',
      payload: {
        requestId: r.id,
        outcome: input.outcome,
        ...(entryId !== null ? { entryId, amountFen: input.payment!.amountFen } : {}),
        ...(input.measureId !== undefined ? { measureId: input.measureId } : {}),
      },
    });
    return { entryId };
  });
}
