import { api } from '../../api/client';
import type { MethodOutput } from '../../../src-shared/api';

type Job = MethodOutput<'jobs.get'>;

/** Waits for a job the page started (its progress shows in the job panel); refuses when it did not finish. */
export async function waitForJob(job: Job): Promise<Job> {
  let view = job;
  while (view.status === 'running' || view.status === 'queued') {
    await new Promise((r) => setTimeout(r, 300));
    view = await api.call('jobs.get', { id: job.id });
  }
  if (view.status !== 'done') throw new Error(view.error?.message ?? `${view.label}未完成，未写入任何内容`);
  return view;
}
