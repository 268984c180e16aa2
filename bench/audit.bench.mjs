// audit.verify at 200,000 cases (issue: trust by construction): the keyed chain of ~3.5 million
// events, the published heads, the ledger reconciled against its events and the append-only
// triggers — as a job in the verifier's worker thread — and what it costs everybody else meanwhile:
// the latency of another client's cases.list calls and the event loop's longest stall.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { join } from 'node:path';
import { bundleForNode } from './lib/bundle.mjs';
import { BENCH_TMP, BULK_ADMIN_PASSWORD, bulkCourt } from './lib/fixtures.mjs';
import { figure, percentile, round } from './lib/report.mjs';

const entry = await bundleForNode('bench/entries/audit.ts', 'audit');
const court = await bulkCourt(200_000);
if (court.built) figure('fixture', 'bulk_build_s', round(court.ms / 1000, 1), 's', null, { cases: court.cases, events: court.events });
const scratch = join(BENCH_TMP, `audit-${process.pid}`);
const out = execFileSync(process.execPath, [entry, court.dataDir, scratch, BULK_ADMIN_PASSWORD], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
const r = JSON.parse(out.toString().trim().split('\n').pop());
if (r.status !== 'done') throw new Error(`audit.verify job ${r.status}: ${JSON.stringify(r.error)}`);
const extra = { cases: court.cases, events: r.checked, worker: r.worker ? 'worker thread' : 'in-thread', ok: r.ok };
figure('audit', 'verify_200k_ms', round(r.verifyMs, 0), 'ms', null, { ...extra, ledgerEntries: r.records?.ledgerEntries, problems: r.problems });
figure('audit', 'verify_events_per_s', round(r.checked / (r.verifyMs / 1000), 0), 'events/s', null, extra);
figure('audit', 'verify_ok', r.ok ? 1 : 0, 'bool', { min: 1 }, extra);
// Another client's calls while it runs: the bound for "keeps answering" is 200 ms.
figure('audit', 'other_calls_max_ms_during_verify', round(Math.max(...r.during), 1), 'ms', { max: 200 }, { loadavg: os.loadavg()[0], calls: r.during.length, p50: round(percentile(r.during, 50), 1), p99: round(percentile(r.during, 99), 1), baselineP50: round(percentile(r.baseline, 50), 1), baselineMax: round(Math.max(...r.baseline), 1) });
// The event loop's longest stall (a 5 ms timer's lateness) — informational: on a shared machine it
// is mostly the OS scheduler (see baselineStall, measured with nothing else running in this process).
figure('audit', 'event_loop_max_stall_ms_during_verify', round(r.maxStall, 1), 'ms', null, { baselineStall: round(r.baselineStall, 1), stallsOver100ms: r.stalls.filter((s) => s.ms > 100).length, loadavg: os.loadavg()[0] });
