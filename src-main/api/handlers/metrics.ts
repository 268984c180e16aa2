import { defineHandlers } from '../registry';
import { computeMetrics, definitions, drilldown } from '../../services/metrics/figures';
import { dashboard } from '../../services/metrics/dashboard';
import { deadlineSummary } from '../../services/metrics/deadlineSummary';
import { rebuildFacts } from '../../services/metrics/facts';

export const handlers = defineHandlers({
  'metrics.definitions': (_input, { app }) => definitions(app.db),
  'metrics.compute': ({ period, scope, metricIds }, { app }) => computeMetrics(app.db, period, scope, metricIds),
  'metrics.drilldown': (input, { app }) => drilldown(app.db, input),
  'metrics.dashboard': async ({ year, month, scope }, ctx) => dashboard(ctx.app.db, year, month, scope, await deadlineSummary(ctx)),
  'metrics.rebuildFacts': (_input, { app }) => {
    rebuildFacts(app.db);
    const n = app.db.raw<{ c: number; r: number }>('SELECT (SELECT count(*) FROM metric_case_facts) AS c, (SELECT count(*) FROM metric_receipts) AS r')[0]!;
    return { ok: true as const, cases: n.c, receipts: n.r };
  },
});
