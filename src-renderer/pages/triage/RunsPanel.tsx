import { useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { api } from '../../api/client';
import { LocalGrid } from '../../components/Grid';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { dateTime } from '../../format';
import type { MethodOutput } from '../../../src-shared/api';
import { RULE_LABELS, RunStats } from './RunStats';
import { shown, type ShownError } from './errors';

type RunRow = MethodOutput<'assignment.runs'>['rows'][number];
type Detail = MethodOutput<'assignment.run'>;
type Item = Detail['items'][number];
type Why = MethodOutput<'assignment.explain'>;

/** 分案记录: every run (分案、改分、移交快执) with its statistics, its cases, and "为什么分给我". */
export function RunsPanel({ selected, refreshKey }: { selected: number | null; refreshKey: number }) {
  const { settings } = useSession();
  const [runs, setRuns] = useState<RunRow[]>([]);
  const [runId, setRunId] = useState<number | null>(selected);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [text, setText] = useState('');
  const [why, setWhy] = useState<{ number: string; caseId: number; rows: Why } | null>(null);
  const teamName = (id: string | null) => settings.teams.find((t) => t.id === id)?.name ?? id ?? '未分';

  useEffect(() => {
    api
      .call('assignment.runs', { offset: 0, limit: 200 })
      .then((r) => {
        setRuns(r.rows);
        setRunId((cur) => selected ?? cur ?? r.rows[0]?.id ?? null);
      })
      .catch((e: unknown) => setError(shown(e)));
  }, [refreshKey, selected]);
  useEffect(() => {
    if (runId === null) return setDetail(null);
    api
      .call('assignment.run', { id: runId, offset: 0, limit: 1000 })
      .then(setDetail)
      .catch((e: unknown) => setError(shown(e)));
  }, [runId, refreshKey]);

  const explain = async () => {
    setError(null);
    setWhy(null);
    try {
      const found = await api.call('cases.list', { filter: { text: text.trim() }, sort: [{ field: 'id', dir: 'desc' }], offset: 0, limit: 1 });
      const c = found.rows[0];
      if (!c) return setError({ message: '没有找到该案件', field: 'why' });
      setWhy({ number: c.number, caseId: c.id, rows: await api.call('assignment.explain', { caseId: c.id }) });
    } catch (e) {
      setError(shown(e));
    }
  };

  const itemColumns = useMemo<ColDef<Item>[]>(
    () => [
      { field: 'number', headerName: '案号', width: 210 },
      { field: 'teamId', headerName: '团队', width: 120, valueFormatter: (p) => teamName(p.value as string | null) },
      { field: 'judgeName', headerName: '承办法官', width: 100 },
      { field: 'rule', headerName: '规则', width: 200, valueFormatter: (p) => RULE_LABELS[p.value as string] ?? (p.value as string) },
      { field: 'explanation', headerName: '说明', flex: 1, minWidth: 300, tooltipField: 'explanation' },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the columns change with the team names; teamName is derived from settings.teams
    [settings.teams],
  );

  return (
    <div data-testid="runs-panel">
      <fieldset>
        <legend>为什么分给我</legend>
        <form
          className="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            void explain();
          }}
        >
          <input placeholder="案号或当事人" value={text} onChange={(e) => setText(e.target.value)} data-testid="why-case" />
          <button type="submit" data-testid="why-submit">
            查询分案理由
          </button>
        </form>
        {why ? (
          <div data-testid="why-result">
            <strong>{why.number}</strong>{' '}
            <button type="button" className="link" onClick={() => navigate(`/cases/${why.caseId}`)}>
              打开案件
            </button>
            {why.rows.length === 0 ? (
              <p className="muted">该案尚未分案。</p>
            ) : (
              <ol>
                {why.rows.map((w) => (
                  <li key={`${w.runId}-${w.at}`}>
                    {dateTime(w.at)} {w.kindLabel}（批次 {w.runId}，{w.actor}）：{w.explanation}
                    {w.reason && !w.explanation.includes(w.reason) ? `（${w.reason}）` : ''}
                  </li>
                ))}
              </ol>
            )}
          </div>
        ) : null}
      </fieldset>
      {error ? (
        <div className="error-banner" role="alert" data-testid="runs-error">
          {error.message}
        </div>
      ) : null}
      <table className="table" data-testid="runs-table">
        <thead>
          <tr>
            <th>批次</th>
            <th>类别</th>
            <th>时间</th>
            <th>操作人</th>
            <th className="num">案件</th>
            <th className="num">已分</th>
            <th className="num">未分</th>
            <th>上限/口径</th>
            <th>理由</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} className={r.id === runId ? 'selected' : ''} onClick={() => setRunId(r.id)} data-testid={`run-${r.id}`} style={{ cursor: 'pointer' }}>
              <td>{r.id}</td>
              <td>{r.kindLabel}</td>
              <td>{dateTime(r.at)}</td>
              <td>{r.actor}</td>
              <td className="num">{r.cases}</td>
              <td className="num">{r.assigned}</td>
              <td className={`num${r.unassigned ? ' overdue' : ''}`}>{r.unassigned}</td>
              <td>
                {r.cap}／{r.basis === 'open' ? '在办' : '本年分案'}
              </td>
              <td>{r.reason ?? ''}</td>
            </tr>
          ))}
          {runs.length === 0 ? (
            <tr>
              <td colSpan={9} className="muted">
                还没有分案记录。
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {detail ? (
        <fieldset data-testid="run-detail">
          <legend>
            {detail.run.kindLabel}批次 {detail.run.id}（{dateTime(detail.run.at)}，{detail.run.actor}）
          </legend>
          <RunStats stats={detail.run.stats} cap={detail.run.cap} basis={detail.run.basis} />
          <LocalGrid<Item> testId="run-items" columns={itemColumns} rows={detail.items} rowId={(i) => String(i.caseId)} onOpen={(i) => navigate(`/cases/${i.caseId}`)} height={300} />
        </fieldset>
      ) : null}
    </div>
  );
}
