import { useMemo } from 'react';
import { DataGrid, type DataColumn } from '../../components/DataGrid';
import type { useView } from '../../live/view';
import { allowedActions, MEASURE_ACTION_LABELS, type MeasureAction } from '../../../src-shared/domain/assets';
import type { MethodOutput } from '../../../src-shared/api';

type Asset = MethodOutput<'grids.assets'>['rows'][number];

/** What a picked asset gets by default: deduction of what we froze, else the first control its kind allows. */
export const actionFor = (a: Asset): MeasureAction => (a.frozenAvailableFen > 0 ? 'deduct' : (allowedActions(a.type).find((x) => x !== 'deduct') ?? 'freeze'));

/** 财产清单（可控制）as the shared grid: each row picked for the control batch with its measure. */
export function AssetsGrid(props: { picked: Map<number, MeasureAction>; onPicked: (next: Map<number, MeasureAction>) => void; view: ReturnType<typeof useView>; refreshTick: number }) {
  const { picked, onPicked } = props;
  const columns = useMemo<DataColumn<Asset>[]>(
    () => [
      {
        colId: 'pick',
        headerName: '',
        width: 50,
        kind: 'none',
        sortable: false,
        cellRenderer: (p: { data?: Asset }) =>
          p.data ? (
            <input
              type="checkbox"
              checked={picked.has(p.data.id)}
              onChange={(e) => {
                const next = new Map(picked);
                if (e.target.checked) next.set(p.data!.id, actionFor(p.data!));
                else next.delete(p.data!.id);
                onPicked(next);
              }}
              data-testid={`asset-pick-${p.data.id}`}
            />
          ) : null,
      },
      { colId: 'caseNumber', field: 'caseNumber', headerName: '案号', kind: 'caseNo', cellClassRules: { overdue: (p) => Boolean(p.data?.controlDueAt && Date.parse(p.data.controlDueAt) < Date.now()) } },
      { colId: 'debtor', field: 'debtor', headerName: '被执行人', width: 160 },
      { colId: 'typeLabel', headerName: '类别', kind: 'none', width: 110, valueGetter: (p) => (p.data ? `${p.data.typeLabel}${p.data.simulated ? '（模拟）' : ''}` : '') },
      { colId: 'institution', field: 'institution', headerName: '协助单位', width: 180 },
      { colId: 'identifier', field: 'identifier', headerName: '账号/标识', kind: 'none', width: 200 },
      { colId: 'valueFen', field: 'valueFen', headerName: '余额/价值', kind: 'fen', width: 130 },
      { colId: 'controlledFen', field: 'controlledFen', headerName: '已控制', kind: 'fen', width: 130 },
      { colId: 'frozenAvailableFen', field: 'frozenAvailableFen', headerName: '可扣划', kind: 'fen', width: 130 },
      { colId: 'caseOutstandingFen', field: 'caseOutstandingFen', headerName: '尚需控制', kind: 'fen', width: 130 },
      {
        colId: 'action',
        headerName: '措施',
        width: 110,
        kind: 'none',
        sortable: false,
        cellRenderer: (p: { data?: Asset }) => {
          const a = p.data;
          if (!a) return null;
          const actions = a.frozenAvailableFen > 0 ? (['deduct'] as MeasureAction[]) : allowedActions(a.type).filter((x) => x !== 'deduct');
          return (
            <select value={picked.get(a.id) ?? actionFor(a)} onChange={(e) => onPicked(new Map(picked).set(a.id, e.target.value as MeasureAction))} data-testid={`asset-action-${a.id}`}>
              {actions.map((x) => (
                <option key={x} value={x}>
                  {MEASURE_ACTION_LABELS[x]}
                </option>
              ))}
            </select>
          );
        },
      },
    ],
    [picked, onPicked],
  );
  return <DataGrid grid="assets" params={{ controllable: true }} columns={columns} rowId={(r) => String(r.id)} view={props.view} testId="asset-list" height={360} refreshTick={props.refreshTick} />;
}
