import type { Db } from '../db/connection';
import type { CaseEventType } from '../../src-shared/domain/events';
import type { AnyCaseEvent, AnyCourtEvent, Projection } from './projection';
import { markForRebuild } from './projectionState';
import { caseSearch } from '../services/cases/searchProjection';
import { metricFacts } from '../services/metrics/factsProjection';
import { deadlineClocks } from '../services/deadlines/projection';

let list: readonly Projection[] | null = null;
let folds: Map<Projection, Set<CaseEventType> | null> | null = null;

/**
 * Every projection of the event log, in the order appendEvent runs them. A new derived table is a
 * projection module in its domain (services/<domain>/…Projection.ts) added to this list; nothing
 * else keeps derived tables (no SQL triggers, no read handler that writes). A function, not a
 * constant: the projections use services that append events themselves (a module cycle through
 * events/log.ts), so the list is read when the first event is appended, once every module is loaded.
 */
export function projections(): readonly Projection[] {
  return (list ??= [caseSearch, metricFacts, deadlineClocks]);
}

/** Runs inside appendEvent's transaction, right after the event row is written. */
export function applyProjections(db: Db, e: AnyCaseEvent | AnyCourtEvent): void {
  const all = projections();
  if (e.caseId === null) {
    const court = e as AnyCourtEvent;
    for (const p of all) if (p.invalidatedBy?.(court)) markForRebuild(db, p, court.at);
    return;
  }
  folds ??= new Map(all.map((p) => [p, p.types ? new Set(p.types) : null]));
  const ce = e as AnyCaseEvent;
  for (const p of all) {
    const types = folds.get(p);
    if (types === null || types!.has(ce.type)) p.apply(db, ce);
  }
}
