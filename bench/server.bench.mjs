// The court server under load (one court, many workstations): N simulated clerks over HTTPS on
// loopback, each with its own keep-alive connection and its own live event stream, doing a realistic
// mix — register pages and searches (~60 %), case pages (~25 %), writes (~15 %: filings, ledger
// entries, measures, service records) — while one 1,000-case notice batch and one year of metrics
// run. The server is the real `out/main/server.js` on a copy of the demo court; its own `stats` log
// lines give the longest stall of its event loop. Afterwards every acknowledged write is looked up
// in the database. `node bench/run.mjs server` (after `npm run build`);
// ZHIXING_BENCH_CLERKS=10,50 to run fewer sizes, ZHIXING_BENCH_SECONDS for the load window.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { figure, percentile, round } from './lib/report.mjs';
import { BENCH_TMP, DEMO_ADMIN_PASSWORD, demoCourt } from './lib/fixtures.mjs';

const BENCH = 'server';
const PORT = Number(process.env.ZHIXING_BENCH_PORT ?? 8638);
const SIZES = (process.env.ZHIXING_BENCH_CLERKS ?? '10,50,100,200').split(',').map(Number);
const LOAD_SECONDS = Number(process.env.ZHIXING_BENCH_SECONDS ?? 60);
const BUDGET_N = 100;
const PASSWORD = 'bench-clerk-1';
/** Classes of call and whether the ≤ 100 ms budget applies ("ordinary" calls; a measure renders its ruling). */
const CLASSES = { register: true, search: true, casePage: true, 'write.filing': true, 'write.ledger': true, 'write.service': true, 'write.measure': false };

if (!existsSync('out/main/server.js') || !existsSync('out/main/demo.js') || !existsSync('out/main/documentWorker.js')) {
  figure(BENCH, 'p95_ordinary_ms_at_100', null, 'ms', { max: 100 }, { error: 'out/main missing: run npm run build (npm run bench does)' });
  process.exit(1);
}

const court = await demoCourt({ fromYear: 2025, toYear: 2026, casesPerYear: 4000 });
process.stderr.write(`demo court: ${court.dataDir}${court.built ? ` (built in ${court.buildSeconds} s)` : ''}\n`);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const rnd = (n) => Math.floor(Math.random() * n);
const pick = (xs) => xs[rnd(xs.length)];

/**
 * ZHIXING_BENCH_PROFILE=<dir>: the server writes a V8 CPU profile of its request thread there when it
 * stops (to find what stalls its loop; bench/lib/profileMain.mjs, sampled every 1 ms). Each `stats`
 * log line's `monoUs` is on the profile's clock: the second a stall was logged is found in the profile.
 */
const PROFILE = process.env.ZHIXING_BENCH_PROFILE ? resolve(process.env.ZHIXING_BENCH_PROFILE) : null;

