// Piscina worker entry (built to out/main/documentWorker.js): renders documents off the main thread
// so the window stays responsive and both cores are used.
import { runTask, type MergeTask, type RenderOutcome, type RenderTask } from './renderTask';
import { installFastDeflate } from './fastDeflate';

installFastDeflate();

export default function render(task: RenderTask | MergeTask): Promise<RenderOutcome> {
  return runTask(task);
}
