// The document model: what a template produces and both renderers (DOCX and PDF) consume, so the
// two files of a document always carry the same content in the same order. Layout follows
// GB/T 9704-2012 (党政机关公文格式): A4, title 2号 Song bold, body 3号 FangSong, 22 lines of 28
// characters a page.

export interface Run {
  text: string;
  bold?: boolean;
  underline?: boolean;
}

export type Block =
  /** Issuing court and document title: 2号 小标宋, centred. */
  | { t: 'court'; text: string }
  | { t: 'title'; text: string }
  /** Case number line (文号), right-aligned 3号. */
  | { t: 'number'; text: string }
  /** A body paragraph; `indent` = first-line indent of two characters (公文正文). */
  | { t: 'para'; runs: Run[]; indent?: boolean; align?: 'left' | 'right' | 'center' | 'justify' }
  /** A form: column widths relative, rows of cells; `label` cells print bold. Rows never split across pages. */
  | { t: 'table'; widths: number[]; rows: Cell[][]; minRowHeight?: number }
  /**
   * The foot: signers, date and the place of the seal, right-aligned. It is kept on one page with
   * the body paragraph before it (GB/T 9704 7.3.5: no page holding only the signature and date).
   */
  | { t: 'signature'; lines: SignLine[] }
  | { t: 'spacer'; lines: number }
  | { t: 'pageBreak' };

export interface SignLine {
  text: string;
  /** The seal's place (printed small and grey; the clerk stamps over it). */
  seal?: boolean;
  /** Printed at the left margin instead of the right (the 核对 note of a ruling). */
  left?: boolean;
}

export interface Cell {
  text: string;
  label?: boolean;
  colSpan?: number;
  align?: 'left' | 'center';
}

export interface DocModel {
  kind: string;
  title: string;
  caseNumber: string;
  blocks: Block[];
}

/** Shorthand for a plain indented paragraph. */
export function p(text: string, opts: { indent?: boolean; align?: 'left' | 'right' | 'center' | 'justify'; bold?: boolean } = {}): Block {
  return { t: 'para', runs: [{ text, ...(opts.bold ? { bold: true } : {}) }], indent: opts.indent ?? true, ...(opts.align ? { align: opts.align } : {}) };
}

/**
 * Alignment of a paragraph: justified (两端对齐), except where a long number or code that cannot be
 * broken (an ID number, an account) would leave the line before it stretched wide: those paragraphs
 * are set flush left, in the PDF and the DOCX alike.
 */
export function paraAlign(b: Extract<Block, { t: 'para' }>): 'left' | 'right' | 'center' | 'justify' {
  const align = b.align ?? 'justify';
  if (align !== 'justify') return align;
  return b.runs.some((r) => LONG_TOKEN.test(r.text)) ? 'left' : 'justify';
}
const LONG_TOKEN = /[0-9A-Za-z.\-]{10,}/;

/** Every text of the model in order (tests and the search index read it). */
export function modelText(m: DocModel): string {
  const out: string[] = [];
  for (const b of m.blocks) {
    if (b.t === 'court' || b.t === 'title' || b.t === 'number') out.push(b.text);
    else if (b.t === 'para') out.push(b.runs.map((r) => r.text).join(''));
    else if (b.t === 'table') for (const row of b.rows) for (const c of row) out.push(c.text);
    else if (b.t === 'signature') out.push(...b.lines.map((l) => l.text));
  }
  return out.join('\n');
}

// GB/T 9704 measures, held in twentieths of a point (twips, the DOCX's unit) so that the PDF and the
// DOCX use the very same numbers: A4 210 × 297 mm; margins top 37 mm, bottom 35 mm, left 28 mm,
// right 26 mm (text block 156 × 225 mm); 3号 = 16 pt, 2号 = 22 pt; 22 lines in the block → 28.95 pt.
export const TW = 1 / 20;
export const MM = 72 / 25.4;
const mmTw = (mm: number) => Math.round(mm * MM * 20);
export const LAYOUT = {
  pageWidthTw: mmTw(210),
  pageHeightTw: mmTw(297),
  marginTopTw: mmTw(37),
  marginBottomTw: mmTw(35),
  marginLeftTw: mmTw(28),
  marginRightTw: mmTw(26),
  /** Body line pitch (exact): 22 lines in 225 mm. */
  lineTw: 579,
  /** Court name and title lines (exact), 1.2 body lines. */
  titleLineTw: 695,
  /** First-line indent of a paragraph: two characters of 3号. */
  indentTw: 640,
  /** Space after the title and around the number line. */
  titleAfterTw: 160,
  numberSpaceTw: 80,
  /** Table text line (exact) and cell padding. */
  tableLineTw: 360,
  cellPadXTw: 108,
  cellPadYTw: 60,
  /** Cell border width (DOCX w:sz 4 = ½ pt). */
  borderPt: 0.5,
  /** The page number's line sits 7 mm below the text block (GB/T 9704 7.5). */
  footerGapMm: 7,
  bodyPt: 16,
  titlePt: 22,
  tablePt: 12,
  pageNumberPt: 14,
  sealPt: 12,
} as const;
export const TEXT_WIDTH_TW = LAYOUT.pageWidthTw - LAYOUT.marginLeftTw - LAYOUT.marginRightTw;
