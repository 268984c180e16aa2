import { randomUUID } from 'node:crypto';
import { renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { Db } from '../../db/connection';
import { appendEvent, type Actor } from '../../events/log';
import { ApiError } from '../../../src-shared/api/errors';
import { courtToday } from '../../../src-shared/domain/chineseDate';
import { getSettings } from '../settings/settings';
import type { CaseData } from './caseData';
import { refusalsOf, renderInputs, type Refusal, type RenderPlan } from './renderInputs';
import { readOffThread } from '../../jobs/readPool';
import { BATCH_LANE_CASES, render, renderThreads, usesWorkers, type RenderLane } from './pool';
import type { RenderItem } from './renderTask';
import { absPath, batchPrintRelPath, documentRelPath, FileMoves, holdStaging, stagingDir } from './storage';
import { currentDocument, nextBatchNumber, nextDocumentNumber } from './register';
import { templateFor } from './templates';

// The engine's entry point for every domain: render documents into a staging folder (async, off the
// main thread), then register them inside the caller's own transaction. A caller that never commits
// calls discard(); nothing it rendered is then left behind.
//
//   const prepared = await prepareDocuments(app.db, app.dataDir, [{ caseId, kind: '执行裁定书', extra }], { issuedOn });
//   try { db.tx(() => { ...own writes...; commitDocuments(db, actor, at, prepared); }); } finally { await prepared.discard(); }

export interface DocumentRequest {
  caseId: number;
  kind: string;
  /** Kind-specific content (templates/rulingContent.ts and the templates that read it). */
  extra?: Record<string, unknown>;
  /** The party a per-recipient document is addressed to (送达回证, 结案通知书). */
  partyId?: number;
  /** The number printed on it when not the case number (a process ruling: nextSubRulingNumbers). */
  printedNumber?: string;
}

export interface PreparedDocument {
  request: DocumentRequest;
  /** The wording version it was made from (0 = the built-in wording). */
  templateVersion: number;
  caseNumber: string;
  caseYear: number;
  stagedDocx: string;
  stagedPdf: string;
  docxBytes: number;
  pdfBytes: number;
}

export interface PreparedDocuments {
  batchId: string;
  issuedOn: string;
  documents: PreparedDocument[];
  /** Staged print file of the whole set, when asked for. */
  stagedPrint: string | null;
  printPages: number;
  /**
   * Removes the staging folder (after commit it holds nothing but the chunks' leftovers; after a
   * failure, everything), on libuv's file threads: removing a batch's folder took 10–15 ms of the
   * request thread. Resolves once it is gone; never rejects (a folder left behind is removed at the next start).
   */
  discard(): Promise<void>;
}

/** Rendered documents as plain data, without `discard` (a function does not cross threads): what registering them needs. */
export type RenderedDocuments = Omit<PreparedDocuments, 'discard'>;

export interface PrepareOptions {
  issuedOn: string;
  /** Build the merged print file (each case's documents together, in request order). */
  print?: boolean;
  signal?: AbortSignal;
  /** Called as cases are rendered with the number done so far. */
  onProgress?: (casesDone: number, casesTotal: number) => void;
  /** Cases per worker task (fixed); by default planChunks() sizes them. */
  chunkCases?: number;
}

// Cases per task. Each task writes one chunk of the print file, and each chunk carries its own subset
// of each font (a few hundred kB of CJK outlines), so tasks are large: few chunks, a print file of a
// few MB. They shrink towards the end (guided scheduling) so that the threads finish together.
const CHUNK_MAX = 125;
const CHUNK_MIN = 24;

/** Sizes of consecutive chunks of `cases` cases for `threads` threads. */
export function planChunks(cases: number, threads: number, fixed?: number): number[] {
  const sizes: number[] = [];
  for (let left = cases; left > 0; ) {
    const n = Math.min(left, fixed ?? Math.max(CHUNK_MIN, Math.min(CHUNK_MAX, Math.ceil(left / (2 * threads)))));
    sizes.push(n);
    left -= n;
  }
  return sizes;
}

/**
 * What the documents need and lack. A batch (more than BATCH_LANE_CASES cases, with the render
 * threads built) gets its plan from the read worker and its data is read by each render thread;
 * a clerk's own few documents are read here, data and all.
 */
async function planFor(db: Db, requests: DocumentRequest[], issuedOn: string): Promise<RenderPlan & { itemData: CaseData[] | null }> {
  const cases = new Set(requests.map((r) => r.caseId)).size;
  if (cases > BATCH_LANE_CASES && usesWorkers()) return { ...(await readOffThread({ db }, 'documents.renderPlan', { requests, issuedOn })), itemData: null };
  const inputs = renderInputs(db, requests, issuedOn);
  return { refusals: refusalsOf(requests, inputs.itemData), numbers: inputs.itemData.map((d) => d.number), years: inputs.years, templateVersions: inputs.templateVersions, itemData: inputs.itemData };
}

/** Refuses, before anything is rendered, every document its case lacks data for, naming what is missing. */
function refuse(refusals: Refusal[]): void {
  if (refusals.length > 0) {
    const f = refusals[0]!;
    const more = refusals.length > 1 ? `（共 ${refusals.length} 份文书不能制作，详见清单）` : '';
    throw new ApiError('conflict', `${f.number}不能制作${f.kind}：${f.missing.join('；')}${more}`, 'caseIds', { refusals: refusals.slice(0, 1000) });
  }
}

/** The same check, for a caller that starts a job: refused at once rather than in the job. */
export async function checkDocuments(db: Db, requests: DocumentRequest[], issuedOn: string): Promise<void> {
  refuse((await planFor(db, requests, issuedOn)).refusals);
}

/** Renders the requested documents (DOCX + PDF each) into a new staging folder. */
export async function prepareDocuments(db: Db, dataDir: string, requests: DocumentRequest[], opts: PrepareOptions): Promise<PreparedDocuments> {
  for (const r of requests) templateFor(r.kind);
  const batchId = randomUUID();
  const release = holdStaging(batchId);
  const dir = stagingDir(dataDir, batchId);
  const discard = () =>
    rm(dir, { recursive: true, force: true })
      .catch(() => undefined)
      .finally(release);
  try {
    const caseIds = [...new Set(requests.map((r) => r.caseId))];
    const { refusals, numbers, years, templateVersions, itemData } = await planFor(db, requests, opts.issuedOn);
    refuse(refusals);
    // Without the data here, each render thread reads its chunk's from the database file itself.
    const source = itemData ? undefined : { file: db.sqlite.name, issuedOn: opts.issuedOn };
    // Group by case, keeping each case's documents together in the order asked (print order).
    const byCase = new Map<number, number[]>();
    requests.forEach((r, i) => byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), i]));
    const order = [...byCase.values()].flat();
    const prepared: PreparedDocument[] = new Array(requests.length);
    const groups = [...byCase.values()];
    const lane: RenderLane = caseIds.length > BATCH_LANE_CASES ? 'batch' : 'interactive';
    const chunks: number[][] = [];
    let at = 0;
    for (const n of planChunks(groups.length, renderThreads(), opts.chunkCases)) {
      chunks.push(groups.slice(at, at + n).flat());
      at += n;
    }
    const duplex = getSettings(db).printDuplex;
    const chunkPrints: string[] = [];
    const chunkPages: number[] = [];
    // Progress in cases: a case counts once all its documents of its chunk are written.
    const casesDoneIn = chunks.map(() => 0);
    let reported = 0;
    const report = () => {
      const done = casesDoneIn.reduce((a, x) => a + x, 0);
      if (done > reported) opts.onProgress?.((reported = done), caseIds.length);
    };
    // One failed chunk (a full disk, a bad template) stops the others at once, and the staging folder
    // is removed only when none is still writing into it — a chunk still running would otherwise
    // re-create it behind discard() and leave its files there until the next start.
    const stop = new AbortController();
    const stopAll = () => stop.abort(opts.signal?.reason);
    opts.signal?.addEventListener('abort', stopAll, { once: true });
    let firstError: unknown = null;
    const settled = await Promise.allSettled(
      chunks.map(async (idxs, ci) => {
        // Each chunk is set up in a turn of its own: a 1,000-case batch set up all at once held the
        // request thread for 65 ms.
        if (lane === 'batch') await new Promise((ok) => setImmediate(ok));
        const items: RenderItem[] = idxs.map((i) => ({ kind: requests[i]!.kind, ...(itemData ? { data: itemData[i]! } : { request: requests[i]! }), docxPath: `${dir}${sep}${i}.docx`, pdfPath: `${dir}${sep}${i}.pdf` }));
        // casesAfter[k] = cases of this chunk complete once its first k items are done.
        const casesAfter = [0];
        idxs.forEach((i, k) => casesAfter.push(casesAfter[k]! + (k + 1 === idxs.length || requests[idxs[k + 1]!]!.caseId !== requests[i]!.caseId ? 1 : 0)));
        const printPath = opts.print ? join(dir, `print-${String(ci).padStart(5, '0')}.pdf`) : undefined;
        if (printPath) chunkPrints[ci] = printPath;
        const out = await render({ op: 'render', items, duplex, ...(printPath ? { printPath } : {}), ...(source ? { source } : {}) }, stop.signal, (done) => {
          casesDoneIn[ci] = casesAfter[Math.min(done, idxs.length)]!;
          report();
        }, lane);
        chunkPages[ci] = out.pages;
        idxs.forEach((i, k) => {
          const r = requests[i]!;
          prepared[i] = {
            request: r,
            templateVersion: templateVersions[i]!,
            caseNumber: numbers[i]!,
            caseYear: years[i]!,
            stagedDocx: items[k]!.docxPath,
            stagedPdf: items[k]!.pdfPath,
            docxBytes: out.items[k]!.docxBytes,
            pdfBytes: out.items[k]!.pdfBytes,
          };
        });
        casesDoneIn[ci] = casesAfter[idxs.length]!;
        report();
      }).map((p) =>
        p.catch((e: unknown) => {
          firstError ??= e;
          stop.abort(e);
          throw e;
        }),
      ),
    );
    opts.signal?.removeEventListener('abort', stopAll);
    if (settled.some((r) => r.status === 'rejected')) throw opts.signal?.aborted ? opts.signal.reason : firstError;
    let stagedPrint: string | null = null;
    let printPages = 0;
    if (opts.print && chunkPrints.length > 0) {
      stagedPrint = join(dir, 'print.pdf');
      if (chunkPrints.length === 1) {
        renameSync(chunkPrints[0]!, stagedPrint);
        printPages = chunkPages[0]!;
      } else {
        printPages = (await render({ op: 'merge', inputs: chunkPrints, output: stagedPrint }, opts.signal, undefined, lane)).pages;
      }
    }
    // The caller registers the documents next, on this thread: first let any large commit on the write
    // worker finish (db/writeGate.ts), so the registration does not wait for it inside SQLite.
    await db.gate.idle();
    return { batchId, issuedOn: opts.issuedOn, documents: order.map((i) => prepared[i]!), stagedPrint, printPages, discard };
  } catch (e) {
    await discard();
    throw e;
  }
}

