import { useView } from '../live/view';
import { useState } from 'react';
import { api } from '../api/client';
import type { MeasureAction } from '../../src-shared/domain/assets';
import { useAction } from '../components/useAction';
import { ActionFeedback } from '../components/ActionFeedback';
import { AssetsGrid } from './control/AssetsGrid';
import { MeasuresGrid } from './control/MeasuresGrid';

/** 财产控制: the asset register → control batches; measure results, renewal alerts and release. */
export function ControlPage() {
  // The grids reload after the page's own writes (tick) and with the live feed (DataGrid).
  const [tick, setTick] = useState(0);
  const [renewalOnly, setRenewalOnly] = useState(false);
  const [picked, setPicked] = useState<Map<number, MeasureAction>>(new Map());
  const pageView = useView();

  // The grids load themselves and follow the live feed; after the page's own write they reload in place.
  const refresh = () => {
    setTick((n) => n + 1);
    return Promise.resolve();
  };
  const { run, error, message, setMessage, failure } = useAction(refresh);


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
      <AssetsGrid picked={picked} onPicked={setPicked} view={pageView} refreshTick={tick} />

      <h3>
        控制措施{' '}
        <label>
          <input type="checkbox" checked={renewalOnly} onChange={(e) => setRenewalOnly(e.target.checked)} data-testid="measure-renewal-only" />
          只看到期前30日内待续行
        </label>
      </h3>
      <MeasuresGrid renewalOnly={renewalOnly} view={pageView} run={run} refreshTick={tick} />
    </div>
  );
}
