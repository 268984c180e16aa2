import iconv from 'iconv-lite';
import { readXlsxRows, XlsxError } from './xlsxReader';

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
    try {
      return { format: 'xlsx', encoding: null, rows: await readXlsxRows(bytes) };
    } catch (e) {
      if (e instanceof XlsxError) throw new TableError(e.message);
      throw e;
    }
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

/** Normalises a header or code for comparison: NFKC (full-width → half-width), no spaces. */
export function norm(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}
