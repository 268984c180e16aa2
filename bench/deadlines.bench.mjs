// The deadline board over 200,000 cases and 2,000,000 events (budget: under 200 ms).
// `node bench/deadlines.bench.mjs [cases]` — bundles bench/entries/deadlines.ts and runs it in a
// fresh temp data folder; prints one JSON line per figure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForNode } from './lib/bundle.mjs';

const cases = process.argv[2] ?? '200000';
const entry = await bundleForNode('bench/entries/deadlines.ts', 'deadlines');
const dir = mkdtempSync(join(tmpdir(), 'zhixing-bench-deadlines-'));
try {
  execFileSync(process.execPath, [entry, dir, cases], { stdio: ['ignore', 'inherit', 'inherit'] });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
