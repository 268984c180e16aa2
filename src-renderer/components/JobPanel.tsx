import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { MethodOutput } from '../../src-shared/api';

type Job = MethodOutput<'jobs.get'>;

const STATUS: Record<Job['status'], string> = {
  queued: '排队中',
  running: '进行中',
  done: '已完成',
  failed: '失败',
  cancelled: '已取消',
  interrupted: '已中断',
};

/**
 * The corner panel of long jobs (batches, imports, exports): progress bars that survive navigation,
 * with cancel. Pages that start a job need do nothing more than call the method.
 */
export function JobPanel() {
  const [jobs, setJobs] = useState<Job[]>([]);
  useEffect(
    () =>
      api.onEvent('job', (data) => {
        const job = data as Job;
        setJobs((list) => [job, ...list.filter((j) => j.id !== job.id)].slice(0, 5));
      }),
    [],
  );
  if (jobs.length === 0) return null;
  return (
    <aside className="job-panel" data-testid="job-panel">
      {jobs.map((j) => {
        const pct = j.total > 0 ? Math.floor((100 * j.done) / j.total) : j.status === 'done' ? 100 : 0;
        return (
          <div key={j.id} className={`job job-${j.status}`} data-testid="job">
            <div className="job-head">
              <strong>{j.label}</strong>
              <span data-testid="job-status">{STATUS[j.status]}</span>
              {j.status === 'running' ? (
                <button type="button" className="link" onClick={() => void api.call('jobs.cancel', { id: j.id }).catch(() => undefined)} data-testid="job-cancel">
                  取消
                </button>
              ) : (
                <button type="button" className="link" onClick={() => setJobs((l) => l.filter((x) => x.id !== j.id))}>
                  关闭
                </button>
              )}
            </div>
            <progress max={100} value={pct} data-testid="job-progress" />
            <div className="job-msg">
              {j.done}/{j.total} {j.error ? j.error.message : j.message}
            </div>
          </div>
        );
      })}
    </aside>
  );
}
