import { useMemo, useState } from 'react';
import { DataGrid, type DataColumn } from '../../components/DataGrid';
import { dateTime } from '../../format';
import { payloadSummary, workstationText } from './payload';
import type { MethodOutput } from '../../../src-shared/api';

type Row = MethodOutput<'grids.audit'>['rows'][number];

/**
 * Everything one user did, as the shared grid: filtered and sorted on the server, exported as xlsx.
 * A double click shows the whole record with its hash under the grid.
 */
export function UserAuditGrid(props: { userId: number; from: string; to: string; onError: (e: unknown) => void }) {
  const [open, setOpen] = useState<Row | null>(null);
  const columns = useMemo<DataColumn<Row>[]>(
    () => [
      { colId: 'id', field: 'id', headerName: '序号', width: 90, kind: 'none', sortable: false },
      // Filtered by its court-local day.
      { colId: 'at', headerName: '时间', width: 170, kind: 'date', sort: 'desc', valueGetter: (p) => (p.data ? dateTime(p.data.at) : '') },
      { colId: 'label', field: 'label', headerName: '操作', width: 160, kind: 'none' },
      {
        colId: 'caseNumber',
        field: 'caseNumber',
        headerName: '案号',
        kind: 'caseNo',
        cellRenderer: (p: { data?: Row }) =>
          p.data?.caseId ? (
            <a href={`#/cases/${p.data.caseId}`} data-testid={`audit-case-${p.data.caseId}`}>
              {p.data.caseNumber}
            </a>
          ) : p.data ? (
            '（系统）'
          ) : null,
      },
      { colId: 'actor', field: 'actor', headerName: '操作人', width: 110 },
      { colId: 'workstation', field: 'workstation', headerName: '工作站', width: 160, valueFormatter: (p: { value: unknown }) => workstationText(String(p.value ?? '')) },
      { colId: 'payload', headerName: '内容（修改前 → 修改后）', kind: 'none', sortable: false, flex: 1, minWidth: 300, valueGetter: (p) => (p.data ? payloadSummary(p.data.type, p.data.payload) : ''), tooltipValueGetter: (p) => p.value as string },
    ],
    [],
  );
  return (
    <div className="audit-events">
      <DataGrid
        grid="audit"
        params={{ userId: props.userId, ...(props.from ? { from: props.from } : {}), ...(props.to ? { to: props.to } : {}) }}
        columns={columns}
        rowId={(r) => String(r.id)}
        onOpen={setOpen}
        testId="audit-user-grid"
        height={420}
        onError={(_message, e) => props.onError(e)}
      />
      {open ? (
        <div className="audit-record" data-testid="audit-record">
          <div className="toolbar">
            <strong>
              第 {open.id} 条：{open.label}
            </strong>
            <span className="muted">
              {dateTime(open.at)}（UTC {open.at}） · {open.actor} · {workstationText(open.workstation)}
            </span>
            <button type="button" className="link" onClick={() => setOpen(null)}>
              关闭
            </button>
          </div>
          <pre>{JSON.stringify(open.payload, null, 2)}</pre>
          <div className="muted">哈希 {open.hash}</div>
        </div>
      ) : null}
    </div>
  );
}
