// Documents figures: the batch of 1,000 cases × 3 notices (执行通知书, 报告财产令, 限制消费令),
// DOCX + PDF each plus the merged print PDF, run as the app runs it: documents.generateBatch on the
// built web mode (out/main/web.js, worker threads from out/main/documentWorker.js). Budget: < 60 s on
// the 2-core machine. Peak memory = the server process's peak RSS (VmHWM, all threads). When
// LibreOffice is installed, one DOCX → PDF conversion with `soffice --headless` is the reference.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleForNode } from './lib/bundle.mjs';
import { BENCH_TMP } from './lib/fixtures.mjs';
import { figure, round } from './lib/report.mjs';

const CASES = Number(process.env.DOCS_BENCH_CASES ?? 1000);
const KINDS = ['执行通知书', '报告财产令', '限制消费令'];
const PASSWORD = 'bench-pass-1';
const web = resolve('out/main/web.js');
if (!existsSync(web) || !existsSync(resolve('out/main/documentWorker.js'))) {
  figure('documents', 'batch_1000_s', null, 's', { max: 60 }, { error: 'out/main/web.js or documentWorker.js missing: run npm run build (npm run bench does)' });
  process.exit(0);
}

const dataDir = join(BENCH_TMP, `documents-${process.pid}`);
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const entry = await bundleForNode('bench/entries/documents.ts', 'documents');
const { ids } = JSON.parse(execFileSync(process.execPath, [entry, dataDir, String(CASES), PASSWORD], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 }).toString().trim().split('\n').pop());

const child = spawn(process.execPath, [web, '--data', dataDir, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ZHIXING_FONTS: process.env.ZHIXING_FONTS ?? '' } });
const peakRssMb = () => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? round(Number(m[1]) / 1024, 0) : null;
  } catch {
    return null;
  }
};
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
  let token = null;
  const call = async (method, input) => {
    const res = await fetch(`${url}api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(input) });
    const body = await res.json();
    if (!body.ok) throw new Error(`${method}: ${body.error.code} ${body.error.message}`);
    return body.data;
  };
  token = (await call('auth.login', { username: 'admin', password: PASSWORD })).token;
  const rssBefore = peakRssMb();
  // CPU time of the server process, all threads (main + render workers): on a machine shared with
  // other work this says more than wall time. utime + stime from /proc, in clock ticks (100 a second).
  const cpuSeconds = () => {
    try {
      const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      return null;
    }
  };
  // Per thread (by name): the main thread's share (loading, register) beside the render workers'.
  const threadCpu = () => {
    const by = {};
    try {
      for (const tid of readdirSync(`/proc/${child.pid}/task`)) {
        const st = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8');
        const name = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')'));
        const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
        by[name] = round((by[name] ?? 0) + (Number(f[11]) + Number(f[12])) / 100, 2);
      }
    } catch {
      /* not Linux */
    }
    return by;
  };
  const threads0 = threadCpu();
  const cpu0 = cpuSeconds();
  const load0 = loadavg()[0];
  const t0 = performance.now();
  // The batch states the cases' versions as a clerk's list would (the contract's `seen`): the list's asOf.
  const look = await fetch(`${url}api/cases.counts`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' }).then((r) => r.json());
  const asOf = look.asOf;
  const job = await call('documents.generateBatch', { caseIds: ids, kinds: KINDS, seen: { asOf } });
  let view = job;
  let maxPollMs = 0;
  while (view.status === 'running' || view.status === 'queued') {
    await new Promise((r) => setTimeout(r, 200));
    // The server must stay responsive while the batch runs: the slowest poll is reported.
    const p0 = performance.now();
    view = await call('jobs.get', { id: job.id });
    maxPollMs = Math.max(maxPollMs, performance.now() - p0);
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = cpuSeconds();
  const threads1 = threadCpu();
  const byThread = Object.fromEntries(Object.entries(threads1).map(([k, v]) => [k, round(v - (threads0[k] ?? 0), 2)]).filter(([, v]) => v > 0));
  if (view.status !== 'done') throw new Error(`batch ${view.status}: ${JSON.stringify(view.error)}`);
  const r = view.result;
  const docs = r.documents;
  const files = docs * 2 + 1;
  const printDir = join(dataDir, 'documents', 'batches');
  const printBytes = readdirSync(printDir, { recursive: true }).map((f) => join(printDir, String(f))).filter((f) => statSync(f).isFile()).reduce((a, f) => a + statSync(f).size, 0);
  figure('documents', 'batch_1000_s', round(seconds, 1), 's', { max: 60 }, { cases: r.cases, documents: docs, files, printPages: r.printPages, workers: r.workers, cores: availableParallelism() });
  if (cpu0 !== null && cpu1 !== null) {
    figure('documents', 'batch_cpu_s', round(cpu1 - cpu0, 1), 's', null, { note: 'server process, all threads', by_thread_s: byThread, load_avg_1m_before: round(load0, 2), load_avg_1m_after: round(loadavg()[0], 2) });
    figure('documents', 'cpu_ms_per_case', round(((cpu1 - cpu0) * 1000) / r.cases, 1), 'ms', { max: 120 }, { note: '3 documents, DOCX + PDF each, print file, register' });
  }
  figure('documents', 'documents_per_s', round(docs / seconds, 1), 'docs/s', null, { note: 'each document = DOCX + PDF' });
  figure('documents', 'peak_rss_mb', peakRssMb(), 'MB', null, { before_batch_mb: rssBefore });
  figure('documents', 'print_pdf_mb', round(printBytes / 1048576, 1), 'MB', null, { pages: r.printPages });
  figure('documents', 'max_api_latency_during_batch_ms', round(maxPollMs, 0), 'ms', null);

  // Reference: one DOCX to PDF with LibreOffice, when installed.
  const soffice = ['soffice', 'libreoffice'].find((b) => {
    try {
      execFileSync('which', [b], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (soffice) {
    const list = await call('documents.list', { kind: '执行通知书', limit: 1 });
    const row = list.rows[0];
    const docxRel = readdirSync(join(dataDir, 'documents'), { recursive: true }).map(String).find((f) => f.endsWith('.docx') && f.includes(row.number));
    const outDir = join(dataDir, 'soffice');
    const s0 = performance.now();
    execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', outDir, join(dataDir, 'documents', docxRel)], { stdio: 'ignore', timeout: 120_000 });
    const sSec = (performance.now() - s0) / 1000;
    figure('documents', 'soffice_one_docx_to_pdf_s', round(sSec, 2), 's', null, { reference: true, projected_3000_docs_s: round(sSec * 3000, 0) });
  } else {
    process.stderr.write('soffice not installed: LibreOffice reference skipped\n');
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  rmSync(dataDir, { recursive: true, force: true });
}
