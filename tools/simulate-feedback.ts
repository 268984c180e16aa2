// `npm run simulate-feedback -- <request file> [--seed N] [--format csv|xlsx] [--encoding gbk|utf8]
//   [--date YYYY-MM-DD] [--nothing-rate 0.3] [--deposits] [--out <file>]`
// The command line of src-main/demo/feedbackFile.ts: writes a simulated feedback file for a request
// file exported by 网络查控 (see docs/inquiries.md), labelled 模拟 in its name and on every row.
import { resolve } from 'node:path';
import { courtToday } from '../src-shared/domain/chineseDate';
import { writeSimulatedFeedback } from '../src-main/demo/feedbackFile';

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
const outArg = arg('out');
const result = await writeSimulatedFeedback(resolve(here, given), {
  seed: arg('seed') !== undefined ? Number(arg('seed')) : undefined,
  format: arg('format') === 'xlsx' ? 'xlsx' : 'csv',
  encoding: arg('encoding') === 'utf8' ? 'utf8' : 'gbk',
  queriedOn: arg('date') ?? courtToday(new Date()),
  nothingRate: arg('nothing-rate') !== undefined ? Number(arg('nothing-rate')) : 0.3,
  deposits: process.argv.includes('--deposits'),
  out: outArg ? resolve(here, outArg) : undefined,
});
console.log(JSON.stringify(result));
