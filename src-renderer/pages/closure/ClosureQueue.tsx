import { useMemo } from 'react';
import { DataGrid, type DataColumn } from '../../components/DataGrid';
import { useSession } from '../../session';
import { STAGE_LABELS } from '../../../src-shared/domain/stages';
import type { MethodOutput } from '../../../src-shared/api';

type Row = MethodOutput<'grids.closureReady'>['rows'][number];

/** The cases ready to close: every item of the 终本 checklist met (终本规定 Arts. 1–5); a double click opens the checklist. */
export function ClosureQueue(props: { onOpen: (caseId: number) => void; refreshTick?: number }) {
  const { settings } = useSession();
  const columns = useMemo<DataColumn<Row>[]>(
    () => [
      { colId: 'number', field: 'number', headerName: '案号', kind: 'caseNo' },
      { colId: 'applicants', field: 'applicants', headerName: '申请执行人', width: 160 },
      { colId: 'debtors', field: 'debtors', headerName: '被执行人', width: 200 },
      { colId: 'claimFen', field: 'claimFen', headerName: '标的（元）', kind: 'fen', width: 140 },
      { colId: 'filedOn', field: 'filedOn', headerName: '立案日期', kind: 'date', width: 130 },
      { colId: 'stage', field: 'stage', headerName: '阶段', kind: 'enum', options: STAGE_LABELS, width: 120 },
      { colId: 'teamId', field: 'teamId', headerName: '团队', kind: 'enum', options: Object.fromEntries(settings.teams.map((t) => [t.id, t.name])), width: 130 },
    ],
    [settings.teams],
  );
  return (
    <DataGrid
      grid="closureReady"
      title="可结案的案件（核查清单各项均已满足）"
      params={{}}
      columns={columns}
      rowId={(r) => String(r.caseId)}
      onOpen={(r) => props.onOpen(r.caseId)}
      testId="closure-ready"
      height={300}
      {...(props.refreshTick !== undefined ? { refreshTick: props.refreshTick } : {})}
    />
  );
}
