import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../helpers/testApp';
import { close, event, file } from '../helpers/metricsData';
import { keepProjectionsCurrent } from '../../src-main/events/reproject';
import { stateOf } from '../../src-main/events/projectionState';
import { createArchiveEntry } from '../../src-main/services/archive/entries';
import { reviewCase } from '../../src-main/services/archive/review';
import { SYSTEM_ACTOR } from '../../src-main/events/log';
import { exportsRoot } from '../../src-main/services/reports/exportMonthly';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let t: TestApp;
afterEach(async () => t?.close());

const openClocks = (caseId: number) => t.app.db.raw<{ rule_id: string; status: string; due_on: string | null }>(`SELECT rule_id, status, due_on FROM deadlines WHERE case_id = ? AND status IN ('open', 'paused') ORDER BY rule_id`, caseId);
const feedback = (found: boolean) => ({ batchId: 1, batchNumber: 'CK-1', importId: 1, findings: found ? 1 : 0, rows: 1, nothingFound: !found, complete: true });

describe('clocks of closed, suspended and resumed cases', () => {
  it('a closed case has no running clock but the 终本 re-query; its resumption (执恢) runs its own', async () => {
    t = openTestApp();
    t.app.clock.set('2026-12-02T02:00:00Z');
    const db = t.app.db;
    const [closed, preserved, resumed] = db.tx(() => {
      const a = file(db, { filedOn: '2026-01-05' });
      close(db, a, '2026-04-20', '终结本次执行程序');
      // A query's feedback with findings arriving after the closure owes no 24-hour control.
      event(db, a, 'inquiry.feedback', '2026-05-01', feedback(true));
      const b = file(db, { filedOn: '2022-03-01', type: '执保' });
      close(db, b, '2022-03-20', '保全完毕');
      event(db, b, 'inquiry.feedback', '2022-06-01', feedback(true));
      const c = file(db, { filedOn: '2026-11-30', type: '执恢' });
      return [a, b, c];
    });
    expect(openClocks(closed).map((r) => r.rule_id)).toEqual(['requery']);
    expect(openClocks(preserved)).toEqual([]);
    expect(openClocks(resumed).map((r) => [r.rule_id, r.due_on])).toEqual([
      ['closure', '2027-05-31'],
      ['notices', '2026-12-03'],
      ['officer', '2026-12-07'],
    ]);
  });

  it('中止 pauses the clocks until resumption', async () => {
    t = openTestApp();
    t.app.clock.set('2026-03-04T02:00:00Z');
    const id = t.app.db.tx(() => file(t.app.db, { filedOn: '2026-03-02' }));
    await t.call('cases.suspend', { caseIds: [id], kind: '中止', onDate: '2026-03-03', reason: '被执行人死亡，等待继承人' });
    expect(openClocks(id).every((r) => r.status === 'paused')).toBe(true);
    t.app.clock.set('2026-03-13T02:00:00Z');
    await t.call('cases.unsuspend', { caseIds: [id], kind: '中止', onDate: '2026-03-13', reason: '已确定继承人' });
    // 7 days from 03-02 plus the 10 days suspended (03-03 … 03-12): 03-19 (法发〔2006〕35号 第2条).
    expect(openClocks(id).find((r) => r.rule_id === 'officer')).toMatchObject({ status: 'open', due_on: '2026-03-19' });
  });

  it('an existing court is re-projected by the new version: the stale clocks of closed cases go', async () => {
    t = openTestApp();
    t.app.clock.set('2026-12-02T02:00:00Z');
    const db = t.app.db;
    const id = db.tx(() => {
      const a = file(db, { filedOn: '2022-01-05', type: '执保' });
      close(db, a, '2022-02-01', '保全完毕');
      return a;
    });
    // What version 1 left behind: a control clock of the closed case, overdue since 2022.
    db.tx(() => {
      db.rawRun(`INSERT INTO deadlines (case_id, rule_id, seq, start_event_id, start_on, due_on, due_at, status, done_event_id, done_on, excluded_days, stage, team_id, judge_id) VALUES (?, 'control', 1, 1, '2022-03-01', '2022-03-02', NULL, 'open', NULL, NULL, 0, 'closed', '', 0)`, id);
      db.rawRun(`INSERT INTO deadline_tally (due_on, stage, team_id, judge_id, rule_id, n) VALUES ('2022-03-02', 'closed', '', 0, 'control', 1)`);
      db.rawRun(`UPDATE projection_state SET version = 1 WHERE name = 'deadlineClocks'`);
    });
    expect((await t.call('deadlines.board', {})).totals.overdue).toBe(1);
    keepProjectionsCurrent(t.app);
    expect(stateOf(db, 'deadlineClocks')).toMatchObject({ version: 3, status: 'current' });
    expect(openClocks(id)).toEqual([]);
    expect((await t.call('deadlines.board', {})).totals.overdue).toBe(0);
  });
});

