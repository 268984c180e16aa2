import type { Db } from '../db/connection';
import type { CaseEventType, CourtEventType, EventPayload, EventType } from '../../src-shared/domain/events';

// What a projection is: derived tables kept from the event log by TypeScript that runs inside the
// transaction of every `appendEvent` (the live path), and that can derive the same tables again
// from the whole log (re-projection: when its version changes, or its inputs do). Both paths run
// the same code, so a re-projected table is by construction what the live path would have built.

/** One event of the log as a projection sees it: typed by its type, payload parsed. */
export interface StoredEvent<T extends EventType = EventType> {
  id: number;
  caseId: T extends CaseEventType ? number : null;
  type: T;
  /** UTC ISO timestamp it was recorded. */
  at: string;
  /** Court-local date it takes effect. */
  onDate: string;
  payload: EventPayload<T>;
}

/** A stored case event of any case type (the union, so `switch (e.type)` narrows the payload). */
export type AnyCaseEvent = { [T in CaseEventType]: StoredEvent<T> }[CaseEventType];
export type AnyCourtEvent = { [T in CourtEventType]: StoredEvent<T> }[CourtEventType];

export interface Projection {
  /** Stable id, the key of its row in projection_state. */
  readonly name: string;
  /** What it holds, in Chinese (the re-projection job, the "rebuilding" notes of its readers). */
  readonly label: string;
  /**
   * Bump when the rules change: at the next start the app re-projects it from the whole log as a
   * job, so an existing court gets the corrected tables (its readers say it is rebuilding meanwhile).
   */
  readonly version: number;
  /** The case event types it folds; null = every case event (a projection that recomputes a case from its log). */
  readonly types: readonly CaseEventType[] | null;
  /** Cases re-derived per transaction when re-projecting; 'whole' = everything in one transaction. */
  readonly chunk: number | 'whole';
  /** Folds one case event in, inside appendEvent's transaction. */
  apply(db: Db, e: AnyCaseEvent): void;
  /**
   * Derives the tables of cases [from, to] again from the log (and the register), replacing what it
   * held for them. With chunk 'whole', from = 1 and to = the highest case id.
   */
  rebuild(db: Db, from: number, to: number): void;
  /**
   * A court event that changes what the projection derives from the same log (new deadline rules,
   * a new working-day calendar): every case is re-projected, as for a new version.
   */
  invalidatedBy?(e: AnyCourtEvent): boolean;
  /**
   * A fingerprint of what it derives from besides the log and its version: inputs that can change
   * without an event (the deadline rules shipped with a new version of the app, merged into a
   * court's saved table). Checked at start; a different one re-derives every case.
   */
  inputs?(db: Db): string;
}

/**
 * The case events of cases [from, to] (of the given types), case by case in log order. Payloads are
 * parsed, not validated again: rows written before a schema existed are read as they are.
 */
export function readCaseEvents(db: Db, from: number, to: number, types: readonly string[] | null): AnyCaseEvent[] {
  // Through the case index (named: with a list of types, SQLite may otherwise walk the type index).
  const filter = types ? ` AND type IN (${types.map(() => '?').join(',')})` : '';
  const rows = db.raw<{ id: number; case_id: number; type: string; at: string; on_date: string; payload: string }>(
    `SELECT id, case_id, type, at, on_date, payload FROM case_events INDEXED BY case_events_case WHERE case_id BETWEEN ? AND ?${filter} ORDER BY case_id, id`,
    from,
    to,
    ...(types ?? []),
  );
  return rows.map((r) => ({ id: r.id, caseId: r.case_id, type: r.type, at: r.at, onDate: r.on_date, payload: JSON.parse(r.payload) }) as AnyCaseEvent);
}
