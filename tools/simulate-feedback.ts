// `npm run simulate-feedback -- <request file> [--seed N] [--format csv|xlsx] [--encoding gbk|utf8]
//   [--date YYYY-MM-DD] [--nothing-rate 0.3] [--deposits] [--out <file>]`
// --deposits: every debtor with findings gets a bank deposit (to demonstrate freezing/deduction).
// Writes a simulated feedback file for a request file exported by 网络查控 (see docs/inquiries.md).
// The default is what a clerk's Chinese Windows machine produces: csv in GBK. The output is labelled
// 模拟 in its name and on every row; it is for demonstrations and tests only.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readTable } from '../src-main/services/uploads/table';
import { toCsv } from '../src-main/services/inquiries/requestFile';
import { courtToday } from '../src-shared/domain/chineseDate';
import { seedFrom, simulateFeedback } from './feedbackSimulator';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

// npm runs scripts in the project folder; paths are relative to where the clerk typed the command.
const here = process.env.INIT_CWD ?? process.cwd();
const given = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !(all[i - 1] ?? '').startsWith('--'));
if (!given) {
  console.error('用法：npm run simulate-feedback -- <查控请求文件.xlsx|.csv> [--seed N] [--format csv|xlsx] [--encoding gbk|utf8] [--date YYYY-MM-DD] [--nothing-rate 0.3] [--deposits] [--out 文件]');
  process.exit(2);
}
const file = resolve(here, given);
const table = await readTable(readFileSync(file), file);
const batch = table.rows[1]?.[0] ?? basename(file);
const seed = arg('seed') !== undefined ? Number(arg('seed')) : seedFrom(batch);
const format = arg('format') === 'xlsx' ? 'xlsx' : 'csv';
const encoding = arg('encoding') === 'utf8' ? 'utf8' : 'gbk';
const rows = simulateFeedback(table.rows, { seed, queriedOn: arg('date') ?? courtToday(new Date()), nothingRate: arg('nothing-rate') !== undefined ? Number(arg('nothing-rate')) : 0.3, deposits: process.argv.includes('--deposits') });
const outArg = arg('out');
const out = outArg ? resolve(here, outArg) : join(dirname(file), `${basename(file, extname(file))}.模拟反馈.${format}`);
if (format === 'xlsx') {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('模拟反馈');
  rows.forEach((r) => ws.addRow(r));
  ws.columns.forEach((c) => (c.numFmt = '@'));
  writeFileSync(out, Buffer.from(await wb.xlsx.writeBuffer()));
} else {
  // GBK has no byte-order mark: strip the one toCsv adds for UTF-8.
  const text = toCsv(rows);
  writeFileSync(out, encoding === 'gbk' ? iconv.encode(text.slice(1), 'gbk') : text);
}
console.log(JSON.stringify({ out, rows: rows.length - 1, debtors: table.rows.length - 1, seed, format, encoding: format === 'csv' ? encoding : null, simulated: true }));
