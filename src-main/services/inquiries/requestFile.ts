import ExcelJS from 'exceljs';
import type { Db } from '../../db/connection';
import { ASSET_TYPE_LABELS, type AssetType } from '../../../src-shared/domain/assets';
import { ID_KIND_LABELS, REQUEST_COLUMNS } from '../../../src-shared/domain/inquiryFiles';
import { getInquiryBatch } from './batches';
import { exportPath, writeFileAtomic } from './exportFile';
import { neutraliseCell, neutraliseWorkbook } from '../exports/formulaCells';

// The request file (查控请求) of a batch, in the layout of src-shared/domain/inquiryFiles.ts.
// csv is UTF-8 with a byte-order mark so that Excel on Chinese Windows opens it correctly; ID and
// account numbers are text cells in xlsx so a spreadsheet does not turn them into 1.5E+17. A name
// beginning with = + - @ is written as text, never a formula (exports/formulaCells.ts).

export function requestRows(db: Db, batchId: number): string[][] {
  const b = getInquiryBatch(db, batchId);
  const kinds = new Map(db.raw<{ id: number; kind: 'person' | 'org' }>(`SELECT p.id, p.kind FROM parties p JOIN inquiry_targets t ON t.party_id = p.id WHERE t.batch_id = ?`, batchId).map((r) => [r.id, r.kind]));
  const categories = b.categories.map((c: AssetType) => ASSET_TYPE_LABELS[c]).join('、');
  const header = Object.values(REQUEST_COLUMNS) as string[];
  return [header, ...b.targets.map((t) => [b.number, String(t.seq), t.caseNumber, t.debtor, ID_KIND_LABELS[kinds.get(t.partyId) ?? 'person'], t.idCode, categories])];
}

export function toCsv(rows: string[][]): string {
  const field = (raw: string) => {
    const s = neutraliseCell(raw);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return '\ufeff' + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

export async function toXlsx(rows: string[][], sheetName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => {
    c.numFmt = '@';
    c.width = 22;
  });
  neutraliseWorkbook(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeRequestFile(db: Db, dataDir: string, batchId: number, format: 'xlsx' | 'csv'): Promise<{ path: string; fileName: string }> {
  const rows = requestRows(db, batchId);
  const number = rows[1]?.[0] ?? getInquiryBatch(db, batchId).number;
  const fileName = `查控请求-${number}.${format}`;
  const path = exportPath(dataDir, 'inquiries', fileName);
  writeFileAtomic(path, format === 'csv' ? toCsv(rows) : await toXlsx(rows, '查控请求'));
  return { path, fileName };
}
