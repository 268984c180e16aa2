// Metrics figures (issue 8): every metric for one month and for one year on a 200,000-case /
// ~2,000,000-event court (budget < 500 ms each), the dashboard (15 computations, no budget), and the
// monthly export job of a 4,000-case year (budget < 5 s). The court is built here (entries/metrics.ts
// build) rather than taken from the shared bulk court, whose generator does not close cases yet.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleForNode } from './lib/bundle.mjs';
import { BENCH_TMP } from './lib/fixtures.mjs';
import { figure, round } from './lib/report.mjs';

const entry = await bundleForNode('bench/entries/metrics.ts', 'metrics');
const run = (...args) => JSON.parse(execFileSync(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 }).toString().trim().split('\n').pop());

const courtDir = join(BENCH_TMP, `metrics-court-${process.pid}`);
rmSync(courtDir, { recursive: true, force: true });
mkdirSync(courtDir, { recursive: true });
const b = run('build', courtDir, '200000');
figure('metrics', 'court_build_with_triggers_s', round(b.buildMs / 1000, 1), 's', null, { cases: b.cases, events: b.events, facts: b.facts });
const c = run('compute', courtDir);
rmSync(courtDir, { recursive: true, force: true });
const extra = { cases: c.cases, events: c.events, facts: c.facts, year: c.year };
figure('metrics', 'all_metrics_month_ms', round(c.monthMs, 1), 'ms', { max: 500 }, { ...extra, figures: c.figures });
figure('metrics', 'all_metrics_year_ms', round(c.yearMs, 1), 'ms', { max: 500 }, { ...extra, accepted: c.yearAccepted, closureRate: c.yearClosureRate });
figure('metrics', 'dashboard_ms', round(c.dashboardMs, 1), 'ms', null, extra);

const dir = join(BENCH_TMP, `metrics-export-${process.pid}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
try {
  const e = run('export', dir, '4000');
  figure('reports', 'export_year_4000_ms', e.status === 'done' ? round(e.exportMs, 0) : null, 'ms', { max: 5000 }, { cases: e.cases, events: e.events, detailRows: e.detailRows });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
