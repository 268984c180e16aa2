// The server-paged grids on the 200,000-case court, measured in-process on the real registry:
//   grids <bulkDir> <scratch> <password>
// The bulk court is copied to <scratch> (the benches share it read-only) and its 终本 cases are put
// into the archive register as the closure would (the bulk generator leaves the domains' own tables
// empty). Then each converted page's first data — the call(s) it makes when it opens — and a few
// filtered and sorted variants are timed. Prints one JSON object; bench/grids.bench.mjs reports it.
import { cpSync, rmSync } from 'node:fs';
import { App } from '../../src-main/app/app';
import { FileResponse, type CallContext } from '../../src-main/api/context';
import type { MethodInput, MethodName } from '../../src-shared/api';
import { gridSql } from '../../src-main/services/grids/sources';

const [bulkDir, scratch, password] = process.argv.slice(2) as [string, string, string];
rmSync(scratch, { recursive: true, force: true });
cpSync(bulkDir, scratch, { recursive: true });
try {
  const app = new App({ dataDir: scratch, mode: 'web', quiet: true });
  const today = app.clock.today();
  const t0 = performance.now();
  app.db.rawRun(
    `INSERT INTO archive_entries (case_id, terminated_on, requery_until, next_requery_on, rounds_done, scan_status, review_status, updated_at)
     SELECT id, closed_on, date(closed_on, '+5 years'),
            CASE WHEN date(closed_on, '+5 years') > ? THEN max(date(closed_on, '+6 months'), date(?, '-' || (id % 60) || ' days')) END,
            0, CASE id % 3 WHEN 0 THEN 'pending' WHEN 1 THEN 'scanned' ELSE 'bound' END, 'pending', ?
       FROM cases WHERE closure_mode = '终结本次执行程序' AND closed_on IS NOT NULL`,
    today,
    today,
    new Date().toISOString(),
  );
  const fillMs = performance.now() - t0;
  const count = (sql: string, ...p: unknown[]) => app.db.raw<{ n: number }>(sql, ...p)[0]!.n;
  const archived = count('SELECT count(*) AS n FROM archive_entries');
  const login = await app.registry.call('auth.login', { username: 'admin', password }, app.internalContext());
  if (!login.ok) throw new Error(login.error.message);
  const token = (login.data as { token: string }).token;
  const ctx: CallContext = { app, user: app.sessions.resolve(app.db, token, app.clock.now()), token, workstation: 'bench', transport: 'internal' };
  // The busiest user of the court (the audit page's worst case for "one user").
  const busiest = app.db.raw<{ actor_id: number; n: number }>('SELECT actor_id, count(*) AS n FROM case_events WHERE actor_id IS NOT NULL GROUP BY actor_id ORDER BY n DESC LIMIT 1')[0]!;
  const debtor = app.db.raw<{ d: string }>("SELECT substr(c.debtor_names, 1, 1) AS d FROM archive_entries a JOIN cases c ON c.id = a.case_id WHERE a.case_id % 97 = 0 LIMIT 1")[0]?.d ?? '王';

  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  async function time<N extends MethodName>(method: N, input: MethodInput<N>) {
    const c0 = cpu();
    const s = performance.now();
    const r = await app.registry.call(method, input, ctx);
    const ms = performance.now() - s;
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    const data = r.data as { total?: number };
    return { ms, cpuMs: cpu() - c0, total: data instanceof FileResponse ? null : (data.total ?? null) };
  }
  const page = { offset: 0, limit: 100 } as const;
  // What each page calls when it opens (the grids' first block), and what a clerk then asks.
  const classes: Record<string, () => Promise<{ ms: number; cpuMs: number; total: number | null }>> = {
    archive_first: () => time('grids.archive', { ...page }),
    archive_requery_due_first: () => time('grids.requeryDue', { ...page }),
    archive_filter_debtor_sort_unpaid: () => time('grids.archive', { ...page, filters: [{ col: 'debtors', op: 'contains', value: debtor }], sort: [{ col: 'unpaidFen', dir: 'desc' }] }),
    archive_filter_year_sort_number: () => time('grids.archive', { ...page, filters: [{ col: 'terminatedOn', op: 'inRange', value: '2024-01-01', valueTo: '2024-12-31' }], sort: [{ col: 'number', dir: 'asc' }] }),
    archive_page_50: () => time('grids.archive', { offset: 5000, limit: 100 }),
    closure_ready_first: () => time('grids.closureReady', { ...page }),
    audit_user_first: () => time('grids.audit', { ...page, userId: busiest.actor_id }),
    audit_user_filter_day: () => time('grids.audit', { ...page, userId: busiest.actor_id, filters: [{ col: 'at', op: 'equals', value: '2025-06-18' }] }),
    ledger_accounts_first: () => time('grids.ledgerAccounts', { ...page }),
    control_assets_first: () => time('grids.assets', { ...page }),
    control_measures_first: () => time('grids.measures', { ...page }),
  };
  const out: Record<string, { cold: number; coldCpu: number; samples: number[]; cpu: number[]; total: number | null }> = {};
  for (const [name, run] of Object.entries(classes)) {
    const first = await run();
    const samples: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < 9; i++) {
      const r = await run();
      samples.push(r.ms);
      cpus.push(r.cpuMs);
    }
    out[name] = { cold: first.ms, coldCpu: first.cpuMs, samples, cpu: cpus, total: first.total };
  }
  // The export of a filtered 终本库 (informational: a large one is a job).
  const ex = await time('grids.export', { grid: 'archive', filters: [{ col: 'terminatedOn', op: 'inRange', value: '2024-01-01', valueTo: '2024-03-31' }] });
  const exRows = count("SELECT count(*) AS n FROM archive_entries WHERE terminated_on BETWEEN '2024-01-01' AND '2024-03-31'");
  // The plans of the SQL the grids run (their first page), from the grids' own builder.
  const gctx = { db: app.db, today, scope: { all: true } as const };
  const req = { sort: [], filters: [], offset: 0, limit: 100 };
  const plans: Record<string, string[]> = {};
  for (const [name, sql] of Object.entries({
    archive_first: gridSql(gctx, 'archive', req),
    requery_due: gridSql(gctx, 'requeryDue', req),
    audit_user: gridSql(gctx, 'audit', { ...req, userId: busiest.actor_id }),
    audit_user_day: gridSql(gctx, 'audit', { ...req, userId: busiest.actor_id, filters: [{ col: 'at', op: 'equals', value: '2025-06-18' }] }),
    closure_candidates: "SELECT c.id FROM closure_attestations t JOIN cases c ON c.id = t.case_id WHERE t.item = 'debtorSearched' AND c.stage NOT IN ('closed', 'archived')",
  })) {
    const params = (sql.match(/\?/g) ?? []).map(() => (name === 'requery_due' ? '2099-01-01' : name === 'closure_candidates' ? '[]' : busiest.actor_id));
    plans[name] = app.db.raw<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, ...params).map((p) => p.detail);
  }
  const cases = count('SELECT count(*) AS n FROM cases');
  await app.close();
  console.log(JSON.stringify({ cases, archived, fillMs, busiest, results: out, export: { ...ex, rows: exRows }, plans }));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
