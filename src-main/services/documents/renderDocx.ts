import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  LineRuleType,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { LAYOUT, type Block, type DocModel } from './model';
import { DOCX_FONTS } from './fonts';

// Model → DOCX (for editing in Word/WPS), the same blocks as the PDF. Fonts are named, not embedded:
// body 仿宋_GB2312 (FangSong), titles 方正小标宋简体 (SimSun), as the court's workstations have them.

const TWIP_PER_MM = 1440 / 25.4;
const twip = (mm: number) => Math.round(mm * TWIP_PER_MM);
const halfPt = (pt: number) => Math.round(pt * 2);
const LINE = Math.round(LAYOUT.linePt * 20); // exact line pitch in twips (22 lines a page)

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER, justify: AlignmentType.JUSTIFIED } as const;

function run(text: string, opts: { title?: boolean; size?: number; bold?: boolean; underline?: boolean } = {}): TextRun {
  const o: IRunOptions = {
    text,
    font: opts.title ? DOCX_FONTS.title : DOCX_FONTS.body,
    size: halfPt(opts.size ?? LAYOUT.bodyPt),
    ...(opts.bold ? { bold: true } : {}),
    ...(opts.underline ? { underline: {} } : {}),
  };
  return new TextRun(o);
}

const exact = { line: LINE, lineRule: LineRuleType.EXACT };

function blockChildren(b: Block): (Paragraph | Table)[] {
  switch (b.t) {
    case 'court':
    case 'title':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: Math.round(LINE * 1.2), lineRule: LineRuleType.EXACT, ...(b.t === 'title' ? { after: 160 } : {}) }, children: [run(b.text, { title: true, size: LAYOUT.titlePt })] })];
    case 'number':
      return [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { ...exact, before: 80, after: 80 }, children: [run(b.text)] })];
    case 'para':
      return [
        new Paragraph({
          alignment: ALIGN[b.align ?? 'justify'],
          spacing: exact,
          ...(b.indent ? { indent: { firstLine: Math.round(LAYOUT.bodyPt * 2 * 20) } } : {}),
          children: b.runs.map((r) => run(r.text, { title: !!r.bold, ...(r.underline ? { underline: true } : {}) })),
        }),
      ];
    case 'table': {
      const total = b.widths.reduce((a, x) => a + x, 0);
      const usable = twip(210 - LAYOUT.marginLeftMm - LAYOUT.marginRightMm);
      const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
      return [
        new Table({
          width: { size: usable, type: WidthType.DXA },
          columnWidths: b.widths.map((w) => Math.round((w / total) * usable)),
          borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
          rows: b.rows.map(
            (row) =>
              new TableRow({
                ...(b.minRowHeight ? { height: { value: b.minRowHeight * 20, rule: HeightRule.ATLEAST } } : {}),
                children: row.map(
                  (c) =>
                    new TableCell({
                      ...(c.colSpan && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
                      verticalAlign: VerticalAlign.CENTER,
                      children: [new Paragraph({ alignment: c.label || c.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(c.text, { size: LAYOUT.tablePt, title: !!c.label })] })],
                    }),
                ),
              }),
          ),
        }),
      ];
    }
    case 'signature':
      return [
        ...b.lines.map((l) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exact, indent: { right: 640 }, children: [run(l)] })),
        new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exact, indent: { right: 640 }, children: [run(b.seal, { size: 12 })] }),
      ];
    case 'spacer':
      return Array.from({ length: b.lines }, () => new Paragraph({ spacing: exact, children: [] }));
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

export function docxDocument(m: DocModel): Document {
  return new Document({
    creator: '执行案件管理系统',
    title: `${m.caseNumber} ${m.title}`,
    styles: { default: { document: { run: { font: DOCX_FONTS.body, size: halfPt(LAYOUT.bodyPt) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twip(210), height: twip(297) },
            margin: { top: twip(LAYOUT.marginTopMm), bottom: twip(LAYOUT.marginBottomMm), left: twip(LAYOUT.marginLeftMm), right: twip(LAYOUT.marginRightMm) },
          },
        },
        children: m.blocks.flatMap(blockChildren),
      },
    ],
  });
}

export async function renderDocx(m: DocModel): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(m));
}
