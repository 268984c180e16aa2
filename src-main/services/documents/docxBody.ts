import { LAYOUT, TEXT_WIDTH_TW, paraAlign, type Block, type DocModel, type SignLine } from './model';
import { DOCX_FONTS } from './fonts';
import { trackingTwips } from './fontTracking';

// The body of document.xml, written straight from the model with the measures of LAYOUT (the PDF
// uses the same numbers). Elements are written in the order the WordprocessingML schema requires
// (ECMA-376 Part 1 §17.3.1.26 pPr, §17.3.2.28 rPr, §17.4 tables): Word refuses a file whose
// property elements are out of order. Paragraph defaults (no widow control, no hanging punctuation,
// no CJK–Latin autospacing — so a case number keeps its spacing) are set once in styles.xml
// (renderDocx.ts).

const halfPt = (pt: number) => Math.round(pt * 2);
const JC = { left: 'left', right: 'right', center: 'center', justify: 'both' } as const;

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

const fonts = (f: { ascii: string; eastAsia: string; hAnsi: string }) => `<w:rFonts w:ascii="${escapeXml(f.ascii)}" w:eastAsia="${escapeXml(f.eastAsia)}" w:hAnsi="${escapeXml(f.hAnsi)}" w:cs="${escapeXml(f.ascii)}" w:hint="eastAsia"/>`;
const BODY_FONTS = fonts(DOCX_FONTS.body);
const TITLE_FONTS = fonts(DOCX_FONTS.title);
const RARE_FONTS = fonts(DOCX_FONTS.rare);

interface RunOpts {
  title?: boolean;
  bold?: boolean;
  size?: number;
  underline?: boolean;
  color?: string;
}

