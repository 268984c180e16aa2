import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

// Reads the first sheet of an xlsx file or a csv file into rows of trimmed strings. Spreadsheets
// saved as csv on Chinese Windows are GBK (more exactly GB18030, its superset) without a byte-order
// mark; files from elsewhere are UTF-8, with or without a BOM. A file that is valid UTF-8 is read as
// UTF-8, anything else as GB18030: GBK text is almost never valid UTF-8, so the test is reliable.

export interface Table {
  format: 'xlsx' | 'csv';
  encoding: 'utf-8' | 'gb18030' | null;
  /** rows[0] is the header; rows[i] is line i+1 of the file as a clerk counts it. */
  rows: string[][];
}

export class TableError extends Error {}

export async function readTable(bytes: Buffer, fileName: string): Promise<Table> {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip || /\.xlsx$/i.test(fileName)) {
    if (!isZip) throw new TableError('文件扩展名为 .xlsx，但内容不是 Excel 工作簿');
    return { format: 'xlsx', encoding: null, rows: await readXlsx(bytes) };
  }
  if (/\.xls$/i.test(fileName)) throw new TableError('不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 或 .csv');
  const { text, encoding } = decodeText(bytes);
  return { format: 'csv', encoding, rows: parseCsv(text) };
}

export function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

/** RFC 4180: commas, CRLF or LF, double quotes around fields with "" for a quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field.trim());
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field.trim());
    rows.push(row);
  }
  return rows;
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new TableError('无法读取 Excel 文件（文件损坏或不是 .xlsx 格式）');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new TableError('Excel 文件中没有工作表');
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, rowNumber) => {
    const cells: string[] = [];
    r.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // Date cells: ExcelJS returns the wall-clock date as UTC midnight.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text).trim();
    if ('error' in v) return '';
  }
  return String(v).trim();
}

/** Normalises a header or code for comparison: NFKC (full-width → half-width), no spaces. */
export function norm(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}
