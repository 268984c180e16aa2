import { caseDraft } from '../../src-shared/api/methods/cases';
import type { FilingType } from '../../src-shared/domain/stages';
import { fileCase } from '../services/cases/filing';
import { filingDates } from './calendar';
import { demoCaseDraft, TYPE_MIX } from './caseDrafts';
import { officeTime, usersWithRole, type DemoStep } from './steps';
import { TitleNumbers } from './titles';

/**
 * Step 3: the filing window. Every case goes through the real filing service (the same validation,
 * numbering and events as a clerk's filing), one transaction per year: a year is filed completely
 * or not at all, and the whole run stays fast.
 */
export const filingStep: DemoStep = {
  id: 'filing',
  label: '立案',
  async run(ctx) {
    const { db, options } = ctx;
    const clerks = usersWithRole(ctx, 'window');
    // One numbering of the titles across all years, so no two demo titles share a number.
    const numbers = new TitleNumbers(ctx.rng.fork('titles'));
    const byYear: Record<string, Record<FilingType, number>> = {};
    let claimFen = 0;
    let done = 0;
    const plan = [];
    for (let year = options.fromYear; year <= options.toYear; year++) {
      plan.push({ year, dates: filingDates(ctx.rng.fork(`dates:${year}`), year, options.casesPerYear, ctx.today) });
    }
    const total = plan.reduce((n, p) => n + p.dates.length, 0);
    for (const { year, dates } of plan) {
      ctx.checkCancelled();
      const rng = ctx.rng.fork(`cases:${year}`);
      const counts: Record<FilingType, number> = { 执: 0, 执恢: 0, 执保: 0 };
      db.tx(() => {
        let day = '';
        let k = 0;
        for (const filedOn of dates) {
          k = filedOn === day ? k + 1 : 0;
          day = filedOn;
          const type = rng.weighted(TYPE_MIX);
          const draft = caseDraft.parse(demoCaseDraft(rng, numbers, type, filedOn));
          const clerk = rng.pick(clerks);
          fileCase(db, clerk, officeTime(filedOn, k * 22 + rng.int(0, 15)), ctx.today, draft, { demo: true });
          counts[type]++;
          claimFen += draft.claim.principalFen + draft.claim.interestFen + draft.claim.costsFen;
          if (++done % 250 === 0) ctx.progress(`立案 ${year} 年`, done, total);
        }
      });
      byYear[year] = counts;
      ctx.progress(`立案 ${year} 年完成`, done, total);
      await ctx.breathe();
    }
    ctx.summary.filing = { cases: done, claimFen, byYear };
  },
};
