// The server-paged grids on the 200,000-case court: each converted page's first data (the call its
// grid makes when it opens) within 300 ms — 终本库, the closure queue, one user's audit trail, the
// 案款 accounts — and the filtered, sorted and deep pages a clerk asks for next (informational).
// Wall time on a shared machine is mostly the queue: the CPU time of each call and the load are
// reported beside it.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { join } from 'node:path';
import { bundleForNode } from './lib/bundle.mjs';
import { BENCH_TMP, BULK_ADMIN_PASSWORD, bulkCourt } from './lib/fixtures.mjs';
import { figure, percentile, round } from './lib/report.mjs';

const BUDGETED = new Set(['archive_first', 'closure_ready_first', 'audit_user_first', 'ledger_accounts_first']);

const entry = await bundleForNode('bench/entries/grids.ts', 'grids');
const court = await bulkCourt(200_000);
if (court.built) figure('fixture', 'bulk_build_s', round(court.ms / 1000, 1), 's', null, { cases: court.cases, events: court.events });
const scratch = join(BENCH_TMP, `grids-${process.pid}`);
const r = JSON.parse(execFileSync(process.execPath, [entry, court.dataDir, scratch, BULK_ADMIN_PASSWORD], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 }).toString().trim().split('\n').pop());
const load = round(os.loadavg()[0], 1);
for (const [name, x] of Object.entries(r.results)) {
  const extra = { rows: x.total, cold_ms: round(x.cold, 1), cold_cpu_ms: round(x.coldCpu, 1), p50_cpu_ms: round(percentile(x.cpu, 50), 1), max_ms: round(Math.max(...x.samples), 1), archived: r.archived, loadavg: load };
  figure('grids', `${name}_p50_ms`, round(percentile(x.samples, 50), 1), 'ms', BUDGETED.has(name) ? { max: 300 } : null, extra);
}
figure('grids', 'export_archive_quarter_ms', round(r.export.ms, 0), 'ms', null, { rows: r.export.rows, cpu_ms: round(r.export.cpuMs, 0), loadavg: load });
for (const [name, plan] of Object.entries(r.plans)) figure('grids', `plan_${name}_scans`, plan.filter((p) => /^SCAN /.test(p)).length, 'count', null, { plan: plan.join(' | ') });
