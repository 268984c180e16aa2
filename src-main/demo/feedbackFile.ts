import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readTable } from '../services/uploads/table';
import { toCsv } from '../services/inquiries/requestFile';
import { seedFrom, simulateFeedback } from './feedbackSimulator';

// The simulated feedback as a file beside its request file (npm run simulate-feedback). The default
// is what a clerk's Chinese Windows machine produces: csv in GBK. The output is labelled 模拟 in its
// name and on every row; it is for demonstrations and tests only (see docs/inquiries.md).

export interface FeedbackFileOptions {
  /** Defaults to a seed derived from the batch number in the file, so a rerun writes the same file. */
  seed?: number | undefined;
  format: 'csv' | 'xlsx';
  encoding: 'gbk' | 'utf8';
  queriedOn: string;
  nothingRate: number;
  /** Every debtor with findings gets a bank deposit (to demonstrate freezing/deduction). */
  deposits: boolean;
  /** Output path; default `<request>.模拟反馈.<format>` beside the request file. */
  out?: string | undefined;
}

export interface FeedbackFileResult {
  out: string;
  rows: number;
  debtors: number;
  seed: number;
  format: 'csv' | 'xlsx';
  encoding: 'gbk' | 'utf8' | null;
  simulated: true;
}

export async function writeSimulatedFeedback(requestFile: string, o: FeedbackFileOptions): Promise<FeedbackFileResult> {
  const table = await readTable(readFileSync(requestFile), requestFile);
  const batch = table.rows[1]?.[0] ?? basename(requestFile);
  const seed = o.seed ?? seedFrom(batch);
  const rows = simulateFeedback(table.rows, { seed, queriedOn: o.queriedOn, nothingRate: o.nothingRate, deposits: o.deposits });
  const out = o.out ?? join(dirname(requestFile), `${basename(requestFile, extname(requestFile))}.模拟反馈.${o.format}`);
  if (o.format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('模拟反馈');
    rows.forEach((r) => ws.addRow(r));
    ws.columns.forEach((c) => (c.numFmt = '@'));
    writeFileSync(out, Buffer.from(await wb.xlsx.writeBuffer()));
  } else {
    // GBK has no byte-order mark: strip the one toCsv adds for UTF-8.
    const text = toCsv(rows);
    writeFileSync(out, o.encoding === 'gbk' ? iconv.encode(text.slice(1), 'gbk') : text);
  }
  return { out, rows: rows.length - 1, debtors: table.rows.length - 1, seed, format: o.format, encoding: o.format === 'csv' ? o.encoding : null, simulated: true };
}
