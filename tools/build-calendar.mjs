// Generates resources/calendar/holidays-<from>-<to>.json, the working-day calendar the app ships
// with (domain.md §3.3), from the data of the installed `chinese-days` package (its dist JSON
// transcribes each year's 国务院办公厅关于部分节假日安排的通知). Run: node tools/build-calendar.mjs [from] [to]
// tests/unit/workingDays.test.ts checks the result against the notices quoted in domain.md §3.3.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = Number(process.argv[2] ?? 2020);
const to = Number(process.argv[3] ?? 2026);
const pkg = JSON.parse(readFileSync(require.resolve('chinese-days/package.json'), 'utf8'));
const data = JSON.parse(readFileSync(join(dirname(require.resolve('chinese-days/package.json')), 'dist/chinese-days.json'), 'utf8'));

const inRange = (date) => Number(date.slice(0, 4)) >= from && Number(date.slice(0, 4)) <= to;
// Values look like "National Day,国庆节,3": English name, Chinese name, number of days off.
const chineseName = (v) => String(v).split(',')[1] ?? String(v);
const days = [];
for (const [date, v] of Object.entries(data.holidays)) if (inRange(date)) days.push({ date, kind: 'holiday', name: chineseName(v) });
for (const [date, v] of Object.entries(data.workdays)) if (inRange(date)) days.push({ date, kind: 'workday', name: `${chineseName(v)}调休上班` });
days.sort((a, b) => (a.date < b.date ? -1 : 1));
const years = [];
for (let y = from; y <= to; y++) years.push(y);

const out = {
  source: `chinese-days ${pkg.version}（据国务院办公厅历年部分节假日安排的通知）`,
  years,
  days,
};
const dir = join(root, 'resources/calendar');
mkdirSync(dir, { recursive: true });
const file = join(dir, `holidays-${from}-${to}.json`);
// One day per line: a year's notice reviews as a short diff.
const text = `{\n "source": ${JSON.stringify(out.source)},\n "years": ${JSON.stringify(years)},\n "days": [\n${days.map((d) => '  ' + JSON.stringify(d)).join(',\n')}\n ]\n}\n`;
writeFileSync(file, text);
console.log(`${file}: ${days.length} entries for ${from}–${to}`);
