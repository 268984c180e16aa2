import { readFileSync } from 'node:fs';

// The lines of a PDF as a reader sees them: per page, text items grouped by baseline (top to bottom),
// each line's text (whitespace dropped), its left and right ends and its glyph count. What the page
// checks and the DOCX conversion comparison read.

export interface PdfLine {
  y: number;
  x0: number;
  x1: number;
  text: string;
}

export async function pdfLines(file: string | Uint8Array): Promise<PdfLine[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = typeof file === 'string' ? new Uint8Array(readFileSync(file)) : file;
  const task = pdfjs.getDocument({ data, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  const pages: PdfLine[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const items = (await page.getTextContent()).items.filter((it): it is typeof it & { str: string; transform: number[]; width: number } => 'str' in it && it.str.trim() !== '');
    const rows: { y: number; parts: { x: number; w: number; s: string }[] }[] = [];
    for (const it of items.sort((a, b) => b.transform[5]! - a.transform[5]! || a.transform[4]! - b.transform[4]!)) {
      const y = it.transform[5]!;
      let r = rows.find((row) => Math.abs(row.y - y) < 3);
      if (!r) rows.push((r = { y, parts: [] }));
      r.parts.push({ x: it.transform[4]!, w: it.width, s: it.str });
    }
    pages.push(
      rows.map((r) => {
        const parts = r.parts.sort((a, b) => a.x - b.x);
        return { y: r.y, x0: parts[0]!.x, x1: Math.max(...parts.map((q) => q.x + q.w)), text: parts.map((q) => q.s).join('').replace(/\s+/g, '') };
      }),
    );
  }
  await task.destroy();
  return pages;
}
