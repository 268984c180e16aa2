import { defineHandlers } from '../registry';
import { actorOf } from '../context';
import { computeMetrics, definitions, drilldown } from '../../services/metrics/figures';
import { dashboard } from '../../services/metrics/dashboard';
import { deadlineSummary } from '../../services/metrics/deadlineSummary';
import { rebuildFacts } from '../../services/metrics/facts';
import { narrowScope } from '../../services/metrics/context';
import { metricFacts } from '../../services/metrics/factsProjection';
import { rebuildProgress } from '../../events/projectionState';

export const handlers = defineHandlers({
  'metrics.definitions': (_input, { app }) => definitions(app.db),
  'metrics.compute': ({ period, scope, metricIds }, ctx) => ({ ...computeMetrics(ctx.app.db, period, narrowScope(scope, ctx.scope), metricIds), rebuilding: rebuildProgress(ctx.app.db, metricFacts) }),
  'metrics.drilldown': (input, ctx) => ({ ...drilldown(ctx.app.db, { ...input, scope: narrowScope(input.scope, ctx.scope) }), rebuilding: rebuildProgress(ctx.app.db, metricFacts) }),
  'metrics.dashboard': async ({ year, month, scope }, ctx) => ({ ...dashboard(ctx.app.db, year, month, narrowScope(scope, ctx.scope), await deadlineSummary(ctx)), rebuilding: rebuildProgress(ctx.app.db, metricFacts) }),
  'metrics.rebuildFacts': async (_input, ctx) => ({ ok: true as const, ...(await rebuildFacts(ctx.app, actorOf(ctx))) }),
});
