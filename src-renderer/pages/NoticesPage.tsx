import { useView } from '../live/view';
import { useLive } from '../live/useLive';
import { skippedText } from '../live/conflict';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { isDesktop } from '../desktop/connection';
import { dateTime, yuan } from '../format';
import type { MethodOutput } from '../../src-shared/api';
import type { DocumentKind } from '../../src-shared/domain/documentKinds';
import { parseTrackingList } from '../../src-shared/domain/trackingList';
import { useAction } from '../components/useAction';
import { PickBox } from '../components/PickBox';
import { ActionFeedback } from '../components/ActionFeedback';
import { errorText } from '../errorText';

type QueueRow = MethodOutput<'documents.queue'>['rows'][number];
type Template = MethodOutput<'documents.templates'>[number];
type Batch = MethodOutput<'documents.batches'>[number];
type Job = MethodOutput<'jobs.get'>;

/** 文书集约: the notice queue with its working-day deadline, the batch, the print files, bulk EMS service. */
export function NoticesPage() {
  const [queue, setQueue] = useState<QueueRow[]>([]);
  const [overdue, setOverdue] = useState(0);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [kinds, setKinds] = useState<Set<string>>(new Set());
  const [batches, setBatches] = useState<Batch[]>([]);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [job, setJob] = useState<Job | null>(null);
  const [paste, setPaste] = useState('');
  const view = useView();
  // 限制消费令 due: served notices whose period ran out unperformed (限高规定 法释〔2015〕17号 Art. 1).
  const [bans, setBans] = useState<MethodOutput<'documents.banQueue'>['rows']>([]);
  const banView = useView();

  const refresh = async () => {
    const [q, b, bq] = await Promise.all([
      view.read('documents.queue', { ...(text ? { text } : {}), limit: 5000 }),
      api.call('documents.batches', { limit: 20 }),
      banView.read('documents.banQueue', { limit: 5000 }),
    ]);
    setBans(bq.rows);
    setQueue(q.rows);
    setOverdue(q.overdue);
    setBatches(b);
    setPicked((p) => new Set([...p].filter((id) => q.rows.some((r) => r.caseId === id))));
  };
  const { run, error, setError, message, setMessage, problems, setProblems, failure } = useAction(refresh);
  // The queue follows other clerks' work without a reload.
  useLive(() => void refresh().catch(() => undefined));
  useEffect(() => {
    void api.call('documents.templates', {}).then((t) => {
      setTemplates(t.filter((x) => x.batchable));
      setKinds(new Set(t.filter((x) => x.defaultSelected).map((x) => x.kind)));
    });
    void refresh().catch((e: unknown) => setError(errorText(e)));
    return api.onEvent('job', (data) => {
      const j = data as Job;
      if (j.kind !== 'documents.batch') return;
      setJob(j);
      if (j.status !== 'running') void refresh();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads once when the page opens; later loads follow the user's actions
  }, []);


  /** `skipChanged`: the clerk chose to leave out the cases changed since the queue was loaded. */
  const generate = (skipChanged = false) =>
    run(async () => {
      const chosen = templates.map((t) => t.kind).filter((k) => kinds.has(k)) as DocumentKind[];
      const r = await api.callMeta('documents.generateBatch', { caseIds: [...picked], kinds: chosen, ...(reason ? { reason } : {}), seen: view.seen(skipChanged) });
      setJob(r.data);
      setPicked(new Set());
      if (r.skipped.length > 0) setMessage(skippedText(r.skipped));
    });

  const serveList = () =>
    run(async () => {
      const lines = parseTrackingList(paste);
      const bad = lines.filter((l) => l.error);
      if (bad.length) {
        setProblems(bad.map((l) => ({ row: l.line, column: '日期', reason: l.error! })));
        throw new Error('粘贴的清单有误，请修改后再登记');
      }
      const r = await api.call('documents.markServed', { items: lines.map((l) => ({ trackingNumber: l.trackingNumber, servedOn: l.servedOn! })), seen: view.seen() });
      setPaste('');
      setMessage(`已登记送达 ${r.served} 份`);
    });

  const result = job?.status === 'done' ? (job.result as { batchId: string; batchNumber: string; documents: number; printPages: number }) : null;
  return (
    <div className="page" data-testid="notices-page">
      <div className="toolbar">
        <h2>文书集约</h2>
        <input placeholder="案号、当事人" value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void refresh()} data-testid="notices-search" />
        {templates.map((t) => (
          <label key={t.kind} title={t.summary} className="check">
            <PickBox id={t.kind} picked={kinds} onChange={setKinds} testId={`notices-kind-${t.kind}`} />
            {t.kind}
          </label>
        ))}
        <input placeholder="重新制作的原因（已有文书时必填）" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="notices-reason" />
        <button disabled={picked.size === 0 || kinds.size === 0 || job?.status === 'running'} onClick={() => void generate()} data-testid="notices-generate">
          批量制作（{picked.size} 件）
        </button>
      </div>
      <ActionFeedback error={error} message={message} problems={problems} testId="notices" failure={failure} onReload={() => void refresh()} onSkip={() => void generate(true)} />
      {job ? (
        <div data-testid="notices-job">
          <progress max={Math.max(1, job.total)} value={job.done} data-testid="notices-progress" /> {job.message}
          {job.status === 'running' ? (
            <button className="link" onClick={() => void api.call('jobs.cancel', { id: job.id }).catch(() => undefined)} data-testid="notices-cancel">
              取消
            </button>
          ) : null}
          {result ? (
            <button onClick={() => void run(() => api.call('documents.file', { batchId: result.batchId }))} data-testid="notices-print">
              打开合并打印文件（{result.documents} 份，{result.printPages} 页）
            </button>
          ) : null}
          {result && isDesktop() ? (
            <button onClick={() => void run(() => api.call('documents.file', { batchId: result.batchId, action: 'reveal' }))} data-testid="notices-reveal">
              打开所在文件夹
            </button>
          ) : null}
        </div>
      ) : null}

      <h3>
        待发通知（立案后3个工作日内）{queue.length} 件{overdue ? <span className="overdue">，已超期 {overdue} 件</span> : null}
      </h3>
      <table className="table" data-testid="notices-queue">
        <thead>
          <tr>
            <th>
              <input type="checkbox" checked={queue.length > 0 && picked.size === queue.length} onChange={(e) => setPicked(e.target.checked ? new Set(queue.map((q) => q.caseId)) : new Set())} data-testid="notices-pick-all" />
            </th>
            <th>案号</th>
            <th>申请执行人</th>
            <th>被执行人</th>
            <th>标的额（元）</th>
            <th>立案日期</th>
            <th>期限</th>
            <th>已有文书</th>
          </tr>
        </thead>
        <tbody>
          {queue.map((q) => (
            <tr key={q.caseId} className={q.overdue ? 'overdue' : ''} data-testid={`notices-row-${q.caseId}`}>
              <td>
                <PickBox id={q.caseId} picked={picked} onChange={setPicked} testId={`notices-pick-${q.caseId}`} />
              </td>
              <td>
                <a href={`#/cases/${q.caseId}`}>{q.number}</a>
              </td>
              <td>{q.applicants}</td>
              <td>{q.debtors}</td>
              <td>{yuan(q.claimFen)}</td>
              <td>{q.filedOn}</td>
              <td>
                {q.dueOn}（{q.overdue ? `超期 ${-q.daysLeft} 个工作日` : `剩 ${q.daysLeft} 个工作日`}）
              </td>
              <td>{q.existingKinds.join('、')}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>待发限制消费令（执行通知书履行期间届满未履行）</h3>
      <table className="table" data-testid="notices-ban-queue">
        <tbody>
          {bans.map((r) => (
            <tr key={r.caseId}>
              <td>{r.number}</td>
              <td>{r.debtors}</td>
              <td>
                {r.servedOn} 送达，{r.dueOn} 届满
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {bans.length ? (
        <button
          disabled={job?.status === 'running'}
          onClick={() =>
            void run(async () => {
              setJob(await api.call('documents.generateBatch', { caseIds: bans.map((r) => r.caseId), kinds: ['限制消费令', '送达回证'], seen: banView.seen() }));
            })
          }
          data-testid="notices-ban-generate"
        >
          为以上 {bans.length} 件制作限制消费令（附送达回证）
        </button>
      ) : (
        <p className="muted">暂无。</p>
      )}

      <h3>文书批次</h3>
      <table className="table" data-testid="notices-batches">
        <tbody>
          {batches.map((b) => (
            <tr key={b.id}>
              <td>{b.number}</td>
              <td>
                {dateTime(b.createdAt)} {b.createdBy}
              </td>
              <td>
                {b.caseCount} 件 / {b.documentCount} 份：{b.kinds.join('、')}
              </td>
              <td>{b.hasPrintFile ? <button onClick={() => void run(() => api.call('documents.file', { batchId: b.id }))}>合并打印 PDF</button> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>邮寄送达：按 EMS 单号批量登记签收日期</h3>
      <textarea rows={5} cols={60} placeholder={'每行一件：邮件单号 签收日期\n例：1100000000011 2026-11-25'} value={paste} onChange={(e) => setPaste(e.target.value)} data-testid="notices-tracking" />
      <div>
        <button disabled={!paste.trim()} onClick={() => void serveList()} data-testid="notices-serve">
          登记送达
        </button>
      </div>
    </div>
  );
}
