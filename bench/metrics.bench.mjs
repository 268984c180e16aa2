// Metrics on the shared 200,000-case court (bench/lib/fixtures.mjs bulkCourt; about 3.5 million events
// over 2017–2026, some 20,000 cases a year): every metric for one month and for one year (budget
// ≤ 100 ms CPU each), the leaders' dashboard (15 months and the teams, budget ≤ 300 ms CPU), the full
// re-projection of every projection that closed the court's build (a job with progress in the app:
// reported, no budget), and the monthly export job of a 4,000-case year (budget < 5 s).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleForNode } from './lib/bundle.mjs';
import { BENCH_TMP, bulkCourt } from './lib/fixtures.mjs';
import { figure, round } from './lib/report.mjs';

const court = await bulkCourt(200_000);
const entry = await bundleForNode('bench/entries/metrics.ts', 'metrics');
const run = (...args) => JSON.parse(execFileSync(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 }).toString().trim().split('\n').pop());

figure('projections', 'full_reprojection_200k_s', typeof court.reprojectMs === 'number' ? round(court.reprojectMs / 1000, 1) : null, 's', null, {
  cases: court.cases,
  events: court.events,
  measured: court.built ? 'now' : 'when the shared court was built',
});
const c = run('compute', court.dataDir);
const extra = { cases: c.cases, events: c.events, facts: c.facts, year: c.year };
// The budgets hold the CPU time of the computation (median of 7): this machine's two cores are shared
// with other work, and the wall clock, reported beside it, counts the waiting for them too.
figure('metrics', 'all_metrics_month_cpu_ms', round(c.monthCpuMs, 1), 'ms', { max: 100 }, { ...extra, figures: c.figures, wallMs: round(c.monthMs, 1) });
figure('metrics', 'all_metrics_year_cpu_ms', round(c.yearCpuMs, 1), 'ms', { max: 100 }, { ...extra, accepted: c.yearAccepted, closureRate: c.yearClosureRate, wallMs: round(c.yearMs, 1) });
figure('metrics', 'dashboard_cpu_ms', round(c.dashboardCpuMs, 1), 'ms', { max: 300 }, { ...extra, wallMs: round(c.dashboardMs, 1) });
figure('metrics', 'all_metrics_year_wall_ms', round(c.yearMs, 1), 'ms', null, extra);
figure('metrics', 'dashboard_wall_ms', round(c.dashboardMs, 1), 'ms', null, extra);

const dir = join(BENCH_TMP, `metrics-export-${process.pid}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
try {
  const e = run('export', dir, '4000');
  figure('reports', 'export_year_4000_ms', e.status === 'done' ? round(e.exportMs, 0) : null, 'ms', { max: 5000 }, { cases: e.cases, events: e.events, detailRows: e.detailRows });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