describe('one count of 节点超期', () => {
  it('the deadline board and the dashboard give the same number on the same data', async () => {
    t = openTestApp();
    t.app.clock.set('2026-12-02T02:00:00Z');
    const db = t.app.db;
    db.tx(() => {
      for (let i = 0; i < 4; i++) file(db, { filedOn: `2026-0${i + 1}-05` });
      const a = file(db, { filedOn: '2026-02-05' });
      close(db, a, '2026-03-01', '执行完毕');
      file(db, { filedOn: '2026-11-30' });
    });
    // Counted from the clocks themselves, not from the tally both readers use.
    const today = '2026-12-02';
    const expected = db.raw<{ n: number }>(`SELECT count(*) AS n FROM deadlines WHERE status = 'open' AND (due_on < ? OR (due_at IS NOT NULL AND due_at < ?))`, today, '2026-12-02T02:00:00.000Z')[0]!.n;
    // Each of the four old open cases owes its notices, its officer and (filed Jan–Apr, due by Oct) its closure.
    expect(expected).toBe(12);
    const board = await t.call('deadlines.board', {});
    const dash = await t.call('metrics.dashboard', { period: { kind: 'month', year: 2026, month: 11 } });
    expect(board.totals.overdue).toBe(expected);
    expect(dash.deadlines).toMatchObject({ available: true, overdue: expected, dueSoon: board.totals.today + board.totals.soon });
    // The same count whatever the dashboard's period.
    const year = await t.call('metrics.dashboard', { period: { kind: 'year', year: 2026 } });
    expect(year.deadlines.overdue).toBe(expected);
  });
});

describe('one 终本合格率', () => {
  it('the dashboard, the 终本 archive and the report upward agree: passed ÷ reviewed, 首执 only', async () => {
    t = openTestApp();
    t.app.clock.set('2026-12-02T02:00:00Z');
    const db = t.app.db;
    const at = new Date('2026-12-02T02:00:00Z');
    db.tx(() => {
      // Six 执 cases terminated in November 2026: 3 pass, 1 fails, 2 await review; one 执恢 that passed.
      const review = [true, true, true, false, null, null];
      review.forEach((pass, i) => {
        const id = file(db, { filedOn: '2026-03-10' });
        close(db, id, `2026-11-${String(10 + i).padStart(2, '0')}`, '终结本次执行程序');
        createArchiveEntry(db, at, id, `2026-11-${String(10 + i).padStart(2, '0')}`);
        if (pass !== null) reviewCase(db, SYSTEM_ACTOR, at, '2026-12-02', { caseId: id, pass, reasons: pass ? [] : ['未约谈申请执行人'] });
      });
      const r = file(db, { filedOn: '2026-03-10', type: '执恢' });
      close(db, r, '2026-11-20', '终结本次执行程序');
      createArchiveEntry(db, at, r, '2026-11-20');
      reviewCase(db, SYSTEM_ACTOR, at, '2026-12-02', { caseId: r, pass: true, reasons: [] });
    });
    // 3 ÷ 4 = 75.00% (metrics.md §6); the 2 awaiting review and the 执恢 case are outside it.
    const archive = await t.call('archive.reviewStats', { from: '2026-11-01', to: '2026-11-30' });
    expect(archive).toEqual({ terminated: 6, reviewed: 4, passed: 3, awaiting: 2, ratePct: 75 });
    const dash = await t.call('metrics.dashboard', { period: { kind: 'month', year: 2026, month: 11 } });
    const card = dash.cards.find((c) => c.metricId === 'zhongbenQualityRate')!;
    expect(card).toMatchObject({ value: 75, numerator: 3, denominator: 4 });
    const job = await t.call('reports.exportMonthly', { periodCode: '202611' });
    await t.app.jobs.idle();
    const done = await t.call('jobs.get', { id: job.id });
    const { folder } = done.result as { folder: string };
    const settings = await t.call('settings.get', {});
    const doc = JSON.parse(readFileSync(join(exportsRoot(t.dir), folder, `${settings.courtCode}_202611_metrics.json`), 'utf8'));
    const upward = doc.figures.find((f: { metricId: string }) => f.metricId === 'zhongbenQualityRate');
    expect(upward).toMatchObject({ value: 75, numerator: 3, denominator: 4, version: 2 });
  });
});
