// `node <bundle> build <dataDir> <cases>`: a court of `cases` cases over 2017–2026 with ~10 contract
// events each (filing, stage changes, assignment, receipt, payout, closure, 终本 review), written
// straight into the tables so the live metric triggers derive the facts as they would in use.
// `node <bundle> compute <dataDir>`: times metrics.compute (every metric, court scope) for one month
// and one year, opened read-only, plus the dashboard.
// `node <bundle> export <dataDir> <cases>`: builds a court with one year of `cases` cases and times the
// monthly export job (the year's file set). Prints one JSON line with the timings.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { App, DB_FILE } from '../../src-main/app/app';
import { Db } from '../../src-main/db/connection';
import { buildBulkDatabase } from '../../src-main/demo/bulk';
import { computeMetrics } from '../../src-main/services/metrics/figures';
import { dashboard } from '../../src-main/services/metrics/dashboard';
import { runMonthlyExport } from '../../src-main/services/reports/exportMonthly';
import type { PeriodInput } from '../../src-shared/domain/metrics/period';

const [mode, dataDir, countArg] = process.argv.slice(2);
if (!mode || !dataDir) throw new Error('usage: metrics compute|export <dataDir> [cases]');

function time(fn: () => unknown, runs = 5): { median: number; samples: number[] } {
  fn(); // warm: statement cache and page cache
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return { median: [...samples].sort((a, b) => a - b)[Math.floor(runs / 2)]!, samples };
}

