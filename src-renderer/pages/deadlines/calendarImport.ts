import type { CalendarEntry, DayKind } from '../../../src-shared/domain/workingDays';
import { addCalendarDays, isIsoDate } from '../../../src-shared/domain/chineseDate';
import { errorText } from '../../errorText';

// Next year's holiday list, as the administrator has it (domain.md §3.3): the text of the State
// Council notice 《国务院办公厅关于XXXX年部分节假日安排的通知》 pasted as it is ("一、元旦：1月1日（周四）
// 放假1天。…二、春节：2月15日至23日放假调休，共9天。2月14日（周六）、2月28日（周六）上班。"), a plain
// list of lines ("2027-01-01 放假 元旦", "2027-02-14,上班,春节调休上班"), or a JSON file in the
// shape of resources/calendar (an array of {date, kind, name}, or {source, years, days}). The result
// is checked again by calendar.set (checkCalendar) before anything is stored.

export interface ParsedCalendar {
  days: CalendarEntry[];
  years: number[];
  source: string | null;
  /** Lines that were not understood, with the reason (nothing is imported while there are any). */
  problems: { line: number; text: string; reason: string }[];
}

/** The most text an import reads (characters): fifty times a State Council holiday notice. */
export const CALENDAR_TEXT_LIMIT = 100_000;
/** The most entries a JSON import may list (calendar.set takes 2,000 days at once). */
const CALENDAR_JSON_DAYS = 2_000;

const KIND_WORDS: Record<string, DayKind> = { holiday: 'holiday', 放假: 'holiday', 休: 'holiday', 休息: 'holiday', workday: 'workday', 上班: 'workday', 班: 'workday', 调休上班: 'workday' };
const NUMERAL_HEAD = /^[一二三四五六七八九十]+、/;

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function result(days: CalendarEntry[], problems: ParsedCalendar['problems'], source: string | null): ParsedCalendar {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  return { days: sorted, years: [...new Set(sorted.map((d) => Number(d.date.slice(0, 4))))].sort(), source, problems };
}

export function parseCalendarJson(text: string): ParsedCalendar {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return result([], [{ line: 1, text: '', reason: `不是有效的 JSON：${errorText(e)}` }], null);
  }
  const obj = (Array.isArray(data) ? { days: data } : data) as { days?: unknown; source?: unknown };
  if (!obj || !Array.isArray(obj.days)) return result([], [{ line: 1, text: '', reason: 'JSON 中没有 days 列表' }], null);
  if (obj.days.length > CALENDAR_JSON_DAYS) return result([], [{ line: 1, text: '', reason: `days 列表超过 ${CALENDAR_JSON_DAYS} 项的上限` }], null);
  const problems: ParsedCalendar['problems'] = [];
  const days: CalendarEntry[] = [];
  obj.days.forEach((d: unknown, i) => {
    const e = d as { date?: unknown; kind?: unknown; name?: unknown };
    const kind = typeof e.kind === 'string' ? KIND_WORDS[e.kind] : undefined;
    if (typeof e.date !== 'string' || !isIsoDate(e.date)) problems.push({ line: i + 1, text: JSON.stringify(d), reason: '日期无效' });
    else if (!kind) problems.push({ line: i + 1, text: JSON.stringify(d), reason: '类型应为 holiday（放假）或 workday（上班）' });
    else days.push({ date: e.date, kind, name: typeof e.name === 'string' && e.name.trim() ? e.name.trim() : kind === 'holiday' ? '节假日' : '调休上班' });
  });
  return result(days, problems, typeof obj.source === 'string' ? obj.source : null);
}

/** "2027-01-01 放假 元旦", "2027-02-15至2027-02-23 放假 春节", separated by spaces, commas or tabs. */
function parseListLine(line: string): CalendarEntry[] | string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:\s*[至~～—]\s*(\d{4}-\d{2}-\d{2}))?[\s,，\t]+([^\s,，]+)(?:[\s,，\t]+(.+))?$/.exec(line);
  if (!m) return '应为“日期 放假/上班 名称”';
  const [, from, to, kindWord, name] = m;
  const kind = KIND_WORDS[kindWord!];
  if (!kind) return `类型“${kindWord}”应为 放假 或 上班`;
  if (!isIsoDate(from!) || (to && !isIsoDate(to))) return '日期无效';
  if (to && to < from!) return '结束日期早于开始日期';
  const label = name?.trim() || (kind === 'holiday' ? '节假日' : '调休上班');
  const out: CalendarEntry[] = [];
  for (let d = from!; d <= (to ?? from!); d = addCalendarDays(d, 1)) out.push({ date: d, kind, name: label });
  return out;
}

