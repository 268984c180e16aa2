import { addCalendarDays } from '../../src-shared/domain/chineseDate';
import { demoStaff, emptyCounts, callAs, at, type Pipeline } from './pipeline/state';
import type { DemoStep } from './steps';
import { Workdays } from './workdays';

/** How many 终本 cases the applicants bring back today with newly found property. */
export const RESUMPTIONS = 4;

/**
 * Step 5: a few 终本 cases resumed (恢复执行) on the last working day, through cases.resume at the
 * filing window: each new 执恢 case carries the original's unpaid balance and waits in the notice
 * queue. Done on the last day so the new serials follow the calendar like every other filing.
 */
export const resumptionStep: DemoStep = {
  id: 'resumptions',
  label: '恢复执行',
  requires: ['cases.resume'],
  async run(ctx) {
    const day = new Workdays(ctx.options.fromYear, ctx.today).last;
    // Cases whose last 终本 re-query found property come first: the applicant, told by the 查询结果告知书, applies.
    const candidates = ctx.db.raw<{ id: number; found: number }>(
      `SELECT c.id, coalesce(a.last_result = 'found', 0) AS found FROM cases c LEFT JOIN archive_entries a ON a.case_id = c.id WHERE c.stage = 'archived' AND c.closed_on <= ? ORDER BY c.id`,
      addCalendarDays(day, -180),
    );
    const p: Pipeline = { ctx, plans: new Map(), staff: demoStaff(ctx), counts: emptyCounts(), realNow: ctx.app.clock.now() };
    const shuffled = ctx.rng.shuffle(candidates);
    const chosen = [...shuffled.filter((c) => c.found), ...shuffled.filter((c) => !c.found)].slice(0, RESUMPTIONS).map((c) => c.id).sort((a, b) => a - b);
    for (const caseId of chosen) {
      at(p, day, 200);
      await callAs(p, ctx.rng.pick(p.staff.window), 'cases.resume', { caseId, ground: '终本后发现被执行人有可供执行的财产', appliedOn: day, note: '申请执行人提供被执行人新购车辆线索' });
      p.counts.resumed++;
    }
    ctx.summary.resumptions = { cases: chosen.length };
  },
};
