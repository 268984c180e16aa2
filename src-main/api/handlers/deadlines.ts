import { defineHandlers } from '../registry';
import { actorOf, type CallContext } from '../context';
import { calendarView, loadCalendar, setCalendarYears } from '../../services/calendar/calendar';
import { addWorkingDays, covers } from '../../../src-shared/domain/workingDays';
import { syncDeadlines } from '../../services/deadlines/sync';
import { deadlineContext } from '../../services/deadlines/recompute';
import { boardCases, boardWindow, caseClocks, deadlineBoard } from '../../services/deadlines/board';
import { suspendCases, unsuspendCases } from '../../services/deadlines/suspensions';
import { invalid } from '../../../src-shared/api/errors';
import { scopeFilter } from '../../services/auth/scope';

/** Folds new events into the derived deadlines table before any read of it. */
function fresh(ctx: CallContext) {
  const dc = deadlineContext(ctx.app.db);
  syncDeadlines(ctx.app.db, { readOnly: ctx.app.readOnly, ctx: dc });
  return boardWindow(ctx.app.db, ctx.app.clock.now(), ctx.app.clock.today(), dc.cal, dc.soonWorkingDays);
}

export const handlers = defineHandlers({
  'calendar.get': ({ year }, { app }) => calendarView(app.db, year),
  'calendar.set': (input, ctx) => {
    setCalendarYears(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), input);
    syncDeadlines(ctx.app.db);
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
  'deadlines.board': (_i, ctx) => deadlineBoard(ctx.app.db, fresh(ctx), ctx.scope),
  'deadlines.cases': ({ offset, limit, ...filter }, ctx) => {
    const narrowed = scopeFilter(ctx.scope, filter);
    return narrowed ? boardCases(ctx.app.db, fresh(ctx), narrowed, offset, limit) : { total: 0, rows: [] };
  },
  'deadlines.forCase': ({ caseId }, ctx) => caseClocks(ctx.app.db, caseId, fresh(ctx)),
  'cases.suspend': (input, ctx) => {
    suspendCases(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), input);
    // The navigation's counts and the board follow the clocks that stopped.
    return { ok: true as const };
  },
  'cases.unsuspend': (input, ctx) => {
    unsuspendCases(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), input);
    return { ok: true as const };
  },
});
