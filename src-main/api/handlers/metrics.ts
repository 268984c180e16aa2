import { defineHandlers } from '../registry';
import { actorOf } from '../context';
import { definitions } from '../../services/metrics/figures';
import { readOffThread } from '../../jobs/readPool';
import { dashboard } from '../../services/metrics/dashboard';
import { deadlineSummary } from '../../services/metrics/deadlineSummary';
import { rebuildFacts } from '../../services/metrics/facts';
import { narrowScope } from '../../services/metrics/context';
import { metricFacts } from '../../services/metrics/factsProjection';
import { rebuildProgress } from '../../events/projectionState';

export const handlers = defineHandlers({
  'metrics.definitions': (_input, { app }) => definitions(app.db),
  // A year of figures reads every fact of the year: off the request thread (jobs/readPool.ts).
  'metrics.compute': async ({ period, scope, metricIds }, ctx) => ({ ...(await readOffThread(ctx.app, 'metrics.compute', { period, scope: narrowScope(scope, ctx.scope), metricIds })), rebuilding: rebuildProgress(ctx.app.db, metricFacts) }),
  'metrics.drilldown': async (input, ctx) => ({ ...(await readOffThread(ctx.app, 'metrics.drilldown', { ...input, scope: narrowScope(input.scope, ctx.scope) })), rebuilding: rebuildProgress(ctx.app.db, metricFacts) }),
  'metrics.dashboard': ({ period, scope }, ctx) => {
    const narrowed = narrowScope(scope, ctx.scope);
    return { ...dashboard(ctx.app.db, period, narrowed, deadlineSummary(ctx, narrowed)), rebuilding: rebuildProgress(ctx.app.db, metricFacts) };
  },
  'metrics.rebuildFacts': async (_input, ctx) => ({ ok: true as const, ...(await rebuildFacts(ctx.app, actorOf(ctx))) }),
});