function oneRun(text: string, face: string, o: RunOpts): string {
  const size = o.size ?? LAYOUT.bodyPt;
  const sz = halfPt(size);
  // rPr order: rFonts, b, bCs, color, spacing, sz, szCs, u.
  return `<w:r><w:rPr>${face}${o.bold ? '<w:b/><w:bCs/>' : ''}${o.color ? `<w:color w:val="${o.color}"/>` : ''}<w:spacing w:val="${trackingTwips(size)}"/><w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/>${o.underline ? '<w:u w:val="single"/>' : ''}</w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** Runs of a text: characters beyond the BMP (Extension B…) in a run of their own, named SimSun-ExtB. */
export function run(text: string, o: RunOpts = {}): string {
  const face = o.title ? TITLE_FONTS : BODY_FONTS;
  if (!/[\u{10000}-\u{10FFFF}]/u.test(text)) return oneRun(text, face, o);
  let out = '';
  for (const m of text.matchAll(/[\u{10000}-\u{10FFFF}]+|[^\u{10000}-\u{10FFFF}]+/gu)) out += oneRun(m[0], m[0].codePointAt(0)! > 0xffff ? RARE_FONTS : face, o);
  return out;
}

interface ParaOpts {
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  line: number;
  before?: number;
  after?: number;
  indentFirst?: number;
  indentRight?: number;
  jc?: string;
}

// On every paragraph as well as in the style defaults: LibreOffice reads these from the paragraph.
const ASIAN = '<w:widowControl w:val="0"/><w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';

/** pPr in schema order: keepNext, keepLines, pageBreakBefore, widowControl, overflowPunct, autoSpaceDE, autoSpaceDN, spacing, ind, jc. */
function para(o: ParaOpts, runs: string): string {
  const spacing = `<w:spacing${o.before !== undefined ? ` w:before="${o.before}"` : ''}${o.after !== undefined ? ` w:after="${o.after}"` : ''} w:line="${o.line}" w:lineRule="exact"/>`;
  const ind = o.indentFirst || o.indentRight ? `<w:ind${o.indentRight ? ` w:right="${o.indentRight}"` : ''}${o.indentFirst ? ` w:firstLine="${o.indentFirst}"` : ''}/>` : '';
  const pPr = `${o.keepNext ? '<w:keepNext/>' : ''}${o.keepLines ? '<w:keepLines/>' : ''}${o.pageBreakBefore ? '<w:pageBreakBefore/>' : ''}${ASIAN}${spacing}${ind}${o.jc ? `<w:jc w:val="${o.jc}"/>` : ''}`;
  return `<w:p><w:pPr>${pPr}</w:pPr>${runs}</w:p>`;
}

function signLine(l: SignLine, keep: { keepNext: boolean }): string {
  const base = { line: LAYOUT.lineTw, keepLines: true, keepNext: keep.keepNext };
  if (l.seal) return para({ ...base, jc: 'right', indentRight: LAYOUT.indentTw }, run(l.text, { size: LAYOUT.sealPt, color: '888888' }));
  return para({ ...base, jc: l.left ? 'left' : 'right', ...(l.left ? {} : { indentRight: LAYOUT.indentTw }) }, l.text ? run(l.text) : '');
}

function table(b: Extract<Block, { t: 'table' }>): string {
  const total = b.widths.reduce((a, x) => a + x, 0);
  const cols = b.widths.map((w) => Math.round((w / total) * TEXT_WIDTH_TW));
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const mar = `<w:tblCellMar><w:top w:w="${LAYOUT.cellPadYTw}" w:type="dxa"/><w:left w:w="${LAYOUT.cellPadXTw}" w:type="dxa"/><w:bottom w:w="${LAYOUT.cellPadYTw}" w:type="dxa"/><w:right w:w="${LAYOUT.cellPadXTw}" w:type="dxa"/></w:tblCellMar>`;
  // The table's border sits on the text block's edges: indented by the cell margin, fixed layout.
  let xml = `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH_TW}" w:type="dxa"/><w:tblInd w:w="${LAYOUT.cellPadXTw}" w:type="dxa"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders><w:tblLayout w:type="fixed"/>${mar}</w:tblPr>`;
  xml += `<w:tblGrid>${cols.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  b.rows.forEach((row) => {
    xml += `<w:tr><w:trPr><w:cantSplit/>${b.minRowHeight ? `<w:trHeight w:val="${Math.round(b.minRowHeight * 20)}" w:hRule="atLeast"/>` : ''}</w:trPr>`;
    let col = 0;
    for (const c of row) {
      const span = c.colSpan ?? 1;
      const width = cols.slice(col, col + span).reduce((a, x) => a + x, 0);
      col += span;
      xml += `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}<w:vAlign w:val="center"/></w:tcPr>`;
      xml += para({ line: LAYOUT.tableLineTw, jc: c.label || c.align === 'center' ? 'center' : 'left' }, run(c.text, { size: LAYOUT.tablePt, bold: !!c.label }));
      xml += '</w:tc>';
    }
    xml += '</w:tr>';
  });
  return `${xml}</w:tbl>`;
}

/** The model's blocks as the content of <w:body> (before the section properties). */
export function docxBody(m: DocModel): string {
  // The signature is kept on one page with the body paragraph before it (GB/T 9704 7.3.5), as the
  // PDF keeps them in one unbreakable stack: keepNext + keepLines down the group.
  const sig = m.blocks.findIndex((b) => b.t === 'signature');
  let keepFrom = -1;
  if (sig > 0) {
    let from = sig - 1;
    while (from > 0 && m.blocks[from]!.t === 'spacer') from--;
    if (m.blocks[from]!.t === 'para') keepFrom = from;
  }
  let xml = '';
  let breakBefore = false;
  m.blocks.forEach((b, i) => {
    const kept = keepFrom >= 0 && i >= keepFrom && i < sig;
    const keep = kept ? { keepNext: true, keepLines: true } : {};
    const pb = breakBefore ? { pageBreakBefore: true } : {};
    if (b.t !== 'pageBreak') breakBefore = false;
    switch (b.t) {
      case 'court':
      case 'title':
        xml += para({ ...pb, line: LAYOUT.titleLineTw, ...(b.t === 'title' ? { after: LAYOUT.titleAfterTw } : {}), jc: 'center' }, run(b.text, { title: true, size: LAYOUT.titlePt }));
        break;
      case 'number':
        xml += para({ ...pb, line: LAYOUT.lineTw, before: LAYOUT.numberSpaceTw, after: LAYOUT.numberSpaceTw, jc: 'right' }, run(b.text));
        break;
      case 'para':
        xml += para(
          { ...pb, ...keep, line: LAYOUT.lineTw, ...(b.indent ? { indentFirst: LAYOUT.indentTw } : {}), jc: JC[paraAlign(b)] },
          b.runs.map((r) => run(r.text, { bold: !!r.bold, underline: !!r.underline })).join(''),
        );
        break;
      case 'table':
        xml += table(b);
        break;
      case 'signature':
        b.lines.forEach((l, k) => (xml += signLine(l, { keepNext: k < b.lines.length - 1 })));
        break;
      case 'spacer':
        for (let k = 0; k < b.lines; k++) xml += para({ ...(k === 0 ? pb : {}), ...keep, line: LAYOUT.lineTw }, '');
        break;
      case 'pageBreak':
        // The next block starts the page (a paragraph holding a page break would leave an empty line on it).
        breakBefore = true;
        break;
    }
  });
  return xml;
}
