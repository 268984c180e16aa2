import JSZip from 'jszip';

// A lean reader for the first worksheet of an .xlsx (Office Open XML, ECMA-376 Part 1 §18): it
// unzips the workbook and scans the sheet XML for cells, instead of building ExcelJS's full object
// model, which costs seconds on a 10,000-row feedback file. Values come back as text the way a clerk
// sees them: shared and inline strings, numbers as written, booleans, and cells with a date format
// as YYYY-MM-DD.

export class XlsxError extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e]!,
  );
}

/** The text of a string item: every <t> run, phonetic guides (<rPh>) left out. */
function itemText(xml: string): string {
  const clean = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of clean.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) out += m[1] ?? '';
  return unescapeXml(out);
}

const attr = (attrs: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

/** Built-in date/time number formats (ECMA-376 §18.8.30) and custom codes with date parts. */
function dateStyles(stylesXml: string | null): Set<number> {
  const out = new Set<number>();
  if (!stylesXml) return out;
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b([^>]*)\/?>/g)) custom.set(Number(attr(m[1]!, 'numFmtId')), unescapeXml(attr(m[1]!, 'formatCode') ?? ''));
  const isDate = (id: number) => {
    if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
    const code = custom.get(id);
    return !!code && /[ymd]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
  };
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  let i = 0;
  for (const m of xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>)/g)) {
    if (isDate(Number(attr(m[1]!, 'numFmtId') ?? 0))) out.add(i);
    i++;
  }
  return out;
}

function serialToIso(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86400) * 1000).toISOString().slice(0, 10);
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

export async function readXlsxRows(bytes: Buffer): Promise<string[][]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new XlsxError('无法读取 Excel 文件（文件损坏或不是 .xlsx 格式）');
  }
  const text = async (path: string) => (await zip.file(path)?.async('string')) ?? null;
  const workbook = await text('xl/workbook.xml');
  if (!workbook) throw new XlsxError('无法读取 Excel 文件（缺少工作簿）');
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook);
  const firstSheet = /<sheet\b([^>]*)\/?>/.exec(workbook);
  if (!firstSheet) throw new XlsxError('Excel 文件中没有工作表');
  const rid = attr(firstSheet[1]!, 'r:id');
  const rels = (await text('xl/_rels/workbook.xml.rels')) ?? '';
  let target = 'worksheets/sheet1.xml';
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) if (attr(m[1]!, 'Id') === rid) target = attr(m[1]!, 'Target') ?? target;
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheet = await text(sheetPath);
  if (!sheet) throw new XlsxError('Excel 文件中没有工作表');

  const sharedXml = (await text('xl/sharedStrings.xml')) ?? '';
  const shared = [...sharedXml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)].map((m) => itemText(m[1] ?? ''));
  const dates = dateStyles(await text('xl/styles.xml'));

  const rows: string[][] = [];
  let nextRow = 0;
  for (const rm of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = attr(rm[1]!, 'r');
    const rowIndex = r ? Number(r) - 1 : nextRow;
    nextRow = rowIndex + 1;
    const cells: string[] = [];
    let nextCol = 0;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const a = cm[1]!;
      const ref = attr(a, 'r');
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      const body = cm[2] ?? '';
      const t = attr(a, 't') ?? 'n';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value = '';
      if (t === 's') value = v !== undefined ? shared[Number(v)] ?? '' : '';
      else if (t === 'inlineStr') value = itemText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (t === 'str') value = v !== undefined ? unescapeXml(v) : '';
      else if (t === 'b') value = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
      else if (t === 'e') value = '';
      else if (v !== undefined) {
        const s = Number(attr(a, 's') ?? 0);
        value = dates.has(s) && Number.isFinite(Number(v)) ? serialToIso(Number(v), date1904) : v;
      }
      cells[col] = value.trim();
    }
    rows[rowIndex] = Array.from(cells, (c) => c ?? '');
  }
  return Array.from(rows, (r) => r ?? []);
}
