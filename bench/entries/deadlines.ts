// `node <bundle> <dataDir> [cases]`: the deadline-board benchmark. Builds a court with `cases` cases
// and 10 events each (200,000 / 2,000,000 by default) written straight into the tables, derives the
// clocks by a full re-projection of the deadline projection (what a change of rules or calendar
// costs), then times the board the way the handler serves it (one indexed query over the tally) and
// 100 new events appended through appendEvent, each recomputing its case's clocks.
// Prints one JSON line per figure (bench/lib/report.mjs format).
import { performance } from 'node:perf_hooks';
import { App } from '../../src-main/app/app';
import { currentDeadlineContext } from '../../src-main/services/deadlines/recompute';
import { deadlineClocks } from '../../src-main/services/deadlines/projection';
import { markForRebuild } from '../../src-main/events/projectionState';
import { reprojectStep } from '../../src-main/events/reproject';
import { appendEvent, SYSTEM_ACTOR } from '../../src-main/events/log';
import { boardCases, boardWindow, deadlineBoard } from '../../src-main/services/deadlines/board';
import { addCalendarDays } from '../../src-shared/domain/chineseDate';

const [dataDir, countArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: deadlines <dataDir> [cases]');
const CASES = Number(countArg ?? 200_000);
const emit = (metric: string, value: number, unit: string, max?: number) => {
  const v = Math.round(value * 10) / 10;
  console.log(JSON.stringify({ bench: 'deadlines', metric, value: v, unit, budget: max !== undefined ? { max } : null, ok: max === undefined || v <= max, cases: CASES }));
};

const app = new App({ dataDir, mode: 'web', adminPassword: 'bench-pass-1', court: { name: '开鲁县人民法院', code: '内0523' }, testClock: true, quiet: true });
const db = app.db;
app.clock.set('2026-06-15T02:00:00Z');
const teams = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8'];
db.rawRun(`INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('teams', ?, '2026-01-01T00:00:00Z', 'bench')`, JSON.stringify(teams.map((id, i) => ({ id, name: `第${i + 1}法庭`, kind: 'tribunal', areas: [] }))));
const judgeIds: number[] = [];
for (let j = 0; j < 10; j++) {
  judgeIds.push(db.rawRun(`INSERT INTO users (username, display_name, password_hash, roles, team_id, active, created_at) VALUES (?, ?, '!unset', '["team"]', ?, 1, '2026-01-01T00:00:00Z')`, `judge${j}`, `法官${j}`, teams[j % 8]).lastInsertRowid);
}

let t0 = performance.now();
let rng = 42;
const rand = () => ((rng = (rng * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const insCase = db.sqlite.prepare(
  `INSERT INTO cases (id, number, year, court_code, type, serial, stage, filed_on, title_court, title_number, title_effective_on, title_cause,
     non_litigation, principal_fen, interest_fen, costs_fen, claim_fen, preserved, applicant_names, debtor_names, search_text, team_id, judge_id, migrated, demo, created_at, created_by)
   VALUES (?, ?, 2026, '内0523', '执', ?, ?, ?, '开鲁县人民法院', ?, '2025-12-01', '借款合同纠纷', ?, 100000, 0, 0, 100000, 0, '申请人', '被执行人', '', ?, ?, 0, 1, '2026-01-01T00:00:00Z', 'bench')`,
);
const insEvent = db.sqlite.prepare(`INSERT INTO case_events (case_id, type, at, on_date, actor_id, actor_name, workstation, payload, prev_hash, hash) VALUES (?, ?, ?, ?, NULL, 'bench', 'bench', ?, '', '')`);
let events = 0;
const STAGES = ['filed', 'query', 'control', 'triage', 'assignment', 'team', 'team', 'team', 'closed', 'fastTrack'];
db.tx(() => {
  for (let id = 1; id <= CASES; id++) {
    const filed = addCalendarDays('2025-07-01', Math.floor(rand() * 340));
    const progress = Math.floor(rand() * STAGES.length);
    const stage = STAGES[progress]!;
    const assigned = stage === 'team' || stage === 'closed' || stage === 'fastTrack';
    const judge = assigned ? judgeIds[id % judgeIds.length]! : null;
    insCase.run(id, `（2026）内0523执${id}号`, id, stage, filed, `（2025）内0523民初${id}号`, id % 7 === 0 ? 1 : 0, judge ? teams[judgeIds.indexOf(judge) % 8] : null, judge);
    const at = (d: string, h = 2) => `${d}T${String(h).padStart(2, '0')}:00:00.000Z`;
    const e = (type: string, day: number, payload: object) => {
      const d = addCalendarDays(filed, day);
      insEvent.run(id, type, at(d), d, JSON.stringify(payload));
      events++;
    };
    // Ten events per case along the pipeline; how far a case got varies, the rest are interviews and notes.
    const steps: [string, number, object][] = [
      ['case.filed', 0, { number: `（2026）内0523执${id}号` }],
      ['case.interviewed', 0, { requests: [] }],
      ['document.generated', 2 + Math.floor(rand() * 4), { kind: '执行通知书', documentId: id }],
      ['case.stageChanged', 4, { from: 'filed', to: 'query' }],
      ['inquiry.requested', 5, { batchId: 1 }],
      ['inquiry.feedback', 12, { batchId: 1, nothingFound: rand() < 0.4 }],
      ['measure.applied', 13, { measureId: id, action: 'freeze', assetId: id, amountFen: 50000, expiresOn: addCalendarDays(filed, 378) }],
      ['case.stageChanged', 14, { from: 'control', to: 'triage' }],
      ['case.assigned', 16 + Math.floor(rand() * 3), { teamId: 't1', judgeId: judge, runId: 1, rule: 'jurisdiction' }],
      ['ledger.receipt', 40, { entryId: id, amountFen: 50000, source: 'online' }],
    ];
    const upto = Math.max(2, Math.min(10, progress + 3));
    for (let k = 0; k < 10; k++) {
      if (k < upto) e(...steps[k]!);
      else e('document.served', 3, { documentId: id, kind: '执行通知书', method: '邮寄' });
    }
  }
});
emit('seed', performance.now() - t0, 'ms');
emit('events', events, 'rows');

// A full re-projection, chunk by chunk as the start-up job runs it (no budget: it is a job with progress).
t0 = performance.now();
db.tx(() => markForRebuild(db, deadlineClocks, app.clock.nowIso()));
let chunks = 0;
for (let r = reprojectStep(db, deadlineClocks, () => app.clock.now()); ; r = reprojectStep(db, deadlineClocks, () => app.clock.now())) {
  chunks++;
  if (r.finished) {
    if (r.total !== CASES) throw new Error(`re-projected ${r.total} of ${CASES}`);
    break;
  }
}
const fullMs = performance.now() - t0;
emit('full re-projection (rules or calendar changed)', fullMs, 'ms');
emit('full re-projection per chunk (one transaction)', fullMs / chunks, 'ms');
emit('deadline rows', db.raw<{ n: number }>('SELECT count(*) AS n FROM deadlines')[0]!.n, 'rows');
emit('open deadline rows', db.raw<{ n: number }>(`SELECT count(*) AS n FROM deadlines WHERE status = 'open'`)[0]!.n, 'rows');

// The board as deadlines.board serves it: window, grouped counts (the clocks are current already).
const board = () => {
  const ctx = currentDeadlineContext(db);
  return deadlineBoard(db, boardWindow(db, app.clock.now(), app.clock.today(), ctx.cal, ctx.soonWorkingDays), { all: true });
};
board();
const times: number[] = [];
let last = board();
for (let i = 0; i < 15; i++) {
  const s = performance.now();
  last = board();
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
emit('board (median of 15)', times[7]!, 'ms', 200);
emit('board (max of 15)', times.at(-1)!, 'ms', 200);
emit('board overdue', last.totals.overdue, 'deadlines');

// A drill-down page and an incremental update (100 new events on 100 cases) followed by the board.
let s = performance.now();
boardCases(db, boardWindow(db, app.clock.now(), app.clock.today()), { bucket: 'overdue', teamId: 't3' }, 0, 100);
emit('drill-down page of 100', performance.now() - s, 'ms', 200);
s = performance.now();
db.tx(() => {
  for (let i = 1; i <= 100; i++) {
    appendEvent(db, SYSTEM_ACTOR, app.clock.now(), { caseId: i * 7, type: 'document.generated', onDate: '2026-06-15', payload: { documentId: 9_000_000 + i, kind: '报告财产令', number: `（2026）内0523执${i * 7}号之报告财产令`, batchId: null } });
  }
});
emit('100 new events through appendEvent (each recomputes its case)', performance.now() - s, 'ms', 200);
s = performance.now();
board();
emit('board after 100 new events', performance.now() - s, 'ms', 200);
await app.close();
