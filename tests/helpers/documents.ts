import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { TestApp } from './testApp';
import type { JobView } from '../../src-shared/api/methods/jobs';

/** Text and page sizes of a PDF, read back with pdfjs-dist (what a search or a screen reader sees). */
export async function readPdf(file: string | Uint8Array): Promise<{ text: string; pages: { width: number; height: number }[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = typeof file === 'string' ? new Uint8Array(readFileSync(file)) : file;
  const task = pdfjs.getDocument({ data, useSystemFonts: false });
  const doc = await task.promise;
  const pages: { width: number; height: number }[] = [];
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    pages.push({ width: x1 - x0, height: y1 - y0 });
    const content = await page.getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join('') + '\n';
  }
  await task.destroy();
  return { text, pages };
}

/** word/document.xml of a DOCX, and its text with the XML tags removed. */
export async function readDocx(file: string): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { xml, text };
}

/** Polls a job until it leaves 'running'. */
export async function waitJob(t: TestApp, id: string, timeoutMs = 120_000): Promise<JobView> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const j = await t.call('jobs.get', { id });
    if (j.status !== 'running' && j.status !== 'queued') return j;
    if (Date.now() > end) throw new Error(`job ${id} still running`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
