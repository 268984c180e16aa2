import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { builtWorkerFile } from '../../jobs/builtWorker';
import { runDefinition, runTask, type DefinitionTask, type MergeTask, type RenderOutcome, type RenderTask } from './renderTask';

// The rendering pools: worker threads (piscina), started on first use and stopped when idle. The
// worker is a separate build entry (electron.vite.config.ts → out/main/documentWorker.js); where it
// is not built (vitest running TypeScript, a bundled test child) rendering runs in-thread, which is
// slower but produces the same files.
//
// Two pools, two lanes. Batches (hundreds of cases, seconds per task) render on one thread per core
// run below normal priority (jobs/threadPriority.ts); a clerk's own document (a renewal's ruling, a
// case's notice, a print) renders on threads of its own at normal priority, so it never queues behind
// a batch: at 100 clerks with a 1,000-case batch running, renewals waited 19 s (p95) when both
// shared one queue.

const pools: Record<RenderLane, Piscina | null> = { interactive: null, batch: null };

/** Which lane a render task takes: `batch` for work over many cases, `interactive` for one clerk's own. */
export type RenderLane = 'interactive' | 'batch';

/** Cases above which a render is batch work. */
export const BATCH_LANE_CASES = 10;

/** What the worker is told at start: a batch thread lowers its own priority. */
export interface RenderWorkerData {
  background: boolean;
}

/** The built render worker (jobs/builtWorker.ts), null where rendering runs in-thread. */
export function workerFile(): string | null {
  return builtWorkerFile('documentWorker.js', 'ZHIXING_DOCUMENT_WORKER', import.meta.url);
}

function getPool(lane: RenderLane = 'interactive'): Piscina | null {
  const existing = pools[lane];
  if (existing) return existing;
  const file = workerFile();
  if (!file) return null;
  const workerData: RenderWorkerData = { background: lane === 'batch' };
  // A smaller young generation (V8's default semi-spaces are 16 MB) collects the many short-lived
  // buffers of each document sooner: a render thread peaks near 300 MB instead of 420 MB, for the
  // same CPU time (measured on the 1,000-case batch).
  const pool = new Piscina({ filename: file, workerData, minThreads: 0, maxThreads: Math.max(1, availableParallelism()), idleTimeout: 30_000, concurrentTasksPerWorker: 1, resourceLimits: { maxYoungGenerationSizeMb: 12 } });
  pools[lane] = pool;
  return pool;
}

export function usesWorkers(): boolean {
  return getPool() !== null;
}

/** How many tasks run at once: the pool's threads, or 1 in-thread. */
export function renderThreads(): number {
  return getPool() ? Math.max(1, availableParallelism()) : 1;
}

/**
 * Runs one task on the pool (or in-thread); an aborted signal rejects tasks not yet finished (piscina
 * stops the worker of a running one). `onItem` hears, item by item, how many of a render task's
 * documents are done (through a MessagePort from the worker), so long tasks still show progress.
 */
export async function render(task: RenderTask | MergeTask, signal?: AbortSignal, onItem?: (done: number) => void, lane: RenderLane = 'interactive'): Promise<RenderOutcome> {
  const p = getPool(lane);
  if (!p) {
    signal?.throwIfAborted();
    return runTask(task, onItem, signal);
  }
  const opts = signal ? { signal } : {};
  if (task.op !== 'render' || !onItem) return (await p.run(task, opts)) as RenderOutcome;
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (n: number) => onItem(n));
  try {
    return (await p.run({ ...task, progress: port2 }, { ...opts, transferList: [port2] })) as RenderOutcome;
  } finally {
    port1.close();
  }
}

/**
 * A one-off PDF from a pdfmake definition, drawn on the pool: loading pdfmake and the CJK fonts alone
 * held the request thread for over a second when the daily audit slip was drawn there.
 */
export async function renderDefinition(definition: DefinitionTask['definition'], pageFooter?: DefinitionTask['pageFooter']): Promise<Buffer> {
  const task: DefinitionTask = { op: 'definition', definition, ...(pageFooter ? { pageFooter } : {}) };
  const p = getPool();
  const bytes = p ? ((await p.run(task)) as Uint8Array) : await runDefinition(task);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Stops the worker threads (app shutdown, end of a bench). */
export async function closePool(): Promise<void> {
  const all = [pools.interactive, pools.batch];
  pools.interactive = pools.batch = null;
  await Promise.all(all.map((p) => p?.destroy()));
}
