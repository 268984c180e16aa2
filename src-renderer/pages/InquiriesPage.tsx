import { skippedText } from '../live/conflict';
import { useLive } from '../live/useLive';
import { useView } from '../live/view';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { dateTime, yuan } from '../format';
import type { MethodOutput } from '../../src-shared/api';
import { useAction } from '../components/useAction';
import { PickBox } from '../components/PickBox';
import { FileButton, fileBase64 } from '../components/FileButton';
import { ActionFeedback } from '../components/ActionFeedback';
import { errorText } from '../errorText';

type QueueRow = MethodOutput<'inquiries.queue'>['rows'][number];
type Batch = MethodOutput<'inquiries.batches'>['rows'][number];

const STATUS = { sent: '待反馈', partial: '部分反馈', answered: '已反馈' } as const;

/** 网络查控: the 24-hour queue, query batches with their request files, and the feedback import. */
export function InquiriesPage() {
  const [queue, setQueue] = useState<QueueRow[]>([]);
  const [batches, setBatches] = useState<Batch[]>([]);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const view = useView();

  const refresh = async () => {
    const [q, b] = await Promise.all([view.read('inquiries.queue', { limit: 1000 }), api.call('inquiries.batches', { limit: 50 })]);
    setQueue(q.rows);
    setBatches(b.rows);
  };
  const { run, error, setError, message, setMessage, problems, failure } = useAction(refresh);
  useLive(() => void refresh().catch(() => undefined));
  useEffect(() => {
    void refresh().catch((e: unknown) => setError(errorText(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads once when the page opens; later loads follow the user's actions
  }, []);


  const create = (skipChanged = false) =>
    run(async () => {
      const r = await api.callMeta('inquiries.createBatch', { caseIds: [...picked], seen: view.seen(skipChanged) });
      const b = r.data;
      setPicked(new Set());
      setMessage(`已建立查控批次 ${b.number}（${b.caseCount} 件案件，${b.debtorCount} 名被执行人），请导出请求文件${r.skipped.length ? `。${skippedText(r.skipped)}` : ''}`);
    });

  const importFile = (f: File) =>
    run(async () => {
      const r = await api.call('inquiries.importFeedback', { fileName: f.name, contentBase64: await fileBase64(f) });
      setMessage(
        r.duplicate
          ? `该反馈已导入过（批次 ${r.batchNumber}），未重复记录`
          : `已导入批次 ${r.batchNumber} 的反馈 ${r.rowCount} 行：发现财产 ${r.findingCount} 项，未发现财产 ${r.nothingCount} 行；${r.casesToControl} 件转入待控制，${r.casesToTriage} 件转入待分流${r.simulated ? '（模拟数据）' : ''}`,
      );
    });

  return (
    <div className="page has-jobs" data-testid="inquiries-page">
      <div className="toolbar">
        <h2>网络查控</h2>
        <button disabled={picked.size === 0} onClick={() => void create()} data-testid="inquiry-create">
          建立查控批次（{picked.size}）
        </button>
        <FileButton label="导入查控反馈（Excel 表格或文本表格）" accept=".xlsx,.csv" testId="inquiry-import" onFile={(f) => void importFile(f)} />
      </div>
      <ActionFeedback error={error} message={message} problems={problems} testId="inquiry" failure={failure} onReload={() => void refresh()} onSkip={() => void create(true)} />

      <h3>待查控（移交后24小时内发起）</h3>
      <table className="table" data-testid="inquiry-queue">
        <thead>
          <tr>
            <th>
              <input type="checkbox" checked={queue.length > 0 && picked.size === queue.length} onChange={(e) => setPicked(e.target.checked ? new Set(queue.map((q) => q.caseId)) : new Set())} data-testid="inquiry-pick-all" />
            </th>
            <th>案号</th>
            <th>被执行人</th>
            <th>标的额（元）</th>
            <th>移交时间</th>
            <th>剩余</th>
          </tr>
        </thead>
        <tbody>
          {queue.map((q) => (
            <tr key={q.caseId} className={q.overdue ? 'overdue' : ''}>
              <td>
                <PickBox id={q.caseId} picked={picked} onChange={setPicked} testId={`inquiry-pick-${q.caseId}`} />
              </td>
              <td className="case-no">{q.number}</td>
              <td>{q.debtors}</td>
              <td>{yuan(q.claimFen)}</td>
              <td>{dateTime(q.queuedAt)}</td>
              <td>{q.overdue ? `已超期 ${-q.hoursLeft} 小时` : `${q.hoursLeft} 小时`}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>查控批次</h3>
      <table className="table" data-testid="inquiry-batches">
        <thead>
          <tr>
            <th>批次号</th>
            <th>建立</th>
            <th>案件/被执行人</th>
            <th>反馈</th>
            <th>发现财产</th>
            <th>请求文件</th>
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <tr key={b.id} data-testid={`inquiry-batch-${b.number}`}>
              <td>
                {b.number}
                {b.simulated ? '（模拟）' : ''}
              </td>
              <td>
                {dateTime(b.createdAt)} {b.createdBy}
              </td>
              <td>
                {b.caseCount} / {b.debtorCount}
              </td>
              <td>
                {STATUS[b.status]} {b.answeredCount}/{b.debtorCount}
              </td>
              <td>{b.findingCount}</td>
              <td>
                <button onClick={() => void run(() => api.call('inquiries.exportRequest', { batchId: b.id, format: 'xlsx' }))} data-testid={`inquiry-export-xlsx-${b.id}`}>
                  Excel 表格
                </button>{' '}
                <button onClick={() => void run(() => api.call('inquiries.exportRequest', { batchId: b.id, format: 'csv' }))} data-testid={`inquiry-export-csv-${b.id}`}>
                  文本表格（逗号分隔）
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
