import { UploadFormatError, UploadLimitError, UPLOAD_LIMITS } from '../../../src-shared/domain/uploadLimits';
import { TableBuilder, cellName } from './tableLimits';
import { XmlScanner, type XmlHandler } from './xmlScanner';
import { ZipReader } from './zipReader';

// The first worksheet of an .xlsx (Office Open XML, ECMA-376 Part 1 §18) as rows of text, the way a
// clerk sees them: shared and inline strings, numbers as written, booleans, and cells with a date
// format as YYYY-MM-DD. Read as a stream (zipReader → xmlScanner → TableBuilder): the sheet is never
// held whole, and each limit is checked where it can first be seen — the declared <dimension>
// before any row, a row number before its cells, a cell's length while its text arrives.

/** Streams one part of the archive through a handler. */
async function scan(zip: ZipReader, name: string, h: XmlHandler, maxBytes: number, limit: 'partBytes' | 'inflatedBytes'): Promise<void> {
  const scanner = new XmlScanner(h);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of zip.chunks(name, maxBytes, limit)) scanner.feed(decoder.decode(chunk, { stream: true }));
  scanner.feed(decoder.decode());
  scanner.end();
}

const NO_TEXT = () => {};

/** Column index (0-based) of a cell reference such as "AB12"; -1 when there are no letters. */
export function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return i === 0 ? -1 : n - 1;
}

/** Row number (1-based) of a cell reference or a row's r attribute; NaN when malformed. */
function rowNumber(s: string): number {
  return /^\d{1,10}$/.test(s) ? Number(s) : Number.NaN;
}

function serialToIso(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + Math.round(serial * 86400) * 1000);
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

