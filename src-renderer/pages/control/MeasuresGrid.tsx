import { useMemo, useState } from 'react';
import { DataGrid, type DataColumn } from '../../components/DataGrid';
import type { useView } from '../../live/view';
import { MEASURE_ACTION_LABELS, RELEASE_GROUNDS } from '../../../src-shared/domain/assets';
import { MEASURE_STATUS_LABELS } from '../../../src-shared/api/methods/measures';
import type { MethodOutput } from '../../../src-shared/api';
import { api } from '../../api/client';

type Measure = MethodOutput<'grids.measures'>['rows'][number];

/** 控制措施 as the shared grid, with each measure's result, renewal and release. */
export function MeasuresGrid(props: { renewalOnly: boolean; view: ReturnType<typeof useView>; run: (f: () => Promise<unknown>) => Promise<unknown>; refreshTick: number }) {
  const { view, run } = props;
  // The ground of a release: the item of 查封规定 Art. 28 para. 1 the ruling cites.
  const [releaseItem, setReleaseItem] = useState(4);
  const columns = useMemo<DataColumn<Measure>[]>(
    () => [
      { colId: 'caseNumber', field: 'caseNumber', headerName: '案号', kind: 'caseNo', cellClassRules: { overdue: (p) => Boolean(p.data?.renewalDue) } },
      { colId: 'action', field: 'action', headerName: '措施', kind: 'enum', options: MEASURE_ACTION_LABELS, width: 100 },
      { colId: 'institution', headerName: '协助单位 / 账号', width: 260, valueGetter: (p) => (p.data ? `${p.data.institution} ${p.data.identifier}` : '') },
      { colId: 'amountFen', field: 'amountFen', headerName: '金额', kind: 'fen', width: 130 },
      { colId: 'actualFen', field: 'actualFen', headerName: '实际', kind: 'fen', width: 130 },
      {
        colId: 'expiresOn',
        headerName: '期限',
        kind: 'date',
        width: 260,
        valueGetter: (p) => (!p.data ? '' : p.data.expiresOn ? `${p.data.startOn} 至 ${p.data.expiresOn}${p.data.renewals ? `（续行${p.data.renewals}次）` : ''}` : p.data.startOn),
      },
      { colId: 'status', field: 'status', headerName: '状态', kind: 'enum', options: MEASURE_STATUS_LABELS, width: 130 },
      {
        colId: 'ops',
        headerName: '操作',
        kind: 'none',
        sortable: false,
        minWidth: 460,
        flex: 1,
        cellRenderer: (p: { data?: Measure }) => {
          const m = p.data;
          if (!m) return null;
          return (
            <span>
              {m.status === 'pending' ? (
                <>
                  <button onClick={() => void run(() => api.call('measures.recordResult', { results: [{ measureId: m.id, outcome: 'done' }], seen: view.seen() }))} data-testid={`measure-done-${m.id}`}>
                    已执行
                  </button>{' '}
                  <button onClick={() => void run(() => api.call('measures.recordResult', { results: [{ measureId: m.id, outcome: 'refused' }], seen: view.seen() }))} data-testid={`measure-refused-${m.id}`}>
                    未能执行
                  </button>
                </>
              ) : null}
              {m.action !== 'deduct' && (m.status === 'done' || m.status === 'partial') ? (
                <>
                  <button onClick={() => void run(() => api.call('measures.renew', { measureIds: [m.id], seen: view.seen() }))} data-testid={`measure-renew-${m.id}`}>
                    续行
                  </button>{' '}
                  <select value={releaseItem} onChange={(e) => setReleaseItem(Number(e.target.value))} data-testid={`measure-release-item-${m.id}`} title="解除依据（查封规定第二十八条第一款）">
                    {RELEASE_GROUNDS.map((g, i) => (
                      <option key={g} value={i + 1}>
                        {`第${'一二三四五六'[i]}项：${g}`}
                      </option>
                    ))}
                  </select>{' '}
                  <button onClick={() => void run(() => api.call('measures.release', { measureIds: [m.id], reason: RELEASE_GROUNDS[releaseItem - 1]!, item: releaseItem, seen: view.seen() }))} data-testid={`measure-release-${m.id}`}>
                    解除
                  </button>
                </>
              ) : null}
            </span>
          );
        },
      },
    ],
    [view, run, releaseItem],
  );
  return <DataGrid grid="measures" params={{ renewalDue: props.renewalOnly }} columns={columns} rowId={(r) => String(r.id)} view={view} testId="measure-list" height={360} refreshTick={props.refreshTick} />;
}
