import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { hasRole, useSession } from '../../session';
import { DAY_TYPE_LABELS, type CalendarEntry, type DayKind } from '../../../src-shared/domain/workingDays';
import { shown, type ShownError } from '../triage/errors';
import { CALENDAR_TEXT_LIMIT, parseCalendarText, type ParsedCalendar } from './calendarImport';
import { plainText } from '../../../src-shared/plainText';
import { DateInput } from '../../components/DateInput';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const weekday = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';

/**
 * The working-day calendar (domain.md §3.3): a year's holidays and make-up working days (调休上班)
 * edited as a list and saved as a whole year; next year's list imported from the State Council
 * notice pasted as text, a plain list, or a JSON file. Saving recomputes every deadline.
 */
export function CalendarEditor() {
  const session = useSession();
  const canEdit = hasRole(session.user, ['management']);
  const thisYear = Number(session.info.today.slice(0, 4));
  const [years, setYears] = useState<number[]>([]);
  const [sources, setSources] = useState<Record<string, string>>({});
  const [year, setYear] = useState(thisYear);
  const [rows, setRows] = useState<CalendarEntry[]>([]);
  const [source, setSource] = useState('');
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [paste, setPaste] = useState('');
  const [parsed, setParsed] = useState<ParsedCalendar | null>(null);

  // An import waiting for its year to load: the rows it brings replace the stored ones (unsaved).
  const pending = useRef<{ year: number; parsed: ParsedCalendar } | null>(null);
  const load = useCallback(async (y: number) => {
    try {
      const cal = await api.call('calendar.get', { year: y });
      setYears(cal.years);
      setSources(cal.sources);
      const imp = pending.current?.year === y ? pending.current.parsed : null;
      pending.current = null;
      setRows(imp ? imp.days : cal.days);
      setSource(imp ? (imp.source ?? `国务院办公厅关于${y}年部分节假日安排的通知`) : plainText(cal.sources[String(y)] ?? ''));
      setDirty(imp !== null);
    } catch (e) {
      setError(shown(e));
    }
  }, []);
  useEffect(() => void load(year), [load, year]);

  const choices = [...new Set([...years, thisYear, thisYear + 1, year])].sort();
  const edit = (i: number, patch: Partial<CalendarEntry>) => {
    setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  const save = async () => {
    setError(null);
    setMessage(null);
    try {
      await api.call('calendar.set', { years: [year], days: rows, source: source.trim() || '手工录入' });
      setMessage(`${year}年的节假日安排已保存（${rows.length} 天），全部期限已按新日历重新计算。`);
      await load(year);
    } catch (e) {
      setError(shown(e));
    }
  };
  const readImport = (text: string) => {
    setError(null);
    setMessage(null);
    const r = parseCalendarText(text, year);
    setParsed(r);
    if (r.problems.length === 0 && r.days.length > 0) {
      const target = r.years.length === 1 ? r.years[0]! : year;
      pending.current = { year: target, parsed: r };
      if (target !== year) setYear(target);
      else void load(target);
    }
  };
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    // UTF-8 Chinese is 3 bytes a character: a file past this cannot be within the text limit.
    if (f.size > CALENDAR_TEXT_LIMIT * 4) {
      setParsed({ days: [], years: [], source: null, problems: [{ line: 1, text: f.name, reason: `文件超过 ${Math.round((CALENDAR_TEXT_LIMIT * 4) / 1024)} KB 的上限，不是节假日通知或列表` }] });
      return;
    }
    readImport(await f.text());
  };

  const rowError = (i: number, field: keyof CalendarEntry) => (error?.field === `days.${i}.${field}` ? error.message : undefined);
  const rowFailed = (i: number) => error?.field?.startsWith(`days.${i}.`) ?? false;

  return (
    <div className="calendar-editor" data-testid="calendar-editor">
      <div className="toolbar">
        <label>
          年份{' '}
          <select value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="calendar-year">
            {choices.map((y) => (
              <option key={y} value={y}>
                {y}
                {years.includes(y) ? '' : '（未录入）'}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="calendar-source">
          {years.includes(year) ? `依据：${plainText(sources[String(year)] ?? '')}` : `${year}年的节假日安排尚未录入：只按周末计算，期限可能不准。`}
        </span>
      </div>
      {error && !rows.some((_, i) => rowFailed(i)) ? (
        <div className="error-banner" role="alert" data-testid="calendar-error">
          {error.message}
        </div>
      ) : null}
      {message ? (
        <div className="success" data-testid="calendar-message">
          {message}
        </div>
      ) : null}
      <div className="two-col">
        <div>
          <table className="table" data-testid="calendar-days">
            <thead>
              <tr>
                <th>日期</th>
                <th>星期</th>
                <th>类型</th>
                <th>名称</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} className={rowFailed(i) ? 'has-error' : ''} data-testid={`calendar-row-${i}`}>
                  <td>
                    <DateInput value={r.date} disabled={!canEdit} onChange={(e) => edit(i, { date: e.target.value })} />
                    {rowError(i, 'date') ? <div className="field-error">{rowError(i, 'date')}</div> : null}
                  </td>
                  <td className="nowrap">{weekday(r.date)}</td>
                  <td>
                    <select value={r.kind} disabled={!canEdit} onChange={(e) => edit(i, { kind: e.target.value as DayKind })}>
                      <option value="holiday">{DAY_TYPE_LABELS.holiday}（放假）</option>
                      <option value="workday">{DAY_TYPE_LABELS.makeup}</option>
                    </select>
                    {rowError(i, 'kind') ? <div className="field-error">{rowError(i, 'kind')}</div> : null}
                  </td>
                  <td>
                    <input value={r.name} disabled={!canEdit} onChange={(e) => edit(i, { name: e.target.value })} />
                    {rowError(i, 'name') ? <div className="field-error">{rowError(i, 'name')}</div> : null}
                  </td>
                  <td className="nowrap">
                    {canEdit ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          setRows(rows.filter((_, k) => k !== i));
                          setDirty(true);
                        }}
                      >
                        删除
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={5} className="muted">
                    没有登记的节假日或调休上班日。
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
          {canEdit ? (
            <div className="actions">
              <button
                type="button"
                onClick={() => {
                  setRows([...rows, { date: `${year}-01-01`, kind: 'holiday', name: '' }]);
                  setDirty(true);
                }}
                data-testid="calendar-add"
              >
                添加一天
              </button>
              <Field label="依据（通知文号）">
                <input value={source} onChange={(e) => setSource(e.target.value)} data-testid="calendar-source-input" />
              </Field>
              <button type="button" className="primary" disabled={!dirty} onClick={() => void save()} data-testid="calendar-save">
                保存{year}年安排
              </button>
            </div>
          ) : null}
        </div>
        {canEdit ? (
          <fieldset data-testid="calendar-import">
            <legend>导入下一年的安排</legend>
            <p className="muted">
              粘贴《国务院办公厅关于{year}年部分节假日安排的通知》的正文（“一、元旦：……”），或每行“日期 放假/上班 名称”，或选择系统导出的节假日文件。导入后请核对，再保存。
            </p>
            <textarea rows={10} value={paste} onChange={(e) => setPaste(e.target.value)} style={{ width: '100%' }} data-testid="calendar-paste" />
            <div className="actions">
              <button type="button" disabled={!paste.trim()} onClick={() => readImport(paste)} data-testid="calendar-parse">
                识别粘贴内容
              </button>
              <input type="file" accept=".json,.txt,application/json,text/plain" onChange={(e) => void onFile(e.target.files?.[0])} data-testid="calendar-file" />
            </div>
            {parsed ? (
              parsed.problems.length ? (
                <div className="error-banner" role="alert" data-testid="calendar-parse-problems">
                  未导入，以下内容无法识别：
                  <ul>
                    {parsed.problems.map((p, i) => (
                      <li key={i}>
                        第{p.line}行 {p.text ? `“${p.text.slice(0, 40)}”` : ''}：{p.reason}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <div className="success" data-testid="calendar-parsed">
                  识别出 {parsed.days.filter((d) => d.kind === 'holiday').length} 个放假日、{parsed.days.filter((d) => d.kind === 'workday').length} 个调休上班日，已填入左表，核对后保存。
                </div>
              )
            ) : null}
          </fieldset>
        ) : null}
      </div>
    </div>
  );
}
