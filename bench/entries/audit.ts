// audit.verify on the 200,000-case court, off the request thread: the job runs in the verifier's
// worker thread (out/main/auditWorker.js, ZHIXING_AUDIT_WORKER) on its own read-only connection,
// while another client's cases.list calls keep coming every 20 ms through the same registry; their
// latencies, and the event loop's longest stall, are what "off the request thread" must keep small.
// Args: <court dataDir> <scratch dir> <admin password>. The court is copied, not written. Prints one JSON object.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { App, DB_FILE } from '../../src-main/app/app';
import type { CallContext } from '../../src-main/api/context';
import { auditWorkerFile } from '../../src-main/services/audit/runVerify';
import type { AuditReport } from '../../src-main/services/audit/verifyCore';

const [courtDir, scratch, password] = process.argv.slice(2) as [string, string, string];
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
for (const suffix of ['', '-wal']) if (existsSync(join(courtDir, DB_FILE + suffix))) copyFileSync(join(courtDir, DB_FILE + suffix), join(scratch, DB_FILE + suffix));

const app = new App({ dataDir: scratch, mode: 'web', quiet: true, startupChecks: false });
const login = await app.registry.call('auth.login', { username: 'admin', password }, app.internalContext());
if (!login.ok) throw new Error(login.error.message);
const token = (login.data as { token: string }).token;
const ctx: CallContext = { app, user: app.sessions.resolve(app.db, token, app.clock.now()), token, workstation: 'bench', transport: 'internal' };
const call = async (method: string, input: unknown) => {
  const r = await app.registry.call(method, input, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data;
};
const listPage = () => call('cases.list', { filter: {}, sort: [{ field: 'id', dir: 'desc' }], offset: 0, limit: 100 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The event loop's stalls: a 5 ms timer that reports how late it fired.
let maxStall = 0;
let last = performance.now();
let jobStarted = 0;
const stalls: { atMs: number; ms: number }[] = [];
const monitor = setInterval(() => {
  const now = performance.now();
  const stall = now - last - 5;
  maxStall = Math.max(maxStall, stall);
  if (jobStarted && stall > 40) stalls.push({ atMs: Math.round(now - jobStarted), ms: Math.round(stall) });
  last = now;
}, 5);

// Baseline: the same calls with nothing else running.
const baseline: number[] = [];
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  await listPage();
  baseline.push(performance.now() - t0);
  await sleep(20);
}
const baselineStall = maxStall;
maxStall = 0;

const t0 = performance.now();
jobStarted = t0;
const job = (await call('audit.verify', {})) as { id: string };
const during: number[] = [];
for (;;) {
  const view = app.jobs.get(job.id);
  if (view.status !== 'running' && view.status !== 'queued') break;
  const s = performance.now();
  await listPage();
  during.push(performance.now() - s);
  await sleep(20);
}
const verifyMs = performance.now() - t0;
clearInterval(monitor);
const view = app.jobs.get(job.id);
const report = view.result as AuditReport;
await app.close();
rmSync(scratch, { recursive: true, force: true });

console.log(
  JSON.stringify({
    worker: auditWorkerFile(),
    status: view.status,
    error: view.error,
    verifyMs,
    reportMs: report?.ms ?? null,
    ok: report?.ok ?? false,
    problems: report?.problems.slice(0, 3) ?? [],
    checked: report?.checked ?? 0,
    records: report?.records ?? null,
    baseline,
    during,
    baselineStall,
    maxStall,
    stalls,
  }),
);
