import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { computeFigures, drillIds, type Figure } from '../../../src-shared/domain/metrics/compute';
import { COLUMN_LABELS, METRIC_BY_ID, METRIC_DEFINITIONS, ROUNDING_TEXT, activeColumns, type MetricColumn } from '../../../src-shared/domain/metrics/definitions';
import type { PeriodInput } from '../../../src-shared/domain/metrics/period';
import { diffCalendarDays } from '../../../src-shared/domain/chineseDate';
import { contextOf, metricPayoutDue, metricSettings, periodOf, scopeView } from './context';
import { loadCaseFacts, loadFacts, type Scope } from './facts';

/** metrics.definitions: every definition's texts, with the settings in force for it. */
export function definitions(db: Db) {
  const s = metricSettings(db);
  return METRIC_DEFINITIONS.map((d) => ({
    id: d.id,
    name: d.name,
    version: d.version,
    status: d.status,
    kind: d.kind,
    unit: d.unit,
    dp: d.dp,
    rows: d.rows,
    columns: activeColumns(d, s.mergeResumed).map((c) => ({ id: c, label: COLUMN_LABELS[c] })),
    numeratorText: d.numeratorText,
    denominatorText: d.denominatorText,
    caseTypesText: d.caseTypesText,
    roundingText: d.kind === 'count' ? '整数' : d.dp === 0 ? '四舍五入取整' : ROUNDING_TEXT,
    source: d.source,
    headline: d.headline ?? false,
    settings: Object.fromEntries(d.uses.map((k) => [k, s[k]])),
  }));
}

/** metrics.compute: figures for a period and scope, computed now from the event-derived facts. */
export function computeMetrics(db: Db, periodInput: PeriodInput, scope: Scope, metricIds?: readonly string[]): { period: ReturnType<typeof periodOf>; scope: ReturnType<typeof scopeView>; figures: Figure[] } {
  const settings = metricSettings(db);
  const period = periodOf(db, periodInput, settings);
  const facts = loadFacts(db, period, scope, { numbers: false });
  const figures = computeFigures(facts, contextOf(period, settings, scope, metricPayoutDue(db)), metricIds);
  return { period, scope: scopeView(db, scope), figures };
}

/** metrics.drilldown: the cases behind one figure, numerator rows flagged. */
export function drilldown(db: Db, input: { period: PeriodInput; scope: Scope; metricId: string; column: MetricColumn; side: 'numerator' | 'denominator'; offset: number; limit: number }) {
  const def = METRIC_BY_ID.get(input.metricId);
  if (!def) throw new ApiError('not_found', `没有编号为 ${input.metricId} 的指标`, 'metricId');
  const settings = metricSettings(db);
  if (!activeColumns(def, settings.mergeResumed).includes(input.column)) throw new ApiError('invalid_input', `指标“${def.name}”没有“${COLUMN_LABELS[input.column]}”这一栏`, 'column');
  const period = periodOf(db, input.period, settings);
  const facts = loadFacts(db, period, input.scope);
  const ids = drillIds(facts, contextOf(period, settings, input.scope, metricPayoutDue(db)), def, input.column);
  const numSet = new Set(ids.numerator);
  const list = input.side === 'numerator' || ids.denominator === null ? ids.numerator : ids.denominator;
  const page = list.slice(input.offset, input.offset + input.limit);
  const byId = new Map(facts.cases.map((f) => [f.caseId, f]));
  // Receipt metrics may name a case closed before the period (money still unpaid): read it directly.
  const missing = page.filter((cid) => !byId.has(cid));
  if (missing.length) for (const f of loadCaseFacts(db, missing)) byId.set(f.caseId, f);
  const rows = page.map((caseId) => {
    const f = byId.get(caseId)!;
    return {
      caseId,
      number: f.number,
      type: f.type,
      filedOn: f.filedOn,
      closedOn: f.closedOn,
      mode: f.mode,
      claimFen: f.claimFen,
      recoveredFen: f.recoveredFen,
      days: f.closedOn && f.closedOn <= period.to ? diffCalendarDays(f.closedOn, f.filedOn) : diffCalendarDays(period.to, f.filedOn),
      teamId: f.teamId,
      judgeId: f.judgeId,
      inNumerator: numSet.has(caseId),
    };
  });
  return { metricId: def.id, column: input.column, side: input.side, numeratorCount: ids.numerator.length, denominatorCount: ids.denominator?.length ?? null, total: list.length, rows };
}
