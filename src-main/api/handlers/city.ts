import { defineHandlers } from '../registry';
import { actorOf } from '../context';
import { importCourtFiles, listImports } from '../../services/city/import';
import { cityDrilldown, cityRanking } from '../../services/city/ranking';

export const handlers = defineHandlers({
  'city.import': async ({ files }, ctx) => ({ courts: await importCourtFiles(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), files) }),
  'city.imports': ({ periodCode }, { app }) => listImports(app.db, periodCode),
  'city.ranking': ({ periodCode, metricIds }, { app }) => cityRanking(app.db, periodCode, metricIds),
  'city.drilldown': ({ importId, metricId, column, side }, { app }) => cityDrilldown(app.db, importId, metricId, column, side),
});
