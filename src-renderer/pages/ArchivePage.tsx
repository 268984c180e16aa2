import { useLive } from '../live/useLive';
import { useView } from '../live/view';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { navigate } from '../router';
import type { MethodOutput } from '../../src-shared/api';
import { FileButton, fileBase64 } from '../components/FileButton';
import { useAction } from '../components/useAction';
import { DataGrid, type DataColumn } from '../components/DataGrid';
import { ActionFeedback } from '../components/ActionFeedback';
import { ReviewRate } from './archive/ReviewRate';
import { errorText } from '../errorText';

type ArchiveRow = MethodOutput<'grids.archive'>['rows'][number];
type DueRow = MethodOutput<'grids.requeryDue'>['rows'][number];
type Batch = MethodOutput<'archive.requeryBatch'>;
type BatchSummary = MethodOutput<'archive.requeryBatches'>[number];

const SCAN = { pending: '未扫描', scanned: '已扫描', bound: '已扫描装订' } as const;
const REVIEW = { pending: '未评查', pass: '合格', fail: '不合格' } as const;

/** 终本库: the archive register, the re-query due list and batches, results, review and resumption. */
export function ArchivePage() {
  // The grids reload after the page's own writes (tick) and with the live feed (DataGrid).
  const [tick, setTick] = useState(0);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [batch, setBatch] = useState<Batch | null>(null);
  const [batches, setBatches] = useState<BatchSummary[]>([]);
  const [findings, setFindings] = useState<Record<number, string>>({});
  // The lists as the clerk sees them (seen), and the open round's batch (its own view).
  const view = useView();
  const batchView = useView();

  const refresh = async () => {
    setBatches(await api.call('archive.requeryBatches', {}));
    setTick((n) => n + 1);
  };
  const { run, error, setError, message, setMessage, failure } = useAction(refresh);
  useLive(() => void refresh().catch(() => undefined));
  useEffect(() => {
    void refresh().catch((e: unknown) => setError(errorText(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads once when the page opens; later loads follow the user's actions
  }, []);


  const dueColumns = useMemo<DataColumn<DueRow>[]>(
    () => [
      { colId: 'number', field: 'number', headerName: '案号', kind: 'caseNo' },
      { colId: 'debtors', field: 'debtors', headerName: '被执行人', width: 220 },
      { colId: 'round', field: 'round', headerName: '轮次', kind: 'number', width: 100, valueFormatter: (p) => (p.value ? `第${String(p.value)}次` : '') },
      { colId: 'dueOn', field: 'dueOn', headerName: '应复查日期', kind: 'date', width: 140, cellClassRules: { overdue: (p) => Boolean(p.data?.overdue) } },
      { colId: 'terminatedOn', field: 'terminatedOn', headerName: '终本日期', kind: 'date', width: 130 },
      { colId: 'unpaidFen', field: 'unpaidFen', headerName: '未履行（元）', kind: 'fen', width: 140 },
    ],
    [],
  );

  const archiveColumns = useMemo<DataColumn<ArchiveRow>[]>(
    () => [
      { colId: 'number', field: 'number', headerName: '案号', kind: 'caseNo' },
      { colId: 'applicants', field: 'applicants', headerName: '申请执行人', width: 160 },
      { colId: 'debtors', field: 'debtors', headerName: '被执行人', width: 200 },
      { colId: 'unpaidFen', field: 'unpaidFen', headerName: '未履行（元）', kind: 'fen', width: 140 },
      { colId: 'terminatedOn', field: 'terminatedOn', headerName: '终本日期', kind: 'date', width: 130, sort: 'desc' },
      {
        colId: 'nextRequeryOn',
        field: 'nextRequeryOn',
        headerName: '下次复查',
        kind: 'date',
        width: 130,
        cellRenderer: (p: { data?: ArchiveRow }) =>
          p.data ? <span data-testid={`archive-next-${p.data.caseId}`}>{p.data.nextRequeryOn ?? (p.data.resumedNumber ? '—' : '已满五年')}</span> : null,
      },
      { colId: 'lastResult', field: 'lastResult', headerName: '最近结果', kind: 'enum', options: { found: '发现财产', nothing: '未发现' }, width: 120 },
      { colId: 'room', headerName: '卷宗位置', width: 140, valueGetter: (p) => (p.data ? [p.data.room, p.data.shelf, p.data.box].filter(Boolean).join(' / ') : '') },
      { colId: 'scanStatus', field: 'scanStatus', headerName: '扫描', kind: 'enum', options: SCAN, width: 130 },
      { colId: 'reviewStatus', field: 'reviewStatus', headerName: '评查', kind: 'enum', options: REVIEW, width: 110 },
      {
        colId: 'resumedNumber',
        field: 'resumedNumber',
        headerName: '恢复执行',
        width: 260,
        cellRenderer: (p: { data?: ArchiveRow }) =>
          !p.data ? null : p.data.resumedNumber ? (
            <span data-testid={`archive-resumed-${p.data.caseId}`}>已恢复：{p.data.resumedNumber}</span>
          ) : (
            <button type="button" onClick={() => void resume(p.data!.caseId)} data-testid={`resume-${p.data.caseId}`}>
              恢复执行
            </button>
          ),
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- resume reads the current view through a ref-backed hook; the columns are made once
    [],
  );

  const createBatch = () =>
    run(async () => {
      const b = await api.call('archive.createRequeryBatch', { caseIds: [...picked], seen: view.seen() });
      setPicked(new Set());
      setBatch(await batchView.read('archive.requeryBatch', { batchId: b.id }));
      setMessage(`已建立复查批次 ${b.number}${b.inquiryBatchNumber ? `（查控批次 ${b.inquiryBatchNumber}，请导出请求文件）` : ''}`);
    });

  const record = (caseId: number, nothingFound: boolean) =>
    run(async () => {
      if (!batch) return;
      const list = (findings[caseId] ?? '').split(/[;；\n]/).map((s) => s.trim()).filter(Boolean);
      await api.call('archive.recordResults', { batchId: batch.id, results: [{ caseId, nothingFound, findings: nothingFound ? [] : list }], seen: batchView.seen() });
      setBatch(await batchView.read('archive.requeryBatch', { batchId: batch.id }));
      setMessage('复查结果已登记，并已出具查询结果告知书');
    });

  const openBatch = (batchId: number) => run(async () => setBatch(await batchView.read('archive.requeryBatch', { batchId })));

  // The round's query batch is an ordinary 网络查控 batch: its request file and feedback are handled here too.
  const importFeedback = (f: File) =>
    run(async () => {
      if (!batch?.inquiryBatchId) return;
      const r = await api.call('inquiries.importFeedback', { fileName: f.name, contentBase64: await fileBase64(f), batchId: batch.inquiryBatchId });
      setMessage(r.duplicate ? `该反馈已导入过（批次 ${r.batchNumber}）` : `已导入查控反馈 ${r.rowCount} 行：发现财产 ${r.findingCount} 项${r.simulated ? '（模拟数据）' : ''}，请“从查控反馈取结果”`);
    });

  const collect = () =>
    run(async () => {
      if (!batch) return;
      const r = await api.call('archive.collectResults', { batchId: batch.id });
      setBatch(await batchView.read('archive.requeryBatch', { batchId: batch.id }));
      setMessage(`已从查控反馈取得 ${r.recorded} 件复查结果`);
    });

  const resume = (caseId: number) =>
    run(async () => {
      const c = await api.call('cases.resume', { caseId, ground: '终本后发现被执行人有可供执行的财产', seen: view.seen() });
      setMessage(`已恢复执行：${c.number}`);
      navigate(`/cases/${c.id}`);
    });

  return (
    <div className="page has-jobs" data-testid="archive-page">
      <div className="toolbar">
        <h2>终本库</h2>
        <ReviewRate />
      </div>
      <ActionFeedback error={error} message={message} testId="archive" failure={failure} onReload={() => void refresh()} />

      <h3>到期复查（每6个月一次，满5年止）</h3>
      <DataGrid
        grid="requeryDue"
        params={{}}
        columns={dueColumns}
        rowId={(r) => String(r.caseId)}
        view={view}
        selectable
        onSelection={(sel) => setPicked(new Set(sel.map((r) => r.caseId)))}
        onOpen={(r) => navigate(`/cases/${r.caseId}`)}
        testId="requery-due"
        height={260}
        refreshTick={tick}
        onError={setError}
      />
      <button type="button" className="primary" disabled={picked.size === 0} onClick={() => void createBatch()} data-testid="requery-create">
        建立复查批次
      </button>

      {batch ? (
        <div data-testid="requery-batch">
          <h3>
            复查批次 {batch.number}（待反馈 {batch.pending}，发现财产 {batch.found}，无财产 {batch.nothing}）
          </h3>
          {batch.inquiryBatchId ? (
            <div className="toolbar">
              <span>查控批次 {batch.inquiryBatchNumber}：</span>
              <button type="button" onClick={() => void run(() => api.call('inquiries.exportRequest', { batchId: batch.inquiryBatchId!, format: 'xlsx' }))} data-testid="requery-export-xlsx">
                导出请求文件（Excel 表格）
              </button>
              <button type="button" onClick={() => void run(() => api.call('inquiries.exportRequest', { batchId: batch.inquiryBatchId!, format: 'csv' }))} data-testid="requery-export-csv">
                文本表格
              </button>
              <FileButton label="导入查控反馈" accept=".xlsx,.csv" testId="requery-import" onFile={(f) => void importFeedback(f)} />
              <button type="button" className="primary" disabled={batch.pending === 0} onClick={() => void collect()} data-testid="requery-collect">
                从查控反馈取结果
              </button>
            </div>
          ) : null}
          <table className="table">
            <tbody>
              {batch.rounds.map((r) => (
                <tr key={r.caseId} data-testid={`round-${r.caseId}`}>
                  <td>{r.number}</td>
                  <td>第{r.round}次</td>
                  <td>{r.result === 'pending' ? '待反馈' : r.result === 'found' ? `发现财产：${r.findings.join('；')}` : '未发现财产'}</td>
                  <td>
                    {r.result === 'pending' ? (
                      <>
                        <input placeholder="发现的财产（多项用；分隔）" value={findings[r.caseId] ?? ''} onChange={(e) => setFindings({ ...findings, [r.caseId]: e.target.value })} data-testid={`finding-${r.caseId}`} />
                        <button type="button" onClick={() => void record(r.caseId, false)} data-testid={`record-found-${r.caseId}`}>
                          登记发现财产
                        </button>
                        <button type="button" onClick={() => void record(r.caseId, true)} data-testid={`record-nothing-${r.caseId}`}>
                          未发现财产
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {batches.length > 0 ? (
        <>
          <h3>复查批次</h3>
          <table className="table" data-testid="requery-batches">
            <thead>
              <tr>
                <th>批次</th>
                <th>建立</th>
                <th>查控批次</th>
                <th>案件</th>
                <th>待反馈</th>
                <th>发现财产</th>
                <th>未发现</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id} className={batch?.id === b.id ? 'selected' : ''}>
                  <td>{b.number}</td>
                  <td>{b.createdOn}</td>
                  <td>{b.inquiryBatchNumber ?? '（人工登记）'}</td>
                  <td>{b.caseCount}</td>
                  <td>{b.pending}</td>
                  <td>{b.found}</td>
                  <td>{b.nothing}</td>
                  <td>
                    <button type="button" className="link" onClick={() => void openBatch(b.id)} data-testid={`requery-open-${b.id}`}>
                      打开
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      <h3>终本案件</h3>
      <DataGrid grid="archive" params={{}} columns={archiveColumns} rowId={(r) => String(r.caseId)} view={view} onOpen={(r) => navigate(`/cases/${r.caseId}`)} testId="archive-grid" height={520} refreshTick={tick} onError={setError} />
    </div>
  );
}