function startServer(dataDir) {
  const profile = PROFILE ? ['--import', pathToFileURL(resolve('bench/lib/profileMain.mjs')).href] : [];
  const env = PROFILE ? { ...process.env, ZHIXING_BENCH_PROFILE_DIR: PROFILE } : process.env;
  const child = spawn(process.execPath, [...profile, resolve('out/main/server.js'), '--data', dataDir, '--listen', `127.0.0.1:${PORT}`, '--stats-every', '1', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'], env });
  let out = '';
  return new Promise((ok, fail) => {
    child.stdout.on('data', (c) => {
      out += c;
      if (out.includes('"event":"listening"')) ok(child);
    });
    child.once('exit', (code) => fail(new Error(`server exited ${code}: ${out}`)));
  });
}

/** One clerk's connection: a keep-alive HTTPS agent with one socket, as a browser tab has. */
function client() {
  const agent = new Agent({ keepAlive: true, maxSockets: 2, rejectUnauthorized: false });
  const call = (method, body, token) =>
    new Promise((ok) => {
      const payload = JSON.stringify(body ?? {});
      const started = performance.now();
      const req = request(
        { host: '127.0.0.1', port: PORT, path: `/api/${method}`, method: 'POST', agent, headers: { host: `127.0.0.1:${PORT}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(token ? { authorization: `Bearer ${token}` } : {}) } },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            let json = null;
            try {
              json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              // not JSON
            }
            ok({ status: res.statusCode, json, ms: performance.now() - started });
          });
        },
      );
      req.on('error', (e) => ok({ status: 0, json: null, ms: performance.now() - started, error: e.code ?? String(e) }));
      req.end(payload);
    });
  /** The clerk's live stream; counts what arrives. */
  const stream = (token, counter) => {
    const req = request({ host: '127.0.0.1', port: PORT, path: '/api/events', method: 'GET', agent: new Agent({ keepAlive: false, rejectUnauthorized: false }), headers: { host: `127.0.0.1:${PORT}`, authorization: `Bearer ${token}` } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (c) => (counter.events += (c.match(/^event: /gm) ?? []).length));
    });
    req.on('error', () => undefined);
    req.end();
    return () => req.destroy();
  };
  return { agent, call, stream };
}

/** What the clerks act on, read from the court before the server opens it. */
function targets(dataDir) {
  const db = new Database(join(dataDir, 'zhixing.sqlite'), { readonly: true });
  try {
    const open = db.prepare("SELECT id, team_id AS teamId FROM cases WHERE stage NOT IN ('closed', 'archived')").all();
    // The batch's 执行通知书 names the case's own account: only cases that have one.
    const withAccount = db.prepare("SELECT id FROM cases WHERE stage NOT IN ('closed', 'archived') AND id IN (SELECT case_id FROM case_accounts)").all();
    // The demo gives few cases their own account; the bank's list gives the rest of the batch one.
    const withoutAccount = db.prepare("SELECT id, number FROM cases WHERE stage NOT IN ('closed', 'archived') AND id NOT IN (SELECT case_id FROM case_accounts) ORDER BY id DESC").all();
    const measures = db.prepare("SELECT m.id, m.case_id AS caseId, c.team_id AS teamId FROM measures m JOIN cases c ON c.id = m.case_id WHERE m.action <> 'deduct' AND m.status IN ('done', 'partial') AND m.ended_on IS NULL AND m.expires_on >= date('now', '+8 hours')").all();
    const notices = db.prepare("SELECT d.id, d.case_id AS caseId, d.issued_on AS issuedOn FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.status = 'current' AND d.served_on IS NULL AND d.mailed_on IS NULL AND c.stage NOT IN ('closed', 'archived')").all();
    const teams = db.prepare("SELECT DISTINCT team_id AS id FROM cases WHERE team_id IS NOT NULL AND team_id NOT IN ('fast', 'centre')").all().map((r) => r.id);
    const names = db.prepare("SELECT DISTINCT substr(debtor_names, 1, 2) AS t FROM cases LIMIT 400").all().map((r) => r.t).filter(Boolean);
    return { open, withAccount, withoutAccount, measures, notices, teams, names };
  } finally {
    db.close();
  }
}

/** A filing as the window makes it (a title of this court, an applicant and a company debtor). */
function filingInput(tag, today, seq = Number(tag.replace(/\D/g, '')) + 900_000) {
  return {
    type: '执',
    filedOn: today,
    confirmDuplicate: true,
    applicants: [{ kind: 'person', name: `申请人${tag}`, idNumber: '150523198503171233' }],
    debtors: [{ kind: 'org', name: `压力测试商贸有限公司${tag}`, creditCode: '91150523MA0N4B2K6Y', legalRep: '李四' }],
    title: { court: '开鲁县人民法院', number: `（2026）内0523民初${seq}号`, effectiveOn: '2026-01-05', cause: '买卖合同纠纷', kind: '民事判决书', ordered: '被告于本判决生效之日起十日内给付原告货款。' },
    claim: { principalFen: 1_000_000 + (seq % 100_000) },
  };
}

async function run(n) {
  const dataDir = mkdtempSync(join(BENCH_TMP, `server-run-${n}-`));
  cpSync(court.dataDir, dataDir, { recursive: true });
  rmSync(join(dataDir, 'zhixing.lock'), { force: true });
  const t = targets(dataDir);
  const server = await startServer(dataDir);
  const admin = client();
  const adminToken = (await admin.call('auth.login', { username: 'admin', password: DEMO_ADMIN_PASSWORD })).json.data.token;
  const today = (await admin.call('system.info', {})).json.data.today;
  // The bench's own users: command-centre clerks who file, keep the money and record service, and one
  // officer per tribunal team (who sees only the team's cases).
  const users = [];
  for (let i = 0; i < 6; i++) users.push({ username: `centre${i}`, roles: ['window', 'money', 'docsQuery'], teamId: null });
  for (const team of t.teams) users.push({ username: `officer-${team}`, roles: ['team'], teamId: team });
  for (const u of users) {
    const r = await admin.call('users.create', { username: u.username, displayName: u.username, password: PASSWORD, roles: u.roles, teamId: u.teamId }, adminToken);
    if (!r.json?.ok) throw new Error(`users.create ${u.username}: ${JSON.stringify(r.json)}`);
  }
  // One clerk in five is a tribunal officer.
  const clerks = [];
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const officer = i % 5 === 4 && t.teams.length > 0;
      const user = officer ? users.find((u) => u.teamId === t.teams[i % t.teams.length]) : users[i % 6];
      const c = client();
      const r = await c.call('auth.login', { username: user.username, password: PASSWORD });
      if (!r.json?.ok) throw new Error(`login ${user.username}: ${JSON.stringify(r.json)}`);
      clerks.push({ ...c, user, token: r.json.data.token, counter: { events: 0 } });
    }),
  );
  const stops = clerks.map((c) => c.stream(c.token, c.counter));

  // The notice batch takes 1,000 open cases. The demo court keeps fewer open at its end (most close
  // within the year): the week's new filings make up the rest, filed by the window before the load.
  const window = clerks.find((c) => c.user.roles.includes('window'));
  for (let i = t.open.length; i < 1000; i++) {
    const r = await window.call('cases.file', filingInput(`预备${i}`, today), window.token);
    if (!r.json?.ok) throw new Error(`cases.file: ${JSON.stringify(r.json).slice(0, 500)}`);
    t.open.push({ id: r.json.data.id, teamId: null });
    t.withoutAccount.push({ id: r.json.data.id, number: r.json.data.number });
  }
  // The bank's list of sub-accounts (一案一账号) for the cases the notice batch will take, imported
  // by a money clerk before the load starts, as a court does when the bank sends it.
  const listed = t.withoutAccount.slice(0, Math.max(0, 1000 - t.withAccount.length));
  if (listed.length > 0) {
    const csv = ['案号,账号,户名,开户行', ...listed.map((c) => `${c.number},BENCH${String(c.id).padStart(12, '0')},开鲁县人民法院执行款专户,中国农业银行开鲁县支行`)].join('\r\n');
    const money = clerks.find((c) => c.user.roles.includes('money'));
    const imported = await money.call('caseAccounts.import', { fileName: '子账号清单.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') }, money.token);
    if (!imported.json?.ok) throw new Error(`caseAccounts.import: ${JSON.stringify(imported.json).slice(0, 500)}`);
    t.withAccount.push(...listed.map((c) => ({ id: c.id })));
  }

  const samples = Object.fromEntries(Object.keys(CLASSES).map((k) => [k, []]));
  const errors = [];
  let conflicts = 0;
  const acked = { filings: [], ledger: [], service: [], measures: [] };
  let filingSeq = 0;
  let amountSeq = 0;
  let noticeIndex = 0;
  const record = (cls, r, okStatus = 200) => {
    samples[cls].push(r.ms);
    if (r.status === 409 && r.json?.error?.code === 'conflict') conflicts++;
    else if (r.status !== okStatus) errors.push({ cls, status: r.status, error: r.json?.error ?? r.error });
    return r.status === okStatus ? r.json : null;
  };

  const casesOf = (clerk) => (clerk.user.teamId ? t.open.filter((c) => c.teamId === clerk.user.teamId) : t.open);
  async function act(clerk) {
    const x = Math.random();
    const mine = casesOf(clerk);
    if (x < 0.45) {
      const sort = pick([[{ field: 'id', dir: 'desc' }], [{ field: 'filedOn', dir: 'desc' }], [{ field: 'claimFen', dir: 'desc' }], [{ field: 'number', dir: 'asc' }]]);
      const filter = pick([{}, {}, { stage: [pick(['filed', 'query', 'control', 'triage', 'team', 'closed'])] }, { type: '执' }]);
      return record('register', await clerk.call('cases.list', { filter, sort, offset: pick([0, 0, 0, 100, 200]), limit: 100 }, clerk.token));
    }
    if (x < 0.6) return record('search', await clerk.call('cases.list', { filter: { text: pick(t.names) }, limit: 100 }, clerk.token));
    // A team whose cases are all closed has no case page to open: its officer searches instead.
    if (mine.length === 0) return record('search', await clerk.call('cases.list', { filter: { text: pick(t.names) }, limit: 100 }, clerk.token));
    if (x < 0.85) return record('casePage', await clerk.call('cases.get', { id: pick(mine).id }, clerk.token));
    // A write: the clerk has the case page open first (its version is what the write states).
    const kind = clerk.user.teamId ? 'measure' : pick(['filing', 'ledger', 'service', 'measure']);
    if (kind === 'filing') {
      const i = ++filingSeq;
      const r = record('write.filing', await clerk.call('cases.file', filingInput(`${n}-${i}`, today, n * 10000 + i), clerk.token));
      if (r) acked.filings.push(r.data.number);
      return;
    }
    if (kind === 'service') {
      const doc = t.notices[noticeIndex++];
      if (!doc) return;
      const page = record('casePage', await clerk.call('cases.get', { id: doc.caseId }, clerk.token));
      if (!page) return;
      const r = record('write.service', await clerk.call('documents.markServed', { items: [{ documentId: doc.id, method: '直接送达', servedOn: today, recipient: '李四' }], seen: { cases: { [doc.caseId]: page.data.version } } }, clerk.token));
      if (r) acked.service.push(doc.id);
      return;
    }
    if (kind === 'ledger') {
      const c = pick(t.open);
      const page = record('casePage', await clerk.call('cases.get', { id: c.id }, clerk.token));
      if (!page) return;
      const amountFen = 100_000 + ++amountSeq;
      const r = record('write.ledger', await clerk.call('ledger.record', { kind: 'receipt', caseId: c.id, amountFen, on: today, source: 'voluntary', seen: { cases: { [c.id]: page.data.version } } }, clerk.token));
      if (r) acked.ledger.push({ caseId: c.id, amountFen });
      return;
    }
    const pool = clerk.user.teamId ? t.measures.filter((m) => m.teamId === clerk.user.teamId) : t.measures;
    if (pool.length === 0) return record('casePage', await clerk.call('cases.get', { id: pick(mine).id }, clerk.token));
    const m = pick(pool);
    const page = record('casePage', await clerk.call('cases.get', { id: m.caseId }, clerk.token));
    if (!page) return;
    const r = record('write.measure', await clerk.call('measures.renew', { measureIds: [m.id], seen: { cases: { [m.caseId]: page.data.version } } }, clerk.token));
    if (r) acked.measures.push(m.id);
  }

  const serverLog = join(dataDir, 'logs', 'zhixing-server.log');
  const logLines = () => readFileSync(serverLog, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const load0 = loadavg()[0];
  const startedAt = new Date().toISOString();
  let running = true;
  const loops = clerks.map(async (clerk, i) => {
    await sleep((i * 2500) / clerks.length); // clerks arrive over the first seconds
    while (running) {
      await act(clerk);
      await sleep(1000 + Math.random() * 3000); // reading, typing: 1–4 s between actions
    }
  });

  // The heavy work of the same minutes: a 1,000-case notice batch and a year of metrics.
  await sleep(5000);
  const batchCases = t.withAccount.slice(0, 1000).map((c) => c.id);
  const look = await admin.call('cases.counts', {}, adminToken);
  const batchStarted = performance.now();
  const batch = await admin.call('documents.generateBatch', { caseIds: batchCases, kinds: ['执行通知书', '报告财产令', '限制消费令'], reason: '压力测试：批量补发通知文书', seen: { asOf: look.json.asOf, skipChanged: true } }, adminToken);
  // Cases a clerk changed after the register was read are left out and named (a busy court changes some).
  const batchSkipped = batch.json?.skipped?.length ?? 0;
  if (!batch.json?.ok) errors.push({ cls: 'batch', status: batch.status, error: batch.json?.error });
  await sleep(5000);
  const metricsYear = await admin.call('metrics.compute', { period: { kind: 'year', year: 2025 }, scope: { kind: 'court' } }, adminToken);
  if (!metricsYear.json?.ok) errors.push({ cls: 'metrics', status: metricsYear.status, error: metricsYear.json?.error });

  // Load for LOAD_SECONDS, and at least until the batch is done (at most 4 minutes more).
  const deadline = Date.now() + LOAD_SECONDS * 1000;
  let batchSeconds = null;
  let batchStatus = 'running';
  while (Date.now() < deadline + 240_000) {
    if (batch.json?.ok && batchStatus === 'running') {
      const j = await admin.call('jobs.get', { id: batch.json.data.id }, adminToken);
      batchStatus = j.json?.data?.status ?? 'unknown';
      if (batchStatus !== 'running') batchSeconds = (performance.now() - batchStarted) / 1000;
    }
    if (Date.now() >= deadline && batchStatus !== 'running') break;
    await sleep(1000);
  }
  running = false;
  await Promise.all(loops);
  const endedAt = new Date().toISOString();
  for (const stop of stops) stop();
  const eventsDelivered = clerks.reduce((s, c) => s + c.counter.events, 0);
  const stats = logLines().filter((l) => l.msg === 'stats' && l.t >= startedAt && l.t <= endedAt);
  const stallMs = Math.max(0, ...stats.map((l) => l.loopMaxMs));
  const worstSecond = stats.reduce((w, l) => (l.loopMaxMs > (w?.loopMaxMs ?? -1) ? l : w), null);
  const busy = stats.length ? stats.reduce((s, l) => s + l.busy, 0) / stats.length : null;
  const slowest = logLines()
    .filter((l) => l.msg === 'request' && l.t >= startedAt && l.t <= endedAt)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((l) => `${l.method} ${l.ms}ms`);
  const code = await new Promise((ok) => {
    server.once('exit', ok);
    server.kill('SIGTERM');
  });

  // Every acknowledged write is in the database.
  const db = new Database(join(dataDir, 'zhixing.sqlite'), { readonly: true });
  let lost = 0;
  const lostWhat = [];
  const has = (sql, ...p) => db.prepare(sql).get(...p) !== undefined;
  for (const num of acked.filings) if (!has('SELECT 1 FROM cases WHERE number = ?', num)) lost++, lostWhat.push(num);
  for (const l of acked.ledger) if (!has("SELECT 1 FROM ledger_entries WHERE case_id = ? AND amount_fen = ? AND kind = 'receipt'", l.caseId, l.amountFen)) lost++, lostWhat.push(`ledger ${l.caseId}/${l.amountFen}`);
  for (const id of acked.service) if (!has('SELECT 1 FROM documents WHERE id = ? AND served_on IS NOT NULL', id)) lost++, lostWhat.push(`document ${id}`);
  const renewals = new Map();
  for (const id of acked.measures) renewals.set(id, (renewals.get(id) ?? 0) + 1);
  for (const [id, times] of renewals) {
    const found = db.prepare("SELECT count(*) AS n FROM case_events WHERE type = 'measure.renewed' AND json_extract(payload, '$.measureId') = ?").get(id).n;
    if (found < times) (lost += times - found), lostWhat.push(`measure ${id}`);
  }
  const batchDocs = db.prepare("SELECT count(*) AS n FROM documents WHERE batch_id IS NOT NULL AND generated_at >= ?").get(startedAt)?.n ?? null;
  db.close();
  // ZHIXING_BENCH_KEEP=1 keeps the run's data folder, its server log (logs/) with it.
  if (!process.env.ZHIXING_BENCH_KEEP) rmSync(dataDir, { recursive: true, force: true });

  const calls = Object.values(samples).reduce((s, x) => s + x.length, 0);
  const ordinary = Object.entries(samples).filter(([k]) => CLASSES[k]).flatMap(([, x]) => x);
  const at = BUDGET_N === n;
  const tag = { clerks: n, cores: availableParallelism(), load_avg_1m_before: round(load0, 2), load_avg_1m_after: round(loadavg()[0], 2) };
  for (const [cls, xs] of Object.entries(samples)) {
    if (xs.length === 0) continue;
    figure(BENCH, `${cls}_p95_ms_n${n}`, round(percentile(xs, 95), 1), 'ms', at && CLASSES[cls] ? { max: 100 } : null, { p50: round(percentile(xs, 50), 1), p99: round(percentile(xs, 99), 1), calls: xs.length, clerks: n });
  }
  figure(BENCH, `ordinary_p95_ms_n${n}`, round(percentile(ordinary, 95), 1), 'ms', at ? { max: 100 } : null, { p50: round(percentile(ordinary, 50), 1), p99: round(percentile(ordinary, 99), 1), calls: ordinary.length, all_calls: calls, calls_per_s: round(calls / ((Date.parse(endedAt) - Date.parse(startedAt)) / 1000), 1), ...tag });
  figure(BENCH, `longest_stall_ms_n${n}`, round(stallMs, 1), 'ms', at ? { max: 50 } : null, { seconds_measured: stats.length, mean_busy: busy === null ? null : round(busy, 3), worst_second: worstSecond?.t ?? null, slowest_requests: slowest, ...tag });
  figure(BENCH, `errors_n${n}`, errors.length, 'calls', at ? { max: 0 } : null, { first: errors.slice(0, 3).map((e) => JSON.stringify(e).slice(0, 300)), conflicts_409: conflicts, server_exit: code });
  figure(BENCH, `lost_writes_n${n}`, lost, 'writes', at ? { max: 0 } : null, { acknowledged: { filings: acked.filings.length, ledger: acked.ledger.length, service: acked.service.length, measures: acked.measures.length }, lost: lostWhat.slice(0, 5) });
  figure(BENCH, `notice_batch_s_n${n}`, batchSeconds === null ? null : round(batchSeconds, 1), 's', null, { status: batchStatus, cases: batchCases.length, skipped_as_changed: batchSkipped, documents: batchDocs });
  figure(BENCH, `metrics_year_ms_n${n}`, round(metricsYear.ms, 0), 'ms', null, { ok: !!metricsYear.json?.ok });
  figure(BENCH, `events_delivered_n${n}`, eventsDelivered, 'events', null, { per_clerk: round(eventsDelivered / n, 1) });
}

for (const n of SIZES) {
  process.stderr.write(`\n— ${n} clerks —\n`);
  await run(n);
}
