// `node <bundle> <dataDir> [cases]`: the deadline-board benchmark. Builds a court with `cases` cases
// and 10 events each (200,000 / 2,000,000 by default) written straight into the tables, folds them
// into the derived deadlines table, then times the board the way the handler serves it (sync check +
// one indexed query). Prints one JSON line per figure.
import { performance } from 'node:perf_hooks';
import { App } from '../../src-main/app/app';
import { syncDeadlines } from '../../src-main/services/deadlines/sync';
import { deadlineContext } from '../../src-main/services/deadlines/recompute';
import { boardCases, boardWindow, deadlineBoard } from '../../src-main/services/deadlines/board';
import { addCalendarDays } from '../../src-shared/domain/chineseDate';

const [dataDir, countArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: deadlines <dataDir> [cases]');
const CASES = Number(countArg ?? 200_000);
const emit = (metric: string, value: number, unit: string, budget?: number) =>
  console.log(JSON.stringify({ bench: 'deadlines', metric, value: Math.round(value * 10) / 10, unit, ...(budget !== undefined ? { budget } : {}), cases: CASES }));

const app = new App({ dataDir, mode: 'web', adminPassword: 'bench-pass-1', testClock: true, quiet: true });
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

t0 = performance.now();
const full = syncDeadlines(db);
emit('full recompute (rules or calendar changed)', performance.now() - t0, 'ms');
emit('deadline rows', db.raw<{ n: number }>('SELECT count(*) AS n FROM deadlines')[0]!.n, 'rows');
emit('open deadline rows', db.raw<{ n: number }>(`SELECT count(*) AS n FROM deadlines WHERE status = 'open'`)[0]!.n, 'rows');
if (full.recomputed !== CASES) throw new Error(`recomputed ${full.recomputed} of ${CASES}`);

// The board as deadlines.board serves it: sync check, window, grouped counts.
const board = () => {
  const ctx = deadlineContext(db);
  syncDeadlines(db, { ctx });
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
db.tx(() => {
  for (let i = 1; i <= 100; i++) insEvent.run(i * 7, 'document.generated', '2026-06-15T02:00:00.000Z', '2026-06-15', JSON.stringify({ kind: '报告财产令' }));
});
s = performance.now();
board();
emit('board after 100 new events (incremental sync)', performance.now() - s, 'ms', 200);
await app.close();
