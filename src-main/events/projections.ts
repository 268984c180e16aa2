import type { Db } from '../db/connection';
import type { CaseEventType } from '../../src-shared/domain/events';
import type { AnyCaseEvent, AnyCourtEvent, Projection } from './projection';
import { markForRebuild } from './projectionState';
import { caseSearch } from '../services/cases/searchProjection';
import { metricFacts } from '../services/metrics/factsProjection';
import { deadlineClocks } from '../services/deadlines/projection';

/**
 * Every projection of the event log, in the order appendEvent runs them. A new derived table is a
 * projection module in its domain (services/<domain>/…Projection.ts) added to this list; nothing
 * else keeps derived tables (no SQL triggers, no read handler that writes).
 */
export const PROJECTIONS: readonly Projection[] = [caseSearch, metricFacts, deadlineClocks];

const folds = new Map<Projection, Set<CaseEventType> | null>(PROJECTIONS.map((p) => [p, p.types ? new Set(p.types) : null]));

/** Runs inside appendEvent's transaction, right after the event row is written. */
export function applyProjections(db: Db, e: AnyCaseEvent | AnyCourtEvent): void {
  if (e.caseId === null) {
    const court = e as AnyCourtEvent;
    for (const p of PROJECTIONS) if (p.invalidatedBy?.(court)) markForRebuild(db, p, court.at);
    return;
  }
  const ce = e as AnyCaseEvent;
  for (const p of PROJECTIONS) {
    const types = folds.get(p);
    if (types === null || types!.has(ce.type)) p.apply(db, ce);
  }
}

export function projectionByName(name: string): Projection | undefined {
  return PROJECTIONS.find((p) => p.name === name);
}
