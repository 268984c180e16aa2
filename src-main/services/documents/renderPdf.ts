import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { LAYOUT, TEXT_WIDTH_TW, TW, paraAlign, type Block, type DocModel, type Run, type SignLine } from './model';
import { pdfEngine, splitByFace, warmPdfEngine, type FaceInfo, type PdfEngine } from './pdfEngine';
import type { PrintFile } from './printFile';

// Model → PDF with pdfmake: fonts embedded as subsets, so the text is real text (searchable,
// extractable). Every measure comes from LAYOUT in twips, the same numbers renderDocx.ts writes,
// so that a page of the PDF and the page LibreOffice or Word makes of the DOCX break at the same
// places (tests/integration/documentFidelity.test.ts converts every template and compares).

const pt = (tw: number) => tw * TW;

/** pdfmake lineHeight (a factor of the face's own line box) that makes a line exactly `linePt` high. */
const lh = (linePt: number, size: number, face: FaceInfo) => linePt / (size * face.lineFactor);

/** Text inlines of runs, with characters the face lacks in a fallback face at the same line pitch. */
function inlines(e: PdfEngine, runs: { text: string; bold?: boolean; underline?: boolean }[], base: FaceInfo, size: number, linePt: number): Content[] {
  const out: Content[] = [];
  for (const r of runs) {
    const face = r.bold ? e.title : base;
    for (const piece of splitByFace(e, face, r.text)) {
      const f = piece.font ?? face;
      out.push({ text: piece.text, font: f.name, lineHeight: lh(linePt, size, f), ...(r.underline ? { decoration: 'underline' as const } : {}) });
    }
  }
  return out;
}

function signature(e: PdfEngine, lines: SignLine[]): Content[] {
  const line = pt(LAYOUT.lineTw);
  return lines.map((l): Content => {
    if (l.seal) return { text: inlines(e, [{ text: l.text }], e.body, LAYOUT.sealPt, line), fontSize: LAYOUT.sealPt, color: '#888888', alignment: 'right', margin: [0, 0, LAYOUT.bodyPt * 2, 0] };
    return { text: l.text ? inlines(e, [{ text: l.text }], e.body, LAYOUT.bodyPt, line) : [{ text: ' ', lineHeight: lh(line, LAYOUT.bodyPt, e.body) }], alignment: l.left ? 'left' : 'right', margin: [0, 0, l.left ? 0 : LAYOUT.bodyPt * 2, 0] };
  });
}

function blockContent(e: PdfEngine, b: Block): Content {
  const line = pt(LAYOUT.lineTw);
  switch (b.t) {
    case 'court':
    case 'title':
      return { text: inlines(e, [{ text: b.text }], e.title, LAYOUT.titlePt, pt(LAYOUT.titleLineTw)), fontSize: LAYOUT.titlePt, alignment: 'center', margin: [0, 0, 0, b.t === 'title' ? pt(LAYOUT.titleAfterTw) : 0] };
    case 'number':
      return { text: inlines(e, [{ text: b.text }], e.body, LAYOUT.bodyPt, line), alignment: 'right', margin: [0, pt(LAYOUT.numberSpaceTw), 0, pt(LAYOUT.numberSpaceTw)] };
    case 'para':
      return { text: inlines(e, b.runs as Run[], e.body, LAYOUT.bodyPt, line), alignment: paraAlign(b), leadingIndent: b.indent ? pt(LAYOUT.indentTw) : 0 };
    case 'table': {
      const total = b.widths.reduce((a, x) => a + x, 0);
      const usable = pt(TEXT_WIDTH_TW) - LAYOUT.borderPt;
      // Grid columns as the DOCX writes them (twips, rounded), less the cell padding and one border each.
      const grid = b.widths.map((w) => Math.round((w / total) * TEXT_WIDTH_TW));
      const padX = pt(LAYOUT.cellPadXTw);
      const widths = grid.map((g) => pt(g) - 2 * padX - LAYOUT.borderPt - (pt(TEXT_WIDTH_TW) - usable) / grid.length);
      const cellLine = pt(LAYOUT.tableLineTw);
      const body: TableCell[][] = b.rows.map((row) => {
        const cells: TableCell[] = [];
        for (const c of row) {
          cells.push({ text: inlines(e, [{ text: c.text, bold: !!c.label }], e.body, LAYOUT.tablePt, cellLine), colSpan: c.colSpan ?? 1, alignment: c.label || c.align === 'center' ? 'center' : 'left', verticalAlignment: 'middle' } as TableCell);
          for (let i = 1; i < (c.colSpan ?? 1); i++) cells.push({ text: '' });
        }
        return cells;
      });
      const padY = pt(LAYOUT.cellPadYTw);
      return {
        table: { widths, body, dontBreakRows: true, heights: b.minRowHeight ? b.minRowHeight - 2 * padY - LAYOUT.borderPt : 'auto' },
        layout: {
          hLineWidth: () => LAYOUT.borderPt,
          vLineWidth: () => LAYOUT.borderPt,
          paddingLeft: () => padX,
          paddingRight: () => padX,
          paddingTop: () => padY,
          paddingBottom: () => padY,
        },
        fontSize: LAYOUT.tablePt,
      } as Content;
    }
    case 'signature':
      return { stack: signature(e, b.lines), unbreakable: true };
    case 'spacer':
      return { text: ' ', lineHeight: lh(line, LAYOUT.bodyPt, e.body) * b.lines };
    case 'pageBreak':
      return { text: '', pageBreak: 'after' };
  }
}

