import type { Db } from '../db/connection';
import type { PeriodInput } from '../../src-shared/domain/metrics/period';
import type { Scope } from '../services/metrics/facts';
import { computeMetrics, drilldown } from '../services/metrics/figures';
import type { CaseScope } from '../services/auth/scope';
import type { GridRequest } from '../../src-shared/api/grid';
import type { GridName } from '../../src-shared/api/methods/grids';
import { readGrid } from '../services/grids/sources';
import { renderPlan } from '../services/documents/renderInputs';
import type { DocumentRequest } from '../services/documents/generate';

// The reads that may leave the request thread (jobs/readPool.ts): each is a plain function of a
// database and serialisable arguments, so it runs the same in the read worker (on its own read-only
// connection) and, where the worker is not built, in-thread. A read joins this table when the bench
// shows it holding the request thread for more than ~50 ms on a court's data.

export const READ_TASKS = {
  /** A period's figures over the court, a team or a judge (a year of metrics reads every fact of the year). */
  'metrics.compute': (db: Db, a: { period: PeriodInput; scope: Scope; metricIds?: string[] | undefined }) => computeMetrics(db, a.period, a.scope, a.metricIds),
  'metrics.drilldown': (db: Db, a: Parameters<typeof drilldown>[1]) => drilldown(db, a),
  /** Every row of a grid for its export (up to 500,000 rows of the 终本库 or an audit trail). */
  'grids.read': (db: Db, a: { grid: GridName; input: Record<string, unknown> & GridRequest; today: string; scope: CaseScope }) => readGrid({ db, today: a.today, scope: a.scope }, a.grid, a.input),
  /** What a batch's documents lack, their numbers and versions (reads every party, title, measure and account of 1,000 cases). */
  'documents.renderPlan': (db: Db, a: { requests: DocumentRequest[]; issuedOn: string }) => renderPlan(db, a.requests, a.issuedOn),
} as const;

export type ReadTaskName = keyof typeof READ_TASKS;
export type ReadArgs<K extends ReadTaskName> = Parameters<(typeof READ_TASKS)[K]>[1];
export type ReadResult<K extends ReadTaskName> = ReturnType<(typeof READ_TASKS)[K]>;