/** Built-in date/time number formats (ECMA-376 §18.8.30) and custom codes with date parts. */
async function dateStyles(zip: ZipReader): Promise<Set<number>> {
  const out = new Set<number>();
  if (!zip.has('xl/styles.xml')) return out;
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inXfs = false;
  await scan(
    zip,
    'xl/styles.xml',
    {
      open(name, a) {
        if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (name === 'cellXfs') inXfs = true;
        else if (name === 'xf' && inXfs) xfFormats.push(Number(a.numFmtId ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inXfs = false;
      },
      text: NO_TEXT,
    },
    UPLOAD_LIMITS.partBytes,
    'partBytes',
  );
  const isDate = (id: number) => {
    if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
    const code = custom.get(id);
    return !!code && /[ymd]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
  };
  xfFormats.forEach((id, i) => isDate(id) && out.add(i));
  return out;
}

/** The shared-string table, each entry's <t> runs joined, phonetic guides (<rPh>) left out. */
async function sharedStrings(zip: ZipReader): Promise<string[]> {
  const out: string[] = [];
  if (!zip.has('xl/sharedStrings.xml')) return out;
  let item: string[] | null = null;
  let length = 0;
  let total = 0;
  let inT = false;
  let inPhonetic = 0;
  await scan(
    zip,
    'xl/sharedStrings.xml',
    {
      open(name, _a, selfClosing) {
        if (name === 'si') {
          if (out.length >= UPLOAD_LIMITS.sharedStrings) throw new UploadLimitError('sharedStrings', `第 ${(out.length + 1).toLocaleString('en-US')} 条`);
          item = [];
          length = 0;
          if (selfClosing) {
            out.push('');
            item = null;
          }
        } else if (name === 'rPh' && !selfClosing) inPhonetic++;
        else if (name === 't' && !selfClosing && item && inPhonetic === 0) inT = true;
      },
      close(name) {
        if (name === 't') inT = false;
        else if (name === 'rPh') inPhonetic = Math.max(0, inPhonetic - 1);
        else if (name === 'si' && item) {
          out.push(item.join(''));
          item = null;
        }
      },
      text(t) {
        if (!inT || !item) return;
        length += t.length;
        total += t.length;
        if (length > UPLOAD_LIMITS.cellChars) throw new UploadLimitError('cellChars', `共享字符串第 ${out.length + 1} 条`);
        if (total > UPLOAD_LIMITS.sharedStringChars) throw new UploadLimitError('sharedStringChars', `共享字符串第 ${out.length + 1} 条`);
        item.push(t);
      },
    },
    UPLOAD_LIMITS.inflatedBytes,
    'inflatedBytes',
  );
  return out;
}

/** The first sheet's path: workbook.xml names it, its relationships file locates it. */
async function firstSheetPath(zip: ZipReader): Promise<{ path: string; date1904: boolean }> {
  if (!zip.has('xl/workbook.xml')) throw new UploadFormatError('无法读取 Excel 文件（缺少工作簿）');
  let date1904 = false;
  let rid: string | null = null;
  let sheets = 0;
  await scan(
    zip,
    'xl/workbook.xml',
    {
      open(name, a) {
        if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
        else if (name === 'sheet' && sheets++ === 0) rid = a.id ?? null;
      },
      close: NO_TEXT,
      text: NO_TEXT,
    },
    UPLOAD_LIMITS.partBytes,
    'partBytes',
  );
  if (sheets === 0) throw new UploadFormatError('Excel 文件中没有工作表');
  let target = 'worksheets/sheet1.xml';
  if (zip.has('xl/_rels/workbook.xml.rels')) {
    await scan(
      zip,
      'xl/_rels/workbook.xml.rels',
      {
        open(name, a) {
          if (name === 'Relationship' && rid !== null && a.Id === rid && a.Target) target = a.Target;
        },
        close: NO_TEXT,
        text: NO_TEXT,
      },
      UPLOAD_LIMITS.partBytes,
      'partBytes',
    );
  }
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const path: string[] = [];
  for (const p of parts) {
    if (p === '..') path.pop();
    else if (p !== '.' && p !== '') path.push(p);
  }
  const resolved = path.join('/');
  if (!zip.has(resolved)) throw new UploadFormatError('Excel 文件中没有工作表');
  return { path: resolved, date1904 };
}

/** Reads the first worksheet of an xlsx file into rows of trimmed text; refuses it at the first limit passed. */
export async function readXlsxRows(bytes: Buffer): Promise<string[][]> {
  const zip = new ZipReader(bytes);
  const { path, date1904 } = await firstSheetPath(zip);
  const shared = await sharedStrings(zip);
  const dates = await dateStyles(zip);
  const table = new TableBuilder();

  let inRow = false;
  let row = -1;
  let nextRow = 0;
  let nextCol = 0;
  let cell: { col: number; t: string; s: number } | null = null;
  let value: string[] = [];
  let valueLength = 0;
  let capture: 'v' | 't' | null = null;
  let inInline = false;
  let inPhonetic = 0;
  let inlineText: string[] = [];

  const endCell = () => {
    const c = cell!;
    const v = value.length ? value.join('') : undefined;
    let text = '';
    if (c.t === 's') {
      if (v !== undefined) {
        const i = rowNumber(v.trim());
        if (!(i < shared.length)) throw new UploadFormatError(`${cellName(row, c.col)}引用了不存在的共享字符串`);
        text = shared[i]!;
      }
    } else if (c.t === 'inlineStr') text = inlineText.join('');
    else if (c.t === 'str') text = v ?? '';
    else if (c.t === 'b') text = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
    else if (c.t === 'e') text = '';
    else if (v !== undefined) text = dates.has(c.s) && Number.isFinite(Number(v)) ? serialToIso(Number(v), date1904) : v;
    table.set(row, c.col, text);
    cell = null;
  };

  await scan(
    zip,
    path,
    {
      open(name, a, selfClosing) {
        if (name === 'dimension') {
          const last = (a.ref ?? '').split(':').pop() ?? '';
          const rows = rowNumber(last.replace(/^[A-Z]+/, ''));
          const cols = columnIndex(last) + 1;
          if (rows > UPLOAD_LIMITS.rows) throw new UploadLimitError('rows', `工作表声明的范围为 ${a.ref}`);
          if (cols > UPLOAD_LIMITS.columns) throw new UploadLimitError('columns', `工作表声明的范围为 ${a.ref}`);
        } else if (name === 'row') {
          if (inRow) throw new UploadFormatError(`工作表结构错误：第 ${row + 1} 行没有结束就开始了下一行`);
          const r = a.r === undefined ? nextRow + 1 : rowNumber(a.r);
          if (!(r >= 1)) throw new UploadFormatError(`工作表结构错误：行号“${a.r}”无效`);
          if (r - 1 < nextRow) throw new UploadFormatError(`工作表结构错误：行号 ${r} 重复或顺序颠倒`);
          row = r - 1;
          table.startRow(row);
          nextRow = row + 1;
          nextCol = 0;
          inRow = !selfClosing;
        } else if (name === 'c') {
          if (!inRow || cell) throw new UploadFormatError('工作表结构错误：单元格不在行内或没有结束');
          let col = nextCol;
          if (a.r !== undefined) {
            col = columnIndex(a.r);
            const r = rowNumber(a.r.replace(/^[A-Z]+/, ''));
            if (col < 0 || r !== row + 1) throw new UploadFormatError(`工作表结构错误：单元格位置“${a.r}”无效`);
          }
          table.checkCell(row, col);
          nextCol = col + 1;
          cell = { col, t: a.t ?? 'n', s: Number(a.s ?? 0) };
          value = [];
          valueLength = 0;
          inlineText = [];
          if (selfClosing) endCell();
        } else if (cell) {
          if (name === 'v' && !selfClosing) capture = 'v';
          else if (name === 'is') inInline = !selfClosing;
          else if (name === 'rPh' && !selfClosing) inPhonetic++;
          else if (name === 't' && inInline && inPhonetic === 0 && !selfClosing) capture = 't';
        }
      },
      close(name) {
        if (name === 'row') {
          if (cell) throw new UploadFormatError(`工作表结构错误：第 ${row + 1} 行的单元格没有结束`);
          inRow = false;
        } else if (name === 'c' && cell) endCell();
        else if (name === 'v' || name === 't') capture = null;
        else if (name === 'is') inInline = false;
        else if (name === 'rPh') inPhonetic = Math.max(0, inPhonetic - 1);
      },
      text(t) {
        if (!capture || !cell) return;
        valueLength += t.length;
        table.checkLength(row, cell.col, valueLength);
        (capture === 'v' ? value : inlineText).push(t);
      },
    },
    UPLOAD_LIMITS.inflatedBytes,
    'inflatedBytes',
  );
  if (inRow || cell) throw new UploadFormatError('工作表结构错误：最后一行没有结束');
  return table.rows;
}
