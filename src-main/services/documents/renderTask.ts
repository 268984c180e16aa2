import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { CaseData } from './caseData';
import { templateFor } from './templates';
import { renderDocx } from './renderDocx';
import { renderPdf } from './renderPdf';

// One unit of rendering work, run in a worker thread (or in-thread when no worker is built): a few
// cases' documents, each written as DOCX and PDF into the batch's staging folder, plus the chunk of
// the print file (those PDFs in print order). Only plain data crosses the thread boundary.

export interface RenderItem {
  kind: string;
  data: CaseData;
  docxPath: string;
  pdfPath: string;
}

export interface RenderTask {
  op: 'render';
  items: RenderItem[];
  /** Where to write this chunk's print PDF (omitted when the caller wants no print file). */
  printPath?: string;
}

export interface MergeTask {
  op: 'merge';
  inputs: string[];
  output: string;
}

export interface RenderedItem {
  docxBytes: number;
  pdfBytes: number;
}

export interface RenderOutcome {
  items: RenderedItem[];
  pages: number;
}

function write(path: string, data: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

/** Concatenates PDFs page by page (pdf-lib), e.g. a batch's chunks into its one print file. */
export async function mergePdfs(inputs: (string | Uint8Array)[], output: string): Promise<number> {
  const out = await PDFDocument.create();
  out.setTitle('批量文书打印文件');
  out.setCreator('执行案件管理系统');
  for (const input of inputs) {
    const src = await PDFDocument.load(typeof input === 'string' ? readFileSync(input) : input);
    for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
  }
  write(output, await out.save());
  return out.getPageCount();
}

export async function runTask(task: RenderTask | MergeTask): Promise<RenderOutcome> {
  if (task.op === 'merge') return { items: [], pages: await mergePdfs(task.inputs, task.output) };
  const pdfs: Buffer[] = [];
  const items: RenderedItem[] = [];
  for (const item of task.items) {
    const model = templateFor(item.kind).build(item.data);
    const [docx, pdf] = await Promise.all([renderDocx(model), renderPdf([model])]);
    write(item.docxPath, docx);
    write(item.pdfPath, pdf);
    pdfs.push(pdf);
    items.push({ docxBytes: docx.length, pdfBytes: pdf.length });
  }
  const pages = task.printPath ? await mergePdfs(pdfs, task.printPath) : 0;
  return { items, pages };
}
