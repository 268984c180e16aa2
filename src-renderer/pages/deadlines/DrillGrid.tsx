import { useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { api } from '../../api/client';
import { ServerGrid, type PageRequest } from '../../components/Grid';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { dateTime, stageLabel } from '../../format';
import type { MethodOutput } from '../../../src-shared/api';
import type { DrillTarget } from './BoardPanel';

type Row = MethodOutput<'deadlines.cases'>['rows'][number];

/** The cases behind one number of the board, paged from the clocks (most overdue first). */
export function DrillGrid({ target, onClose }: { target: DrillTarget; onClose: () => void }) {
  const { settings } = useSession();
  const [total, setTotal] = useState<number | null>(null);
  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'number', headerName: '案号', width: 210, pinned: 'left', sortable: false },
      { field: 'ruleName', headerName: '期限', width: 220, sortable: false },
      { field: 'startOn', headerName: '起算', width: 110, sortable: false },
      { field: 'dueOn', headerName: '届满', width: 150, sortable: false, valueGetter: (p) => (p.data?.dueAt ? dateTime(p.data.dueAt) : p.data?.dueOn) },
      { field: 'bucketLabel', headerName: '状态', width: 130, sortable: false, cellClass: (p) => (p.data?.bucket === 'overdue' ? 'overdue' : p.data?.bucket === 'today' ? 'due-soon' : '') },
      { field: 'daysOverdue', headerName: '超期天数', width: 100, type: 'rightAligned', sortable: false, valueFormatter: (p) => ((p.value as number) > 0 ? String(p.value) : '') },
      { field: 'stage', headerName: '环节', width: 90, sortable: false, valueFormatter: (p) => stageLabel(p.value as string) },
      { field: 'teamId', headerName: '团队', width: 120, sortable: false, valueFormatter: (p) => settings.teams.find((t) => t.id === p.value)?.name ?? (p.value ? String(p.value) : '指挥中心') },
      { field: 'judgeName', headerName: '承办人', width: 90, sortable: false },
      { field: 'debtors', headerName: '被执行人', flex: 1, minWidth: 160, sortable: false },
    ],
    [settings.teams],
  );
  const { title, ...filter } = target;
  const fetchPage = (req: PageRequest) => api.call('deadlines.cases', { ...filter, offset: req.offset, limit: req.limit });
  return (
    <fieldset data-testid="drill">
      <legend>
        {title}
        {total === null ? '' : `（${total} 项）`}
      </legend>
      <div className="toolbar">
        <button type="button" onClick={onClose} data-testid="drill-close">
          返回看板
        </button>
        <span className="muted">双击打开案件</span>
      </div>
      <ServerGrid<Row>
        testId="drill-grid"
        columns={columns}
        fetchPage={fetchPage}
        deps={[JSON.stringify(target)]}
        rowId={(r) => `${r.caseId}-${r.ruleId}-${r.seq}`}
        onOpen={(r) => navigate(`/cases/${r.caseId}`)}
        onTotal={setTotal}
        height={480}
      />
    </fieldset>
  );
}
