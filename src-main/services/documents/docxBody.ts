import { LAYOUT, type Block, type DocModel } from './model';
import { DOCX_FONTS } from './fonts';

// The body of document.xml written straight from the model: the same elements, attributes and order
// that `docx` writes for renderDocx.ts's docxDocument() (tests/unit/docxBody.test.ts compares the two
// for every template), at a fraction of the cost: docx builds an object tree of every run, formats it
// and serialises it, and did so for ~6 ms of the ~8 ms a notice's DOCX took. Everything around the
// body (namespaces, section, styles, settings, theme…) still comes from docx, once per thread.

const TWIP_PER_MM = 1440 / 25.4;
const twip = (mm: number) => Math.round(mm * TWIP_PER_MM);
const halfPt = (pt: number) => Math.round(pt * 2);
const LINE = Math.round(LAYOUT.linePt * 20);
const JC = { left: 'left', right: 'right', center: 'center', justify: 'both' } as const;

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

const fonts = (f: { ascii: string; eastAsia: string; hAnsi: string }) => `<w:rFonts w:ascii="${escapeXml(f.ascii)}" w:eastAsia="${escapeXml(f.eastAsia)}" w:hAnsi="${escapeXml(f.hAnsi)}"/>`;
const BODY_FONTS = fonts(DOCX_FONTS.body);
const TITLE_FONTS = fonts(DOCX_FONTS.title);

function run(text: string, o: { title?: boolean; size?: number; underline?: boolean } = {}): string {
  const sz = halfPt(o.size ?? LAYOUT.bodyPt);
  return `<w:r><w:rPr>${o.title ? TITLE_FONTS : BODY_FONTS}<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/>${o.underline ? '<w:u w:val="single"/>' : ''}</w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

function spacing(s: { before?: number; after?: number; line: number }): string {
  return `<w:spacing${s.after !== undefined ? ` w:after="${s.after}"` : ''}${s.before !== undefined ? ` w:before="${s.before}"` : ''} w:line="${s.line}" w:lineRule="exact"/>`;
}

function para(pPr: string, runs: string): string {
  return `<w:p><w:pPr>${pPr}</w:pPr>${runs}</w:p>`;
}

function block(b: Block): string {
  switch (b.t) {
    case 'court':
    case 'title':
      return para(`${spacing({ line: Math.round(LINE * 1.2), ...(b.t === 'title' ? { after: 160 } : {}) })}<w:jc w:val="center"/>`, run(b.text, { title: true, size: LAYOUT.titlePt }));
    case 'number':
      return para(`${spacing({ line: LINE, before: 80, after: 80 })}<w:jc w:val="right"/>`, run(b.text));
    case 'para':
      return para(
        `${spacing({ line: LINE })}${b.indent ? `<w:ind w:firstLine="${Math.round(LAYOUT.bodyPt * 2 * 20)}"/>` : ''}<w:jc w:val="${JC[b.align ?? 'justify']}"/>`,
        b.runs.map((r) => run(r.text, { title: !!r.bold, underline: !!r.underline })).join(''),
      );
    case 'table': {
      const total = b.widths.reduce((a, x) => a + x, 0);
      const usable = twip(210 - LAYOUT.marginLeftMm - LAYOUT.marginRightMm);
      const cols = b.widths.map((w) => Math.round((w / total) * usable));
      const border = (side: string) => `<w:${side} w:val="single" w:color="000000" w:sz="4"/>`;
      let xml = `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${usable}"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders></w:tblPr>`;
      xml += `<w:tblGrid>${cols.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
      for (const row of b.rows) {
        xml += `<w:tr>${b.minRowHeight ? `<w:trPr><w:trHeight w:val="${b.minRowHeight * 20}" w:hRule="atLeast"/></w:trPr>` : ''}`;
        let col = 0;
        for (const c of row) {
          const span = c.colSpan ?? 1;
          // docx gives a cell the width of the grid columns it spans.
          const width = cols.slice(col, col + span).reduce((a, x) => a + x, 0);
          col += span;
          xml += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}<w:vAlign w:val="center"/></w:tcPr>`;
          xml += para(`<w:jc w:val="${c.label || c.align === 'center' ? 'center' : 'left'}"/>`, run(c.text, { size: LAYOUT.tablePt, title: !!c.label }));
          xml += '</w:tc>';
        }
        xml += '</w:tr>';
      }
      return `${xml}</w:tbl>`;
    }
    case 'signature': {
      const pPr = `${spacing({ line: LINE })}<w:ind w:right="640"/><w:jc w:val="right"/>`;
      return b.lines.map((l) => para(pPr, run(l))).join('') + para(pPr, run(b.seal, { size: 12 }));
    }
    case 'spacer':
      return para(spacing({ line: LINE }), '').repeat(b.lines);
    case 'pageBreak':
      return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
  }
}

/** The model's blocks as the content of <w:body> (before the section properties). */
export function docxBody(m: DocModel): string {
  let xml = '';
  for (const b of m.blocks) xml += block(b);
  return xml;
}
