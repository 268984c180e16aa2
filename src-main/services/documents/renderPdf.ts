import { createRequire } from 'node:module';
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { LAYOUT, MM, type Block, type DocModel } from './model';
import { documentFonts, readFont } from './fonts';
import { installFontCache, lineFactor } from './pdfFontCache';
import type { PrintFile } from './printFile';
import { installLineRenderer } from './lineRenderer';
import { installStyleCache } from './styleCache';

// Model → PDF with pdfmake: fonts embedded as subsets, so the text is real text (searchable,
// extractable). pdfmake is loaded through require: it is a CommonJS singleton per thread.

type PdfMake = typeof import('pdfmake') & { virtualfs: { writeFileSync(name: string, data: Buffer): void; readFileSync(name: string): Buffer } };
const requireCjs = createRequire(import.meta.url);
let bodyLine = 1.45;
let titleLine = 1.45;
let ready: Promise<PdfMake> | null = null;

/** Loads pdfmake and the fonts once per thread; a warm-up page parses the fonts and reads their metrics. */
function engine(): Promise<PdfMake> {
  ready ??= start();
  return ready;
}

async function start(): Promise<PdfMake> {
  installFontCache();
  installLineRenderer();
  installStyleCache();
  const pm = requireCjs('pdfmake') as PdfMake;
  const fonts = documentFonts();
  const bodyBuf = readFont(fonts.body);
  const titleBuf = readFont(fonts.title);
  pm.virtualfs.writeFileSync('zx-body.ttf', bodyBuf);
  pm.virtualfs.writeFileSync('zx-title.ttf', titleBuf);
  const def = (name: string, face?: string) => (face ? [name, face] : name) as unknown as string;
  pm.setFonts({
    Body: { normal: def('zx-body.ttf', fonts.body.face), bold: def('zx-body.ttf', fonts.body.face) },
    Title: { normal: def('zx-title.ttf', fonts.title.face), bold: def('zx-title.ttf', fonts.title.face) },
  });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy(() => false);
  await pm.createPdf({ content: [{ text: '执', font: 'Body' }, { text: '执', font: 'Title' }] }).getBuffer();
  bodyLine = lineFactor(bodyBuf) ?? bodyLine;
  titleLine = lineFactor(titleBuf) ?? titleLine;
  return pm;
}

const margins = (): [number, number, number, number] => [LAYOUT.marginLeftMm * MM, LAYOUT.marginTopMm * MM, LAYOUT.marginRightMm * MM, LAYOUT.marginBottomMm * MM];

function blockContent(b: Block): Content {
  // 28.95 pt a line (22 lines a page) whatever the font's own metrics.
  const bodyLH = LAYOUT.linePt / (LAYOUT.bodyPt * bodyLine);
  switch (b.t) {
    case 'court':
    case 'title':
      return { text: b.text, font: 'Title', fontSize: LAYOUT.titlePt, alignment: 'center', lineHeight: (LAYOUT.linePt * 1.2) / (LAYOUT.titlePt * titleLine), margin: [0, 0, 0, b.t === 'title' ? 8 : 0] };
    case 'number':
      return { text: b.text, alignment: 'right', lineHeight: bodyLH, margin: [0, 4, 0, 4] };
    case 'para':
      return {
        text: b.runs.map((r) => ({ text: r.text, ...(r.bold ? { font: 'Title' } : {}), ...(r.underline ? { decoration: 'underline' as const } : {}) })),
        alignment: b.align ?? 'justify',
        leadingIndent: b.indent ? LAYOUT.bodyPt * 2 : 0,
        lineHeight: bodyLH,
      };
    case 'table': {
      const total = b.widths.reduce((a, x) => a + x, 0);
      const usable = LAYOUT.pageWidthPt - (LAYOUT.marginLeftMm + LAYOUT.marginRightMm) * MM;
      const body: TableCell[][] = b.rows.map((row) => {
        const cells: TableCell[] = [];
        for (const c of row) {
          cells.push({ text: c.text, colSpan: c.colSpan ?? 1, alignment: c.label ? 'center' : (c.align ?? 'left'), ...(c.label ? { font: 'Title' } : {}), margin: [3, 6, 3, 6] });
          for (let i = 1; i < (c.colSpan ?? 1); i++) cells.push({ text: '' });
        }
        return cells;
      });
      return {
        table: { widths: b.widths.map((w) => (w / total) * usable - 1), body, heights: b.minRowHeight ?? 'auto' },
        fontSize: LAYOUT.tablePt,
        lineHeight: 1.1,
      } as Content;
    }
    case 'signature':
      return { stack: [...b.lines.map((l) => ({ text: l })), { text: b.seal, color: '#888888', fontSize: 12 }], alignment: 'right', lineHeight: bodyLH, margin: [0, 0, 32, 0], unbreakable: true };
    case 'spacer':
      return { text: ' ', lineHeight: bodyLH * b.lines };
    case 'pageBreak':
      return { text: '', pageBreak: 'after' };
  }
}

/** pdfmake definition of several models one after another, each starting on a new page. */
export function pdfDefinition(models: DocModel[]): TDocumentDefinitions {
  const content: Content[] = [];
  models.forEach((m, i) => {
    const blocks = m.blocks.map(blockContent);
    if (i > 0) (blocks[0] as { pageBreak?: string }).pageBreak = 'before';
    content.push(...blocks);
  });
  const first = models[0];
  return {
    pageSize: 'A4',
    pageMargins: margins(),
    info: { title: first ? `${first.caseNumber} ${first.title}` : '', creator: '执行案件管理系统', producer: 'Zhixing' },
    defaultStyle: { font: 'Body', fontSize: LAYOUT.bodyPt },
    content,
    // Page number in the bottom margin, 4号 as GB/T 9704 asks (only when a single document runs over a page; the print file of a batch has none).
    footer: (page: number, pages: number) => (models.length === 1 && pages > 1 ? { text: `— ${page} —`, alignment: 'center', fontSize: 14, margin: [0, 20, 0, 0] } : null) as Content,
  };
}

/** Renders models into one PDF (a single document, or several one after another). */
export async function renderPdf(models: DocModel[]): Promise<Buffer> {
  const pm = await engine();
  return pm.createPdf(pdfDefinition(models)).getBuffer();
}

/**
 * Renders one document's PDF and, when a print file is given, draws the same laid-out pages into it
 * (one layout pass for both). Returns the PDF and whether the print file took the pages.
 */
export async function renderPdfAndPrint(model: DocModel, print: PrintFile | null): Promise<{ pdf: Buffer; printed: boolean }> {
  const pm = await engine();
  const out = pm.createPdf(pdfDefinition([model]));
  // getStream() resolves to the laid-out pdfkit document (not in pdfmake's types).
  const printed = print ? print.add((await (out as unknown as { getStream(): Promise<unknown> }).getStream()) as Parameters<PrintFile['add']>[0]) : false;
  return { pdf: await out.getBuffer(), printed };
}
