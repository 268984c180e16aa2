// Piscina worker entry (built to out/main/documentWorker.js): renders documents off the main thread
// so the window stays responsive and both cores are used.
import { runDefinition, runTask, type DefinitionTask, type MergeTask, type RenderOutcome, type RenderTask } from './renderTask';
import { installFastDeflate } from './fastDeflate';
import { workerData } from 'node:worker_threads';
import { runThisThreadInBackground } from '../../jobs/threadPriority';
import type { RenderWorkerData } from './pool';

installFastDeflate();
// A batch thread yields the CPU to the server's request thread (pool.ts: two lanes).
if ((workerData as RenderWorkerData | null)?.background) runThisThreadInBackground();

export default function render(task: RenderTask | MergeTask | DefinitionTask): Promise<RenderOutcome | Uint8Array> {
  return task.op === 'definition' ? runDefinition(task) : runTask(task);
}
