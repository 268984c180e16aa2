import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UploadFormatError, UploadLimitError, UPLOAD_LIMITS, type UploadLimit } from '../../../src-shared/domain/uploadLimits';
import { readTable, type Table } from './table';
import { jsonNestsDeeper } from './jsonDepth';
import { MAX_INPUT_DEPTH } from '../../../src-shared/api/hygiene';
import type { VerifiedSet } from '../city/verify';
import { checkAttachment, type AttachmentVerdict } from './attachmentCheck';

// The upload worker (a separate build entry, electron.vite.config.ts → out/main/uploadWorker.js):
// every byte of an uploaded file is read here, in a thread whose heap is capped and whose task is
// stopped after UPLOAD_LIMITS.seconds (contained.ts), so a hostile file can cost this thread but
// never the one answering requests. Refusals come back as data (the limit or the format problem);
// anything else is a bug and is thrown.

export type UploadTask =
  | { op: 'table'; content: string | Uint8Array; fileName: string }
  | { op: 'city'; files: { name: string; content: string | Uint8Array }[] }
  | { op: 'body'; body: Uint8Array; fileFields: readonly string[] }
  /** A case attachment: checked (attachmentCheck.ts) and, when accepted, written to `stagePath`. */
  | { op: 'attachment'; content: string | Uint8Array; fileName: string; stagePath: string };

export type UploadRefusal = { kind: 'limit'; limit: UploadLimit; message: string } | { kind: 'format'; message: string };

/**
 * A table as one string: cells joined by U+0000, rows by U+0001 (hygiene has removed both from every
 * cell). One string crosses to the request thread as a single copy; a hundred thousand small strings
 * would each be rebuilt there.
 */
export interface PackedTable {
  format: Table['format'];
  encoding: Table['encoding'];
  packed: string;
}

export type UploadOutcome =
  | { ok: true; op: 'table'; hash: string; table: PackedTable }
  | { ok: true; op: 'city'; sets: VerifiedSet[] }
  | { ok: true; op: 'body'; input: unknown }
  | ({ ok: true; op: 'attachment' } & AttachmentVerdict)
  | { ok: false; refusal: UploadRefusal };

/** The bytes of a file field: base64 text (JSON) or bytes already decoded (by the body task). */
function bytesOf(content: string | Uint8Array): Buffer {
  if (typeof content !== 'string') return Buffer.from(content); // a copy: the view may be shared memory
  if (Math.floor(content.length * 0.75) > UPLOAD_LIMITS.fileBytes + 3) throw new UploadLimitError('fileBytes');
  return Buffer.from(content, 'base64');
}

/**
 * Decodes the declared file fields of a request body into shared memory, so the request thread gets
 * them without copying (a 40 MB string costs it a fifth of a second just to receive).
 */
function decodeFiles(input: unknown, fileFields: readonly string[]): void {
  const visit = (node: unknown, path: string[]): void => {
    if (!node || typeof node !== 'object' || path.length === 0) return;
    const [head, ...rest] = path as [string, ...string[]];
    const keys = head === '*' ? (Array.isArray(node) ? node.map((_, i) => i) : []) : [head];
    for (const k of keys) {
      const obj = node as Record<string | number, unknown>;
      if (!Object.hasOwn(obj, k)) continue;
      if (rest.length > 0) visit(obj[k], rest);
      else if (typeof obj[k] === 'string') {
        const text = obj[k] as string;
        if (/[^A-Za-z0-9+/=\s]/.test(text)) throw new UploadFormatError('文件内容不是有效的 base64 编码');
        const bytes = Buffer.from(text, 'base64');
        const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
        shared.set(bytes);
        obj[k] = shared;
      }
    }
  };
  for (const f of fileFields) visit(input, f.split('.'));
}

async function run(task: UploadTask): Promise<UploadOutcome> {
  if (task.op === 'table') {
    const bytes = bytesOf(task.content);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const t = await readTable(bytes, task.fileName);
    return { ok: true, op: 'table', hash, table: { format: t.format, encoding: t.encoding, packed: t.rows.map((r) => r.join('\u0000')).join('\u0001') } };
  }
  if (task.op === 'city') {
    const byName = new Map<string, Buffer>();
    let total = 0;
    for (const f of task.files) {
      const b = bytesOf(f.content);
      total += b.length;
      if (total > UPLOAD_LIMITS.fileBytes * 2) throw new UploadLimitError('fileBytes', '所选文件合计');
      byName.set(f.name, b);
    }
    for (const [name, b] of byName) {
      if (/\.json$/i.test(name) && jsonNestsDeeper(b.toString('utf8'), UPLOAD_LIMITS.jsonDepth)) throw new UploadLimitError('jsonDepth', name);
    }
    const manifests = [...byName.keys()].filter((n) => /manifest\.json$/i.test(n)).sort();
    // Loaded on first use: a feedback file never needs the metric definitions and their schemas.
    const { verifySet } = await import('../city/verify');
    return { ok: true, op: 'city', sets: manifests.map((n) => verifySet(n, byName.get(n)!, byName)) };
  }
  if (task.op === 'attachment') {
    const bytes = bytesOf(task.content);
    const verdict = checkAttachment(bytes, task.fileName);
    // Written here, so the accepted bytes never cross back to the request thread; the caller renames
    // the staged file into place with its row.
    mkdirSync(dirname(task.stagePath), { recursive: true });
    writeFileSync(task.stagePath, bytes, { flag: 'wx', mode: 0o600 });
    return { ok: true, op: 'attachment', ...verdict };
  }
  const text = new TextDecoder('utf-8').decode(task.body);
  if (jsonNestsDeeper(text, MAX_INPUT_DEPTH)) throw new UploadFormatError(`请求体嵌套超过 ${MAX_INPUT_DEPTH} 层，未处理`);
  let input: unknown;
  try {
    input = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new UploadFormatError('请求体不是有效的 JSON');
  }
  decodeFiles(input, task.fileFields);
  return { ok: true, op: 'body', input };
}

export default async function uploadTask(task: UploadTask): Promise<UploadOutcome> {
  try {
    return await run(task);
  } catch (e) {
    if (e instanceof UploadLimitError) return { ok: false, refusal: { kind: 'limit', limit: e.limit, message: e.message } };
    if (e instanceof UploadFormatError) return { ok: false, refusal: { kind: 'format', message: e.message } };
    throw e;
  }
}
