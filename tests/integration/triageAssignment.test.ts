import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { makeId, sampleDraft } from '../helpers/drafts';
import { fileCase } from '../../src-main/services/cases/filing';
import { setStage } from '../../src-main/services/cases/stage';
import { SYSTEM_ACTOR } from '../../src-main/events/log';
import { caseDraft } from '../../src-shared/api/methods/cases';
import type { CaseStage } from '../../src-shared/domain/stages';

let t: TestApp;
afterEach(async () => t?.close());

const TEAMS = [
  { id: 'dys', name: '大榆树法庭', kind: 'tribunal' as const, areas: ['大榆树'] },
  { id: 'dfz', name: '东风法庭', kind: 'tribunal' as const, areas: ['东风镇'] },
  { id: 'kl', name: '开鲁法庭', kind: 'tribunal' as const, areas: ['开鲁镇'] },
  { id: 'kz', name: '快执团队', kind: 'fastTrack' as const, areas: [] },
];

/** Files n cases straight through the filing service (one transaction) and moves them to a stage. */
function fileMany(n: number, stage: CaseStage, address: (i: number) => string, filedOn = '2026-03-02'): number[] {
  const db = t.app.db;
  const at = t.app.clock.now();
  return db.tx(() =>
    Array.from({ length: n }, (_, i) => {
      const draft = caseDraft.parse(
        sampleDraft({
          filedOn,
          title: { court: '开鲁县人民法院', number: `（2026）内0523民初${1000 + i}号`, effectiveOn: '2026-01-05', cause: '借款合同纠纷' },
          debtors: [{ kind: 'person', name: `被执行人${i}`, idNumber: makeId('19800101', (i % 999) + 1), address: address(i) }],
        }),
      );
      const id = fileCase(db, SYSTEM_ACTOR, at, filedOn, draft);
      if (stage !== 'filed') setStage(db, SYSTEM_ACTOR, at, id, stage, 'test setup');
      return id;
    }),
  );
}

async function setup(judgesPerTeam: Record<string, number>, cap = 400) {
  await t.call('settings.set', { teams: TEAMS, assignment: { cap, capBasis: 'open' } });
  let n = 0;
  for (const [team, count] of Object.entries(judgesPerTeam)) {
    for (let i = 0; i < count; i++) t.user(`judge${++n}`, [team === 'kz' ? 'fastTrack' : 'team'], team);
  }
}