/**
 * The content of one model. The signature is kept on a page with the body paragraph before it (and
 * any spacer between), as one unbreakable stack: no page holds only the foot (GB/T 9704 7.3.5).
 */
function modelContent(e: PdfEngine, m: DocModel): Content[] {
  const blocks: Content[] = [];
  const sig = m.blocks.findIndex((b) => b.t === 'signature');
  let keepFrom = -1;
  if (sig > 0) {
    let from = sig - 1;
    while (from > 0 && m.blocks[from]!.t === 'spacer') from--;
    if (m.blocks[from]!.t === 'para') keepFrom = from;
  }
  let kept: Content[] | null = null;
  let breakBefore = false;
  m.blocks.forEach((b, i) => {
    // A page break starts the next block's page (as the DOCX's pageBreakBefore): no empty line is left.
    if (b.t === 'pageBreak') {
      breakBefore = true;
      return;
    }
    const c = blockContent(e, b) as Content & { pageBreak?: string };
    if (breakBefore) {
      c.pageBreak = 'before';
      breakBefore = false;
    }
    if (i === keepFrom) kept = [];
    if (kept) {
      kept.push(c);
      if (i === sig) {
        blocks.push({ stack: kept, unbreakable: true });
        kept = null;
      }
    } else blocks.push(c);
  });
  return blocks;
}

const margins = (): [number, number, number, number] => [pt(LAYOUT.marginLeftTw), pt(LAYOUT.marginTopTw), pt(LAYOUT.marginRightTw), pt(LAYOUT.marginBottomTw)];

/** pdfmake definition of several models one after another, each starting on a new page. */
export function pdfDefinition(models: DocModel[], e: PdfEngine = pdfEngine()): TDocumentDefinitions {
  const content: Content[] = [];
  models.forEach((m, i) => {
    const blocks = modelContent(e, m);
    if (i > 0) (blocks[0] as { pageBreak?: string }).pageBreak = 'before';
    content.push(...blocks);
  });
  const first = models[0];
  const body = e.body;
  return {
    pageSize: { width: pt(LAYOUT.pageWidthTw), height: pt(LAYOUT.pageHeightTw) },
    pageMargins: margins(),
    info: { title: first ? `${first.caseNumber} ${first.title}` : '', creator: '执行案件管理系统', producer: 'Zhixing' },
    defaultStyle: { font: body.name, fontSize: LAYOUT.bodyPt },
    content,
    // The page number on every page of a document, 4号, 7 mm below the text block (GB/T 9704 7.5);
    // the DOCX's footer carries the same field.
    footer: (page: number) =>
      (models.length === 1 ? { text: `— ${page} —`, alignment: 'center', fontSize: LAYOUT.pageNumberPt, lineHeight: 1, margin: [0, LAYOUT.footerGapMm * (72 / 25.4), 0, 0] } : null) as Content,
  };
}

/** Renders models into one PDF (a single document, or several one after another). */
export async function renderPdf(models: DocModel[]): Promise<Buffer> {
  const e = await warmPdfEngine();
  return e.pm.createPdf(pdfDefinition(models, e)).getBuffer();
}

/**
 * Renders one document's PDF and, when a print file is given, draws the same laid-out pages into it
 * (one layout pass for both). Returns the PDF, its page count and whether the print file took the pages.
 */
export async function renderPdfAndPrint(model: DocModel, print: PrintFile | null): Promise<{ pdf: Buffer; pages: number; printed: boolean }> {
  const e = await warmPdfEngine();
  const out = e.pm.createPdf(pdfDefinition([model], e));
  // getStream() resolves to the laid-out pdfkit document (not in pdfmake's types).
  const doc = (await (out as unknown as { getStream(): Promise<unknown> }).getStream()) as Parameters<PrintFile['add']>[0];
  const pages = Array.isArray(doc._pdfMakePages) ? doc._pdfMakePages.length : 0;
  const printed = print ? print.add(doc) : false;
  return { pdf: await out.getBuffer(), pages, printed };
}
