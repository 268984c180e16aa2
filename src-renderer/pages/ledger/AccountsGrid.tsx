import { useMemo } from 'react';
import { DataGrid, type DataColumn } from '../../components/DataGrid';
import { STAGE_LABELS } from '../../../src-shared/domain/stages';
import type { MethodOutput } from '../../../src-shared/api';

type Row = MethodOutput<'grids.ledgerAccounts'>['rows'][number];

/** The case accounts with a balance or money overdue for payout (30-day clock), as the shared grid; a double click opens the account. */
export function AccountsGrid(props: { onOpen: (caseId: number) => void; refreshTick?: number }) {
  const columns = useMemo<DataColumn<Row>[]>(
    () => [
      { colId: 'caseNumber', field: 'caseNumber', headerName: '案号', kind: 'caseNo' },
      { colId: 'stage', field: 'stage', headerName: '阶段', kind: 'enum', options: STAGE_LABELS, width: 120 },
      { colId: 'balanceFen', field: 'balanceFen', headerName: '余额（元）', kind: 'fen', width: 150 },
      { colId: 'overdueFen', field: 'overdueFen', headerName: '超期未发放（元）', kind: 'fen', width: 170, cellClassRules: { overdue: (p) => (p.data?.overdueFen ?? 0) > 0 } },
      { colId: 'oldestDueOn', field: 'oldestDueOn', headerName: '最早应发放日', kind: 'date', width: 140 },
      { colId: 'recoveredFen', field: 'recoveredFen', headerName: '执行到位（元）', kind: 'fen', width: 150 },
    ],
    [],
  );
  return (
    <DataGrid
      grid="ledgerAccounts"
      title="有余额或超期的案件账户"
      params={{}}
      columns={columns}
      rowId={(r) => String(r.caseId)}
      onOpen={(r) => props.onOpen(r.caseId)}
      testId="ledger-accounts"
      height={320}
      {...(props.refreshTick !== undefined ? { refreshTick: props.refreshTick } : {})}
    />
  );
}
