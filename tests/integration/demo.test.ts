import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/testApp';
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
  });

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
    expect((result.summary.filing as { cases: number }).cases).toBe(cases.length);
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
