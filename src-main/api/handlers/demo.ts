import { defineHandlers } from '../registry';
import { ApiError } from '../../../src-shared/api/errors';
import { assertEmptyForDemo, DEFAULT_DEMO_OPTIONS, runDemo } from '../../demo/run';

// The first-run screen's "load demo data": the same pipeline as `npm run demo`, as a job with progress.
export const handlers = defineHandlers({
  'system.loadDemo': (input, ctx) => {
    const { app } = ctx;
    if (input.fromYear > input.toYear) throw new ApiError('invalid_input', '起始年份不能晚于结束年份', 'fromYear');
    const thisYear = Number(app.clock.today().slice(0, 4));
    if (input.toYear > thisYear) throw new ApiError('invalid_input', `结束年份不能晚于今年（${thisYear}）`, 'toYear');
    // Checked here as well as in the job, so the screen gets the refusal at once instead of a failed job.
    assertEmptyForDemo(app);
    if (app.jobs.list(50).some((j) => j.kind === 'demo' && j.status === 'running')) throw new ApiError('conflict', '演示数据正在载入中');
    const user = ctx.user ? { id: ctx.user.id, displayName: ctx.user.displayName } : null;
    return app.jobs.start({ kind: 'demo', label: '载入演示数据', user, cases: 'court' }, async (job) => {
      // A step label alone keeps the last count, so the bar does not jump back between steps.
      let last = 0;
      const result = await runDemo(
        app,
        { ...DEFAULT_DEMO_OPTIONS, seed: input.seed, fromYear: input.fromYear, toYear: input.toYear, casesPerYear: input.casesPerYear },
        {
          progress: (message, done, total) => job.progress((last = done ?? last), total, message),
          checkCancelled: () => job.checkCancelled(),
        },
      );
      return result;
    });
  },
});
