// Foundation figures: filing 10,000 cases through the service layer, cases.list on the
// 200,000-case court (budget p95 < 50 ms), and the web mode's cold start to its first API answer.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { bundleForNode } from './lib/bundle.mjs';
import { BENCH_TMP, BULK_ADMIN_PASSWORD, bulkCourt } from './lib/fixtures.mjs';
import { figure, percentile, round } from './lib/report.mjs';

const entry = await bundleForNode('bench/entries/foundation.ts', 'foundation');
const run = (...args) => JSON.parse(execFileSync(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 }).toString().trim().split('\n').pop());

// 1. Filing 10,000 cases.
const filingDir = join(BENCH_TMP, `filing-${process.pid}`);
rmSync(filingDir, { recursive: true, force: true });
mkdirSync(filingDir, { recursive: true });
const f = run('filing', filingDir, '10000');
rmSync(filingDir, { recursive: true, force: true });
const perS = (n, ms) => round(n / (ms / 1000), 0);
const load = { loadavg: os.loadavg()[0] };
figure('filing', 'cases_per_s', perS(f.single.cases + f.batch.cases, f.single.ms + f.batch.ms), 'cases/s', null, { cases: f.filed, per_cpu_s: perS(f.single.cases + f.batch.cases, f.single.cpuMs + f.batch.cpuMs), ...load });
figure('filing', 'cases_per_s_one_tx_each', perS(f.single.cases, f.single.ms), 'cases/s', null, { cases: f.single.cases, per_cpu_s: perS(f.single.cases, f.single.cpuMs) });
figure('filing', 'cases_per_s_batched', perS(f.batch.cases, f.batch.ms), 'cases/s', null, { cases: f.batch.cases, per_cpu_s: perS(f.batch.cases, f.batch.cpuMs) });

// 2. cases.list on 200,000 cases.
const court = await bulkCourt(200_000);
if (court.built) figure('fixture', 'bulk_build_s', round(court.ms / 1000, 1), 's', null, { cases: court.cases, events: court.events });
const l = run('list', court.dataDir, BULK_ADMIN_PASSWORD);
for (const [name, samples] of Object.entries(l.samples)) {
  figure('cases.list', `${name}_p50_ms`, round(percentile(samples, 50)), 'ms', null, { cases: l.total });
  figure('cases.list', `${name}_p95_ms`, round(percentile(samples, 95)), 'ms', { max: 50 }, { cases: l.total });
}

// 3. Cold start of the web mode (built output) to the first API answer: on a new data folder
// (creates the database) and on the 200,000-case court.
const web = resolve('out/main/web.js');
async function coldStart(dataDir, extra = []) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [web, '--data', dataDir, '--port', '0', '--quiet', ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise((ok, fail) => {
      let buf = '';
      child.stdout.on('data', (c) => {
        buf += c;
        const m = /\{[^\n]*"listening"[^\n]*\}/.exec(buf);
        if (m) ok(JSON.parse(m[0]).url);
      });
      child.on('exit', (code) => fail(new Error(`web mode exited with ${code}`)));
    });
    const res = await fetch(`${url}api/system.info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    if (!res.ok) throw new Error(`system.info: HTTP ${res.status}`);
    await res.json();
    return performance.now() - t0;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  }
}
if (!existsSync(web)) {
  figure('startup', 'cold_start_ms', null, 'ms', null, { error: 'out/main/web.js missing: run npm run build (npm run bench does)' });
} else {
  const fresh = [];
  for (let i = 0; i < 5; i++) {
    const dir = join(BENCH_TMP, `start-${process.pid}-${i}`);
    rmSync(dir, { recursive: true, force: true });
    fresh.push(await coldStart(dir, ['--admin-password', 'bench-pass-1', '--court-name', '开鲁县人民法院', '--court-code', '内0523']));
    rmSync(dir, { recursive: true, force: true });
  }
  figure('startup', 'cold_start_new_db_ms', round(percentile(fresh, 50), 0), 'ms', null, { runs: fresh.length });
  const big = [];
  for (let i = 0; i < 3; i++) big.push(await coldStart(court.dataDir));
  figure('startup', 'cold_start_200k_ms', round(percentile(big, 50), 0), 'ms', null, { runs: big.length, cases: court.cases });
}
