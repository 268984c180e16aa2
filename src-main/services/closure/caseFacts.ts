import type { Db } from '../../db/connection';
import { ledgerBalance, recoveredFen } from '../ledger';

// What a case's own events say about it: documents served, queries answered, measures in force,
// money in and out. The 终本 checklist, the ruling and the archive read these facts, so every item
// they show points at the event that proves it (the events are the audit trail, design.md §2).

export interface CaseEvent {
  id: number;
  type: string;
  onDate: string;
  at: string;
  actor: string;
  payload: Record<string, unknown>;
}

export function caseEvents(db: Db, caseId: number, types?: readonly string[]): CaseEvent[] {
  let q = db.q.selectFrom('case_events').select(['id', 'type', 'on_date', 'at', 'actor_name', 'payload']).where('case_id', '=', caseId);
  if (types) q = q.where('type', 'in', types.length ? [...types] : ['']);
  return db.all(q.orderBy('id')).map((r) => ({ id: r.id, type: r.type, onDate: r.on_date, at: r.at, actor: r.actor_name, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Documents of one kind that were generated / served (document.generated / document.served). */
export function documentEvents(events: CaseEvent[], kind: string): { generated: CaseEvent[]; served: CaseEvent[] } {
  return {
    generated: events.filter((e) => e.type === 'document.generated' && e.payload.kind === kind),
    served: events.filter((e) => e.type === 'document.served' && e.payload.kind === kind),
  };
}

/**
 * The 约谈 of the applicant before 终本 (终本规定 Art. 5): work records in which the applicant or their
 * agent took part (record.created with applicantInterview), dated the day they were held.
 */
export function interviewEvents(events: CaseEvent[]): CaseEvent[] {
  return events.filter((e) => e.type === 'record.created' && e.payload.applicantInterview === true);
}

/** Online query feedback received for the case (inquiry.feedback), oldest first. */
export function feedbackEvents(events: CaseEvent[]): CaseEvent[] {
  return events.filter((e) => e.type === 'inquiry.feedback');
}

export interface OpenMeasure {
  measureId: number;
  action: string;
  assetId: number | null;
  amountFen: number;
  expiresOn: string | null;
  appliedOn: string;
  eventId: number;
}

/**
 * Freezes and seizures still in force: applied, not released, and (for a freeze) not fully deducted.
 * A renewal moves the expiry. Deductions (划拨) are money already taken, never "in force": what a
 * deduction took (its result) leaves the freeze it drew on, the rest stays frozen, and a freeze
 * whose money was all taken has ended (measure.ended).
 */
export function openMeasures(events: CaseEvent[]): OpenMeasure[] {
  const open = new Map<number, OpenMeasure>();
  /** Deduction id → the freeze it draws on (measure.applied's fromMeasureId). */
  const drawsOn = new Map<number, number>();
  for (const e of events) {
    const id = num(e.payload.measureId);
    if (e.type === 'measure.applied' && e.payload.action === 'deduct' && typeof e.payload.fromMeasureId === 'number') {
      drawsOn.set(id, e.payload.fromMeasureId);
    } else if (e.type === 'measure.result' && e.payload.action === 'deduct' && e.payload.outcome !== 'refused' && drawsOn.has(id)) {
      const f = open.get(drawsOn.get(id)!);
      if (f) f.amountFen = Math.max(0, f.amountFen - num(e.payload.actualFen));
    } else if (e.type === 'measure.result' && e.payload.outcome !== 'refused' && open.has(id)) {
      // The institution's answer: what it actually froze or seized.
      open.get(id)!.amountFen = num(e.payload.actualFen);
    } else if (e.type === 'measure.applied' && (e.payload.action === 'freeze' || e.payload.action === 'seize')) {
      open.set(id, { measureId: id, action: String(e.payload.action), assetId: typeof e.payload.assetId === 'number' ? e.payload.assetId : null, amountFen: num(e.payload.amountFen), expiresOn: str(e.payload.expiresOn) ?? null, appliedOn: e.onDate, eventId: e.id });
    } else if (e.type === 'measure.renewed' && open.has(id)) {
      const m = open.get(id)!;
      const exp = str(e.payload.expiresOn);
      if (exp) m.expiresOn = exp;
    } else if (e.type === 'measure.released' || e.type === 'measure.ended') {
      // Released, or all its money deducted (measure.ended): nothing is held any more.
      open.delete(id);
    } else if (e.type === 'measure.result' && e.payload.outcome === 'refused') {
      // The institution refused (未能执行): nothing was frozen or seized.
      open.delete(id);
    }
  }
  return [...open.values()];
}

/** Measures taken on the case, for the ruling's history of enforcement (终本规定 Art. 6). */
export function measureHistory(events: CaseEvent[]): { onDate: string; action: string; amountFen: number }[] {
  return events.filter((e) => e.type === 'measure.applied').map((e) => ({ onDate: e.onDate, action: String(e.payload.action ?? ''), amountFen: num(e.payload.amountFen) }));
}

export interface LedgerFacts {
  balanceFen: number;
  recoveredFen: number;
}

/** The case account's balance and the amount recovered, from the ledger (services/ledger) — the same sums the metrics read. */
export function ledgerFacts(db: Db, caseId: number): LedgerFacts {
  return { balanceFen: ledgerBalance(db, caseId), recoveredFen: recoveredFen(db, caseId) };
}
