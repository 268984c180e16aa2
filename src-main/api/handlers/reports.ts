import { defineHandlers } from '../registry';
import { actorOf, FileResponse } from '../context';
import { exportFilePath, listExports, runMonthlyExport } from '../../services/reports/exportMonthly';
import { dashboardPdf } from '../../services/reports/dashboardPdf';
import { dashboardXlsx } from '../../services/reports/dashboardXlsx';
import { dashboard } from '../../services/metrics/dashboard';
import { deadlineSummary } from '../../services/metrics/deadlineSummary';
import { narrowScope } from '../../services/metrics/context';
import { assertFactsCurrent } from '../../services/metrics/factsProjection';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const handlers = defineHandlers({
  'reports.exportMonthly': ({ periodCode }, ctx) => {
    const { app } = ctx;
    const actor = actorOf(ctx);
    assertFactsCurrent(app.db);
    return app.jobs.start({ kind: 'reports.exportMonthly', label: `上报导出 ${periodCode}`, total: 4, user: ctx.user, cases: 'court' }, (job) =>
      runMonthlyExport(app.db, app.dataDir, actor, () => app.clock.now(), periodCode, job),
    );
  },
  'reports.exports': ({ periodCode, limit }, { app }) => listExports(app.db, periodCode, limit),
  'reports.download': ({ exportId, file }, { app }) => {
    const f = exportFilePath(app.db, app.dataDir, exportId, file);
    // Not application/json: the web client would read it as an API answer instead of a download.
    return new FileResponse(f.path, f.name, f.name.endsWith('.xlsx') ? XLSX : 'application/octet-stream');
  },
  'reports.dashboardPdf': async ({ period }, ctx) => {
    assertFactsCurrent(ctx.app.db);
    // The court's dashboard; a tribunal team's officer prints the own team's.
    const scope = narrowScope({ kind: 'court' }, ctx.scope);
    const data = dashboard(ctx.app.db, period, scope, deadlineSummary(ctx, scope));
    const path = await dashboardPdf(ctx.app.dataDir, data);
    return new FileResponse(path, `质效看板_${data.period.code}.pdf`, 'application/pdf');
  },
  'reports.dashboardXlsx': async ({ period }, ctx) => {
    assertFactsCurrent(ctx.app.db);
    // The court's dashboard; a tribunal team's officer prints the own team's.
    const scope = narrowScope({ kind: 'court' }, ctx.scope);
    const data = dashboard(ctx.app.db, period, scope, deadlineSummary(ctx, scope));
    const path = await dashboardXlsx(ctx.app.dataDir, data);
    return new FileResponse(path, `质效看板_${data.period.code}.xlsx`, XLSX);
  },
});
