import { useLive } from '../live/useLive';
import { useView } from '../live/view';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { yuan } from '../format';
import type { MethodOutput } from '../../src-shared/api';
import { allowedActions, MEASURE_ACTION_LABELS, RELEASE_GROUNDS, type MeasureAction } from '../../src-shared/domain/assets';
import { MEASURE_STATUS_LABELS } from '../../src-shared/api/methods/measures';
import { useAction } from '../components/useAction';
import { ActionFeedback } from '../components/ActionFeedback';
import { errorText } from '../errorText';

type Asset = MethodOutput<'assets.list'>['rows'][number];
type Measure = MethodOutput<'measures.list'>['rows'][number];

/** 财产控制: the asset register → control batches; measure results, renewal alerts and release. */
export function ControlPage() {
  const [assets, setAssets] = useState<Asset[]>([]);
  const [measures, setMeasures] = useState<Measure[]>([]);
  const [renewalOnly, setRenewalOnly] = useState(false);
  // The ground of a release: the item of 查封规定 Art. 28 para. 1 the ruling cites.
  const [releaseItem, setReleaseItem] = useState(4);
  const [picked, setPicked] = useState<Map<number, MeasureAction>>(new Map());
  const pageView = useView();

  const refresh = async () => {
    const [a, m] = await Promise.all([pageView.read('assets.list', { controllable: true, limit: 1000 }), pageView.read('measures.list', { renewalDue: renewalOnly, limit: 1000 })]);
    setAssets(a.rows);
    setMeasures(m.rows);
  };
  const { run, error, setError, message, setMessage, failure } = useAction(refresh);
  useLive(() => void refresh().catch(() => undefined));
  useEffect(() => {
    void refresh().catch((e: unknown) => setError(errorText(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reloads when the filter changes; refresh and setError are new each render and read current state
  }, [renewalOnly]);


  const createBatch = () =>
    run(async () => {
      const job = await api.call('measures.createBatch', { items: [...picked].map(([assetId, action]) => ({ assetId, action })), seen: pageView.seen() });
      setPicked(new Map());
      // The documents are made in a job; wait for it here (progress shows in the job panel).
      let view = job;
      while (view.status === 'running' || view.status === 'queued') {
        await new Promise((r) => setTimeout(r, 300));
        view = await api.call('jobs.get', { id: job.id });
      }
      if (view.status !== 'done') throw new Error(view.error?.message ?? '控制批次未完成，未写入任何内容');
      const r = view.result as { batchNumber: string; measureCount: number; documentCount: number };
      setMessage(`已建立控制批次 ${r.batchNumber}：${r.measureCount} 项措施，${r.documentCount} 份文书`);
    });

  const actionFor = (a: Asset): MeasureAction => (a.frozenAvailableFen > 0 ? 'deduct' : allowedActions(a.type).find((x) => x !== 'deduct') ?? 'freeze');

  return (
    <div className="page has-jobs" data-testid="control-page">
      <div className="toolbar">
        <h2>财产控制</h2>
        <button disabled={picked.size === 0} onClick={() => void createBatch()} data-testid="control-create">
          建立控制批次（{picked.size}）
        </button>
      </div>
      <ActionFeedback error={error} message={message} testId="control" failure={failure} onReload={() => void refresh()} />

      <h3>财产清单（可控制）</h3>
      <table className="table" data-testid="asset-list">
        <thead>
          <tr>
            <th />
            <th>案号</th>
            <th>被执行人</th>
            <th>类别</th>
            <th>协助单位</th>
            <th>账号/标识</th>
            <th>余额/价值</th>
            <th>已控制</th>
            <th>可扣划</th>
            <th>尚需控制</th>
            <th>措施</th>
          </tr>
        </thead>
        <tbody>
          {assets.map((a) => {
            const chosen = picked.get(a.id);
            const actions = a.frozenAvailableFen > 0 ? (['deduct'] as MeasureAction[]) : allowedActions(a.type).filter((x) => x !== 'deduct');
            return (
              <tr key={a.id} data-testid={`asset-${a.id}`} className={a.controlDueAt && Date.parse(a.controlDueAt) < Date.now() ? 'overdue' : ''}>
                <td>
                  <input
                    type="checkbox"
                    checked={chosen !== undefined}
                    onChange={(e) => {
                      const next = new Map(picked);
                      if (e.target.checked) next.set(a.id, actionFor(a));
                      else next.delete(a.id);
                      setPicked(next);
                    }}
                    data-testid={`asset-pick-${a.id}`}
                  />
                </td>
                <td className="case-no">{a.caseNumber}</td>
                <td>{a.debtor}</td>
                <td>
                  {a.typeLabel}
                  {a.simulated ? '（模拟）' : ''}
                </td>
                <td>{a.institution}</td>
                <td>{a.identifier}</td>
                <td>{yuan(a.valueFen)}</td>
                <td>{yuan(a.controlledFen)}</td>
                <td>{yuan(a.frozenAvailableFen)}</td>
                <td>{yuan(a.caseOutstandingFen)}</td>
                <td>
                  <select
                    value={chosen ?? actionFor(a)}
                    onChange={(e) => setPicked(new Map(picked).set(a.id, e.target.value as MeasureAction))}
                    data-testid={`asset-action-${a.id}`}
                  >
                    {actions.map((x) => (
                      <option key={x} value={x}>
                        {MEASURE_ACTION_LABELS[x]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3>
        控制措施{' '}
        <label>
          <input type="checkbox" checked={renewalOnly} onChange={(e) => setRenewalOnly(e.target.checked)} data-testid="measure-renewal-only" />
          只看到期前30日内待续行
        </label>
      </h3>
      <table className="table" data-testid="measure-list">
        <thead>
          <tr>
            <th>案号</th>
            <th>措施</th>
            <th>协助单位 / 账号</th>
            <th>金额</th>
            <th>实际</th>
            <th>期限</th>
            <th>状态</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => (
            <tr key={m.id} className={m.renewalDue ? 'overdue' : ''} data-testid={`measure-${m.id}`}>
              <td className="case-no">{m.caseNumber}</td>
              <td className="nowrap">{MEASURE_ACTION_LABELS[m.action]}</td>
              <td>
                {m.institution} {m.identifier}
              </td>
              <td>{yuan(m.amountFen)}</td>
              <td>{yuan(m.actualFen)}</td>
              <td>{m.expiresOn ? `${m.startOn} 至 ${m.expiresOn}${m.renewals ? `（续行${m.renewals}次）` : ''}` : m.startOn}</td>
              <td className="nowrap">{MEASURE_STATUS_LABELS[m.status]}</td>
              <td>
                {m.status === 'pending' ? (
                  <>
                    <button onClick={() => void run(() => api.call('measures.recordResult', { results: [{ measureId: m.id, outcome: 'done' }], seen: pageView.seen() }))} data-testid={`measure-done-${m.id}`}>
                      已执行
                    </button>{' '}
                    <button onClick={() => void run(() => api.call('measures.recordResult', { results: [{ measureId: m.id, outcome: 'refused' }], seen: pageView.seen() }))} data-testid={`measure-refused-${m.id}`}>
                      未能执行
                    </button>
                  </>
                ) : null}
                {m.action !== 'deduct' && (m.status === 'done' || m.status === 'partial') ? (
                  <>
                    <button onClick={() => void run(() => api.call('measures.renew', { measureIds: [m.id], seen: pageView.seen() }))} data-testid={`measure-renew-${m.id}`}>
                      续行
                    </button>{' '}
                    <select value={releaseItem} onChange={(e) => setReleaseItem(Number(e.target.value))} data-testid={`measure-release-item-${m.id}`} title="解除依据（查封规定第二十八条第一款）">
                      {RELEASE_GROUNDS.map((g, i) => (
                        <option key={g} value={i + 1}>
                          {`第${'一二三四五六'[i]}项：${g}`}
                        </option>
                      ))}
                    </select>{' '}
                    <button onClick={() => void run(() => api.call('measures.release', { measureIds: [m.id], reason: RELEASE_GROUNDS[releaseItem - 1]!, item: releaseItem, seen: pageView.seen() }))} data-testid={`measure-release-${m.id}`}>
                      解除
                    </button>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
