import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ApiError } from '../../../src-shared/api/errors';
import { UploadFormatError, UploadLimitError, UPLOAD_LIMITS } from '../../../src-shared/domain/uploadLimits';
import type { UploadOutcome, UploadTask } from './worker';
import type { Table } from './table';

// Uploaded files are read only in the upload worker (worker.ts): at most two threads, each with its
// heap capped at UPLOAD_LIMITS.heapMb (worker resourceLimits), each task stopped after
// UPLOAD_LIMITS.seconds. A thread that runs out of memory or time is discarded and the file refused
// with the limit named; the request thread never parses an upload, so it keeps answering everyone
// else meanwhile. There is no in-thread fallback: without the built worker an upload is refused.

let pool: Piscina | null = null;

/** The built worker: ZHIXING_UPLOAD_WORKER, or uploadWorker.js next to this module or one folder up. */
export function uploadWorkerFile(): string | null {
  const env = process.env.ZHIXING_UPLOAD_WORKER;
  if (env) return existsSync(env) ? env : null;
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, dirname(here)]) {
    const f = join(dir, 'uploadWorker.js');
    if (existsSync(f)) return f;
  }
  return null;
}

function getPool(): Piscina {
  if (pool) return pool;
  const file = uploadWorkerFile();
  if (!file) throw new Error('upload worker not built (npm run build → out/main/uploadWorker.js, or set ZHIXING_UPLOAD_WORKER)');
  pool = new Piscina({
    filename: file,
    minThreads: 0,
    maxThreads: 2,
    idleTimeout: 30_000,
    concurrentTasksPerWorker: 1,
    maxQueue: 16,
    resourceLimits: { maxOldGenerationSizeMb: UPLOAD_LIMITS.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  });
  return pool;
}

/**
 * Runs one task in the worker within the time and memory limits. `filename` runs another worker file
 * in the same pool, limits and error handling (a test proves the memory cap with a thread that only
 * allocates).
 */
export async function runContained(task: UploadTask, opts: { filename?: string; seconds?: number; transfer?: ArrayBuffer[] } = {}): Promise<UploadOutcome> {
  const p = getPool();
  const seconds = opts.seconds ?? UPLOAD_LIMITS.seconds;
  const signal = AbortSignal.timeout(seconds * 1000);
  try {
    return (await p.run(task, { signal, ...(opts.filename ? { filename: opts.filename } : {}), ...(opts.transfer ? { transferList: opts.transfer } : {}) })) as UploadOutcome;
  } catch (e) {
    if (signal.aborted) throw new UploadLimitError('seconds');
    const code = (e as { code?: string }).code;
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') throw new UploadLimitError('heapMb');
    if (e instanceof Error && /queue is at limit/i.test(e.message)) throw new ApiError('conflict', '同时读取的上传文件过多，请稍后再试');
    throw e;
  }
}

/** The outcome's value, or its refusal thrown as the error it was in the worker. */
export function unwrap<T extends UploadOutcome & { ok: true }>(outcome: UploadOutcome): T {
  if (outcome.ok) return outcome as T;
  const r = outcome.refusal;
  if (r.kind === 'limit') {
    const e = new UploadLimitError(r.limit);
    e.message = r.message;
    throw e;
  }
  throw new UploadFormatError(r.message);
}

/** Reads a table in the worker. Shared memory (a body decoded by the worker) passes as is; other bytes and base64 text are copied. */
export async function readTableContained(content: string | Uint8Array, fileName: string): Promise<{ hash: string; table: Table }> {
  const r = unwrap<Extract<UploadOutcome, { op: 'table' }>>(await runContained({ op: 'table', content, fileName }));
  const { packed, format, encoding } = r.table;
  const rows = packed === '' ? [] : packed.split('\u0001').map((row) => (row === '' ? [] : row.split('\u0000')));
  return { hash: r.hash, table: { format, encoding, rows } };
}

export async function verifyCityContained(files: { name: string; content: string | Uint8Array }[]) {
  return unwrap<Extract<UploadOutcome, { op: 'city' }>>(await runContained({ op: 'city', files })).sets;
}

/** Checks an attachment in the worker and, when it passes, has the worker write it to `stagePath`. */
export async function stageAttachmentContained(content: string | Uint8Array, fileName: string, stagePath: string) {
  const { type, sha256, bytes } = unwrap<Extract<UploadOutcome, { op: 'attachment' }>>(await runContained({ op: 'attachment', content, fileName, stagePath }));
  return { type, sha256, bytes };
}

/**
 * A large request body parsed off the request thread (depth checked, declared file fields decoded).
 * `handOver`: the body's whole buffer belongs to this call and moves to the worker (no copy).
 */
export async function parseBodyContained(body: Uint8Array, fileFields: readonly string[], opts: { handOver?: boolean } = {}): Promise<unknown> {
  const transfer = opts.handOver && body.buffer instanceof ArrayBuffer ? { transfer: [body.buffer] } : {};
  return unwrap<Extract<UploadOutcome, { op: 'body' }>>(await runContained({ op: 'body', body, fileFields }, transfer)).input;
}

/** Stops the worker threads (app shutdown, end of a test). */
export async function closeUploadPool(): Promise<void> {
  const p = pool;
  pool = null;
  if (p) await p.destroy();
}
