import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { neutraliseWorkbook } from '../exports/formulaCells';

/**
 * Writes a workbook so that the same content gives the same bytes: the document properties carry a
 * fixed date (the period's end, not "now") and the zip is rebuilt with fixed entry dates and a
 * fixed entry order, because exceljs stamps both with the current time. Text cells that would read
 * as formulas are neutralised (exports/formulaCells.ts).
 */
export async function deterministicXlsx(wb: ExcelJS.Workbook, fixedIsoDate: string): Promise<Buffer> {
  neutraliseWorkbook(wb);
  const date = new Date(`${fixedIsoDate}T00:00:00Z`);
  wb.creator = 'Zhixing';
  wb.lastModifiedBy = 'Zhixing';
  wb.created = date;
  wb.modified = date;
  const raw = await wb.xlsx.writeBuffer();
  const src = await JSZip.loadAsync(raw as ArrayBuffer);
  const out = new JSZip();
  const names = Object.keys(src.files).filter((n) => !src.files[n]!.dir);
  // [Content_Types].xml first, as Office expects; the rest in a stable order.
  names.sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const n of names) out.file(n, await src.files[n]!.async('uint8array'), { date, createFolders: false });
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

/** A header row in bold with a light fill, and column widths. */
export function styleHeader(ws: ExcelJS.Worksheet, widths: number[]): void {
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}
