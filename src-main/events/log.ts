import type { Db } from '../db/connection';
import { courtToday } from '../../src-shared/domain/chineseDate';
import { eventHashInput, GENESIS_HASH } from './chain';
import { chainHash } from './chainKey';

export { eventHashInput, GENESIS_HASH, sha256 } from './chain';

export interface Actor {
  id: number | null;
  name: string;
  workstation: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: '系统', workstation: 'local' };

export interface NewEvent {
  caseId: number | null;
  type: string;
  payload?: Record<string, unknown>;
  /** The court-local date the event takes effect on, when it differs from the date it is recorded (e.g. a service date). */
  onDate?: string;
}

/**
 * Appends one event to the append-only log, chained to the previous row's hash. Must run inside
 * the caller's write transaction so the event and the change it records commit together.
 */
export function appendEvent(db: Db, actor: Actor, at: Date, event: NewEvent): number {
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
    payload: JSON.stringify(event.payload ?? {}),
  };
  // HMAC under the audit key once the log is keyed (events/chain.ts).
  const hash = chainHash(db, eventHashInput(row));
  return db.run(db.q.insertInto('case_events').values({ ...row, hash })).lastInsertRowid;
}