/** Dates named in one sentence of the notice: "2月15日至23日", "9月30日至10月7日", "1月1日", lists with 、. */
function noticeDates(sentence: string, year: number): string[] | string {
  const out: string[] = [];
  const re = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:\s*[至到—-]\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日)?/g;
  for (const m of sentence.matchAll(re)) {
    const y1 = Number(m[1] ?? year);
    const from = ymd(y1, Number(m[2]), Number(m[3]));
    if (!isIsoDate(from)) return `日期无效：${m[0]}`;
    if (m[6] === undefined) {
      out.push(from);
      continue;
    }
    const m2 = Number(m[5] ?? m[2]);
    const y2 = Number(m[4] ?? (m2 < Number(m[2]) ? y1 + 1 : y1));
    const to = ymd(y2, m2, Number(m[6]));
    if (!isIsoDate(to) || to < from) return `日期范围无效：${m[0]}`;
    for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  }
  return out;
}

/** The notice text: one numbered section per holiday, 放假 sentences give days off, 上班 sentences make-up days. */
function parseNotice(text: string, year: number): ParsedCalendar {
  const problems: ParsedCalendar['problems'] = [];
  const days: CalendarEntry[] = [];
  // Sections start at "一、", "二、" … at a line start or after "。" (never inside "正月初七、周二").
  const sections = text
    .replace(/\r/g, '')
    .split(/\n|(?<=。)(?=[一二三四五六七八九十]+、)/)
    .reduce<{ line: number; text: string }[]>((acc, raw, i) => {
      const line = raw.trim();
      if (!line) return acc;
      if (NUMERAL_HEAD.test(line) || acc.length === 0) acc.push({ line: i + 1, text: line });
      else acc[acc.length - 1]!.text += line;
      return acc;
    }, [])
    .filter((s) => NUMERAL_HEAD.test(s.text));
  for (const s of sections) {
    // Parenthesised asides ("（周四）") removed; an opening bracket never scans past the next one, so
    // a run of unclosed brackets costs linear time, not quadratic.
    const body = s.text.replace(NUMERAL_HEAD, '').replace(/[（(][^）)（(]*[）)]/g, '');
    const colon = body.search(/[：:]/);
    if (colon < 0) {
      problems.push({ line: s.line, text: s.text, reason: '找不到节日名称（应为“一、元旦：……”）' });
      continue;
    }
    const name = body.slice(0, colon).trim();
    for (const sentence of body.slice(colon + 1).split(/[。；;]/)) {
      const kind: DayKind | null = /上班/.test(sentence) ? 'workday' : /放假|休息/.test(sentence) ? 'holiday' : null;
      if (!kind) continue;
      const dates = noticeDates(sentence, year);
      if (typeof dates === 'string') {
        problems.push({ line: s.line, text: s.text, reason: dates });
        continue;
      }
      for (const date of dates) days.push({ date, kind, name: kind === 'holiday' ? name : `${name}调休上班` });
    }
  }
  if (sections.length === 0) problems.push({ line: 1, text: text.slice(0, 40), reason: '没有找到“一、元旦：……”这样的条目' });
  return result(days, problems, null);
}

/**
 * Reads pasted text or a file's content. `year` is the year being imported (the notice names
 * months and days only). Dates outside that year (元旦 of the year after) are kept: calendar.set
 * refuses them with the row named, so the clerk sees them.
 */
export function parseCalendarText(text: string, year: number): ParsedCalendar {
  // A holiday notice is two pages; a year's list a few dozen lines. Anything far larger is not one,
  // and is refused before any pattern runs over it (a hostile file must not freeze the page).
  if (text.length > CALENDAR_TEXT_LIMIT) return result([], [{ line: 1, text: '', reason: `内容超过 ${CALENDAR_TEXT_LIMIT.toLocaleString('en-US')} 个字符的上限，不是节假日通知或列表` }], null);
  const trimmed = text.trim();
  if (!trimmed) return result([], [{ line: 1, text: '', reason: '内容为空' }], null);
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseCalendarJson(trimmed);
  // One numeral before "、" is enough to recognise the notice (a "+" here rescans a long run of numerals from every position).
  if (/[一二三四五六七八九十]、/.test(trimmed) && /月\d{1,2}日/.test(trimmed)) return parseNotice(trimmed, year);
  const problems: ParsedCalendar['problems'] = [];
  const days: CalendarEntry[] = [];
  trimmed.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const r = parseListLine(line);
    if (typeof r === 'string') problems.push({ line: i + 1, text: line, reason: r });
    else days.push(...r);
  });
  return result(days, problems, null);
}
