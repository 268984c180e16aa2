import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { runTask, type MergeTask, type RenderOutcome, type RenderTask } from './renderTask';

// The rendering pool: one worker thread per core (piscina), started on first use and stopped when
// idle. The worker is a separate build entry (electron.vite.config.ts → out/main/documentWorker.js);
// where it is not built (vitest running TypeScript, a bundled test child) rendering runs in-thread,
// which is slower but produces the same files.

let pool: Piscina | null = null;

/** The built worker file next to this module or one folder up (shared chunks live in out/main/chunks). */
export function workerFile(): string | null {
  const env = process.env.ZHIXING_DOCUMENT_WORKER;
  if (env) return existsSync(env) ? env : null;
  if (process.env.ZHIXING_DOCUMENT_WORKER === '') return null;
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, dirname(here)]) {
    const f = join(dir, 'documentWorker.js');
    if (existsSync(f)) return f;
  }
  return null;
}

function getPool(): Piscina | null {
  if (pool) return pool;
  const file = workerFile();
  if (!file) return null;
  const threads = Math.max(1, availableParallelism());
  pool = new Piscina({ filename: file, minThreads: 0, maxThreads: threads, idleTimeout: 30_000, concurrentTasksPerWorker: 1 });
  return pool;
}

export function usesWorkers(): boolean {
  return getPool() !== null;
}

/** Runs one task on the pool (or in-thread); an aborted signal rejects tasks not yet finished. */
export async function render(task: RenderTask | MergeTask, signal?: AbortSignal): Promise<RenderOutcome> {
  const p = getPool();
  if (p) return (await p.run(task, signal ? { signal } : {})) as RenderOutcome;
  signal?.throwIfAborted();
  return runTask(task);
}

/** Stops the worker threads (app shutdown, end of a bench). */
export async function closePool(): Promise<void> {
  const p = pool;
  pool = null;
  if (p) await p.destroy();
}
