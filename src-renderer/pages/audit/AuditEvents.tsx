import { useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { ServerGrid } from '../../components/Grid';
import { dateTime } from '../../format';
import { payloadSummary, payloadLines, workstationText } from './payload';
import type { MethodOutput } from '../../../src-shared/api';

export type AuditEvent = MethodOutput<'audit.forCase'>['rows'][number];

/**
 * Audit events from a paged method (audit.forCase, grids.audit): who, when (UTC stored, shown in
 * court time), from which workstation, what, and before → after. Enter or a double click shows the
 * whole record with its hash under the grid.
 */
export function AuditEvents(props: { fetchPage: (offset: number, limit: number) => Promise<{ rows: AuditEvent[]; total: number }>; deps: unknown[]; showCase: boolean; testId: string }) {
  const [open, setOpen] = useState<AuditEvent | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const columns: ColDef<AuditEvent>[] = [
    { headerName: '序号', field: 'id', width: 90 },
    { headerName: '时间', colId: 'at', width: 150, valueGetter: (p) => (p.data ? dateTime(p.data.at) : '') },
    { headerName: '生效日', field: 'onDate', width: 110 },
    { headerName: '操作', field: 'label', width: 160 },
    ...(props.showCase
      ? [
          {
            headerName: '案号',
            field: 'caseNumber',
            width: 200,
            cellRenderer: (p: { data?: AuditEvent }) =>
              p.data?.caseId ? (
                <a href={`#/cases/${p.data.caseId}`} data-testid={`audit-case-${p.data.caseId}`}>
                  {p.data.caseNumber}
                </a>
              ) : (
                '（系统）'
              ),
          } satisfies ColDef<AuditEvent>,
        ]
      : []),
    { headerName: '操作人', field: 'actor', width: 110 },
    // The web mode records its connections as 'web'; a desktop's name is the machine's own.
    { headerName: '工作站', colId: 'workstation', width: 160, valueGetter: (p) => (p.data ? workstationText(p.data.workstation) : '') },
    { headerName: '内容（修改前 → 修改后）', colId: 'payload', flex: 1, minWidth: 300, valueGetter: (p) => (p.data ? payloadSummary(p.data.type, p.data.payload) : ''), tooltipValueGetter: (p) => p.value as string },
  ];
  return (
    <div className="audit-events">
      <div className="muted" data-testid={`${props.testId}-total`}>
        {total === null ? '正在加载…' : `共 ${total} 条记录（双击一行查看完整记录）`}
      </div>
      <ServerGrid<AuditEvent>
        columns={columns.map((c) => ({ ...c, sortable: false }))}
        fetchPage={({ offset, limit }) => props.fetchPage(offset, limit)}
        deps={props.deps}
        rowId={(r) => String(r.id)}
        onOpen={setOpen}
        onTotal={setTotal}
        testId={props.testId}
        height={420}
      />
      {open ? (
        <div className="audit-record" data-testid="audit-record">
          <div className="toolbar">
            <strong>
              第 {open.id} 条：{open.label}
            </strong>
            <span className="muted">
              {dateTime(open.at)} · {open.actor} · {workstationText(open.workstation)}
            </span>
            <button type="button" className="link" onClick={() => setOpen(null)}>
              关闭
            </button>
          </div>
          <pre>{payloadLines(open.payload).join('\n')}</pre>
          <div className="muted">哈希 {open.hash}</div>
        </div>
      ) : null}
    </div>
  );
}
