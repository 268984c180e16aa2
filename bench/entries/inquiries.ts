// The inquiries bench, run in one process on the real services:
//   prepare <dir> <cases>: files the cases, hands them to the query staff, builds one query batch and
//     writes its simulated feedback (10,000 rows) as GBK csv and as xlsx next to the database;
//   import <dir> <csv|xlsx>: times importFeedback (decode, parse, validate every row, write);
//   control <dir> <measures>: times a control batch freezing one deposit in each of <measures> cases,
//     with its rulings and notices to assist (documents engine; worker threads when built).
// Each command prints one JSON line.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { App } from '../../src-main/app/app';
import { caseDraft } from '../../src-shared/api/methods/cases';
import { fileCase } from '../../src-main/services/cases/filing';
import { setStage } from '../../src-main/services/cases/stage';
import { demoCaseDraft } from '../../src-main/demo/caseDrafts';
import { datesForCount } from '../../src-main/demo/calendar';
import { Rng } from '../../src-main/demo/random';
import { TitleNumbers } from '../../src-main/demo/titles';
import { officeTime } from '../../src-main/demo/steps';
import { createInquiryBatch } from '../../src-main/services/inquiries/batches';
import { requestRows, toCsv } from '../../src-main/services/inquiries/requestFile';
import { importFeedback } from '../../src-main/services/inquiries/feedbackImport';
import { createControlBatch } from '../../src-main/services/measures/createBatch';
import { createUser } from '../../src-main/services/auth/users';
import { setOfficers } from '../../src-main/services/cases/officers';
import { closePool, usesWorkers } from '../../src-main/services/documents/pool';
import { ASSET_TYPES } from '../../src-shared/domain/assets';
import { simulateFeedback } from '../../src-main/demo/feedbackSimulator';

const [command, dataDir, arg] = process.argv.slice(2) as [string, string, string];
const app = new App({ dataDir, mode: 'web', adminPassword: 'bench-pass-1', court: { name: '开鲁县人民法院', code: '内0523' }, quiet: true });
const actor = { id: null, name: '查控组', workstation: 'bench' };
const today = app.clock.today();
const ROWS = 10_000;

if (command === 'prepare') {
  const count = Number(arg);
  const rng = new Rng(2026).fork('bench-inquiries');
  const numbers = new TitleNumbers(rng.fork('titles'));
  const drafts = datesForCount(rng, Number(today.slice(0, 4)), count, today).map((d) => demoCaseDraft(rng, numbers, '执', d));
  const ids = app.db.tx(() => drafts.map((d) => fileCase(app.db, actor, officeTime(d.filedOn, 0), today, caseDraft.parse({ ...d, confirmDuplicate: true }))));
  app.db.tx(() => ids.forEach((id) => setStage(app.db, actor, app.clock.now(), id, 'query', '通知已发（bench）')));
  const batchId = createInquiryBatch(app.db, actor, app.clock.now(), today, { caseIds: ids, categories: [...ASSET_TYPES] });
  const all = simulateFeedback(requestRows(app.db, batchId), { seed: 523, queriedOn: today, nothingRate: 0.1, maxFindings: 3 });
  if (all.length - 1 < ROWS) throw new Error(`only ${all.length - 1} feedback rows; file more cases`);
  const rows = all.slice(0, ROWS + 1);
  writeFileSync(join(dataDir, 'feedback.csv'), iconv.encode(toCsv(rows).slice(1), 'gbk'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('反馈');
  rows.forEach((r) => ws.addRow(r));
  writeFileSync(join(dataDir, 'feedback.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
  console.log(JSON.stringify({ cases: ids.length, debtors: requestRows(app.db, batchId).length - 1, rows: rows.length - 1 }));
} else if (command === 'import') {
  const file = join(dataDir, `feedback.${arg}`);
  const bytes = readFileSync(file);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await importFeedback(app.db, actor, app.clock.now(), today, { fileName: `feedback.${arg}`, content: bytes });
  const seconds = (performance.now() - t0) / 1000;
  // CPU time of this process as well: on a shared machine wall time includes waiting for a core.
  const cpu = process.cpuUsage(c0);
  console.log(JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, rows: r.rowCount, findings: r.findingCount, assets: r.assetsCreated, bytes: bytes.length }));
} else if (command === 'control') {
  const n = Number(arg);
  // One deposit per case, so every freeze stays under its own case's claim.
  const assets = app.db.raw<{ id: number; caseId: number }>(`SELECT min(id) AS id, case_id AS caseId FROM assets WHERE type = 'deposit' GROUP BY case_id ORDER BY case_id LIMIT ?`, n);
  if (assets.length < n) throw new Error(`only ${assets.length} cases with deposits`);
  // A ruling is signed by the case's judge and clerk (民诉法 第157条): the bench's cases get both.
  const officer = (username: string, displayName: string) => createUser(app.db, actor, app.clock.now(), { username, displayName, passwordHash: '!', roles: ['team'], teamId: null }).id;
  setOfficers(app.db, actor, app.clock.now(), { caseIds: assets.map((a) => a.caseId), judgeId: officer('bench-judge', '压测审判员'), clerkId: officer('bench-clerk', '压测书记员') });
  const t0 = performance.now();
  const batchId = await createControlBatch(app.db, app.dataDir, actor, app.clock.now(), today, { items: assets.map((a) => ({ assetId: a.id, action: 'freeze' as const })) });
  const seconds = (performance.now() - t0) / 1000;
  const documents = app.db.raw<{ n: number }>(`SELECT count(DISTINCT md.document_id) AS n FROM measure_documents md JOIN measures m ON m.id = md.measure_id WHERE m.batch_id = ?`, batchId)[0]!.n;
  console.log(JSON.stringify({ seconds, measures: n, documents, workers: usesWorkers() }));
  await closePool();
}
await app.close();
