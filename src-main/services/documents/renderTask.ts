import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { MessagePort } from 'node:worker_threads';
import type { CaseData } from './caseData';
import type { DocumentRequest } from './generate';
import { renderInputs } from './renderInputs';
import { threadConnection } from '../../db/threadConnection';
import { templateFor } from './templates';
import { renderDocx } from './renderDocx';
import { renderPdfAndPrint } from './renderPdf';
import { PrintFile } from './printFile';
import { concatPdfkitFiles } from './pdfConcat';
import { LAYOUT } from './model';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { pdfEngine } from './pdfEngine';

const PRINT_TITLE = '批量文书打印文件';

// One unit of rendering work, run in a worker thread (or in-thread when no worker is built): some
// cases' documents, each written as DOCX and PDF into the batch's staging folder, plus the chunk of
// the print file (those documents' pages in print order, drawn from the same layout, sharing one font
// subset). Only plain data crosses the thread boundary; the files are written here, not sent back.

export interface RenderItem {
  kind: string;
  /** The template's data, or the request to read it for (with RenderTask.source). */
  data?: CaseData;
  request?: DocumentRequest;
  docxPath: string;
  pdfPath: string;
}

export interface RenderTask {
  op: 'render';
  items: RenderItem[];
  /** Where to write this chunk's print PDF (omitted when the caller wants no print file). */
  printPath?: string;
  /** Pad the print file for duplex printing: every document starts on a front page. */
  duplex?: boolean;
  /** Receives the number of items finished so far, after each item (a worker's progress). */
  progress?: MessagePort;
  /** Items given as requests: their data is read here, from this database file (renderInputs.ts). */
  source?: { file: string; issuedOn: string };
}

export interface MergeTask {
  op: 'merge';
  inputs: string[];
  output: string;
}

/** A one-off PDF from a pdfmake definition (plain data): the audit slip, a dashboard or case summary print. */
export interface DefinitionTask {
  op: 'definition';
  /** Plain data only (it crosses to a worker thread): no functions. */
  definition: TDocumentDefinitions;
  /** A footer on every page, `before` 第 n 页 / 共 m 页 `after`: the one footer function definitions need, built here. */
  pageFooter?: { before: string; after: string };
}

export interface RenderedItem {
  docxBytes: number;
  pdfBytes: number;
}

export interface RenderOutcome {
  items: RenderedItem[];
  pages: number;
}

/**
 * Writes a rendered file and syncs it to disk, here on the render thread. The register will name it
 * (a power cut after the commit must not leave a row without its file), and on ext4 a file's dirty
 * pages are otherwise flushed by whoever syncs next — the server's own commit, which then waited
 * 50 ms on the request thread for a batch's documents to reach the disk.
 */
function write(path: string, data: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Concatenates PDFs page by page (pdf-lib), e.g. a batch's chunks into its one print file; `duplex` pads each input to an even page count. */
export async function mergePdfs(inputs: (string | Uint8Array)[], output: string, duplex = false): Promise<number> {
  const out = await PDFDocument.create();
  out.setTitle(PRINT_TITLE);
  out.setCreator('执行案件管理系统');
  for (const input of inputs) {
    const src = await PDFDocument.load(typeof input === 'string' ? readFileSync(input) : input);
    const pages = await out.copyPages(src, src.getPageIndices());
    for (const page of pages) out.addPage(page);
    if (duplex && pages.length % 2 === 1) out.addPage([LAYOUT.pageWidthTw / 20, LAYOUT.pageHeightTw / 20]);
  }
  write(output, await out.save());
  return out.getPageCount();
}

/** Renders a definition with the document fonts; the bytes cross back to the caller. */
export async function runDefinition(task: DefinitionTask): Promise<Uint8Array> {
  const f = task.pageFooter;
  const definition: TDocumentDefinitions = f
    ? { ...task.definition, footer: (page: number, pages: number) => ({ text: `${f.before}第 ${page} 页 / 共 ${pages} 页${f.after}`, alignment: 'center', fontSize: 8, color: '#555555' }) }
    : task.definition;
  return pdfEngine().pm.createPdf(definition).getBuffer();
}

/** A chunk's data, read on this thread's own read-only connection (one snapshot for the chunk). */
function readInputs(source: { file: string; issuedOn: string }, requests: DocumentRequest[]): CaseData[] {
  const conn = threadConnection(source.file, 'read');
  return conn.sqlite.transaction(() => renderInputs(conn, requests, source.issuedOn).itemData).deferred();
}

/** Runs a task; in-thread callers pass `onItem` for progress and `signal` to stop between documents. */
export async function runTask(task: RenderTask | MergeTask, onItem?: (done: number) => void, signal?: AbortSignal): Promise<RenderOutcome> {
  if (task.op === 'merge') return { items: [], pages: concatPdfkitFiles(task.inputs, task.output, PRINT_TITLE) ?? (await mergePdfs(task.inputs, task.output)) };
  const print = task.printPath ? PrintFile.open(task.printPath, task.duplex) : null;
  // Without pdfmake's renderer (see printFile.ts) the chunk is the documents' PDFs concatenated.
  const fallback: Buffer[] = [];
  const items: RenderedItem[] = [];
  try {
    const read = task.source ? readInputs(task.source, task.items.map((i) => i.request!)) : null;
    for (const [k, item] of task.items.entries()) {
      signal?.throwIfAborted();
      const model = templateFor(item.kind).build(read ? read[k]! : item.data!);
      const docx = await renderDocx(model);
      const { pdf, printed } = await renderPdfAndPrint(model, print);
      if (task.printPath && !printed) fallback.push(pdf);
      write(item.docxPath, docx);
      write(item.pdfPath, pdf);
      items.push({ docxBytes: docx.length, pdfBytes: pdf.length });
      onItem?.(items.length);
      task.progress?.postMessage(items.length);
    }
    let pages = print ? await print.close() : 0;
    if (task.printPath && fallback.length > 0) {
      if (pages > 0) throw new Error('打印文件生成方式不一致'); // a chunk is drawn one way or the other, never both
      pages = await mergePdfs(fallback, task.printPath, task.duplex);
    }
    return { items, pages };
  } catch (e) {
    print?.abort();
    throw e;
  } finally {
    task.progress?.close();
  }
}
