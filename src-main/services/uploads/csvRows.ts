import iconv from 'iconv-lite';
import { UPLOAD_LIMITS } from '../../../src-shared/domain/uploadLimits';
import { TableBuilder } from './tableLimits';

// A csv file as rows of trimmed text. Spreadsheets saved as csv on Chinese Windows are GBK (more
// exactly GB18030, its superset) without a byte-order mark; files from elsewhere are UTF-8, with or
// without a BOM. A file that is valid UTF-8 is read as UTF-8, anything else as GB18030: GBK text is
// almost never valid UTF-8, so the test is reliable.

export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'gb18030' };
  }
}

/**
 * RFC 4180: commas, CRLF, LF or CR, double quotes around fields with "" for a quote. One forward
 * pass; each limit (rows, columns, cell length, cells) is checked as the parser reaches it, so forty
 * million empty lines are refused at line 100,001.
 */
export function parseCsv(text: string): string[][] {
  const table = new TableBuilder();
  const n = text.length;
  let i = 0;
  let row = 0;
  let col = 0;
  let started = false;
  while (i < n) {
    if (!started) {
      table.startRow(row);
      started = true;
    }
    table.checkCell(row, col);
    let value: string;
    if (text[i] === '"') {
      // Quoted: up to the closing quote, "" standing for one quote.
      const parts: string[] = [];
      let length = 0;
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        const end = q < 0 ? n : q;
        length += end - j;
        table.checkLength(row, col, length);
        parts.push(text.slice(j, end));
        if (q < 0) {
          j = n;
          break;
        }
        if (text[q + 1] === '"') {
          parts.push('"');
          length++;
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      // Anything after the closing quote up to the separator belongs to the field (lenient, as Excel is).
      let k = j;
      while (k < n && text[k] !== ',' && text[k] !== '\n' && text[k] !== '\r') k++;
      length += k - j;
      table.checkLength(row, col, length);
      parts.push(text.slice(j, k));
      value = parts.join('');
      i = k;
    } else {
      let k = i;
      const stop = Math.min(n, i + UPLOAD_LIMITS.cellChars + 1);
      while (k < stop && text[k] !== ',' && text[k] !== '\n' && text[k] !== '\r') k++;
      table.checkLength(row, col, k - i);
      value = text.slice(i, k);
      i = k;
    }
    table.set(row, col, value);
    if (i >= n) break;
    const sep = text[i];
    if (sep === ',') {
      col++;
      i++;
      if (i >= n) break;
      continue;
    }
    // A line break: CRLF counts once.
    i += sep === '\r' && text[i + 1] === '\n' ? 2 : 1;
    row++;
    col = 0;
    started = false;
  }
  return table.rows;
}
