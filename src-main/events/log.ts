import { createHash } from 'node:crypto';
import type { Db } from '../db/connection';
import { courtToday } from '../../src-shared/domain/chineseDate';
import { recordCaseChange } from './caseVersion';

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

export const GENESIS_HASH = '0'.repeat(64);

/** The canonical text a row's hash covers; audit.verify recomputes it. */
export function eventHashInput(row: {
  prev_hash: string;
  case_id: number | null;
  type: string;
  at: string;
  on_date: string;
  actor_id: number | null;
  actor_name: string;
  workstation: string;
  payload: string;
}): string {
  return JSON.stringify([row.prev_hash, row.case_id, row.type, row.at, row.on_date, row.actor_id, row.actor_name, row.workstation, row.payload]);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
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
  const hash = sha256(eventHashInput(row));
  const id = db.run(db.q.insertInto('case_events').values({ ...row, hash })).lastInsertRowid;
  // The case's version moves to this event (and a stale write is refused here): events/caseVersion.ts.
  if (event.caseId !== null) recordCaseChange(db, id, event.caseId, event.type, actor, at);
  return id;
}