describe('distribution run (均衡分案)', () => {
  it('assigns 1,000 waiting cases within the cap, evenly, and its statistics add up', async () => {
    t = openTestApp();
    t.app.clock.set('2026-03-10T02:00:00Z');
    await setup({ dys: 3, dfz: 3, kl: 4 });
    // 300 cases in 大榆树's area, the rest outside every area (fall back to the lightest team).
    const ids = fileMany(1000, 'assignment', (i) => (i < 300 ? '开鲁县大榆树镇某村' : '通辽市科尔沁区某街'));
    const preview = await t.call('assignment.distribute', { dryRun: true });
    expect(preview.runId).toBeNull();
    expect((await t.call('cases.list', { filter: { stage: ['assignment'] } })).total).toBe(1000);

    const run = await t.call('assignment.distribute', {});
    expect(run.runId).not.toBeNull();
    expect(run.decisions.map((d) => d.judgeId)).toEqual(preview.decisions.map((d) => d.judgeId));
    const { stats } = run;
    expect(stats.cases).toBe(1000);
    expect(stats.assigned).toBe(1000);
    expect(stats.byRule.jurisdiction).toBe(300);
    expect(stats.byRule.lightestTeam).toBe(700);
    expect(stats.perTeam.reduce((a, x) => a + x.cases, 0)).toBe(1000);
    expect(stats.perJudge.reduce((a, x) => a + x.cases, 0)).toBe(1000);
    // The database agrees with the statistics.
    const loads = t.app.db.raw<{ judge_id: number; team_id: string; n: number }>(`SELECT judge_id, team_id, count(*) AS n FROM cases WHERE stage = 'team' GROUP BY judge_id, team_id`);
    for (const j of stats.perJudge) expect(loads.find((l) => l.judge_id === j.judgeId)?.n ?? 0).toBe(j.after);
    expect(Math.max(...stats.perJudge.map((j) => j.after))).toBeLessThanOrEqual(400);
    // Spread within one where the jurisdiction allows: 大榆树's 3 judges got 300 of their own and
    // are heavier; every other judge took only fallback cases and is within one of the others.
    const others = stats.perJudge.filter((j) => j.teamId !== 'dys').map((j) => j.after);
    expect(Math.max(...others) - Math.min(...others)).toBeLessThanOrEqual(1);
    const dys = stats.perJudge.filter((j) => j.teamId === 'dys').map((j) => j.after);
    expect(Math.max(...dys) - Math.min(...dys)).toBeLessThanOrEqual(1);
    // Every assigned case has its case.assigned event with the run id, and can be explained.
    const events = t.app.db.raw<{ n: number }>(`SELECT count(*) AS n FROM case_events WHERE type = 'case.assigned' AND json_extract(payload, '$.runId') = ?`, run.runId)[0]!.n;
    expect(events).toBe(1000);
    const why = await t.call('assignment.explain', { caseId: ids[0]! });
    expect(why[0]!.explanation).toContain('大榆树');
    const runs = await t.call('assignment.runs', {});
    expect(runs.rows[0]!.stats.assigned).toBe(1000);
  }, 120_000);

  it('stops at the cap and leaves the rest waiting with the reason', async () => {
    t = openTestApp();
    t.app.clock.set('2026-03-10T02:00:00Z');
    await setup({ dys: 1, dfz: 1 }, 10);
    fileMany(25, 'assignment', () => '通辽市科尔沁区');
    const run = await t.call('assignment.distribute', {});
    expect(run.stats.assigned).toBe(20);
    expect(run.stats.byRule.capReached).toBe(5);
    expect(run.stats.perJudge.map((j) => j.after)).toEqual([10, 10]);
    expect((await t.call('cases.list', { filter: { stage: ['assignment'] } })).total).toBe(5);
  });

  it('reports each team and judge load against the cap, matching the run and the register', async () => {
    t = openTestApp();
    t.app.clock.set('2026-03-10T02:00:00Z');
    await setup({ dys: 2, dfz: 1, kz: 1 }, 50);
    fileMany(7, 'assignment', (i) => (i < 4 ? '开鲁县大榆树镇' : '通辽市科尔沁区'));
    const before = await t.call('assignment.loads', {});
    expect(before.judges.map((j) => j.open)).toEqual([0, 0, 0, 0]);
    const run = await t.call('assignment.distribute', {});
    const loads = await t.call('assignment.loads', {});
    expect(loads.cap).toBe(50);
    for (const j of run.stats.perJudge) expect(loads.judges.find((x) => x.judgeId === j.judgeId)).toMatchObject({ open: j.after, assignedThisYear: j.cases, load: j.after });
    // The fast-track member is listed too, with nothing yet.
    expect(loads.judges.filter((j) => j.teamId === 'kz').map((j) => j.open)).toEqual([0]);
    for (const team of loads.teams) {
      const listed = await t.call('cases.list', { filter: { teamId: team.teamId, stage: ['team', 'fastTrack'] } });
      expect(team.open).toBe(listed.total);
      expect(team.assignedThisYear).toBe(run.stats.perTeam.find((p) => p.teamId === team.teamId)?.cases ?? 0);
    }
    expect(loads.teams.reduce((a, x) => a + x.open, 0)).toBe(7);
  });

  it('reassigns in bulk with a reason, refuses without one, and records it as a run', async () => {
    t = openTestApp();
    t.app.clock.set('2026-03-10T02:00:00Z');
    await setup({ dys: 1, dfz: 1 });
    const ids = fileMany(4, 'assignment', () => '开鲁县大榆树镇');
    await t.call('assignment.distribute', {});
    const judge2 = t.app.db.raw<{ id: number }>(`SELECT id FROM users WHERE username = 'judge2'`)[0]!.id;
    const err = await t.fail('assignment.reassign', { caseIds: ids.slice(0, 2), judgeId: judge2, reason: '' });
    expect(err.field).toBe('reason');
    const r = await t.call('assignment.reassign', { caseIds: ids.slice(0, 2), judgeId: judge2, reason: '承办法官回避' });
    expect(r.moved).toBe(2);
    const c = await t.call('cases.get', { id: ids[0]! });
    expect(c.teamId).toBe('dfz');
    expect(c.events.at(-1)!.type).toBe('case.reassigned');
    const why = await t.call('assignment.explain', { caseId: ids[0]! });
    expect(why.map((w) => w.kind)).toEqual(['distribution', 'reassignment']);
    expect(why[1]!.reason).toBe('承办法官回避');
  });
});

describe('triage (繁简分流) and the fast track', () => {
  it('proposes, confirms in bulk, demands a reason for an override, and sends a fast-track case back', async () => {
    t = openTestApp();
    t.app.clock.set('2026-03-10T02:00:00Z');
    await setup({ dys: 1, kz: 2 });
    const ids = fileMany(3, 'triage', () => '开鲁县大榆树镇');
    const proposals = await t.call('triage.propose', {});
    expect(proposals).toHaveLength(3);
    // Nothing was found or controlled for these cases: complex, with the 终本 path in view.
    expect(proposals.every((p) => p.track === 'complex' && p.rule === 'nothingFound')).toBe(true);
    const err = await t.fail('triage.confirm', { items: [{ caseId: ids[0]! }, { caseId: ids[1]!, track: 'simple' }] });
    expect(err.field).toBe('items.1.reason');
    expect(err.message).toMatch(/理由/);
    expect((await t.call('cases.get', { id: ids[0]! })).stage).toBe('triage'); // all or nothing
    const done = await t.call('triage.confirm', { items: [{ caseId: ids[0]! }, { caseId: ids[1]!, track: 'simple', reason: '被执行人承诺当日全额履行' }, { caseId: ids[2]! }] });
    expect(done.map((d) => [d.stage, d.override])).toEqual([
      ['assignment', false],
      ['fastTrack', true],
      ['assignment', false],
    ]);
    expect(done[1]!.teamId).toBe('kz');
    const decided = (await t.call('cases.get', { id: ids[1]! })).events.find((e) => e.type === 'triage.decided')!;
    expect(decided.payload).toMatchObject({ track: 'simple', override: true, reason: '被执行人承诺当日全额履行' });
    const queue = await t.call('fastTrack.queue', {});
    expect(queue.map((q) => q.caseId)).toEqual([ids[1]]);
    expect(queue[0]!.step).toBe('review'); // no money under control yet
    await t.call('fastTrack.sendBack', { caseIds: [ids[1]!], reason: '被执行人反悔，需处置财产' });
    const back = await t.call('cases.get', { id: ids[1]! });
    expect(back.stage).toBe('triage');
    expect(back.judgeId).toBeNull();
  });
});

