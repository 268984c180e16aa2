import { defineHandlers } from '../registry';
import { actorOf } from '../context';
import { computeMetrics, definitions, drilldown } from '../../services/metrics/figures';
import { dashboard } from '../../services/metrics/dashboard';
import { deadlineSummary } from '../../services/metrics/deadlineSummary';
import { rebuildFacts } from '../../services/metrics/facts';

export const handlers = defineHandlers({
  'metrics.definitions': (_input, { app }) => definitions(app.db),
  'metrics.compute': ({ period, scope, metricIds }, { app }) => computeMetrics(app.db, period, scope, metricIds),
  'metrics.drilldown': (input, { app }) => drilldown(app.db, input),
  'metrics.dashboard': async ({ year, month, scope }, ctx) => dashboard(ctx.app.db, year, month, scope, await deadlineSummary(ctx)),
  'metrics.rebuildFacts': (_input, ctx) => ({ ok: true as const, ...rebuildFacts(ctx.app.db, actorOf(ctx), ctx.app.clock.now()) }),
});
