import { cleanText } from '../../../src-shared/api/hygiene';
import { restoreCell } from '../exports/formulaCells';
import { UploadFormatError, UploadLimitError, UPLOAD_LIMITS } from '../../../src-shared/domain/uploadLimits';

// The table both readers (xlsx and csv) fill, cell by cell, with every limit of
// src-shared/domain/uploadLimits.ts checked as the cell arrives, before it is stored: a row past the
// row limit is refused at its first cell, not after a billion empty rows were allocated. Cell text
// gets the same hygiene as API input (src-shared/api/hygiene.ts), and loses the apostrophe our own
// exports put before formula-like text (exports/formulaCells.ts).

export const cellName = (row: number, col: number) => `第 ${row + 1} 行第 ${col + 1} 列`;

export class TableBuilder {
  readonly rows: string[][] = [];
  private cells = 0;

  /** Makes room for row `row` (0-based): rows between are empty. */
  startRow(row: number): void {
    if (row >= UPLOAD_LIMITS.rows) throw new UploadLimitError('rows', `第 ${(row + 1).toLocaleString('en-US')} 行`);
    while (this.rows.length <= row) this.rows.push([]);
  }

  /** Checks a cell's position and length before its text is gathered. */
  checkCell(row: number, col: number): void {
    if (col >= UPLOAD_LIMITS.columns) throw new UploadLimitError('columns', `第 ${row + 1} 行第 ${col + 1} 列`);
  }

  checkLength(row: number, col: number, length: number): void {
    if (length > UPLOAD_LIMITS.cellChars) throw new UploadLimitError('cellChars', cellName(row, col));
  }

  set(row: number, col: number, raw: string): void {
    this.checkCell(row, col);
    this.checkLength(row, col, raw.length);
    const value = restoreCell(raw.trim());
    if (value.trim() === '') return;
    if (++this.cells > UPLOAD_LIMITS.cells) throw new UploadLimitError('cells', cellName(row, col));
    const c = cleanText(value);
    if (!c.ok) throw new UploadFormatError(`${cellName(row, col)}${c.reason}，整份未导入`);
    const r = this.rows[row]!;
    while (r.length < col) r.push('');
    r[col] = c.value.trim();
  }
}
