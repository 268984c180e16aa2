// The shared benchmark court: 200,000 cases with their events (src-main/demo/bulk.ts), built once into
// bench/.tmp and reused by every bench (foundation, deadlines, metrics, backup …). The folder name
// carries the case count, the seed and a digest of the migrations, the generator and the projections
// (their tables are derived at the end of the build), so a changed schema, generator or projection
// rule builds a fresh one. A lock folder keeps two benches from building it at once.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleForNode } from './bundle.mjs';

export const BENCH_TMP = resolve('bench/.tmp');
export const BULK_ADMIN_PASSWORD = 'bench-pass-1';

// The benchmark courts' audit key, outside their data folders and shared by every bench process
// (the courts are keyed with it when built), and the built verifier worker, so that no bench verifies
// millions of events on its own event loop.
process.env.ZHIXING_AUDIT_KEY ??= join(BENCH_TMP, 'audit.key');
if (existsSync(resolve('out/main/auditWorker.js'))) process.env.ZHIXING_AUDIT_WORKER ??= resolve('out/main/auditWorker.js');

const DIGESTED = [
  'src-main/db/migrations',
  'src-main/demo',
  'src-main/events',
  'src-shared/domain',
  'src-main/services/deadlines',
  'src-main/services/metrics/factsProjection.ts',
  'src-main/services/cases/searchProjection.ts',
];

function fixtureDigest() {
  const h = createHash('sha256');
  for (const path of DIGESTED) {
    const root = resolve(path);
    const files = statSync(root).isDirectory() ? readdirSync(root, { recursive: true }).map(String).sort() : [''];
    for (const f of files) {
      const file = resolve(root, f);
      if (statSync(file).isFile()) h.update(`${path}/${f}`).update(readFileSync(file));
    }
  }
  return h.digest('hex').slice(0, 10);
}

/**
 * Returns `{ dataDir, cases, parties, events, reprojectMs, ms, built }` for a court of `cases` cases,
 * building it when missing (`reprojectMs`: the full re-projection that closed its build).
 * Open it read-only or copy it before writing: other benches expect it unchanged.
 */
export async function bulkCourt(cases = 200_000, seed = 523) {
  const dataDir = join(BENCH_TMP, `bulk-${cases}-s${seed}-${fixtureDigest()}`);
  const stamp = join(dataDir, 'bulk.json');
  const lock = `${dataDir}.lock`;
  mkdirSync(BENCH_TMP, { recursive: true });
  for (;;) {
    if (existsSync(stamp)) return { dataDir, ...JSON.parse(readFileSync(stamp, 'utf8')), built: false };
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another bench is building it: wait (a lock older than an hour was left by a crash).
      if (Date.now() - statSync(lock).mtimeMs > 3_600_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    rmSync(dataDir, { recursive: true, force: true });
    const entry = await bundleForNode('bench/entries/bulk.ts', 'bulk');
    process.stderr.write(`building the benchmark court (${cases} cases) in ${dataDir} …\n`);
    const out = execFileSync(process.execPath, [entry, dataDir, String(cases), String(seed)], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
    const result = JSON.parse(out.toString().trim().split('\n').pop());
    writeFileSync(stamp, JSON.stringify(result));
    return { dataDir, ...result, built: true };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
