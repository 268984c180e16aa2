// Hostile-upload figures (docs/security.md): the attack files of the issue — a 1 KB xlsx declaring
// row 200,000,000, 2.5 KB of unclosed <row> tags, 40 MB of csv newlines — and zip bombs, a 160 MB
// sheet of whitespace within every limit, giant shared strings, each uploaded to a web-mode server as
// a query clerk while another client calls cases.list back to back. Figures: how long each refusal
// takes (budget 3 s: the worst case is reading 160 MB of inflated sheet), and the longest wait of
// the other client during all of them (budget 200 ms: the server keeps answering).
// Three parties: the server (a child process on the built upload worker), the attacker (this
// process; every request body is built before the clock starts), and the other client (a worker
// thread with its own event loop, so the attacker's work never delays it).
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { request } from 'node:http';
import { bundleForNode } from './lib/bundle.mjs';
import { BENCH_TMP } from './lib/fixtures.mjs';
import { figure, percentile, round } from './lib/report.mjs';

const REFUSAL_BUDGET_MS = 3000;
const OTHER_CLIENT_BUDGET_MS = 200;
const now = () => performance.timeOrigin + performance.now();

const entry = await bundleForNode('bench/entries/hostile.ts', 'hostile');
const base = join(BENCH_TMP, `hostile-${process.pid}`);
const filesDir = join(base, 'files');
const dataDir = join(base, 'data');
rmSync(base, { recursive: true, force: true });
mkdirSync(filesDir, { recursive: true });
mkdirSync(dataDir, { recursive: true });

const env = { ...process.env, ZHIXING_UPLOAD_WORKER: resolve('out/main/uploadWorker.js') };
const made = JSON.parse(execFileSync(process.execPath, [entry, 'files', filesDir], { stdio: ['ignore', 'pipe', 'inherit'], env, maxBuffer: 1 << 20 }).toString().trim().split('\n').pop());

const server = spawn(process.execPath, [entry, 'serve', dataDir], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], env });
const loopDelay = () => new Promise((ok) => {
  server.once('message', ok);
  server.send('delay');
});
try {
  const port = await new Promise((ok, fail) => {
    let buf = '';
    server.stdout.on('data', (c) => {
      buf += c;
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line) ok(JSON.parse(line).port);
    });
    server.on('exit', (code) => fail(new Error(`server exited ${code}`)));
  });
  const url = (m) => `http://127.0.0.1:${port}/api/${m}`;
  // node:http rather than fetch: a server that refuses a 50 MB body answers before it is all sent
  // and closes, and the answer must still be read (fetch reports only the broken pipe).
  const post = (method, body, token) =>
    new Promise((ok, fail) => {
      const started = now();
      let answered = false;
      const req = request(url(method), { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
        answered = true;
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          let json = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            // Not JSON: the status tells what happened.
          }
          ok({ status: res.statusCode, json, ms: now() - started });
        });
      });
      req.on('error', (e) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? setTimeout(() => answered || fail(e), 2000) : fail(e)));
      req.end(body);
    });
  const login = async (username) => (await post('auth.login', JSON.stringify({ username, password: 'bench-pass-1' }))).json.data.token;
  const query = await login('query');
  const clerk = await login('clerk');

  // The other client, calling cases.list back to back on its own thread.
  const watcher = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const now = () => performance.timeOrigin + performance.now();
     const calls = []; let running = true;
     parentPort.on('message', () => { running = false; });
     (async () => {
       while (running) {
         const start = now();
         const r = await fetch(workerData.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + workerData.token }, body: '{"limit":5}' });
         await r.text();
         calls.push({ start, end: now(), status: r.status });
         await new Promise((ok) => setTimeout(ok, 5));
       }
       parentPort.postMessage(calls);
     })();`,
    { eval: true, workerData: { url: url('cases.list'), token: clerk } },
  );
  await new Promise((ok) => setTimeout(ok, 500));

  const windows = [];
  const perFile = [];
  for (const f of made.files) {
    const body = JSON.stringify({ fileName: f.name, contentBase64: readFileSync(join(filesDir, f.name)).toString('base64') });
    await new Promise((ok) => setTimeout(ok, 200));
    await loopDelay();
    const t0 = now();
    const r = await post('inquiries.importFeedback', body, query);
    const t1 = now();
    const loop = await loopDelay();
    windows.push({ name: f.name, t0, t1, loop });
    const refused = r.status >= 400 && r.status < 500;
    perFile.push({ metric: `refusal_ms_${f.name.replace(/\.\w+$/, '').replace(/-/g, '_')}`, value: round(t1 - t0, 0), extra: { status: r.status, refused, file_kb: round(f.bytes / 1024, 1), message: r.json?.error?.message ?? null } });
    if (!refused) throw new Error(`${f.name} was not refused: ${r.status}`);
  }
  await new Promise((ok) => setTimeout(ok, 200));
  watcher.postMessage('stop');
  const calls = await new Promise((ok) => watcher.once('message', ok));
  await watcher.terminate();
  // Every call of the other client that overlapped an upload (started before its answer, ended after it was sent).
  const overlaps = (c, w) => c.start < w.t1 && c.end > w.t0;
  windows.forEach((w, i) => {
    const mine = calls.filter((c) => overlaps(c, w)).map((c) => c.end - c.start);
    const p = perFile[i];
    figure('hostile', p.metric, p.value, 'ms', { max: REFUSAL_BUDGET_MS }, { ...p.extra, other_client_calls: mine.length, other_client_max_ms: round(Math.max(0, ...mine), 1), server_loop_delay_max_ms: round(w.loop.maxMs, 1), server_thread_busy_ms: round(w.loop.busyMs, 1) });
  });
  const overlapping = calls.filter((c) => windows.some((w) => overlaps(c, w)));
  const waits = overlapping.map((c) => c.end - c.start);
  const failed = calls.filter((c) => c.status !== 200).length;
  figure('hostile', 'other_client_max_ms', round(Math.max(...waits), 1), 'ms', { max: OTHER_CLIENT_BUDGET_MS }, { calls_during_uploads: waits.length, p50_ms: round(percentile(waits, 50), 1), p99_ms: round(percentile(waits, 99), 1), failed });
  // The same property seen from inside the server: the longest its request thread was held up.
  figure('hostile', 'server_loop_delay_max_ms', round(Math.max(...windows.map((w) => w.loop.maxMs)), 1), 'ms', { max: OTHER_CLIENT_BUDGET_MS }, { worst: windows.reduce((a, w) => (w.loop.maxMs > a.loop.maxMs ? w : a)).name });
  if (failed > 0) throw new Error(`${failed} calls of the other client failed`);
} finally {
  server.kill();
  rmSync(base, { recursive: true, force: true });
}
