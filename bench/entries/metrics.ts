// `node <bundle> compute <dataDir>`: times metrics.compute (every metric, court scope) for one month
// and one year of a court (the shared benchmark court), opened read-only, plus the dashboard.
// `node <bundle> export <dataDir> <cases>`: builds a court with one year of `cases` cases and times the
// monthly export job (the year's file set). Prints one JSON line with the timings.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { App, DB_FILE } from '../../src-main/app/app';
import { Db } from '../../src-main/db/connection';
import { buildBulkDatabase } from '../../src-main/demo/bulk';
import { computeMetrics } from '../../src-main/services/metrics/figures';
import { dashboard } from '../../src-main/services/metrics/dashboard';
import { runMonthlyExport } from '../../src-main/services/reports/exportMonthly';
import type { PeriodInput } from '../../src-shared/domain/metrics/period';

const [mode, dataDir, countArg] = process.argv.slice(2);
if (!mode || !dataDir) throw new Error('usage: metrics compute|export <dataDir> [cases]');

/**
 * Median wall and CPU time of `runs` calls after a warm-up (statement cache, page cache, JIT). Both:
 * on a machine shared with other work the wall clock measures the neighbours too, the CPU time of
 * this process does not.
 */
function time(fn: () => unknown, runs = 7): { median: number; cpu: number } {
  fn();
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { median: mid(wall), cpu: mid(cpu) };
}

if (mode === 'compute') {
  const db = new Db(join(dataDir, DB_FILE), { readonly: true });
  const counts = db.raw<{ cases: number; events: number; facts: number }>('SELECT (SELECT count(*) FROM cases) AS cases, (SELECT max(id) FROM case_events) AS events, (SELECT count(*) FROM metric_case_facts) AS facts')[0]!;
  const last = db.raw<{ d: string }>('SELECT max(closed_on) AS d FROM metric_case_facts')[0]!.d;
  const year = Number(last.slice(0, 4)) - 1;
  const month: PeriodInput = { kind: 'month', year, month: 11 };
  const m = time(() => computeMetrics(db, month, { kind: 'court' }));
  const y = time(() => computeMetrics(db, { kind: 'year', year }, { kind: 'court' }));
  const figs = computeMetrics(db, { kind: 'year', year }, { kind: 'court' }).figures;
  const rate = figs.find((f) => f.metricId === 'closureRate' && f.column === 'main')!;
  const d = time(() => dashboard(db, { kind: 'month', year, month: 11 }, { kind: 'court' }), 5);
  console.log(JSON.stringify({ ...counts, year, monthMs: m.median, yearMs: y.median, dashboardMs: d.median, monthCpuMs: m.cpu, yearCpuMs: y.cpu, dashboardCpuMs: d.cpu, figures: figs.length, yearAccepted: rate.denominator, yearClosureRate: rate.value }));
  db.close();
} else {
  const cases = Number(countArg ?? 4000);
  const built = await buildBulkDatabase({ dataDir, cases, fromYear: 2026, toYear: 2026, adminPassword: 'bench-pass-1' });
  const app = new App({ dataDir, mode: 'web', quiet: true });
  const actor = { id: null, name: 'bench', workstation: 'bench' };
  const t0 = performance.now();
  const view = app.jobs.start({ kind: 'reports.exportMonthly', label: 'bench', user: null, cases: 'court' }, (job) => runMonthlyExport(app.db, app.dataDir, actor, () => new Date(), '2026', job));
  await app.jobs.idle();
  const ms = performance.now() - t0;
  const done = app.jobs.get(view.id);
  const row = app.db.raw<{ detail_rows: number }>('SELECT detail_rows FROM report_exports ORDER BY id DESC LIMIT 1')[0];
  console.log(JSON.stringify({ cases: built.cases, events: built.events, exportMs: ms, status: done.status, detailRows: row?.detail_rows ?? 0 }));
  await app.close();
}