describe('deadlines board and clocks', () => {
  it('shows a case overdue after the clock moves forward, per stage, team and officer, and drills down to it', async () => {
    t = openTestApp();
    t.app.clock.set('2025-09-30T02:00:00Z');
    const c = await t.call('cases.file', sampleDraft({ filedOn: '2025-09-30', title: { court: '开鲁县人民法院', number: '（2025）内0523民初88号', effectiveOn: '2025-08-01', cause: '买卖合同纠纷' } }));
    const clocks = await t.call('deadlines.forCase', { caseId: c.id });
    const notice = clocks.find((k) => k.ruleId === 'notices')!;
    expect(notice.dueOn).toBe('2025-10-11');
    expect(notice.status).toBe('open');
    let board = await t.call('deadlines.board', {});
    expect(board.totals.overdue).toBe(0);

    t.app.clock.set('2025-10-11T02:00:00Z');
    board = await t.call('deadlines.board', {});
    expect(board.byRule.find((r) => r.key === 'notices')!.today).toBe(1);

    t.app.clock.set('2025-10-13T02:00:00Z');
    board = await t.call('deadlines.board', {});
    expect(board.byRule.find((r) => r.key === 'notices')!.overdue).toBe(1);
    expect(board.byStage.find((r) => r.key === 'filed')!.overdue).toBeGreaterThanOrEqual(1);
    expect(board.byTeam.find((r) => r.key === '')!.label).toBe('指挥中心（未分案）');
    const drill = await t.call('deadlines.cases', { bucket: 'overdue', ruleId: 'notices', stage: 'filed', teamId: '' });
    expect(drill.rows.map((r) => [r.number, r.daysOverdue])).toEqual([[c.number, 2]]);

    // A 公告 period stops the closure clock; the derived table follows the new events.
    await t.call('cases.suspend', { caseIds: [c.id], kind: '公告', onDate: '2025-10-13', reason: '公告送达' });
    let closure = (await t.call('deadlines.forCase', { caseId: c.id })).find((k) => k.ruleId === 'closure')!;
    expect(closure.status).toBe('paused');
    const again = await t.fail('cases.suspend', { caseIds: [c.id], kind: '公告', onDate: '2025-10-14', reason: '重复' });
    expect(again.code).toBe('conflict');
    await t.call('cases.unsuspend', { caseIds: [c.id], kind: '公告', onDate: '2025-11-12', reason: '公告期满' });
    closure = (await t.call('deadlines.forCase', { caseId: c.id })).find((k) => k.ruleId === 'closure')!;
    expect(closure).toMatchObject({ status: 'open', excludedDays: 30, dueOn: '2026-04-29' }); // 2026-03-30 + 30 excluded days (10-13 … 11-11)
  });

  it('recomputes every clock when the calendar changes, and imports next year', async () => {
    t = openTestApp();
    t.app.clock.set('2026-12-30T02:00:00Z');
    const c = await t.call('cases.file', sampleDraft({ filedOn: '2026-12-30' }));
    expect((await t.call('calendar.addWorkingDays', { date: '2026-12-30', n: 3 })).covered).toBe(false);
    const before = (await t.call('deadlines.forCase', { caseId: c.id })).find((k) => k.ruleId === 'notices')!.dueOn;
    expect(before).toBe('2027-01-04'); // 12-31, 01-01 (元旦 2027 not yet entered), 01-04
    const bad = await t.fail('calendar.set', { years: [2027], days: [{ date: '2027-01-04', kind: 'workday', name: '测试' }] });
    expect(bad.field).toBe('days.0.kind');
    await t.call('calendar.set', { years: [2027], days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }], source: '国办发明电（测试）' });
    const cal = await t.call('calendar.get', { year: 2027 });
    expect(cal.years).toContain(2027);
    expect((await t.call('calendar.addWorkingDays', { date: '2026-12-30', n: 3 })).date).toBe('2027-01-05');
    const after = (await t.call('deadlines.forCase', { caseId: c.id })).find((k) => k.ruleId === 'notices')!.dueOn;
    expect(after).toBe('2027-01-05');
  });
});