export interface CommitOptions {
  /** Registers a batch row (with the print file) under this job. */
  batch?: { jobId: string | null; kinds: string[]; reason: string | null };
  /** Why existing current documents of the same kind are replaced; without it a second version is refused. */
  reason?: string | null;
  /** Kinds of which a case holds one current document (the notices): a new one supersedes the old. */
  singleKinds?: readonly string[];
}

export interface CommittedDocuments {
  batchId: string | null;
  batchNumber: string | null;
  printPath: string | null;
  documentIds: number[];
  byCase: Map<number, string[]>;
}

/**
 * Registers prepared documents: numbers, rows, events, and the files renamed into place as the last
 * step. Must run inside the caller's db.tx(). If that transaction then fails, the caller calls
 * `moves.undo()` so no file stays in place without its row; a crash in between leaves files that
 * cleanOrphans() removes at the next start.
 */
export function commitDocuments(db: Db, dataDir: string, actor: Actor, at: Date, prepared: RenderedDocuments, opts: CommitOptions = {}, moves = new FileMoves()): CommittedDocuments {
  if (!db.sqlite.inTransaction) throw new Error('commitDocuments must run inside a transaction');
  const year = Number(prepared.issuedOn.slice(0, 4));
  let batchId: string | null = null;
  let batchNumber: string | null = null;
  let printRel: string | null = null;
  const caseIds = new Set(prepared.documents.map((d) => d.request.caseId));
  if (opts.batch) {
    batchId = prepared.batchId;
    batchNumber = nextBatchNumber(db, year);
    printRel = prepared.stagedPrint ? batchPrintRelPath(year, batchNumber) : null;
    db.run(
      db.q.insertInto('document_batches').values({
        id: batchId,
        number: batchNumber,
        job_id: opts.batch.jobId,
        kinds: JSON.stringify(opts.batch.kinds),
        case_count: caseIds.size,
        document_count: prepared.documents.length,
        print_path: printRel,
        reason: opts.batch.reason,
        created_at: at.toISOString(),
        created_by: actor.name,
      }),
    );
  }
  const single = new Set(opts.singleKinds ?? []);
  const planned: { from: string; to: string }[] = [];
  const documentIds: number[] = [];
  const byCase = new Map<number, string[]>();
  for (const d of prepared.documents) {
    const { caseId, kind } = d.request;
    const partyId = d.request.partyId ?? null;
    const previous = single.has(kind) ? currentDocument(db, caseId, kind, partyId) : undefined;
    const printed = d.request.printedNumber ?? null;
    // A process ruling's number (之N) is taken when it is rendered; another ruling registered meanwhile
    // with the same number means the two were made at once: this one is refused, to be made again.
    if (printed && printed !== d.caseNumber && kind === '执行裁定书') {
      const clash = db.raw<{ n: number }>("SELECT count(*) AS n FROM documents WHERE case_id = ? AND printed_number = ? AND kind = ?", caseId, printed, kind)[0]!.n;
      if (clash > 0) throw new ApiError('conflict', `${printed}已被另一份同时制作的裁定使用，请重新制作`, 'caseIds', { caseId, kind });
    }
    if (previous && !opts.reason) {
      throw new ApiError('conflict', `${d.caseNumber}已有${kind}（${previous.number}），重新制作须说明原因`, 'reason', { caseId, kind, documentId: previous.id });
    }
    const number = nextDocumentNumber(db, year);
    const docxRel = documentRelPath(d.caseYear, d.caseNumber, kind, number, 'docx');
    const pdfRel = documentRelPath(d.caseYear, d.caseNumber, kind, number, 'pdf');
    if (previous) db.run(db.q.updateTable('documents').set({ status: 'superseded' }).where('id', '=', previous.id));
    // A cached prepared statement: 3,000 rows in one transaction, the query is not rebuilt for each.
    const id = db.rawRun(
      `INSERT INTO documents (case_id, kind, number, version, status, supersedes_id, reason, batch_id, issued_on, docx_path, pdf_path, docx_bytes, pdf_bytes, generated_at, generated_by, printed_number, party_id, template_version)
       VALUES (?, ?, ?, ?, 'current', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      caseId,
      kind,
      number,
      (previous?.version ?? 0) + 1,
      previous?.id ?? null,
      previous ? (opts.reason ?? null) : null,
      batchId,
      prepared.issuedOn,
      docxRel,
      pdfRel,
      d.docxBytes,
      d.pdfBytes,
      at.toISOString(),
      actor.name,
      printed ?? previous?.printed_number ?? d.caseNumber,
      partyId,
      d.templateVersion,
    ).lastInsertRowid;
    appendEvent(db, actor, at, {
      caseId,
      type: 'document.generated',
      onDate: prepared.issuedOn,
      payload: {
        documentId: id,
        kind,
        number,
        batchId,
        printedNumber: printed ?? previous?.printed_number ?? d.caseNumber,
        templateVersion: d.templateVersion,
        ...(partyId !== null ? { partyId } : {}),
        ...(previous ? { supersedesId: previous.id, version: previous.version + 1, reason: opts.reason } : {}),
      },
    });
    documentIds.push(id);
    byCase.set(caseId, [...(byCase.get(caseId) ?? []), kind]);
    planned.push({ from: d.stagedDocx, to: absPath(dataDir, docxRel) }, { from: d.stagedPdf, to: absPath(dataDir, pdfRel) });
  }
  if (printRel && prepared.stagedPrint) planned.push({ from: prepared.stagedPrint, to: absPath(dataDir, printRel) });
  // Last step before the caller's commit: the files appear in place only with their rows.
  try {
    for (const m of planned) moves.move(m.from, m.to);
  } catch (e) {
    moves.undo();
    throw e;
  }
  return { batchId, batchNumber, printPath: printRel, documentIds, byCase };
}

/** The court-local issue date of documents made now. */
export function issueDate(at: Date): string {
  return courtToday(at);
}
