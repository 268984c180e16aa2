import { defineHandlers } from '../registry';
import { actorOf } from '../context';
import { definitions } from '../../services/metrics/figures';
import { readOffThread } from '../../jobs/readPool';
import { dashboard } from '../../services/metrics/dashboard';
import { deadlineSummary } from '../../services/metrics/deadlineSummary';
import { rebuildFacts } from '../../services/metrics/facts';
import { narrowScope } from '../../services/metrics/context';

export const handlers = defineHandlers({
  'metrics.definitions': (_input, { app }) => definitions(app.db),
  // A year of figures reads every fact of the year: off the request thread (jobs/readPool.ts).
  'metrics.compute': ({ period, scope, metricIds }, ctx) => readOffThread(ctx.app, 'metrics.compute', { period, scope: narrowScope(scope, ctx.scope), metricIds }),
  'metrics.drilldown': (input, ctx) => readOffThread(ctx.app, 'metrics.drilldown', { ...input, scope: narrowScope(input.scope, ctx.scope) }),
  'metrics.dashboard': async ({ year, month, scope }, ctx) => dashboard(ctx.app.db, year, month, narrowScope(scope, ctx.scope), await deadlineSummary(ctx)),
  'metrics.rebuildFacts': (_input, ctx) => ({ ok: true as const, ...rebuildFacts(ctx.app.db, actorOf(ctx), ctx.app.clock.now()) }),
});
