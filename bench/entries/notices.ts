// Part of the server bench's court (bench/lib/fixtures.mjs demoCourt): `notices <dataDir> <n>` makes a
// 执行通知书 for n open cases through the real documents batch (re-issued, with a reason, where the
// case has one), so the bench's clerks have notices to record service of.
import { App } from '../../src-main/app/app';
import { startBatch } from '../../src-main/services/documents/batch';
import { SYSTEM_ACTOR } from '../../src-main/events/log';

const [dataDir, n] = process.argv.slice(2) as [string, string];
const app = new App({ dataDir, mode: 'web', quiet: true, startupChecks: false });
// Only cases with their own case account: a 执行通知书 must name the account to pay into.
const ids = app.db.raw<{ id: number }>("SELECT id FROM cases WHERE stage NOT IN ('closed', 'archived') AND id IN (SELECT case_id FROM case_accounts) ORDER BY id DESC LIMIT ?", Number(n)).map((r) => r.id);
const job = await startBatch(app, SYSTEM_ACTOR, null, { caseIds: ids, kinds: ['执行通知书'], reason: '压力测试：补发执行通知书' });
await app.jobs.idle();
const view = app.jobs.get(job.id);
if (view.status !== 'done') throw new Error(`notice batch ${view.status}: ${JSON.stringify(view.error)}`);
const unserved = app.db.raw<{ n: number }>("SELECT count(*) AS n FROM documents WHERE served_on IS NULL AND status = 'current'")[0]!.n;
await app.close();
console.log(JSON.stringify({ noticeCases: ids.length, unserved }));
