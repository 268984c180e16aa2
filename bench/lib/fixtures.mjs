// The shared benchmark court: 200,000 cases with their events (src-main/demo/bulk.ts), built once into
// bench/.tmp and reused by every bench (foundation, deadlines, metrics, backup …). The folder name
// carries the case count, the seed and the schema version, so a new migration builds a fresh one.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleForNode } from './bundle.mjs';

export const BENCH_TMP = resolve('bench/.tmp');
export const BULK_ADMIN_PASSWORD = 'bench-pass-1';

function schemaVersion() {
  const dir = resolve('src-main/db/migrations');
  return Math.max(...readdirSync(dir).map((f) => Number(/^(\d+)_/.exec(f)?.[1] ?? 0)));
}

/**
 * Returns `{ dataDir, cases, events, built }` for a court of `cases` cases, building it when missing.
 * Open it read-only or copy it before writing: other benches expect it unchanged.
 */
export async function bulkCourt(cases = 200_000, seed = 523) {
  const dataDir = join(BENCH_TMP, `bulk-${cases}-s${seed}-v${schemaVersion()}`);
  const stamp = join(dataDir, 'bulk.json');
  if (existsSync(stamp)) return { dataDir, ...JSON.parse(readFileSync(stamp, 'utf8')), built: false };
  rmSync(dataDir, { recursive: true, force: true });
  const entry = await bundleForNode('bench/entries/bulk.ts', 'bulk');
  process.stderr.write(`building the benchmark court (${cases} cases) in ${dataDir} …\n`);
  const out = execFileSync(process.execPath, [entry, dataDir, String(cases), String(seed)], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  const result = JSON.parse(out.toString().trim().split('\n').pop());
  writeFileSync(stamp, JSON.stringify(result));
  return { dataDir, ...result, built: true };
}
