import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { LAYOUT, type DocModel } from './model';
import { DOCX_FONT_TABLE, DOCX_FONTS } from './fonts';
import { docxBody, escapeXml } from './docxBody';
import { zipArchive, zipEntry, type ZipEntry } from './zipWriter';

// Model → DOCX (for editing in Word/WPS), the same blocks and measures as the PDF. The package's
// parts (content types, relationships, theme, the footer with its PAGE field…) come from `docx`, made
// once per thread; per document only word/document.xml's body (docxBody.ts) and the core properties
// are written. Four parts are the court's own, written over docx's:
// - styles.xml's defaults: Chinese language, no widow control, no hanging punctuation, no automatic
//   space between CJK and Latin text (a case number like （2026）内0523执1号 keeps its spacing);
// - settings.xml: punctuation not compressed (full-width, as in the PDF);
// - fontTable.xml: every face named with the faces a Chinese Windows falls back to (fonts.ts);
// - the footer: the page number "— N —", 4号, on every page as in the PDF (GB/T 9704 7.5).
// A docx upgrade that changes the shape of these parts fails here (and in the tests), never silently.

const TWIP_PER_MM = 1440 / 25.4;

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
let skeleton: Promise<Skeleton> | null = null;

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function styles(xml: string): string {
  const defaults =
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${DOCX_FONTS.body.ascii}" w:eastAsia="${DOCX_FONTS.body.eastAsia}" w:hAnsi="${DOCX_FONTS.body.hAnsi}" w:cs="${DOCX_FONTS.body.ascii}"/>` +
    `<w:kern w:val="0"/><w:sz w:val="${LAYOUT.bodyPt * 2}"/><w:szCs w:val="${LAYOUT.bodyPt * 2}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing w:before="0" w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>';
  const out = xml.replace(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/, defaults);
  if (out === xml) throw new Error('docx: styles.xml without docDefaults');
  return out;
}

// Line-breaking rules (禁则) for Chinese as Word's defaults, with the quotation marks “ ” kept to
// their text on both sides as the PDF's line breaker does (Unicode UAX #14, class QU).
const NO_BREAK_AFTER = '$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥”';
const NO_BREAK_BEFORE = '!%),.:;?]}¢°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｝～￠“';

function settings(xml: string): string {
  const rules = `<w:noLineBreaksAfter w:lang="zh-CN" w:val="${escapeXml(NO_BREAK_AFTER)}"/><w:noLineBreaksBefore w:lang="zh-CN" w:val="${escapeXml(NO_BREAK_BEFORE)}"/>`;
  const out = xml.replace('<w:compat>', `<w:characterSpacingControl w:val="doNotCompress"/>${rules}<w:compat>`);
  if (out === xml) throw new Error('docx: settings.xml without compat');
  return out;
}

function fontTable(): string {
  const fonts = DOCX_FONT_TABLE.map(
    (f) => `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.altNames.join(','))}"/><w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts ${W_NS}>${fonts}</w:fonts>`;
}

/** docx's package of a one-paragraph document with the footer, cut around the body and the title. */
async function buildSkeleton(): Promise<Skeleton> {
  const probe = new Document({
    creator: '执行案件管理系统',
    title: `${TITLE_MARK} ${TITLE_MARK}`,
    sections: [
      {
        properties: {
          page: {
            size: { width: LAYOUT.pageWidthTw, height: LAYOUT.pageHeightTw },
            margin: {
              top: LAYOUT.marginTopTw,
              bottom: LAYOUT.marginBottomTw,
              left: LAYOUT.marginLeftTw,
              right: LAYOUT.marginRightTw,
              // The page number's baseline region: 7 mm below the text block (GB/T 9704 7.5).
              footer: Math.round((35 - LAYOUT.footerGapMm - 7.2) * TWIP_PER_MM),
              header: Math.round(15 * TWIP_PER_MM),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: DOCX_FONTS.body, size: LAYOUT.pageNumberPt * 2 })],
              }),
            ],
          }),
        },
        children: [new Paragraph({ children: [new TextRun(BODY_MARK)] })],
      },
    ],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(probe));
  const parts: Skeleton['parts'] = [];
  let doc = '';
  let core = '';
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    let text = await f.async('string');
    if (f.name === 'word/document.xml') doc = text;
    else if (f.name === 'docProps/core.xml') core = text;
    if (f.name === 'word/styles.xml') text = styles(text);
    else if (f.name === 'word/settings.xml') text = settings(text);
    else if (f.name === 'word/fontTable.xml') text = fontTable();
    parts.push({ name: f.name, entry: f.name === 'word/document.xml' || f.name === 'docProps/core.xml' ? null : zipEntry(f.name, text) });
  }
  const names = new Set(parts.map((p) => p.name));
  for (const n of ['word/styles.xml', 'word/settings.xml', 'word/fontTable.xml', 'word/footer1.xml']) if (!names.has(n)) throw new Error(`docx: package without ${n}`);
  const body = doc.indexOf('<w:body>');
  const sect = doc.lastIndexOf('<w:sectPr');
  const title = `${TITLE_MARK} ${TITLE_MARK}`;
  const t = core.indexOf(title);
  if (body < 0 || sect < body || !doc.slice(body, sect).includes(BODY_MARK) || !doc.slice(sect).includes('<w:footerReference') || t < 0 || !/<dcterms:created[^>]*>[^<]*<\/dcterms:created>/.test(core)) {
    throw new Error('docx: document.xml or core.xml not in the expected shape');
  }
  return { parts, head: doc.slice(0, body + '<w:body>'.length), tail: doc.slice(sect), coreHead: core.slice(0, t), coreTail: core.slice(t + title.length) };
}

export async function renderDocx(m: DocModel): Promise<Buffer> {
  skeleton ??= buildSkeleton();
  const s = await skeleton;
  const at = new Date();
  const iso = at.toISOString();
  // docx stamps created and modified with the time of packing.
  const core = `${s.coreHead}${escapeXml(`${m.caseNumber} ${m.title}`)}${s.coreTail}`.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${iso}`);
  const entries = s.parts.map((p) => p.entry ?? zipEntry(p.name, p.name === 'word/document.xml' ? `${s.head}${docxBody(m)}${s.tail}` : core));
  return zipArchive(entries, at);
}
