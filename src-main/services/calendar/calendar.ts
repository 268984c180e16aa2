import type { Db } from '../../db/connection';
import { invalid } from '../../../src-shared/api/errors';
import { appendEvent, type Actor } from '../../events/log';
import { calendarEntries, checkCalendar, makeCalendar, type CalendarEntry, type WorkingCalendar } from '../../../src-shared/domain/workingDays';

// The working-day calendar stored in calendar_days / calendar_years (migration 030; the shipped
// years are loaded by the app at start, ./shipped.ts). Deadline clocks read it through loadCalendar;
// changing it bumps `meta.calendarVersion` (so cached copies are refreshed) and appends
// 'calendar.changed', which re-projects every deadline clock (services/deadlines/projection.ts).

export function loadCalendar(db: Db): WorkingCalendar {
  const days = db.all(db.q.selectFrom('calendar_days').select(['date', 'kind', 'name']).orderBy('date'));
  const years = db.all(db.q.selectFrom('calendar_years').select('year').orderBy('year')).map((r) => r.year);
  return makeCalendar(days, years);
}

export function calendarView(db: Db, year?: number): { years: number[]; sources: Record<string, string>; days: CalendarEntry[] } {
  const cal = loadCalendar(db);
  const sources = Object.fromEntries(db.all(db.q.selectFrom('calendar_years').select(['year', 'source'])).map((r) => [String(r.year), r.source]));
  const days = calendarEntries(cal).filter((d) => year === undefined || d.date.startsWith(`${year}-`));
  return { years: cal.years, sources, days };
}

export function calendarVersion(db: Db): string {
  return db.get(db.q.selectFrom('meta').select('value').where('key', '=', 'calendarVersion'))?.value ?? '0';
}

/** Marks the stored calendar as changed (inside the caller's transaction). */
export function bumpCalendarVersion(db: Db): void {
  db.rawRun(`INSERT INTO meta (key, value) VALUES ('calendarVersion', '1') ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`);
}

/**
 * Replaces the given years' entries (editing a year, or importing next year's notice) in one
 * transaction. Every entry must lie in one of those years; a problem names its row (`days.N.field`).
 */
export function setCalendarYears(db: Db, actor: Actor, at: Date, input: { years: number[]; days: CalendarEntry[]; source: string }): void {
  const problems = checkCalendar(input.days);
  const first = problems[0];
  if (first) throw invalid(`days.${first.row}.${first.field}`, first.reason, { rows: problems });
  input.days.forEach((d, row) => {
    if (!input.years.includes(Number(d.date.slice(0, 4)))) throw invalid(`days.${row}.date`, `${d.date} 不在要修改的年份（${input.years.join('、')}）之内`);
  });
  db.tx(() => {
    const before = db.all(db.q.selectFrom('calendar_days').select(['date']).where((eb) => eb.or(input.years.map((y) => eb('date', 'like', `${y}-%`))))).length;
    for (const y of input.years) {
      db.run(db.q.deleteFrom('calendar_days').where('date', 'like', `${y}-%`));
      db.run(
        db.q
          .insertInto('calendar_years')
          .values({ year: y, source: input.source })
          .onConflict((oc) => oc.column('year').doUpdateSet({ source: input.source })),
      );
    }
    for (const d of input.days) {
      db.run(db.q.insertInto('calendar_days').values({ date: d.date, kind: d.kind, name: d.name.trim(), updated_at: at.toISOString(), updated_by: actor.name }));
    }
    bumpCalendarVersion(db);
    appendEvent(db, actor, at, {
      caseId: null,
      type: 'calendar.changed',
      payload: { years: input.years, entriesBefore: before, entriesAfter: input.days.length, source: input.source },
    });
  });
}
