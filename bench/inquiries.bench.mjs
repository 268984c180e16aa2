// Inquiries figures: importing a 10,000-row feedback file (GBK csv and xlsx) including the
// validation of every row — budget < 3 s — and creating a 1,000-measure control batch with its
// documents (one 执行裁定书 per case and one 协助执行通知书 per institution; no budget set).
// Runs the real services in a bundled entry (bench/entries/inquiries.ts); documents render on the
// built worker (out/main/documentWorker.js) when it exists.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { bundleForNode } from './lib/bundle.mjs';
import { BENCH_TMP } from './lib/fixtures.mjs';
import { figure, round } from './lib/report.mjs';

const CASES = Number(process.env.INQUIRIES_BENCH_CASES ?? 6000);
const MEASURES = Number(process.env.INQUIRIES_BENCH_MEASURES ?? 1000);
const worker = resolve('out/main/documentWorker.js');
const uploadWorker = resolve('out/main/uploadWorker.js');
const env = { ...process.env, ...(existsSync(worker) ? { ZHIXING_DOCUMENT_WORKER: worker } : {}), ZHIXING_UPLOAD_WORKER: uploadWorker };
const entry = await bundleForNode('bench/entries/inquiries.ts', 'inquiries');
const run = (...args) => JSON.parse(execFileSync(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env, maxBuffer: 1 << 24 }).toString().trim().split('\n').pop());

const base = join(BENCH_TMP, `inquiries-${process.pid}`);
const dirs = { csv: `${base}-csv`, xlsx: `${base}-xlsx` };
try {
  for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true });
  mkdirSync(dirs.csv, { recursive: true });
  const prep = run('prepare', dirs.csv, String(CASES));
  // The same prepared court twice: one imports the csv, the other the xlsx.
  mkdirSync(dirs.xlsx, { recursive: true });
  for (const f of ['zhixing.sqlite', 'feedback.csv', 'feedback.xlsx']) copyFileSync(join(dirs.csv, f), join(dirs.xlsx, f));
  const csv = run('import', dirs.csv, 'csv');
  figure('inquiries', 'feedback_import_10k_csv_gbk_s', round(csv.seconds, 2), 's', { max: 3 }, { cpu_s: round(csv.cpuSeconds, 2), rows: csv.rows, assets: csv.assets, file_mb: round(csv.bytes / 1048576, 2), cases: prep.cases, load_avg_1m: round(loadavg()[0], 1) });
  const xlsx = run('import', dirs.xlsx, 'xlsx');
  figure('inquiries', 'feedback_import_10k_xlsx_s', round(xlsx.seconds, 2), 's', { max: 3 }, { cpu_s: round(xlsx.cpuSeconds, 2), rows: xlsx.rows, file_mb: round(xlsx.bytes / 1048576, 2) });
  const control = run('control', dirs.csv, String(MEASURES));
  figure('inquiries', 'control_batch_1000_s', round(control.seconds, 1), 's', null, { measures: control.measures, documents: control.documents, workers: control.workers });
} finally {
  for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true });
}
