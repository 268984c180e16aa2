import { useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { api } from '../api/client';
import { ServerGrid, type PageRequest } from '../components/Grid';
import { navigate, useRoute } from '../router';
import { useSession } from '../session';
import { daysSince, stageLabel, yuan } from '../format';
import { CASE_STAGES, FILING_TYPES, STAGE_LABELS, type CaseStage } from '../../src-shared/domain/stages';
import type { MethodOutput } from '../../src-shared/api';
import { CASE_SORT_FIELDS } from '../../src-shared/api/methods/cases';
import { useLive } from '../live/useLive';

type Row = MethodOutput<'cases.list'>['rows'][number];
type SortField = (typeof CASE_SORT_FIELDS)[number];

/** Maps the grid's sort model onto the API's sort fields (only sortable columns have a colId there). */
export function toSort(req: PageRequest): { field: SortField; dir: 'asc' | 'desc' }[] {
  return req.sort
    .filter((s) => (CASE_SORT_FIELDS as readonly string[]).includes(s.colId))
    .map((s) => ({ field: s.colId as SortField, dir: s.sort }))
    .slice(0, 3);
}

/** The case register: every case, paged and sorted in SQL, with quick search and filters. */
export function CasesPage() {
  const { info, settings } = useSession();
  // The header's search box opens the register as `/cases?q=…`.
  const route = useRoute();
  const routeQuery = new URLSearchParams(route.split('?')[1] ?? '').get('q') ?? '';
  const [text, setText] = useState(routeQuery);
  const [query, setQuery] = useState(routeQuery);
  useEffect(() => {
    setText(routeQuery);
    setQuery(routeQuery);
  }, [routeQuery]);
  const [type, setType] = useState('');
  const [stage, setStage] = useState('');
  const [team, setTeam] = useState('');
  const [total, setTotal] = useState<number | null>(null);
  // Another clerk filed or changed a case this user may see: the open grid reloads in place.
  const [tick, setTick] = useState(0);
  useLive(() => setTick((t) => t + 1));
  const teamName = (id: string | null) => settings.teams.find((t) => t.id === id)?.name ?? id ?? '';

  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { colId: 'number', field: 'number', headerName: '案号', width: 220, pinned: 'left' },
      { colId: 'type', field: 'type', headerName: '类型', width: 80 },
      { colId: 'applicants', field: 'applicants', headerName: '申请执行人', width: 160 },
      { colId: 'debtors', field: 'debtors', headerName: '被执行人', width: 200 },
      { colId: 'claimFen', field: 'claimFen', headerName: '标的（元）', width: 140, type: 'rightAligned', valueFormatter: (p) => yuan(p.value as number) },
      { colId: 'stage', field: 'stage', headerName: '阶段', width: 100, valueFormatter: (p) => stageLabel(p.value as string) },
      { colId: 'filedOn', field: 'filedOn', headerName: '立案日期', width: 120, sort: 'desc' },
      { colId: 'teamId', field: 'teamId', headerName: '团队', width: 120, valueFormatter: (p) => teamName(p.value as string | null) },
      {
        colId: 'days',
        headerName: '立案天数',
        width: 100,
        sortable: false,
        type: 'rightAligned',
        valueGetter: (p) => (p.data ? daysSince(p.data.filedOn, p.data.closedOn ?? info.today) : null),
      },
      { colId: 'demo', field: 'demo', headerName: '', width: 70, sortable: false, valueFormatter: (p) => (p.value ? '演示' : '') },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the columns change with the teams and the day; their helpers are derived from these
    [settings.teams, info.today],
  );

  const fetchPage = (req: PageRequest) =>
    api.call('cases.list', {
      filter: {
        ...(query ? { text: query } : {}),
        ...(type ? { type: type as (typeof FILING_TYPES)[number] } : {}),
        ...(stage ? { stage: [stage as CaseStage] } : {}),
        ...(team ? { teamId: team } : {}),
      },
      sort: toSort(req).length ? toSort(req) : [{ field: 'id', dir: 'desc' }],
      offset: req.offset,
      limit: req.limit,
    });

  return (
    <div className="page page-grid">
      <div className="toolbar">
        <h2>案件登记簿</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(text.trim());
          }}
        >
          <input placeholder="案号、当事人姓名或证件号" value={text} onChange={(e) => setText(e.target.value)} data-testid="cases-search" />
          <button type="submit">查找</button>
        </form>
        <select value={type} onChange={(e) => setType(e.target.value)} data-testid="cases-type">
          <option value="">全部类型</option>
          {FILING_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <select value={stage} onChange={(e) => setStage(e.target.value)} data-testid="cases-stage">
          <option value="">全部阶段</option>
          {CASE_STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </select>
        <select value={team} onChange={(e) => setTeam(e.target.value)}>
          <option value="">全部团队</option>
          {settings.teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <span className="muted" data-testid="cases-total">
          {total === null ? '' : `共 ${total} 件`}
        </span>
      </div>
      <ServerGrid<Row>
        testId="cases-grid"
        columns={columns}
        fetchPage={fetchPage}
        deps={[query, type, stage, team]}
        rowId={(r) => String(r.id)}
        onOpen={(r) => navigate(`/cases/${r.id}`)}
        onTotal={setTotal}
        refreshTick={tick}
      />
    </div>
  );
}
