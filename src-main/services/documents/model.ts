// The document model: what a template produces and both renderers (DOCX and PDF) consume, so the
// two files of a document always carry the same content in the same order. Layout follows
// GB/T 9704-2012 (党政机关公文格式): A4, title 2号 Song bold, body 3号 FangSong, 22 lines a page.

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
  /** A form: column widths relative, rows of cells; `label` cells print bold. */
  | { t: 'table'; widths: number[]; rows: Cell[][]; minRowHeight?: number }
  /** Court name, date and the place for the seal, right-aligned at the foot. */
  | { t: 'signature'; lines: string[]; seal: string }
  | { t: 'spacer'; lines: number }
  | { t: 'pageBreak' };

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

/** Every text of the model in order (tests and the search index read it). */
export function modelText(m: DocModel): string {
  const out: string[] = [];
  for (const b of m.blocks) {
    if (b.t === 'court' || b.t === 'title' || b.t === 'number') out.push(b.text);
    else if (b.t === 'para') out.push(b.runs.map((r) => r.text).join(''));
    else if (b.t === 'table') for (const row of b.rows) for (const c of row) out.push(c.text);
    else if (b.t === 'signature') out.push(...b.lines, b.seal);
  }
  return out.join('\n');
}

// GB/T 9704 measures: margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; 3号 = 16 pt,
// 2号 = 22 pt; 22 lines in the 225 mm text block → 28.95 pt a line.
export const MM = 72 / 25.4;
export const LAYOUT = {
  pageWidthPt: 595.28,
  pageHeightPt: 841.89,
  marginTopMm: 37,
  marginBottomMm: 35,
  marginLeftMm: 28,
  marginRightMm: 26,
  bodyPt: 16,
  titlePt: 22,
  tablePt: 12,
  linePt: 28.95,
} as const;
