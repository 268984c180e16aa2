import type { Db } from '../db/connection';
import { courtToday } from '../../src-shared/domain/chineseDate';
import { eventHashInput, GENESIS_HASH } from './chain';
import { chainHash } from './chainKey';
import { eventSchema, type EventType, type NewEventOf } from '../../src-shared/domain/events';
import { applyProjections } from './projections';
import type { AnyCaseEvent, AnyCourtEvent } from './projection';

export { eventHashInput, GENESIS_HASH, sha256 } from './chain';

export interface Actor {
  id: number | null;
  name: string;
  workstation: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: '系统', workstation: 'local' };

/** A payload its type's schema refuses: a bug in the writer, never the user's input. Nothing is written. */
export class EventPayloadError extends Error {}

/**
 * Appends one event to the append-only log, chained to the previous row's hash, then folds it into
 * every projection that reads its type (events/projections.ts: metric facts, deadline clocks, the
 * case search index). Must run inside the caller's write transaction so the event, the change it
 * records and what is derived from it commit together. The payload is checked against its type's
 * schema (src-shared/domain/events) first: a wrong one throws before anything is written.
 */
export function appendEvent<T extends EventType>(db: Db, actor: Actor, at: Date, event: NewEventOf<T>): number {
  const checked = eventSchema.safeParse({ type: event.type, caseId: event.caseId, payload: event.payload });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new EventPayloadError(`Event ${event.type}: ${issue.path.join('.') || '(root)'} ${issue.message}`);
  }
  const prev = db.raw<{ hash: string }>('SELECT hash FROM case_events ORDER BY id DESC LIMIT 1')[0]?.hash ?? GENESIS_HASH;
  const row = {
    prev_hash: prev,
    case_id: event.caseId,
    type: event.type,
    at: at.toISOString(),
    on_date: event.onDate ?? courtToday(at),
    actor_id: actor.id,
    actor_name: actor.name,
    workstation: actor.workstation,
    payload: JSON.stringify(event.payload),
  };
  // HMAC under the audit key once the log is keyed (events/chain.ts).
  const hash = chainHash(db, eventHashInput(row));
  const id = db.run(db.q.insertInto('case_events').values({ ...row, hash })).lastInsertRowid;
  applyProjections(db, { id, caseId: row.case_id, type: event.type, at: row.at, onDate: row.on_date, payload: event.payload } as unknown as AnyCaseEvent | AnyCourtEvent);
  return id;
}

