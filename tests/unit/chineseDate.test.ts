import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addCalendarDays,
  courtToday,
  daysInMonth,
  diffCalendarDays,
  isIsoDate,
  toChineseDate,
} from '../../src-shared/domain/chineseDate';

describe('toChineseDate', () => {
  it('writes the year digit by digit with 〇 and months/days as spoken numbers', () => {
    expect(toChineseDate('2026-11-22')).toBe('二〇二六年十一月二十二日');
    expect(toChineseDate('2020-01-01')).toBe('二〇二〇年一月一日');
    expect(toChineseDate('2026-10-10')).toBe('二〇二六年十月十日');
    expect(toChineseDate('2026-12-31')).toBe('二〇二六年十二月三十一日');
    expect(toChineseDate('2026-03-30')).toBe('二〇二六年三月三十日');
    expect(toChineseDate('2026-02-20')).toBe('二〇二六年二月二十日');
    expect(toChineseDate('2026-05-19')).toBe('二〇二六年五月十九日');
    expect(toChineseDate('1999-09-09')).toBe('一九九九年九月九日');
    expect(toChineseDate('2000-02-29')).toBe('二〇〇〇年二月二十九日');
  });
  it('uses 〇 (U+3007), not 零 or the letter O', () => {
    expect(toChineseDate('2008-08-08')).not.toMatch(/[零O0]/u);
    expect([...toChineseDate('2008-08-08')][1]).toBe('\u3007');
  });
  it('throws on invalid dates', () => {
    expect(() => toChineseDate('2026-02-29')).toThrow(RangeError);
    expect(() => toChineseDate('2026-1-5')).toThrow(RangeError);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates in YYYY-MM-DD', () => {
    for (const d of ['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31', '1900-01-01', '0001-01-01']) {
      expect(isIsoDate(d), d).toBe(true);
    }
  });
  it('rejects impossible dates and other formats', () => {
    for (const d of [
      '2026-02-29',
      '1900-02-29',
      '2100-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-5',
      '2026/01/05',
      '20260105',
      '2026-01-05T00:00:00Z',
      ' 2026-01-05',
      '２０２６-01-05',
      '',
    ]) {
      expect(isIsoDate(d), d).toBe(false);
    }
    expect(isIsoDate(20260105)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
  it('daysInMonth follows the Gregorian leap-year rule', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});

describe('addCalendarDays / diffCalendarDays', () => {
  it('adds across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addCalendarDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addCalendarDays('2026-03-15', 0)).toBe('2026-03-15');
    expect(addCalendarDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addCalendarDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addCalendarDays('1970-01-01', 20000)).toBe('2024-10-04');
    expect(addCalendarDays('2026-06-01', 180)).toBe('2026-11-28');
  });
  it('diffCalendarDays(a, b) is a − b', () => {
    expect(diffCalendarDays('2026-03-01', '2026-02-28')).toBe(1);
    expect(diffCalendarDays('2024-03-01', '2024-02-28')).toBe(2);
    expect(diffCalendarDays('2026-01-01', '2027-01-01')).toBe(-365);
    expect(diffCalendarDays('2026-11-22', '2026-11-22')).toBe(0);
    expect(diffCalendarDays('2000-01-01', '1900-01-01')).toBe(36524);
  });
  it('throws on bad input', () => {
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addCalendarDays('2026-02-01', 1.5)).toThrow(RangeError);
    expect(() => addCalendarDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addCalendarDays('0000-01-01', -1)).toThrow(RangeError);
    expect(() => diffCalendarDays('2026-02-01', 'tomorrow')).toThrow(RangeError);
  });
});

describe('courtToday', () => {
  it('uses court-local (UTC+8) time, not UTC or the machine zone', () => {
    expect(courtToday(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
    expect(courtToday(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
    expect(courtToday(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(courtToday(new Date('2026-11-21T16:00:00Z'), 'UTC')).toBe('2026-11-21');
    expect(courtToday(new Date('2026-11-21T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-20');
  });
  it('throws on an invalid Date or time zone', () => {
    expect(() => courtToday(new Date('nope'))).toThrow(RangeError);
    expect(() => courtToday(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

// ---- property-based ----

const dayNumber = fc.integer({ min: -719162, max: 2932896 }); // 0001-01-01 … 9999-12-31 relative to 1970
const isoArb = dayNumber.map((n) => new Date(n * 86400000).toISOString().slice(0, 10));

describe('properties', () => {
  it('agrees with UTC Date arithmetic', () => {
    fc.assert(
      fc.property(dayNumber, fc.integer({ min: -100000, max: 100000 }), (start, n) => {
        const end = start + n;
        fc.pre(end >= -719162 && end <= 2932896);
        const a = new Date(start * 86400000).toISOString().slice(0, 10);
        const b = new Date(end * 86400000).toISOString().slice(0, 10);
        expect(isIsoDate(a)).toBe(true);
        expect(addCalendarDays(a, n)).toBe(b);
        expect(diffCalendarDays(b, a)).toBe(n);
        expect(diffCalendarDays(a, '1970-01-01')).toBe(start);
      }),
    );
  });

  it('addCalendarDays(b, diffCalendarDays(a, b)) === a', () => {
    fc.assert(
      fc.property(isoArb, isoArb, (a, b) => {
        expect(addCalendarDays(b, diffCalendarDays(a, b))).toBe(a);
      }),
    );
  });

  it('isIsoDate agrees with Date for every YYYY-MM-DD shape', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const dt = new Date(`${s}T00:00:00Z`);
          const viaDate = !Number.isNaN(dt.getTime()) && dt.toISOString().slice(0, 10) === s;
          expect(isIsoDate(s)).toBe(viaDate);
        },
      ),
    );
  });

  it('toChineseDate yields 年, 月, 日 once each and only Chinese numerals', () => {
    fc.assert(
      fc.property(isoArb, (iso) => {
        const s = toChineseDate(iso);
        expect(s).toMatch(/^[〇一二三四五六七八九]{4}年(?:十?[一二三四五六七八九]|十|十[一二])月(?:[二三]?十?[一二三四五六七八九]?)日$/u);
        expect(s).not.toMatch(/一十|十〇|〇十|二十〇/u);
      }),
    );
  });
});
