import ExcelJS from 'exceljs';
import { renameSync, rmSync } from 'node:fs';
import { fenToYuanString } from '../../../src-shared/domain/money';
import { neutraliseCell } from '../exports/formulaCells';
import type { GridColumn } from './query';

// A grid as an xlsx: the header row in the grid's Chinese labels, then every row the grid's filters
// leave, in its order. Amounts are text with two decimals (a spreadsheet must not re-round money, as
// the payout list); enum values are written as their labels; text cells are neutralised against
// formula injection (exports/formulaCells.ts). Written with the streaming writer to a temp name and
// renamed into place, so a cancelled or failed export leaves no file.

export interface ExportColumn extends GridColumn {
  key: string;
}

function cellOf(c: ExportColumn, row: Record<string, unknown>): string | number | null {
  const v = c.cell ? c.cell(row) : row[c.key];
  if (v === null || v === undefined) return null;
  if (c.fen && typeof v === 'number') return fenToYuanString(v);
  if (typeof v === 'number') return v;
  const s = String(v);
  return neutraliseCell(c.labels?.[s] ?? s);
}

export async function writeGridXlsx(
  path: string,
  title: string,
  columns: ExportColumn[],
  rows: Record<string, unknown>[],
  progress?: (done: number) => void | Promise<void>,
): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
    wb.creator = 'Zhixing';
    const ws = wb.addWorksheet(title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ header: c.label, key: c.key, width: c.caseNumber ? 26 : c.fen ? 16 : 14, style: c.caseNumber || c.fen ? { numFmt: '@' } : {} }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (let i = 0; i < rows.length; i++) {
      ws.addRow(columns.map((c) => cellOf(c, rows[i]!))).commit();
      if (progress && i % 2000 === 1999) await progress(i + 1);
    }
    ws.commit();
    await wb.commit();
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
