import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection';
import { appendEvent, type Actor } from '../../events/log';
import { bumpCalendarVersion } from './calendar';
import shipped from '../../../resources/calendar/holidays-2020-2026.json';

// The working-day calendar the app ships (resources/calendar, built from the State Council's notices
// by tools/build-calendar.mjs), loaded by the app at start — not by a migration, so a court that
// installs a newer version gets the years it adds or corrects. Years the court entered itself
// (calendar.set, with its own source) are never overwritten: a year is the app's to replace when it
// is missing or still carries the source of a calendar the app shipped. The shipped version is the
// digest of the file, kept in meta `calendar.shipped`.

export interface ShippedCalendar {
  source: string;
  years: number[];
  days: { date: string; kind: 'holiday' | 'workday'; name: string }[];
}

export const SHIPPED_CALENDAR = shipped as ShippedCalendar;

const digestOf = (c: ShippedCalendar) => createHash('sha256').update(JSON.stringify(c)).digest('hex').slice(0, 16);

/** Loads the shipped years the court has not set itself; returns the years written (none when already current). */
export function applyShippedCalendar(db: Db, actor: Actor, at: Date, cal: ShippedCalendar = SHIPPED_CALENDAR): number[] {
  const digest = digestOf(cal);
  return db.tx(() => {
    const meta = db.raw<{ value: string }>(`SELECT value FROM meta WHERE key = 'calendar.shipped'`)[0];
    const previous = meta ? (JSON.parse(meta.value) as { digest: string; source: string }) : null;
    if (previous?.digest === digest) return [];
    const ours = new Set([cal.source, ...(previous ? [previous.source] : [])]);
    const written: number[] = [];
    let before = 0;
    for (const year of cal.years) {
      const row = db.raw<{ source: string }>('SELECT source FROM calendar_years WHERE year = ?', year)[0];
      if (row && !ours.has(row.source)) continue; // entered by the court: theirs
      const want = cal.days.filter((d) => d.date.startsWith(`${year}-`));
      const have = db.raw<{ date: string; kind: string; name: string }>(`SELECT date, kind, name FROM calendar_days WHERE date LIKE ? ORDER BY date`, `${year}-%`);
      const same = row?.source === cal.source && have.length === want.length && have.every((h, i) => h.date === want[i]!.date && h.kind === want[i]!.kind && h.name === want[i]!.name);
      if (same) continue;
      before += have.length;
      db.rawRun('DELETE FROM calendar_days WHERE date LIKE ?', `${year}-%`);
      for (const d of want) db.rawRun('INSERT INTO calendar_days (date, kind, name, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)', d.date, d.kind, d.name, at.toISOString(), actor.name);
      db.rawRun('INSERT INTO calendar_years (year, source) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET source = excluded.source', year, cal.source);
      written.push(year);
    }
    db.rawRun(`INSERT INTO meta (key, value) VALUES ('calendar.shipped', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, JSON.stringify({ digest, source: cal.source }));
    if (written.length > 0) {
      bumpCalendarVersion(db);
      // A new database (nothing in its log yet) gets its calendar as part of being set up, as it
      // did from the migration before; a court in use has every change of its calendar recorded,
      // and the event re-derives the deadline clocks.
      const inUse = db.raw('SELECT 1 FROM case_events LIMIT 1').length > 0;
      if (inUse) appendEvent(db, actor, at, {
        caseId: null,
        type: 'calendar.changed',
        payload: { years: written, entriesBefore: before, entriesAfter: cal.days.filter((d) => written.includes(Number(d.date.slice(0, 4)))).length, source: cal.source },
      });
    }
    return written;
  });
}
