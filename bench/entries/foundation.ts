// The foundation figures, measured in-process on the real service and registry code:
//   filing <dataDir> <count>   files <count> generated cases through the filing service (cases/s)
//   list <dataDir> <password>  cases.list pages on the benchmark court (latency samples in ms)
// Prints one JSON object with the raw numbers; bench/foundation.bench.mjs turns them into figures.
import { App } from '../../src-main/app/app';
import { caseDraft } from '../../src-shared/api/methods/cases';
import { fileCase } from '../../src-main/services/cases/filing';
import { demoCaseDraft, TYPE_MIX } from '../../src-main/demo/caseDrafts';
import { datesForCount } from '../../src-main/demo/calendar';
import { Rng } from '../../src-main/demo/random';
import { TitleNumbers } from '../../src-main/demo/titles';
import { officeTime } from '../../src-main/demo/steps';
import type { CallContext } from '../../src-main/api/context';
import type { MethodInput } from '../../src-shared/api';

const [mode, dataDir, arg] = process.argv.slice(2) as [string, string, string];

function drafts(count: number, year: number, today: string) {
  const rng = new Rng(2026).fork('bench-filing');
  const numbers = new TitleNumbers(rng.fork('titles'));
  return datesForCount(rng, year, count, today).map((d) => demoCaseDraft(rng, numbers, rng.weighted(TYPE_MIX), d));
}

async function filing(): Promise<unknown> {
  const count = Number(arg);
  const app = new App({ dataDir, mode: 'web', adminPassword: 'bench-pass-1', court: { name: '开鲁县人民法院', code: '内0523' }, quiet: true });
  const today = app.clock.today();
  const actor = { id: null, name: '窗口', workstation: 'bench' };
  const year = Number(today.slice(0, 4)) - 1;
  const list = drafts(count, year, today);
  // As clerks file: schema parse, checks, numbering and events, one durable transaction per case.
  // CPU time beside wall time: on a busy shared machine the wall figure mostly measures the queue.
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let t0 = performance.now();
  let c0 = cpu();
  for (const d of list.slice(0, count / 2)) fileCase(app.db, actor, officeTime(d.filedOn, 0), today, caseDraft.parse(d));
  const singleMs = performance.now() - t0;
  const singleCpu = cpu() - c0;
  // As the demo files: the same service, one transaction for the whole batch.
  t0 = performance.now();
  c0 = cpu();
  app.db.tx(() => {
    for (const d of list.slice(count / 2)) fileCase(app.db, actor, officeTime(d.filedOn, 0), today, caseDraft.parse(d));
  });
  const batchMs = performance.now() - t0;
  const batchCpu = cpu() - c0;
  const filed = app.db.raw<{ n: number }>('SELECT count(*) AS n FROM cases')[0]!.n;
  await app.close();
  return { filed, single: { cases: count / 2, ms: singleMs, cpuMs: singleCpu }, batch: { cases: count / 2, ms: batchMs, cpuMs: batchCpu } };
}

type ListInput = MethodInput<'cases.list'>;

async function list(): Promise<unknown> {
  const app = new App({ dataDir, mode: 'web', quiet: true });
  const login = await app.registry.call('auth.login', { username: 'admin', password: arg }, app.internalContext());
  if (!login.ok) throw new Error(login.error.message);
  const token = (login.data as { token: string }).token;
  const ctx: CallContext = { app, user: app.sessions.resolve(app.db, token, app.clock.now()), token, workstation: 'bench', transport: 'internal' };
  const total = app.db.raw<{ n: number }>('SELECT count(*) AS n FROM cases')[0]!.n;
  // Search terms a clerk types: names (2–3 characters), an ID number, a case number or its tail.
  const rng = new Rng(7);
  const sample = (sql: string) => app.db.raw<{ v: string }>(sql).map((r) => r.v);
  const names = sample("SELECT name AS v FROM parties WHERE kind = 'person' AND id % 997 = 0 LIMIT 40");
  const ids = sample("SELECT id_number AS v FROM parties WHERE kind = 'person' AND id % 991 = 0 LIMIT 40");
  const numbers = sample('SELECT number AS v FROM cases WHERE id % 983 = 0 LIMIT 40');
  const classes: Record<string, () => ListInput> = {
    first_page: () => ({ filter: {}, sort: [{ field: 'id', dir: 'desc' }], offset: 0, limit: 100 }),
    filter_stage: () => ({ filter: { stage: [rng.pick(['team', 'assignment', 'fastTrack', 'archived'] as const)] }, offset: 0, limit: 100 }),
    filter_type_team: () => ({ filter: { type: rng.pick(['执', '执恢', '执保'] as const), teamId: rng.pick(['kailu', 'dongfeng', 'dayushu', 'maixin']) }, offset: 0, limit: 100 }),
    sort_claim: () => ({ filter: { stage: ['team'] }, sort: [{ field: 'claimFen', dir: 'desc' }], offset: 0, limit: 100 }),
    text_name: () => ({ filter: { text: rng.pick(names) }, offset: 0, limit: 100 }),
    text_surname: () => ({ filter: { text: rng.pick(names).slice(0, 1) }, offset: 0, limit: 100 }),
    text_id: () => ({ filter: { text: rng.pick(ids) }, offset: 0, limit: 100 }),
    text_number: () => ({ filter: { text: rng.pick(numbers) }, offset: 0, limit: 100 }),
    text_serial: () => ({ filter: { text: `执${rng.int(1, 9999)}号` }, offset: 0, limit: 100 }),
  };
  const out: Record<string, number[]> = {};
  for (const [name, make] of Object.entries(classes)) {
    for (let i = 0; i < 3; i++) await app.registry.call('cases.list', make(), ctx); // warm the page cache
    const samples: number[] = [];
    for (let i = 0; i < 40; i++) {
      const input = make();
      const t0 = performance.now();
      const r = await app.registry.call('cases.list', input, ctx);
      samples.push(performance.now() - t0);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    }
    out[name] = samples;
  }
  await app.close();
  return { total, samples: out };
}

const result = mode === 'filing' ? await filing() : mode === 'list' ? await list() : null;
if (result === null) throw new Error(`unknown mode ${mode}`);
console.log(JSON.stringify(result));
