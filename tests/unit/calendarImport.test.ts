import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CALENDAR_TEXT_LIMIT, parseCalendarText } from '../../src-renderer/pages/deadlines/calendarImport';
import { checkCalendar } from '../../src-shared/domain/workingDays';

// The 2025 arrangement as published (国办发明电〔2024〕12号, domain.md §3.3), pasted with its
// parentheses, enumeration commas inside them and one holiday block crossing a month end.
const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。`;

const shipped = JSON.parse(readFileSync('resources/calendar/holidays-2020-2026.json', 'utf8')) as { days: { date: string; kind: string }[] };
const key = (d: { date: string; kind: string }) => `${d.date} ${d.kind}`;

describe('importing next year’s holiday list', () => {
  it('reads the State Council notice as pasted and agrees with the shipped 2025 table', () => {
    const r = parseCalendarText(NOTICE_2025, 2025);
    expect(r.problems).toEqual([]);
    expect(r.years).toEqual([2025]);
    expect(checkCalendar(r.days)).toEqual([]);
    const fromShipped = shipped.days.filter((d) => d.date.startsWith('2025-')).map(key).sort();
    expect(r.days.map(key)).toEqual(fromShipped);
    expect(r.days.find((d) => d.date === '2025-10-11')).toEqual({ date: '2025-10-11', kind: 'workday', name: '国庆节、中秋节调休上班' });
    expect(r.days.find((d) => d.date === '2025-06-01')).toMatchObject({ kind: 'holiday', name: '端午节' });
  });

  it('reads a plain list with ranges, and names each line it cannot read', () => {
    const r = parseCalendarText('# 2027\n2027-01-01 放假 元旦\n2027-02-06,上班,春节调休上班\n2027-02-10至2027-02-12\t放假\t春节\n2027-13-01 放假 错', 2027);
    expect(r.days.map(key)).toEqual(['2027-01-01 holiday', '2027-02-06 workday', '2027-02-10 holiday', '2027-02-11 holiday', '2027-02-12 holiday']);
    expect(r.problems).toEqual([{ line: 5, text: '2027-13-01 放假 错', reason: '日期无效' }]);
  });

  it('reads the JSON of resources/calendar and a bare array, refusing unknown kinds', () => {
    const r = parseCalendarText(JSON.stringify({ source: '国办发明电〔2026〕X号', years: [2027], days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] }), 2027);
    expect(r).toMatchObject({ source: '国办发明电〔2026〕X号', years: [2027], problems: [] });
    const bad = parseCalendarText('[{"date":"2027-01-02","kind":"off","name":"x"}]', 2027);
    expect(bad.days).toEqual([]);
    expect(bad.problems[0]!.reason).toMatch(/类型/);
  });

  it('carries a block that crosses the year end into the next year', () => {
    const r = parseCalendarText('一、元旦：12月31日至1月2日放假，共3天。', 2027);
    expect(r.days.map((d) => d.date)).toEqual(['2027-12-31', '2028-01-01', '2028-01-02']);
  });
});

describe('a hostile holiday file', () => {
  // The import runs in the page: a file built to make its patterns backtrack would freeze the
  // administrator's window. Each of these was quadratic or unbounded before; now each is refused or
  // read in linear time.
  it('refuses text past the limit before any pattern runs over it', () => {
    const r = parseCalendarText('一'.repeat(CALENDAR_TEXT_LIMIT + 1), 2027);
    expect(r.days).toEqual([]);
    expect(r.problems[0]!.reason).toBe('内容超过 100,000 个字符的上限，不是节假日通知或列表');
  });

  it('reads a limit-sized run of numerals, of unclosed brackets, or of list lines quickly', () => {
    const inputs = [
      '一'.repeat(CALENDAR_TEXT_LIMIT - 10) + '3月1日',
      `一、元旦：${'（'.repeat(CALENDAR_TEXT_LIMIT - 20)}1月1日放假`,
      '2027-01-01 放假 元旦\n'.repeat(Math.floor(CALENDAR_TEXT_LIMIT / 20)),
      `[${'{"date":"2027-01-01","kind":"holiday"},'.repeat(2001)}{}]`,
    ];
    for (const text of inputs.map((x) => x.slice(0, CALENDAR_TEXT_LIMIT))) {
      const t0 = performance.now();
      parseCalendarText(text, 2027);
      expect(performance.now() - t0).toBeLessThan(1000);
    }
    expect(parseCalendarText(`[${'{"date":"2027-01-01","kind":"holiday"},'.repeat(2000)}{}]`, 2027).problems[0]!.reason).toBe('days 列表超过 2000 项的上限');
  });
});
