import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../db/connection';
import { ApiError } from '../../src-shared/api/errors';
import { changesCase } from '../../src-shared/domain/events';
import { courtToday } from '../../src-shared/domain/chineseDate';
import type { Actor } from './log';

// A case's version is the id of the last event that changed it. Every write to a case appends an
// event in its own transaction (docs/developing.md), so moving the version there, inside
// appendEvent, means no write can forget it. A write a clerk asked for carries the versions the
// clerk saw (the contract's `seen`, src-shared/api/caseVersions.ts): the registry refuses a stale
// one before the handler runs, and — because an asynchronous handler may have yielded in between —
// the check is made again here, inside the write transaction, where nothing can slip in.

/** What the call being served expects of the cases it changes. */
export interface Expectations {
  /** Per case: the version the clerk saw. */
  cases: Map<number, number>;
  /** For cases not listed: the newest event the clerk's view had seen (`asOf` of the answer it came from). */
  asOf: number | null;
  /** Cases this call has already changed (its own later events are not "someone else's change"). */
  changed: Set<number>;
  /** The call names one case: the message says "此案件" instead of listing numbers. */
  single: boolean;
}

const current = new AsyncLocalStorage<Expectations>();

/** Runs a call's handler with its expectations; they follow it through every await. */
export function withExpectations<T>(e: Expectations, fn: () => T): T {
  return current.run(e, fn);
}

/** The expectations of the call being served, if any. */
export function currentExpectations(): Expectations | undefined {
  return current.getStore();
}

/** Expectations as plain data, to go with a write to the write worker (jobs/writePool.ts). */
export interface PlainExpectations {
  cases: [number, number][];
  asOf: number | null;
  changed: number[];
  single: boolean;
}

export function plainExpectations(e: Expectations): PlainExpectations {
  return { cases: [...e.cases], asOf: e.asOf, changed: [...e.changed], single: e.single };
}

export function fromPlainExpectations(p: PlainExpectations): Expectations {
  return { cases: new Map(p.cases), asOf: p.asOf, changed: new Set(p.changed), single: p.single };
}

/**
 * Runs work that belongs to no clerk's view — a job's background part: what the clerk saw was
 * checked when the job was started; a notice batch does not fail because a ledger entry was added
 * to one of its thousand cases while it rendered.
 */
export function withoutExpectations<T>(fn: () => T): T {
  return current.exit(fn);
}

/** Who changed a case last and when, for the conflict message. */
export interface StaleCase {
  caseId: number;
  number: string;
  version: number;
  by: string;
  at: string;
}

export function staleInfo(db: Db, caseId: number): StaleCase | null {
  const r = db.raw<{ number: string; version: number; actor_name: string | null; at: string | null }>(
    'SELECT c.number, c.version, e.actor_name, e.at FROM cases c LEFT JOIN case_events e ON e.id = c.version WHERE c.id = ?',
    caseId,
  )[0];
  if (!r) return null;
  return { caseId, number: r.number, version: r.version, by: r.actor_name ?? '系统', at: r.at ?? '' };
}

/** "10:42" today (court time), "2026-06-03 10:42" on another day. */
export function courtClock(iso: string, now: Date = new Date()): string {
  if (!iso) return '';
  const at = new Date(iso);
  const time = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
  const day = courtToday(at);
  return day === courtToday(now) ? time : `${day} ${time}`;
}

/** 此案件已由张三于 10:42 修改，请刷新后重试 — or, for one case of many, with its number. */
export function staleMessage(stale: StaleCase[], single: boolean, now?: Date): string {
  const s = stale[0]!;
  if (single && stale.length === 1) return `此案件已由${s.by}于 ${courtClock(s.at, now)} 修改，请刷新后重试`;
  const shown = stale.slice(0, 5).map((x) => `${x.number}（${x.by}于 ${courtClock(x.at, now)} 修改）`);
  return `以下 ${stale.length} 件案件在您查看之后已被他人修改：${shown.join('、')}${stale.length > 5 ? ' 等' : ''}，请刷新后重试`;
}

/** `now`: the app clock's (the court's today decides whether the date is said). */
export function staleError(stale: StaleCase[], single: boolean, now?: Date): ApiError {
  return new ApiError('conflict', staleMessage(stale, single, now), 'seen', { changed: stale });
}

/**
 * Called by appendEvent for an event on a case, inside the write transaction: checks the call's
 * expectation for the case (once per call), then moves its version to this event and notes the
 * change for the clients once the transaction commits.
 */
export function recordCaseChange(db: Db, eventId: number, caseId: number, type: string, actor: Actor, at: Date): void {
  if (!changesCase(type)) return;
  const e = current.getStore();
  if (e && !e.changed.has(caseId)) {
    const expected = e.cases.get(caseId) ?? e.asOf;
    if (expected !== null && expected !== undefined) {
      const version = db.raw<{ version: number }>('SELECT version FROM cases WHERE id = ?', caseId)[0]?.version ?? 0;
      if (version > expected) {
        const info = staleInfo(db, caseId);
        if (info) throw staleError([info], e.single, at);
      }
    }
    e.changed.add(caseId);
  }
  db.rawRun('UPDATE cases SET version = ? WHERE id = ?', eventId, caseId);
  db.noteCaseChange({ caseId, version: eventId, by: actor.name, byId: actor.id, at: at.toISOString() });
}
