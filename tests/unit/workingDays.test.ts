import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import shipped from '../../resources/calendar/holidays-2020-2026.json';
import {
  addMonths,
  addStatutoryDays,
  addStatutoryMonths,
  addWorkingDays,
  checkCalendar,
  covers,
  dayType,
  isWorkingDay,
  makeCalendar,
  nextWorkingDay,
  workingDaysBetween,
  type CalendarEntry,
} from '../../src-shared/domain/workingDays';
import { addCalendarDays } from '../../src-shared/domain/chineseDate';

const cal = makeCalendar(shipped.days as CalendarEntry[], shipped.years);
const makeups = (year: number) => shipped.days.filter((d) => d.kind === 'workday' && d.date.startsWith(`${year}`)).map((d) => d.date);

describe('the shipped calendar against the State Council notices (domain.md §3.3)', () => {
  it('covers 2020–2026', () => {
    expect(shipped.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const y of shipped.years) expect(shipped.days.some((d) => d.date.startsWith(`${y}-10-01`) && d.kind === 'holiday')).toBe(true);
  });
  it('has the 2023 make-up days of 国办发明电〔2022〕16号: Jan 28–29, Apr 23, May 6, Jun 25, Oct 7–8', () => {
    expect(makeups(2023)).toEqual(['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08']);
  });
  it('has the two holidays added from 2025 (国办发明电〔2024〕12号): Chinese New Year\'s Eve and May 2', () => {
    expect(dayType('2025-01-28', cal)).toBe('holiday'); // 除夕, a Tuesday
    expect(dayType('2025-05-02', cal)).toBe('holiday'); // a Friday
    expect(dayType('2025-10-11', cal)).toBe('makeup'); // Saturday worked for 国庆
  });
  it('passes its own consistency check', () => {
    expect(checkCalendar(shipped.days as CalendarEntry[])).toEqual([]);
  });
});

describe('working days', () => {
  it('a case filed on 2025-09-30 has its 3-working-day notice deadline on 2025-10-11, a make-up Saturday', () => {
    expect(addWorkingDays('2025-09-30', 3, cal)).toBe('2025-10-11');
  });
  it('skips ordinary weekends and counts from the day after the start', () => {
    expect(addWorkingDays('2026-11-20', 1, cal)).toBe('2026-11-23'); // Friday → Monday
    expect(addWorkingDays('2026-11-20', 0, cal)).toBe('2026-11-20');
    expect(addWorkingDays('2026-11-23', 5, cal)).toBe('2026-11-30');
  });
  it('jumps the Spring Festival block and counts its make-up Sunday (2025-01-26)', () => {
    // Fri 2025-01-24 → Sun 26 (make-up), Mon 27, then 28 Jan–4 Feb off, Wed 5 Feb.
    expect(addWorkingDays('2025-01-24', 1, cal)).toBe('2025-01-26');
    expect(addWorkingDays('2025-01-24', 3, cal)).toBe('2025-02-05');
  });
  it('counts backwards for a negative n', () => {
    expect(addWorkingDays('2025-10-11', -3, cal)).toBe('2025-09-30'); // 10-10, 10-09, then back across the National Day block
  });
  it('counts working days in (from, to]', () => {
    expect(workingDaysBetween('2025-09-30', '2025-10-11', cal)).toBe(3);
    expect(workingDaysBetween('2025-10-11', '2025-09-30', cal)).toBe(-3);
    expect(workingDaysBetween('2026-11-20', '2026-11-20', cal)).toBe(0);
  });
  it('is consistent: workingDaysBetween(d, addWorkingDays(d, n)) = n, and the result is a working day', () => {
    const dates = fc.integer({ min: 0, max: 365 * 7 - 40 }).map((i) => addCalendarDays('2020-01-01', i));
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 40 }), (d, n) => {
        const end = addWorkingDays(d, n, cal);
        return workingDaysBetween(d, end, cal) === n && isWorkingDay(end, cal) && addWorkingDays(end, -n, cal) <= d;
      }),
    );
  });
  it('finds the next working day', () => {
    expect(nextWorkingDay('2025-10-01', cal)).toBe('2025-10-09');
    expect(nextWorkingDay('2025-10-09', cal, true)).toBe('2025-10-09');
  });
  it('falls back to weekends only outside the covered years and says so', () => {
    expect(covers(cal, '2027-10-01')).toBe(false);
    expect(isWorkingDay('2027-10-01', cal)).toBe(true); // unknown until the 2027 notice is imported
    const with2027 = makeCalendar([...(shipped.days as CalendarEntry[]), { date: '2027-10-01', kind: 'holiday', name: '国庆节' }], [...shipped.years, 2027]);
    expect(isWorkingDay('2027-10-01', with2027)).toBe(false);
    expect(covers(with2027, '2027-10-01')).toBe(true);
  });
});

describe('statutory calendar periods (民诉法 2023 Art. 85)', () => {
  it('does not count the first day and moves a last day that falls on a day off to the next working day', () => {
    expect(addStatutoryDays('2025-09-20', 10, cal)).toBe('2025-09-30'); // a Tuesday: stays
    expect(addStatutoryDays('2025-09-21', 10, cal)).toBe('2025-10-09'); // 10-01 is 国庆 → first day after the block
    expect(addStatutoryDays('2026-11-20', 1, cal)).toBe('2026-11-23'); // Saturday → Monday
  });
  it('adds months clamped to the month end', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addStatutoryMonths('2025-04-01', 6, cal)).toBe('2025-10-09');
  });
});

describe('checking an edited or imported calendar', () => {
  it('names the row and field of each problem', () => {
    const problems = checkCalendar([
      { date: '2027-02-30', kind: 'holiday', name: '春节' },
      { date: '2027-10-04', kind: 'workday', name: '国庆调休' }, // a Monday
      { date: '2027-10-01', kind: 'holiday', name: '' },
      { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
    ]);
    expect(problems.map((p) => `${p.row}:${p.field}`)).toEqual(['0:date', '1:kind', '2:name', '3:date']);
    expect(problems[1]!.reason).toMatch(/本来就是工作日/);
  });
});
