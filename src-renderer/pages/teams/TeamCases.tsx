import { useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { api } from '../../api/client';
import { ServerGrid, type PageRequest } from '../../components/Grid';
import { navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { stageLabel, yuan } from '../../format';
import { toSort } from '../CasesPage';
import type { MethodOutput } from '../../../src-shared/api';
import { ReassignForm } from './ReassignForm';

type Row = MethodOutput<'cases.list'>['rows'][number];
type Loads = MethodOutput<'assignment.loads'>;

/**
 * The cases a team is handling (团队办理 and 快执), paged in SQL, with the judge's name from the
 * loads; leaders select cases and reassign them with a reason.
 */
export function TeamCases({ team, loads, onChanged }: { team: string; loads: Loads | null; onChanged: () => void }) {
  const session = useSession();
  const [picked, setPicked] = useState<Row[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  useEffect(() => setMessage(null), [team]);
  const judges = useMemo(() => new Map((loads?.judges ?? []).map((j) => [j.judgeId, j.name])), [loads]);
  const teamName = (id: string | null) => session.settings.teams.find((t) => t.id === id)?.name ?? id ?? '';
  const canReassign = hasRole(session.user, ['management']);

  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { colId: 'number', field: 'number', headerName: '案号', width: 210, pinned: 'left' },
      { colId: 'teamId', field: 'teamId', headerName: '团队', width: 120, valueFormatter: (p) => teamName(p.value as string | null) },
      { colId: 'judge', field: 'judgeId', headerName: '承办法官', width: 100, sortable: false, valueFormatter: (p) => judges.get(p.value as number) ?? '' },
      { colId: 'stage', field: 'stage', headerName: '阶段', width: 90, valueFormatter: (p) => stageLabel(p.value as string) },
      { colId: 'applicants', field: 'applicants', headerName: '申请执行人', width: 140 },
      { colId: 'debtors', field: 'debtors', headerName: '被执行人', width: 180 },
      { colId: 'claimFen', field: 'claimFen', headerName: '标的（元）', width: 130, type: 'rightAligned', valueFormatter: (p) => yuan(p.value as number) },
      { colId: 'filedOn', field: 'filedOn', headerName: '立案日期', width: 110, sort: 'asc' },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the columns change with the names they show; teamName/judgeName are derived from these
    [judges, session.settings.teams],
  );
  const fetchPage = (req: PageRequest) =>
    api.call('cases.list', {
      filter: { stage: ['team', 'fastTrack'], ...(team ? { teamId: team } : {}) },
      sort: toSort(req).length ? toSort(req) : [{ field: 'filedOn', dir: 'asc' }],
      offset: req.offset,
      limit: req.limit,
    });

  return (
    <div data-testid="team-cases">
      <div className="toolbar">
        <span className="muted" data-testid="team-cases-total">
          {total === null ? '' : `在办 ${total} 件`}
        </span>
        {message ? (
          <span className="success" data-testid="reassign-message">
            {message}
          </span>
        ) : null}
      </div>
      <ServerGrid<Row>
        testId="team-cases-grid"
        columns={columns}
        fetchPage={fetchPage}
        deps={[team, reloads, loads]}
        rowId={(r) => String(r.id)}
        selectable={canReassign}
        onSelection={setPicked}
        onTotal={setTotal}
        onOpen={(r) => navigate(`/cases/${r.id}`)}
        height={420}
      />
      {canReassign && picked.length > 0 ? (
        <ReassignForm
          cases={picked.map((p) => ({ id: p.id, version: p.version }))}
          loads={loads}
          onDone={(m) => {
            setMessage(m);
            setReloads((n) => n + 1);
            onChanged();
          }}
        />
      ) : null}
    </div>
  );
}
