import { existsSync } from 'node:fs';
import { defineHandlers, checkAccess } from '../registry';
import { FileResponse, type CallContext } from '../context';
import { methods } from '../../../src-shared/api';
import type { MethodSpec } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';
import { GRID_EXPORT_DIRECT_MAX, GRID_EXPORT_MAX, type GridRequest } from '../../../src-shared/api/grid';
import { GRID_COLUMNS, GRID_METHOD, type GridName } from '../../../src-shared/api/methods/grids';
import { applyMasks, maskPlan } from '../../../src-shared/api/masked';
import type { CaseScope } from '../../services/auth/scope';
import { countGridRows, gridColumns, readGrid, type GridContext } from '../../services/grids/sources';
import { readOffThread } from '../../jobs/readPool';
import { writeGridXlsx, type ExportColumn } from '../../services/grids/export';
import { exportPath } from '../../services/inquiries/exportFile';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The sheet's name and the file's: what the page calls the list. */
const TITLES: Record<GridName, string> = {
  archive: '终本库',
  requeryDue: '到期复查',
  closureReady: '待结案',
  assets: '财产清单',
  measures: '控制措施',
  ledgerAccounts: '案款账户',
  audit: '操作记录',
};

const gctx = (ctx: CallContext & { scope: CaseScope }): GridContext => ({ db: ctx.app.db, today: ctx.app.clock.today(), scope: ctx.scope });
type Page = { rows: unknown[]; total: number };
const list = (grid: GridName) => (input: GridRequest & Record<string, unknown>, ctx: CallContext & { scope: CaseScope }) => readGrid(gctx(ctx), grid, input) as never;

/**
 * Exactly what the grid shows for the same request — the same method's access, scope, filters, order
 * and masking — every row of it. The request thread only counts the rows; the rows are read on the
 * read worker's own read-only connection (jobs/readTasks.ts 'grids.read', one snapshot). Up to
 * GRID_EXPORT_DIRECT_MAX rows the file is the answer; more are read and written by a job (progress,
 * cancel) and fetched with grids.download.
 */
async function exportGrid(input: { grid: GridName } & Record<string, unknown>, ctx: CallContext & { scope: CaseScope }) {
  const { app } = ctx;
  const grid = input.grid;
  const spec = (methods as Record<string, MethodSpec>)[GRID_METHOD[grid]]!;
  checkAccess(spec, ctx);
  const request = { ...input, sort: input.sort as GridRequest['sort'], filters: input.filters as GridRequest['filters'], offset: 0, limit: GRID_EXPORT_MAX };
  const total = countGridRows(gctx(ctx), grid, request);
  if (total > GRID_EXPORT_MAX) throw new ApiError('invalid_input', `符合条件的有 ${total} 行，超过一次导出的上限 ${GRID_EXPORT_MAX} 行，请先筛选`, 'filters');
  const defs = gridColumns(gctx(ctx), grid, input);
  const columns: ExportColumn[] = GRID_COLUMNS[grid].map((key) => ({ key, ...defs[key]! }));
  const fileName = `${TITLES[grid]}-${app.clock.today()}.xlsx`;
  const scope = ctx.scope;
  const read = async (signal?: AbortSignal) => {
    const page = (await readOffThread(app, 'grids.read', { grid, input: request, today: app.clock.today(), scope }, signal ? { signal } : {})) as Page;
    return (applyMasks(page, maskPlan(spec.output)) as Page).rows as Record<string, unknown>[];
  };
  if (total <= GRID_EXPORT_DIRECT_MAX) {
    const rows = await read();
    const path = exportPath(app.dataDir, 'grids', `grid-${ctx.user?.id ?? 0}-${process.pid}-${Date.now()}.xlsx`);
    await writeGridXlsx(path, TITLES[grid], columns, rows);
    return new FileResponse(path, fileName, XLSX);
  }
  // Started court-wide (its starter's alone for a team's officer) until the read names its cases.
  return app.jobs.start({ kind: 'grids.export', label: `导出Excel：${TITLES[grid]}（${total} 行）`, total, user: ctx.user, cases: 'court' }, async (job) => {
    job.progress(0, total, `正在读取 ${total} 行`);
    let rows: Record<string, unknown>[];
    try {
      rows = await read(job.signal);
    } catch (e) {
      job.checkCancelled();
      throw e;
    }
    job.checkCancelled();
    if (!scope.all) app.jobs.recordCases(job.id, rows.map((r) => r.caseId as number | undefined).filter((x): x is number => typeof x === 'number'));
    job.progress(0, rows.length, `已读取 ${rows.length} 行，正在写入`);
    const path = exportPath(app.dataDir, 'grids', `${job.id}.xlsx`);
    await writeGridXlsx(path, TITLES[grid], columns, rows, async (done) => {
      job.checkCancelled();
      job.progress(done, rows.length, `已写入 ${done} 行`);
      await new Promise((r) => setImmediate(r));
    });
    return { fileName, rows: rows.length };
  });
}

export const handlers = defineHandlers({
  'grids.archive': list('archive'),
  'grids.requeryDue': list('requeryDue'),
  'grids.closureReady': list('closureReady'),
  'grids.assets': list('assets'),
  'grids.measures': list('measures'),
  'grids.ledgerAccounts': list('ledgerAccounts'),
  'grids.audit': list('audit'),
  'grids.export': (input, ctx) => exportGrid(input as never, ctx),
  'grids.download': ({ jobId }, { app }) => {
    const job = app.jobs.get(jobId);
    if (job.kind !== 'grids.export') throw new ApiError('not_found', '该任务不是表格导出', 'jobId');
    if (job.status !== 'done') throw new ApiError('conflict', '导出尚未完成', 'jobId');
    const path = exportPath(app.dataDir, 'grids', `${jobId}.xlsx`);
    if (!existsSync(path)) throw new ApiError('not_found', '导出文件已不存在，请重新导出', 'jobId');
    return new FileResponse(path, (job.result as { fileName: string }).fileName, XLSX);
  },
});
