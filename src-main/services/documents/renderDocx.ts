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
import JSZip from 'jszip';
import { LAYOUT, type Block, type DocModel } from './model';
import { DOCX_FONTS } from './fonts';
import { docxBody, escapeXml } from './docxBody';
import { zipArchive, zipEntry, type ZipEntry } from './zipWriter';

// Model → DOCX (for editing in Word/WPS), the same blocks as the PDF. Fonts are named, not embedded:
// body 仿宋_GB2312 (FangSong), titles 方正小标宋简体 (SimSun), as the court's workstations have them.
// docxDocument() is the docx model of a document. renderDocx() writes the same package faster: docx
// makes it once per thread (the skeleton: every part, compressed once), and per document only the
// body (docxBody.ts, identical to docx's) and the core properties (title, dates) are written.

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

/** The DOCX as docx itself packs it (the reference the fast path is checked against). */
export async function renderDocxWithPacker(m: DocModel): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(m));
}

interface Skeleton {
  /** Parts in docx's order; document.xml and core.xml are null (written per document). */
  parts: { name: string; entry: ZipEntry | null }[];
  head: string;
  tail: string;
  coreHead: string;
  coreTail: string;
}

const BODY_MARK = 'ZHIXING-BODY-MARK';
const TITLE_MARK = 'ZHIXING-TITLE-MARK';
let skeleton: Promise<Skeleton | null> | null = null;

/** docx's package of a one-paragraph document, cut around the body and the title. Null if its shape is not as expected. */
async function buildSkeleton(): Promise<Skeleton | null> {
  const probe: DocModel = { kind: '', title: TITLE_MARK, caseNumber: TITLE_MARK, blocks: [{ t: 'para', runs: [{ text: BODY_MARK }] }] };
  const zip = await JSZip.loadAsync(await renderDocxWithPacker(probe));
  const parts: Skeleton['parts'] = [];
  let doc = '';
  let core = '';
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    if (f.name === 'word/document.xml') doc = await f.async('string');
    else if (f.name === 'docProps/core.xml') core = await f.async('string');
    parts.push({ name: f.name, entry: f.name === 'word/document.xml' || f.name === 'docProps/core.xml' ? null : zipEntry(f.name, await f.async('uint8array')) });
  }
  const body = doc.indexOf('<w:body>');
  const sect = doc.lastIndexOf('<w:sectPr');
  const title = `${TITLE_MARK} ${TITLE_MARK}`;
  const t = core.indexOf(title);
  if (body < 0 || sect < body || !doc.slice(body, sect).includes(BODY_MARK) || t < 0 || !/<dcterms:created[^>]*>[^<]*<\/dcterms:created>/.test(core)) return null;
  return { parts, head: doc.slice(0, body + '<w:body>'.length), tail: doc.slice(sect), coreHead: core.slice(0, t), coreTail: core.slice(t + title.length) };
}

export async function renderDocx(m: DocModel): Promise<Buffer> {
  skeleton ??= buildSkeleton().catch(() => null);
  const s = await skeleton;
  if (!s) return renderDocxWithPacker(m);
  const at = new Date();
  const iso = at.toISOString();
  // docx stamps created and modified with the time of packing.
  const core = `${s.coreHead}${escapeXml(`${m.caseNumber} ${m.title}`)}${s.coreTail}`.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${iso}`);
  const entries = s.parts.map((p) => p.entry ?? zipEntry(p.name, p.name === 'word/document.xml' ? `${s.head}${docxBody(m)}${s.tail}` : core));
  return zipArchive(entries, at);
}
