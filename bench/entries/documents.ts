// Prepares the documents bench: files <count> money cases (执) with varied demo parties through the
// real filing service, in one transaction, on a new data folder. Prints {cases, ids}.
import { App } from '../../src-main/app/app';
import { caseDraft } from '../../src-shared/api/methods/cases';
import { fileCase } from '../../src-main/services/cases/filing';
import { demoCaseDraft } from '../../src-main/demo/caseDrafts';
import { datesForCount } from '../../src-main/demo/calendar';
import { Rng } from '../../src-main/demo/random';
import { TitleNumbers } from '../../src-main/demo/titles';
import { officeTime } from '../../src-main/demo/steps';
import { setSettings } from '../../src-main/services/settings/settings';
import { writeAccounts } from '../../src-main/services/caseAccounts/accounts';

const [dataDir, countText, password] = process.argv.slice(2) as [string, string, string];
const count = Number(countText);
const app = new App({ dataDir, mode: 'web', adminPassword: password, court: { name: '开鲁县人民法院', code: '内0523' }, quiet: true });
const today = app.clock.today();
const rng = new Rng(2026).fork('bench-documents');
const numbers = new TitleNumbers(rng.fork('titles'));
const drafts = datesForCount(rng, Number(today.slice(0, 4)), count, today).map((d) => demoCaseDraft(rng, numbers, '执', d));
const actor = { id: null, name: '窗口', workstation: 'bench' };
const ids = app.db.tx(() => drafts.map((d) => fileCase(app.db, actor, officeTime(d.filedOn, 0), today, caseDraft.parse({ ...d, confirmDuplicate: true }))));
// As a court runs the notice batch: the bank's case sub-accounts imported (一案一账号), the president
// who signs the consumption order, and the order issued with the notice (Kailu's practice).
app.db.tx(() => {
  setSettings(app.db, actor, app.clock.now(), { courtPresident: '赵国庆', consumptionOrderTiming: 'withNotice' });
  writeAccounts(app.db, actor, app.clock.now(), ids.map((caseId, i) => ({ caseId, bank: '中国农业银行开鲁县支行', accountName: '开鲁县人民法院执行款专户', accountNumber: `0547010104${String(100000 + i).padStart(9, '0')}` })), null);
});
await app.close();
console.log(JSON.stringify({ cases: ids.length, ids }));
