// CPU profile of the notice batch, part by part, in one thread (node bench/entries → bundle → run):
//   node bench/documentsProfile.mjs [cases]
// Files <cases> demo cases, then times (process.cpuUsage, this thread and its GC) the case data load,
// the templates, DOCX, per-document PDF, the print file, and the register transaction, per case of
// three notices. Prints one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../src-main/app/app';
import { caseDraft } from '../../src-shared/api/methods/cases';
import { fileCase } from '../../src-main/services/cases/filing';
import { demoCaseDraft } from '../../src-main/demo/caseDrafts';
import { datesForCount } from '../../src-main/demo/calendar';
import { Rng } from '../../src-main/demo/random';
import { TitleNumbers } from '../../src-main/demo/titles';
import { officeTime } from '../../src-main/demo/steps';
import { loadCaseData } from '../../src-main/services/documents/caseData';
import { templateFor } from '../../src-main/services/documents/templates';
import { renderDocx } from '../../src-main/services/documents/renderDocx';
import { renderPdf, renderPdfAndPrint } from '../../src-main/services/documents/renderPdf';
import { PrintFile } from '../../src-main/services/documents/printFile';
import { runTask, type RenderItem } from '../../src-main/services/documents/renderTask';
import { commitDocuments, prepareDocuments } from '../../src-main/services/documents/generate';
import { SINGLE_KINDS } from '../../src-main/services/documents/singleKinds';
import { setSettings } from '../../src-main/services/settings/settings';
import { writeAccounts } from '../../src-main/services/caseAccounts/accounts';
import { installFastDeflate } from '../../src-main/services/documents/fastDeflate';

const count = Number(process.argv[2] ?? 100);
const KINDS = ['执行通知书', '报告财产令', '限制消费令'];
process.env.ZHIXING_FONTS ??= 'bundled';
process.env.ZHIXING_DOCUMENT_WORKER = '';
// The render workers' zlib setting (fastDeflate.ts), so the parts are what a worker spends.
installFastDeflate(true);
const dataDir = mkdtempSync(join(tmpdir(), 'zhixing-docprof-'));
const app = new App({ dataDir, mode: 'web', adminPassword: 'prof-pass-1', court: { name: '开鲁县人民法院', code: '内0523' }, quiet: true });
const today = app.clock.today();
const rng = new Rng(2026).fork('bench-documents');
const numbers = new TitleNumbers(rng.fork('titles'));
const drafts = datesForCount(rng, Number(today.slice(0, 4)), count, today).map((d) => demoCaseDraft(rng, numbers, '执', d));
const actor = { id: null, name: '窗口', workstation: 'bench' };
const ids = app.db.tx(() => drafts.map((d) => fileCase(app.db, actor, officeTime(d.filedOn, 0), today, caseDraft.parse({ ...d, confirmDuplicate: true }))));
// As the notice batch needs them: the bank's case accounts, the president, the order with the notice.
app.db.tx(() => {
  setSettings(app.db, actor, app.clock.now(), { courtPresident: '赵国庆', consumptionOrderTiming: 'withNotice' });
  writeAccounts(app.db, actor, app.clock.now(), ids.map((caseId, i) => ({ caseId, bank: '中国农业银行开鲁县支行', accountName: '开鲁县人民法院执行款专户', accountNumber: `0547010104${String(100000 + i).padStart(9, '0')}` })), null);
});

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const parts: Record<string, number> = {};
async function timed<T>(name: string, f: () => T | Promise<T>): Promise<T> {
  const c0 = cpu();
  const r = await f();
  parts[name] = (parts[name] ?? 0) + cpu() - c0;
  return r;
}

// Warm-up: fonts parsed, modules loaded (a worker does this once per thread).
const warm = loadCaseData(app.db, ids.slice(0, 1), today).get(ids[0]!)!;
await renderPdf([templateFor(KINDS[0]!).build(warm)]);
await renderDocx(templateFor(KINDS[0]!).build(warm));

const data = await timed('load_case_data', () => loadCaseData(app.db, ids, today));
const models = await timed('templates', () => ids.flatMap((id) => KINDS.map((k) => templateFor(k).build(data.get(id)!))));
await timed('docx', async () => {
  for (const m of models) await renderDocx(m);
});
await timed('pdf_each', async () => {
  for (const m of models) await renderPdf([m]);
});
// The same with the pages also drawn into one print file (the difference is the print file's share).
const printAll = PrintFile.open(join(dataDir, 'print-all.pdf'));
await timed('pdf_each_and_print', async () => {
  for (const m of models) await renderPdfAndPrint(m, printAll);
  await printAll?.close();
});
// The whole render path as the worker runs it (chunks of 8 cases with their print chunk), plus the final merge.
const dir = join(dataDir, 'prof');
const chunkCases = Number(process.env.PROF_CHUNK_CASES ?? 100);
const chunkPrints: string[] = [];
await timed('render_task_total', async () => {
  for (let i = 0; i < ids.length; i += chunkCases) {
    const items: RenderItem[] = ids.slice(i, i + chunkCases).flatMap((id) => KINDS.map((kind, k) => ({ kind, data: data.get(id)!, docxPath: join(dir, `${id}-${k}.docx`), pdfPath: join(dir, `${id}-${k}.pdf`) })));
    const printPath = join(dir, `print-${i}.pdf`);
    chunkPrints.push(printPath);
    await runTask({ op: 'render', items, printPath });
  }
});
await timed('final_merge', () => runTask({ op: 'merge', inputs: chunkPrints, output: join(dir, 'print.pdf') }));
const { statSync } = await import('node:fs');
const printMb = statSync(join(dir, 'print.pdf')).size / 1048576;
const printOneMb = printAll ? statSync(join(dataDir, 'print-all.pdf')).size / 1048576 : null;

// The main thread's share: prepare (load + in-thread render, subtracted below) and the register transaction.
const prepared = await timed('prepare_in_thread', () => prepareDocuments(app.db, dataDir, ids.flatMap((caseId) => KINDS.map((kind) => ({ caseId, kind }))), { issuedOn: today, print: true }));
await timed('register_tx', () => app.db.tx(() => commitDocuments(app.db, dataDir, actor, new Date(), prepared, { batch: { jobId: null, kinds: KINDS, reason: null }, singleKinds: SINGLE_KINDS })));
await prepared.discard();

const perCase = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, Math.round((v / count) * 10) / 10]));
console.log(JSON.stringify({ cases: count, cpu_ms_per_case: perCase, print_mb: Math.round(printMb * 10) / 10, print_chunk_cases: chunkCases, print_one_file_mb: printOneMb && Math.round(printOneMb * 10) / 10, rss_mb: Math.round(process.memoryUsage().rss / 1048576) }));
await app.close();
rmSync(dataDir, { recursive: true, force: true });
