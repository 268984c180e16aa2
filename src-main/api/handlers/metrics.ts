import { defineHandlers } from '../registry';
import { actorOf } from '../context';
import { computeMetrics, definitions, drilldown } from '../../services/metrics/figures';
import { dashboard } from '../../services/metrics/dashboard';
import { deadlineSummary } from '../../services/metrics/deadlineSummary';
import { rebuildFacts } from '../../services/metrics/facts';
import { metricFacts } from '../../services/metrics/factsProjection';
import { rebuildProgress } from '../../events/projectionState';

export const handlers = defineHandlers({
  'metrics.definitions': (_input, { app }) => definitions(app.db),
  'metrics.compute': ({ period, scope, metricIds }, { app }) => ({ ...computeMetrics(app.db, period, scope, metricIds), rebuilding: rebuildProgress(app.db, metricFacts) }),
  'metrics.drilldown': (input, { app }) => ({ ...drilldown(app.db, input), rebuilding: rebuildProgress(app.db, metricFacts) }),
  'metrics.dashboard': async ({ year, month, scope }, ctx) => ({ ...dashboard(ctx.app.db, year, month, scope, await deadlineSummary(ctx)), rebuilding: rebuildProgress(ctx.app.db, metricFacts) }),
  'metrics.rebuildFacts': async (_input, ctx) => ({ ok: true as const, ...(await rebuildFacts(ctx.app, actorOf(ctx))) }),
});
