// `npm run bench` (after the build): runs every bench/*.bench.mjs in turn, passes their JSON figure
// lines through, then prints a summary. `node bench/run.mjs foundation` runs only matching files.
// Exit code 1 when a bench crashed or a figure missed its budget. Every budget a figure carries is
// checked here, whatever the bench itself concluded: {"max": n}, {"min": n}, or a bare number (a
// maximum); a figure with a budget and no value fails.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

// Every bench process uses the benchmark key (bench/lib/fixtures.mjs), never the user's own.
process.env.ZHIXING_AUDIT_KEY ??= join(process.cwd(), 'bench', '.tmp', 'audit.key');
const filter = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();

const figures = [];
const crashed = [];
for (const file of files) {
  process.stderr.write(`\n▶ ${file}\n`);
  const started = Date.now();
  const code = await new Promise((done) => {
    const child = spawn(process.execPath, [join('bench', file)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    child.stdout.on('data', (chunk) => {
      buf += chunk;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i).trim();
        buf = buf.slice(i + 1);
        if (!line) continue;
        console.log(line);
        try {
          const f = JSON.parse(line);
          if (f && typeof f === 'object' && 'metric' in f) figures.push(checked({ file, ...f }));
        } catch {
          // not a figure: passed through as it is
        }
      }
    });
    child.on('close', (c) => done(c ?? 1));
  });
  if (code !== 0) crashed.push(file);
  process.stderr.write(`  ${file}: ${code === 0 ? 'ok' : `exit ${code}`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** The figure with its budget normalised and `ok` decided here (a bench's own `ok: true` does not excuse a miss). */
function checked(f) {
  const budget = typeof f.budget === 'number' ? { max: f.budget } : f.budget && typeof f.budget === 'object' ? f.budget : null;
  if (!budget) return { ...f, budget: null };
  const v = f.value;
  const within = typeof v === 'number' && !Number.isNaN(v) && (budget.max === undefined || v <= budget.max) && (budget.min === undefined || v >= budget.min);
  return { ...f, budget, ok: within && f.ok !== false };
}

const missed = figures.filter((f) => f.ok === false);
process.stderr.write('\nbench summary\n');
for (const f of figures) {
  const budget = f.budget ? [f.budget.max !== undefined ? `≤ ${f.budget.max}` : '', f.budget.min !== undefined ? `≥ ${f.budget.min}` : ''].filter(Boolean).join(' ') : '';
  process.stderr.write(`  ${f.ok === false ? '✗' : '✓'} ${`${f.bench} ${f.metric}`.padEnd(44)} ${String(f.value).padStart(10)} ${String(f.unit ?? '').padEnd(8)} ${budget}\n`);
}
console.log(JSON.stringify({ bench: 'summary', files: files.length, figures: figures.length, missed: missed.map((f) => `${f.bench}.${f.metric}`), crashed }));
process.exit(crashed.length > 0 || missed.length > 0 ? 1 : 0);
