import { defineHandlers } from '../registry';
import { actorOf, type CallContext } from '../context';
import { calendarView, loadCalendar, setCalendarYears } from '../../services/calendar/calendar';
import { addWorkingDays, covers } from '../../../src-shared/domain/workingDays';
import { currentDeadlineContext } from '../../services/deadlines/recompute';
import { deadlineClocks } from '../../services/deadlines/projection';
import { rebuildProgress } from '../../events/projectionState';
import { keepProjectionsCurrent } from '../../events/reproject';
import { boardCases, boardWindow, caseClocks, deadlineBoard } from '../../services/deadlines/board';
import { suspendCases, unsuspendCases } from '../../services/deadlines/suspensions';
import { invalid } from '../../../src-shared/api/errors';
import { scopeFilter } from '../../services/auth/scope';

/** The board's window (now, today, the due-soon horizon). The clocks are current: every event recomputed its case's (services/deadlines/projection.ts). */
function windowOf(ctx: CallContext) {
  const dc = currentDeadlineContext(ctx.app.db);
  return boardWindow(ctx.app.db, ctx.app.clock.now(), ctx.app.clock.today(), dc.cal, dc.soonWorkingDays);
}

export const handlers = defineHandlers({
  'calendar.get': ({ year }, { app }) => calendarView(app.db, year),
  'calendar.set': (input, ctx) => {
    setCalendarYears(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), input);
    // Every clock follows the new calendar: at once in a small court, else as a job (the board says so meanwhile).
    keepProjectionsCurrent(ctx.app);
    return { ok: true as const };
  },
  'calendar.addWorkingDays': ({ date, n }, { app }) => {
    const cal = loadCalendar(app.db);
    try {
      const d = addWorkingDays(date, n, cal);
      return { date: d, covered: covers(cal, date) && covers(cal, d) };
    } catch (e) {
      throw invalid('date', e instanceof Error ? e.message : '日期无效');
    }
  },
  'deadlines.board': (_i, ctx) => ({ ...deadlineBoard(ctx.app.db, windowOf(ctx), ctx.scope), rebuilding: rebuildProgress(ctx.app.db, deadlineClocks) }),
  'deadlines.cases': ({ offset, limit, ...filter }, ctx) => {
    const narrowed = scopeFilter(ctx.scope, filter);
    const page = narrowed ? boardCases(ctx.app.db, windowOf(ctx), narrowed, offset, limit) : { total: 0, rows: [] };
    return { ...page, rebuilding: rebuildProgress(ctx.app.db, deadlineClocks) };
  },
  'deadlines.forCase': ({ caseId }, ctx) => caseClocks(ctx.app.db, caseId, windowOf(ctx)),
  'cases.suspend': (input, ctx) => {
    suspendCases(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), input);
    // The navigation's counts and the board follow the clocks that stopped.
    ctx.app.bus.publish({ topic: 'cases', data: { suspended: input.caseIds.length } });
    return { ok: true as const };
  },
  'cases.unsuspend': (input, ctx) => {
    unsuspendCases(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), input);
    ctx.app.bus.publish({ topic: 'cases', data: { unsuspended: input.caseIds.length } });
    return { ok: true as const };
  },
});