if (mode === 'build') {
  const total = Number(countArg ?? 200_000);
  const app = new App({ dataDir, mode: 'web', quiet: true, adminPassword: 'bench-pass-1' });
  const db = app.db;
  let seed = 523;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const day0 = Date.UTC(2017, 0, 1);
  const iso = (d: number) => new Date(day0 + d * 86_400_000).toISOString().slice(0, 10);
  const span = Math.floor((Date.UTC(2026, 10, 30) - day0) / 86_400_000);
  const insCase = db.sqlite.prepare(
    `INSERT INTO cases (id, number, year, court_code, type, serial, stage, filed_on, title_court, title_number, title_effective_on, title_cause, non_litigation, principal_fen, interest_fen, costs_fen, claim_fen, preserved,
       applicant_names, debtor_names, search_text, team_id, judge_id, migrated, demo, created_at, created_by)
     VALUES (?, ?, ?, '内0523', ?, ?, 'team', ?, '开鲁县人民法院', ?, '2016-12-01', '借款合同纠纷', ?, ?, 0, 0, ?, 0, '申请人', '被执行人', '', NULL, NULL, 0, 1, '2026-01-01T00:00:00Z', 'bench')`,
  );
  const insEvent = db.sqlite.prepare(`INSERT INTO case_events (case_id, type, at, on_date, actor_id, actor_name, workstation, payload, prev_hash, hash) VALUES (?, ?, '2026-01-01T00:00:00Z', ?, NULL, 'bench', 'bench', ?, '', '')`);
  const MODES = ['执行完毕', '执行完毕', '终结本次执行程序', '终结本次执行程序', '终结本次执行程序', '终结执行', '驳回申请', '销案'];
  const TYPES = ['执', '执', '执', '执', '执', '执', '执', '执恢', '执保', '执异'];
  const serials = new Map<string, number>();
  let events = 0;
  const ev = (caseId: number, type: string, on: string, payload: object) => {
    insEvent.run(caseId, type, on, JSON.stringify(payload));
    events++;
  };
  const t0 = performance.now();
  for (let start = 1; start <= total; start += 10_000) {
    db.tx(() => {
      for (let id = start; id < Math.min(start + 10_000, total + 1); id++) {
        const filed = Math.floor(rand() * span);
        const filedOn = iso(filed);
        const type = TYPES[Math.floor(rand() * TYPES.length)]!;
        const year = Number(filedOn.slice(0, 4));
        const key = `${year}${type}`;
        const serial = (serials.get(key) ?? 0) + 1;
        serials.set(key, serial);
        const claim = 10_000 + Math.floor(rand() * 5_000_000);
        insCase.run(id, `（${year}）内0523${type}${serial}号`, year, type, serial, filedOn, `（${year}）内0523民初${id}号`, rand() < 0.1 ? 1 : 0, claim, claim);
        ev(id, 'case.filed', filedOn, { type, claimFen: claim });
        for (const to of ['query', 'control', 'triage']) ev(id, 'case.stageChanged', iso(filed + 3), { to });
        // Events the metrics do not read still pass the triggers' WHEN test, as in real use.
        for (const kind of ['执行通知书', '报告财产令', '限制消费令']) ev(id, 'document.generated', iso(filed + 1), { documentId: id, kind, number: `${id}`, batchId: 1 });
        ev(id, 'case.assigned', iso(filed + 5), { teamId: `t${1 + Math.floor(rand() * 8)}`, judgeId: 2 + Math.floor(rand() * 10), runId: 1, rule: 'area' });
        const life = Math.floor(rand() * rand() * 400);
        const closes = filed + life <= span + 30 && rand() < 0.93;
        const recovered = rand() < 0.4 ? Math.floor(claim * rand()) : 0;
        if (recovered > 0) {
          ev(id, 'ledger.receipt', iso(filed + Math.floor(life / 2)), { entryId: id * 10, amountFen: recovered, source: 'online' });
          if (rand() < 0.9) ev(id, 'ledger.payout', iso(filed + Math.floor(life / 2) + Math.floor(rand() * 45)), { entryId: id * 10 + 1, amountFen: recovered, receiptIds: [id * 10] });
        }
        if (closes) {
          const mode = type === '执保' ? '保全完毕' : MODES[Math.floor(rand() * MODES.length)]!;
          ev(id, 'case.closed', iso(filed + life), { mode, recoveredFen: recovered, unpaidFen: claim - recovered });
          if (mode === '终结本次执行程序' && rand() < 0.8) ev(id, 'archive.reviewed', iso(filed + life + 20), { pass: rand() < 0.92, reasons: [] });
        }
      }
    });
  }
  const facts = db.raw<{ n: number }>('SELECT count(*) AS n FROM metric_case_facts')[0]!.n;
  console.log(JSON.stringify({ cases: total, events, facts, buildMs: performance.now() - t0 }));
  await app.close();
} else if (mode === 'compute') {
  const db = new Db(join(dataDir, DB_FILE), { readonly: true });
  const counts = db.raw<{ cases: number; events: number; facts: number }>('SELECT (SELECT count(*) FROM cases) AS cases, (SELECT max(id) FROM case_events) AS events, (SELECT count(*) FROM metric_case_facts) AS facts')[0]!;
  const last = db.raw<{ d: string }>('SELECT max(closed_on) AS d FROM metric_case_facts')[0]!.d;
  const year = Number(last.slice(0, 4)) - 1;
  const month: PeriodInput = { kind: 'month', year, month: 11 };
  const m = time(() => computeMetrics(db, month, { kind: 'court' }));
  const y = time(() => computeMetrics(db, { kind: 'year', year }, { kind: 'court' }));
  const figs = computeMetrics(db, { kind: 'year', year }, { kind: 'court' }).figures;
  const rate = figs.find((f) => f.metricId === 'closureRate' && f.column === 'main')!;
  const d = time(() => dashboard(db, year, 11, { kind: 'court' }), 3);
  console.log(JSON.stringify({ ...counts, year, monthMs: m.median, yearMs: y.median, dashboardMs: d.median, figures: figs.length, yearAccepted: rate.denominator, yearClosureRate: rate.value }));
  db.close();
} else {
  const cases = Number(countArg ?? 4000);
  const built = await buildBulkDatabase({ dataDir, cases, fromYear: 2026, toYear: 2026, adminPassword: 'bench-pass-1' });
  const app = new App({ dataDir, mode: 'web', quiet: true });
  const actor = { id: null, name: 'bench', workstation: 'bench' };
  const t0 = performance.now();
  const view = app.jobs.start({ kind: 'reports.exportMonthly', label: 'bench', user: null, cases: 'court' }, (job) => runMonthlyExport(app.db, app.dataDir, actor, () => new Date(), '2026', job));
  await app.jobs.idle();
  const ms = performance.now() - t0;
  const done = app.jobs.get(view.id);
  const row = app.db.raw<{ detail_rows: number }>('SELECT detail_rows FROM report_exports ORDER BY id DESC LIMIT 1')[0];
  console.log(JSON.stringify({ cases: built.cases, events: built.events, exportMs: ms, status: done.status, detailRows: row?.detail_rows ?? 0 }));
  await app.close();
}
