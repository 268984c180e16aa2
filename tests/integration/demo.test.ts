import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { verifyAudit } from '../helpers/audit';
import { runDemo, DEFAULT_DEMO_OPTIONS } from '../../src-main/demo/run';
import { validateIdNumber } from '../../src-shared/domain/idNumber';
import { validateCreditCode } from '../../src-shared/domain/creditCode';
import { parseCaseNumber } from '../../src-shared/domain/caseNumber';
import { Rng } from '../../src-main/demo/random';
import { acceptanceFee, TitleNumbers } from '../../src-main/demo/titles';

const opened: TestApp[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

function open(): TestApp {
  const t = openTestApp();
  t.app.clock.set('2026-11-22T02:00:00Z');
  opened.push(t);
  return t;
}

const small = { ...DEFAULT_DEMO_OPTIONS, fromYear: 2024, toYear: 2025, casesPerYear: 100 };

/** Everything a seed decides, in a comparable form. */
function snapshot(t: TestApp) {
  return {
    cases: t.app.db.raw('SELECT number, type, filed_on, title_number, title_effective_on, title_cause, principal_fen, interest_fen, costs_fen, applicant_names, debtor_names, created_at, created_by FROM cases ORDER BY id'),
    parties: t.app.db.raw('SELECT case_id, role, kind, name, id_number, credit_code, legal_rep, address, phone FROM parties ORDER BY id'),
    users: t.app.db.raw("SELECT username, display_name, roles, team_id FROM users WHERE username <> 'admin' ORDER BY id"),
  };
}

describe('demo data', () => {
  it('is the same for the same seed and different for another seed', async () => {
    const [a, b, c] = [open(), open(), open()];
    await runDemo(a.app, small);
    await runDemo(b.app, small);
    await runDemo(c.app, { ...small, seed: small.seed + 1 });
    const sa = snapshot(a);
    expect(sa.cases.length).toBeGreaterThan(150);
    expect(snapshot(b)).toEqual(sa);
    const sc = snapshot(c);
    expect(sc.cases.map((r) => r.debtor_names)).not.toEqual(sa.cases.map((r) => r.debtor_names));
    expect(sc.users).toEqual(sa.users); // the staff roster does not depend on the seed
    // Three demo courts, each rendering its real notices, rulings and closure documents.
  }, 180_000);

  it('files valid cases: IDs and credit codes pass their checksums, numbers are gap-free, all labelled demo', async () => {
    const t = open();
    const result = await runDemo(t.app, small);
    const db = t.app.db;
    const parties = db.raw<{ kind: string; id_number: string | null; credit_code: string | null; birth_date: string | null }>('SELECT kind, id_number, credit_code, birth_date FROM parties');
    expect(parties.length).toBeGreaterThan(300);
    const areas = new Set<string>();
    for (const p of parties) {
      if (p.kind === 'person') {
        const r = validateIdNumber(p.id_number!, '2026-11-22');
        expect(r, p.id_number!).toMatchObject({ ok: true, birthDate: p.birth_date });
        areas.add(p.id_number!.slice(0, 6));
      } else {
        const r = validateCreditCode(p.credit_code!);
        expect(r, p.credit_code!).toEqual({ ok: true, value: p.credit_code, warnings: [] });
        expect(p.credit_code!.slice(2, 8)).toMatch(/^1505\d\d$/); // registered in 通辽市
      }
    }
    expect(areas.has('150523')).toBe(true);
    expect([...areas].every((a) => /^15(05|23)\d\d$/.test(a))).toBe(true);
    expect(parties.some((p) => p.kind === 'org')).toBe(true);

    const cases = db.raw<{ number: string; type: string; year: number; serial: number; demo: number; filed_on: string; title_effective_on: string; court_code: string }>(
      'SELECT number, type, year, serial, demo, filed_on, title_effective_on, court_code FROM cases ORDER BY id',
    );
    expect(cases.every((c) => c.demo === 1 && c.court_code === '内0523')).toBe(true);
    expect(new Set(cases.map((c) => c.type))).toEqual(new Set(['执', '执恢', '执保']));
    expect(cases.filter((c) => c.type === '执').length / cases.length).toBeGreaterThan(0.7);
    for (const c of cases) {
      expect(parseCaseNumber(c.number, { mode: 'strict' }).ok).toBe(true);
      expect(c.title_effective_on <= c.filed_on).toBe(true);
    }
    const groups = new Map<string, number[]>();
    for (const c of cases) groups.set(`${c.year}${c.type}`, [...(groups.get(`${c.year}${c.type}`) ?? []), c.serial]);
    for (const serials of groups.values()) expect(serials).toEqual(serials.map((_, i) => i + 1));
    // Filed in date order, so serials follow the calendar as a real window's do.
    expect(cases.map((c) => c.filed_on)).toEqual([...cases.map((c) => c.filed_on)].sort());

    const filed = db.raw<{ n: number }>("SELECT count(*) AS n FROM case_events WHERE type = 'case.filed'")[0]!.n;
    expect(filed).toBe(cases.length);
    const info = await t.call('system.info', {});
    expect(info.demo).toBe(true);
    expect(info.courtName).toBe('开鲁县人民法院');
    const settings = await t.call('settings.get', {});
    expect(settings.teams.filter((x) => x.kind === 'tribunal').map((x) => x.areas[0])).toEqual(['开鲁镇', '东风镇', '大榆树镇', '黑龙坝镇', '麦新镇', '义和塔拉镇', '建华镇', '小街基镇']);
    // The filing window's cases, plus the 终本 cases resumed on the last day (cases.resume files them).
    const resumed = db.raw<{ n: number }>('SELECT count(*) AS n FROM cases WHERE resumed_from_id IS NOT NULL')[0]!.n;
    expect((result.summary.filing as { cases: number }).cases).toBe(cases.length - resumed);
    // Every debtor lives in a township a tribunal covers, so assignment by area can route every case.
    const townships = settings.teams.flatMap((x) => x.areas);
    const debtorAddresses = db.raw<{ address: string }>("SELECT address FROM parties WHERE role = 'debtor'");
    expect(debtorAddresses.every((p) => townships.some((tw) => p.address.includes(tw)))).toBe(true);
  });

  it('loads through system.loadDemo as a job, for the administrator only, and only into an empty database', async () => {
    const t = open();
    t.user('clerk', ['window']);
    expect((await t.fail('system.loadDemo', { casesPerYear: 20, fromYear: 2026, toYear: 2026 }, 'clerk')).code).toBe('forbidden');
    expect((await t.fail('system.loadDemo', { casesPerYear: 20, fromYear: 2026, toYear: 2026 })).code).toBe('conflict'); // a user exists already
    const fresh = open();
    const bad = await fresh.fail('system.loadDemo', { fromYear: 2026, toYear: 2025 });
    expect(bad.field).toBe('fromYear');
    const job = await fresh.call('system.loadDemo', { casesPerYear: 40, fromYear: 2025, toYear: 2026, seed: 9 });
    expect(job.kind).toBe('demo');
    await fresh.app.jobs.idle();
    const done = await fresh.call('jobs.get', { id: job.id });
    expect(done.status).toBe('done');
    const list = await fresh.call('cases.list', { filter: {}, limit: 5 });
    expect(list.total).toBeGreaterThan(50);
    expect(list.rows.every((r) => r.demo)).toBe(true);
    expect((await fresh.fail('system.loadDemo', {})).code).toBe('conflict');
    // The demo staff can log in with the demo password.
    const login = await fresh.app.registry.call('auth.login', { username: 'zhaoli', password: DEFAULT_DEMO_OPTIONS.password }, fresh.app.internalContext());
    expect(login.ok).toBe(true);
  });
});

/** What the pipeline step decides, comparable between runs (ids of rendered batches are random UUIDs). */
function lives(t: TestApp) {
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  return {
    cases: t.app.db.raw('SELECT id, stage, team_id, judge_id, closed_on, closure_mode, resumed_from_id FROM cases ORDER BY id'),
    events: t.app.db.raw<{ payload: string }>('SELECT case_id, type, on_date, actor_name, payload FROM case_events ORDER BY id').map((e) => ({ ...e, payload: e.payload.replace(uuid, 'uuid') })),
    ledger: t.app.db.raw('SELECT case_id, kind, amount_fen, on_date, source, payee_account FROM ledger_entries ORDER BY id'),
  };
}

describe('demo shape against the seed (seeds/003, 开鲁法院: 2022 执结率 98.74%, 首执平均用时 61.68 天, 2023 Q1 37.4 天)', () => {
  // Kailu's published figures, copied from the seed, not from the demo's code.
  const KAILU_2022_RATE = 98.74;
  const KAILU_2022_FIRST_DAYS = 61.68;
  const KAILU_2023Q1_FIRST_DAYS = 37.4;

  it('replays a year in Kailu\'s shape: the year\'s 执结率 and average time within a few points, judges evenly loaded', async () => {
    const t = openTestApp();
    t.app.clock.set('2023-12-20T02:00:00Z');
    opened.push(t);
    const result = await runDemo(t.app, { ...DEFAULT_DEMO_OPTIONS, fromYear: 2022, toYear: 2023, casesPerYear: 300 });
    const db = t.app.db;
    const one = (sql: string, ...args: unknown[]) => db.raw<{ v: number }>(sql, ...args)[0]!.v;
    // 执结率 = 结案 ÷ 受理 (旧存 + 新收), 执 and 执恢, the year 2022.
    const accepted = one("SELECT count(*) AS v FROM cases WHERE type IN ('执', '执恢') AND filed_on <= '2022-12-31'");
    const closed = one("SELECT count(*) AS v FROM cases WHERE type IN ('执', '执恢') AND closed_on BETWEEN '2022-01-01' AND '2022-12-31'");
    expect(accepted).toBeGreaterThan(200);
    expect(Math.abs((100 * closed) / accepted - KAILU_2022_RATE)).toBeLessThan(3);
    // 首执案件结案平均用时: calendar days from filing to closure of the 执 cases closed in the period.
    const days = (from: string, to: string) => one("SELECT avg(julianday(closed_on) - julianday(filed_on)) AS v FROM cases WHERE type = '执' AND closed_on BETWEEN ? AND ?", from, to);
    expect(Math.abs(days('2022-01-01', '2022-12-31') - KAILU_2022_FIRST_DAYS)).toBeLessThan(8);
    expect(Math.abs(days('2023-01-01', '2023-03-31') - KAILU_2023Q1_FIRST_DAYS)).toBeLessThan(10);

    // 均衡分案 (seed: the command centre balances; no judge over 400 a year): this year's assignments
    // per judge, the county seat's tribunal judge included, within a quarter of the average; clerks get none.
    const perJudge = db.raw<{ judge: number; n: number; roles: string; post: string }>(
      `SELECT u.id AS judge, count(*) AS n, u.roles AS roles, u.display_name AS post FROM case_events e JOIN users u ON u.id = json_extract(e.payload, '$.judgeId')
        WHERE e.type = 'case.assigned' AND e.on_date >= '2023-01-01' GROUP BY u.id`,
    );
    const tribunal = perJudge.filter((j) => (JSON.parse(j.roles) as string[]).includes('team'));
    expect(tribunal.length).toBe(8);
    const avg = tribunal.reduce((a, j) => a + j.n, 0) / tribunal.length;
    for (const j of tribunal) expect(Math.abs(j.n - avg) / avg, j.post).toBeLessThan(0.25);
    expect(perJudge.map((j) => j.post)).not.toContain('马丽娜'); // the fast-track team's clerk
    expect(perJudge.map((j) => j.post)).toContain('刘海峰'); // the fast-track judge

    // The summary says what it matches and which published figure it does not try to, with why.
    const shape = result.summary.shape as { matched: string[]; notMatched: { figure: string; why: string }[] };
    expect(shape.matched.join()).toContain('98.74%');
    expect(shape.notMatched.map((n) => n.figure).join()).toContain('85.09%');
    expect(shape.notMatched[0]!.why).toContain('三个月');
  }, 300_000);
});

describe('demo pipeline (the cases\' lives through the real services)', () => {
  const twoYears = { ...DEFAULT_DEMO_OPTIONS, fromYear: 2025, toYear: 2026, casesPerYear: 150 };

  it('closes past cases in Kailu\'s shape, fills the ledger, the archive and the teams, and leaves this year open at every stage', async () => {
    const t = open();
    const before = t.app.clock.now().getTime();
    const wallBefore = Date.now();
    const result = await runDemo(t.app, twoYears);
    const db = t.app.db;
    expect(result.steps.filter((s) => s.skipped)).toEqual([]);
    // The clock is back where the test put it, and nothing happened after today.
    // (The test clock runs on with the wall clock: the demo's own time, not its moves, is allowed for.)
    expect(Math.abs(t.app.clock.now().getTime() - before - (Date.now() - wallBefore))).toBeLessThan(60_000);
    // (The log's audit.keyed row, the shipped holiday calendar's calendar.changed row and the court's
    // identity set up at the first start are written when the app opens the new database, on the real clock.)
    expect(
      db.raw<{ type: string; on_date: string }>(
        "SELECT DISTINCT type, on_date FROM case_events WHERE type NOT IN ('audit.keyed', 'calendar.changed') AND NOT (type = 'settings.changed' AND payload LIKE '%courtName%') AND on_date > '2026-11-22'",
      ),
    ).toEqual([]);

    const total = db.raw<{ n: number }>("SELECT count(*) AS n FROM cases WHERE filed_on < '2026-01-01'")[0]!.n;
    const modes = new Map(db.raw<{ m: string; n: number }>("SELECT closure_mode AS m, count(*) AS n FROM cases WHERE filed_on < '2026-01-01' AND closed_on < '2026-01-01' GROUP BY 1").map((r) => [r.m, r.n]));
    const closedInYear = [...modes.values()].reduce((a, b) => a + b, 0);
    // 执结率 = 结案 / 受理 (metrics.md): Kailu 98.74%; the demo's past year closes nearly everything by 31 December.
    expect(closedInYear / total).toBeGreaterThan(0.9);
    const enforcement = closedInYear - (modes.get('保全完毕') ?? 0) - (modes.get('部分保全') ?? 0) - (modes.get('无标的物可实施保全') ?? 0);
    expect((modes.get('终结本次执行程序') ?? 0) / enforcement).toBeGreaterThan(0.25);
    expect((modes.get('终结本次执行程序') ?? 0) / enforcement).toBeLessThan(0.65);
    expect((modes.get('执行完毕') ?? 0) / enforcement).toBeGreaterThan(0.18);
    expect((modes.get('执行完毕') ?? 0) / enforcement).toBeLessThan(0.5);

    // The same through the metrics the leaders' dashboard reads (metrics.compute over the case events).
    const m = await t.call('metrics.compute', { period: { kind: 'year', year: 2025 } });
    const closureRate = m.figures.find((f) => f.metricId === 'closureRate' && f.column === 'main')!;
    expect(closureRate.value).toBeGreaterThan(93);

    // Every closure is a real one: its record, its event, its stage; 终本 in the archive with its checklist.
    const closed = db.raw<{ id: number; stage: string; closure_mode: string; claim_fen: number }>('SELECT id, stage, closure_mode, claim_fen FROM cases WHERE closed_on IS NOT NULL');
    expect(closed.length).toBeGreaterThan(150);
    const closures = new Set(db.raw<{ case_id: number }>('SELECT case_id FROM closures').map((r) => r.case_id));
    const closedEvents = db.raw<{ case_id: number; n: number }>("SELECT case_id, count(*) AS n FROM case_events WHERE type = 'case.closed' GROUP BY case_id");
    expect(closedEvents.every((e) => e.n === 1)).toBe(true);
    expect(closedEvents.length).toBe(closed.length);
    const archive = new Set(db.raw<{ case_id: number }>('SELECT case_id FROM archive_entries').map((r) => r.case_id));
    for (const c of closed) {
      expect(closures.has(c.id)).toBe(true);
      expect(c.stage).toBe(c.closure_mode === '终结本次执行程序' ? 'archived' : 'closed');
      expect(archive.has(c.id)).toBe(c.closure_mode === '终结本次执行程序');
    }
    expect(archive.size).toBeGreaterThan(30);
    const zhongben = db.raw<{ checklist: string }>("SELECT checklist FROM closures WHERE mode = '终结本次执行程序'");
    expect(zhongben.every((z) => (JSON.parse(z.checklist) as { via: string | null }[]).every((i) => i.via !== null))).toBe(true);
    expect(db.raw<{ n: number }>("SELECT count(*) AS n FROM case_events WHERE type = 'archive.reviewed'")[0]!.n).toBeGreaterThan(5);

    // Money: every 执行完毕 case recovered its claim and paid it all out; payouts never exceed receipts.
    const money = db.raw<{ id: number; claim_fen: number; received: number; paid: number }>(
      `SELECT c.id, c.claim_fen,
              coalesce((SELECT sum(amount_fen) FROM ledger_entries l WHERE l.case_id = c.id AND l.kind = 'receipt'), 0) AS received,
              coalesce((SELECT sum(amount_fen) FROM ledger_entries l WHERE l.case_id = c.id AND l.kind = 'payout'), 0) AS paid
         FROM cases c WHERE c.closure_mode = '执行完毕'`,
    );
    expect(money.length).toBeGreaterThan(40);
    for (const m of money) expect([m.received, m.paid]).toEqual([m.claim_fen, m.claim_fen]);
    const kinds = new Map(db.raw<{ kind: string; n: number }>('SELECT kind, count(*) AS n FROM ledger_entries GROUP BY kind').map((r) => [r.kind, r.n]));
    expect(kinds.get('receipt')).toBeGreaterThan(40);
    expect(kinds.get('payout')).toBeGreaterThan(40);
    // Every payout went to the applicant's approved payout account, else the first interview's (domain.md §7).
    const stray = db.raw(
      `SELECT l.id FROM ledger_entries l WHERE l.kind = 'payout' AND l.payee_account IS NOT coalesce(
         (SELECT a.account_number FROM payout_accounts a WHERE a.case_id = l.case_id AND a.status = 'approved' ORDER BY a.id DESC LIMIT 1),
         (SELECT i.payout_account FROM interviews i WHERE i.case_id = l.case_id))`,
    );
    expect(stray).toEqual([]);

    // Triage and assignment: complex cases reached a tribunal judge, simple ones the fast-track team.
    expect(db.raw<{ n: number }>("SELECT count(*) AS n FROM case_events WHERE type = 'case.assigned'")[0]!.n).toBeGreaterThan(100);
    const teamCases = db.raw<{ team_id: string | null; judge_id: number | null }>("SELECT team_id, judge_id FROM cases WHERE stage = 'team'");
    expect(teamCases.length).toBeGreaterThan(10);
    expect(teamCases.every((c) => c.team_id !== null && c.judge_id !== null)).toBe(true);
    expect(db.raw<{ n: number }>("SELECT count(*) AS n FROM case_events WHERE type = 'triage.decided' AND json_extract(payload, '$.track') = 'simple'")[0]!.n).toBeGreaterThan(5);

    // Queries, control and documents really happened; this year's cases wait at several stages.
    expect(db.raw<{ n: number }>('SELECT count(*) AS n FROM inquiry_imports WHERE simulated = 1')[0]!.n).toBeGreaterThan(50);
    expect(db.raw<{ n: number }>('SELECT count(*) AS n FROM measures')[0]!.n).toBeGreaterThan(5);
    expect(db.raw<{ n: number }>("SELECT count(*) AS n FROM documents WHERE kind = '执行通知书'")[0]!.n).toBe(20);
    const waiting = new Set(db.raw<{ stage: string }>("SELECT DISTINCT stage FROM cases WHERE stage NOT IN ('closed', 'archived')").map((r) => r.stage));
    expect(waiting.size).toBeGreaterThanOrEqual(4);
    expect(waiting.has('filed') && waiting.has('team')).toBe(true);

    // A few 终本 cases resumed today as new 执恢 cases, labelled demo like the rest.
    const resumed = db.raw<{ type: string; demo: number; stage: string }>('SELECT type, demo, stage FROM cases WHERE resumed_from_id IS NOT NULL');
    expect(resumed.length).toBeGreaterThan(0);
    expect(resumed.every((r) => r.type === '执恢' && r.demo === 1 && r.stage === 'filed')).toBe(true);

    // 终本 re-queries (终本规定 Art. 9: every 6 months for 5 years). The 终本 group batches monthly on the
    // first working day the rounds due within 30 days (the lookahead setting). The last batch before
    // today (2026-11-22) was made on Monday 2026-11-02 and covered every round due by 2026-12-02; its
    // feedback came back within 5 working days (by 2026-11-09). So by the rule every round due by
    // 2026-12-02 is recorded, and none is overdue on the board today.
    const sixMonths = (date: string, k: number) => {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const last = new Date(Date.UTC(y, m - 1 + 6 * k + 1, 0)).getUTCDate(); // 31 August + 6 months = 28/29 February
      return new Date(Date.UTC(y, m - 1 + 6 * k, Math.min(d, last))).toISOString().slice(0, 10);
    };
    const terminated = db.raw<{ id: number; closed_on: string }>("SELECT id, closed_on FROM cases WHERE closure_mode = '终结本次执行程序'");
    const rounds = new Map(db.raw<{ case_id: number; n: number }>("SELECT case_id, count(*) AS n FROM archive_requeries WHERE result <> 'pending' GROUP BY case_id").map((r) => [r.case_id, r.n]));
    let expectedRounds = 0;
    for (const c of terminated) {
      let due = 0;
      for (let k = 1; k <= 10 && sixMonths(c.closed_on, k) <= '2026-12-02'; k++) due++;
      expect([c.id, rounds.get(c.id) ?? 0]).toEqual([c.id, due]);
      expectedRounds += due;
    }
    expect(expectedRounds).toBeGreaterThan(30);
    expect(db.raw<{ n: number }>("SELECT count(*) AS n FROM archive_requeries WHERE result = 'pending'")[0]!.n).toBe(0);
    const board = await t.call('deadlines.board', {});
    expect(board.byRule.find((r) => r.key === 'requery')?.overdue ?? 0).toBe(0);
    expect(db.raw<{ n: number }>("SELECT count(*) AS n FROM deadlines WHERE rule_id = 'requery' AND status = 'open' AND due_on < '2026-11-22'")[0]!.n).toBe(0);
    // Each round went out as a query batch and came back as simulated feedback; most find nothing.
    const results = new Map(db.raw<{ result: string; n: number }>('SELECT result, count(*) AS n FROM archive_requeries GROUP BY result').map((r) => [r.result, r.n]));
    expect((results.get('found') ?? 0) + (results.get('nothing') ?? 0)).toBe(expectedRounds);
    expect((results.get('found') ?? 0) / expectedRounds).toBeLessThan(0.1);
    expect(db.raw<{ n: number }>('SELECT count(*) AS n FROM archive_requery_batches WHERE inquiry_batch_id IS NULL')[0]!.n).toBe(0);
    // The last batches' first results told the applicant by a real 查询结果告知书 (6 a batch).
    const notices = db.raw<{ n: number }>("SELECT count(*) AS n FROM documents WHERE kind = '查询结果告知书'")[0]!.n;
    expect(notices).toBeGreaterThan(0);
    expect(notices).toBeLessThanOrEqual(12);

    // The whole life, as the real services wrote it, verifies: the keyed chain, and the ledger,
    // measures and closures replayed from their events match the tables row for row.
    const audit = await verifyAudit(t);
    expect(audit.problems).toEqual([]);
    expect(audit.records.ledgerEntries).toBe(kinds.get('receipt')! + kinds.get('payout')! + (kinds.get('fee') ?? 0) + (kinds.get('refund') ?? 0) + (kinds.get('deferral') ?? 0) + (kinds.get('reversal') ?? 0));
    expect(audit.records.closures).toBe(closures.size);
    expect(audit.records.measures).toBeGreaterThan(5);
  }, 240_000);

  it('is deterministic: the same seed gives the same lives', async () => {
    const [a, b] = [open(), open()];
    await runDemo(a.app, twoYears);
    await runDemo(b.app, twoYears);
    const la = lives(a);
    expect(la.events.length).toBeGreaterThan(2000);
    expect(lives(b)).toEqual(la);
  }, 240_000);
});

describe('demo building blocks', () => {
  it('forks independent, reproducible streams', () => {
    const a = new Rng(1).fork('x');
    const b = new Rng(1).fork('x');
    const c = new Rng(1).fork('y');
    const draw = (r: Rng) => Array.from({ length: 5 }, () => r.u32());
    const da = draw(a);
    expect(draw(b)).toEqual(da);
    expect(draw(c)).not.toEqual(da);
  });

  it('computes the acceptance fee by the bands of 诉讼费用交纳办法 Art. 13', () => {
    expect(acceptanceFee(8_000, false)).toBe(50);
    // 50 + 90,000 × 2.5% = 2,300; halved under the simplified procedure = 1,150.
    expect(acceptanceFee(100_000, false)).toBe(2300);
    expect(acceptanceFee(100_000, true)).toBe(1150);
    // 2,300 + 100,000 × 2% = 4,300.
    expect(acceptanceFee(200_000, false)).toBe(4300);
  });
});

describe('synthetic case lives of the benchmark court', () => {
  it('closes old cases (终本 into the archive) and leaves new ones early in the pipeline', async () => {
    const { caseLife } = await import('../../src-main/demo/lifecycle');
    const rng = new Rng(3);
    const base = { caseId: 1, caseNumber: '（2024）内0523执1号', type: '执' as const, claimFen: 1_000_000, debtorCount: 1, tribunalId: 'kailu', interviewed: true, today: '2026-11-22' };
    const old = Array.from({ length: 50 }, () => caseLife(rng, { ...base, filedOn: '2024-03-01' }));
    expect(old.every((l) => l.stage === 'closed' || l.stage === 'archived')).toBe(true);
    expect(old.every((l) => l.closedOn !== null && l.events.some((e) => e.type === 'case.closed'))).toBe(true);
    expect(old.some((l) => l.stage === 'archived' && l.closureMode === '终结本次执行程序')).toBe(true);
    const fresh = caseLife(rng, { ...base, filedOn: '2026-11-22' });
    expect(fresh.stage).toBe('filed');
    expect(fresh.events.map((e) => e.type)).toEqual(['case.filed', 'case.interviewed']);
    for (const l of old) expect(l.events.map((e) => e.onDate)).toEqual([...l.events.map((e) => e.onDate)].sort());
  });

  it('numbers a December civil case higher than a January one (serials follow the year)', () => {
    const numbers = new TitleNumbers(new Rng(1));
    expect(numbers.next('民初', '2025-12-20', 5200)).toBeGreaterThan(4000);
    expect(numbers.next('民初', '2025-01-05', 5200)).toBeLessThan(300);
  });
});
