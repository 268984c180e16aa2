import { expect, test } from './test';
import { execFileSync } from 'node:child_process';
import { apiCall, readyForDocuments } from './helpers';
import { ADMIN_PASSWORD } from './playwright.config';
import { makeId } from '../helpers/drafts';

// Compulsory measures end to end (desks.md §2): a case team asks the detention team for a compelled
// appearance through the page; the judicial police put three cases' requests into one sweep
// (集中拘传行动); one debtor pays on the spot (a receipt in the case ledger), one is compelled and
// detained by a decision approved by the president (the 拘留决定书 printed, the family notice
// recorded), one is released after education; the sweep ends and the team's figures count them.
// The debtor who pays was on the dishonest list and restricted: the payment covers the claim, so the
// listing must be deleted and the restriction lifted within 3 working days (失信规定 2017 Art. 10 (1);
// 限高规定 2015 Art. 9), which the case's credit tab then does.
const PASSWORD = 'password-e2e-1';

/** Logs in through the form; the machine is shared, so a login (a password hash) may take a while. */
async function login(page: import('./test').Page, username: string, password: string) {
  await page.goto('/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('logout')).toBeVisible({ timeout: 60_000 });
}

async function fileDebtor(page: import('./test').Page, n: number, name: string, idNumber: string) {
  return apiCall<{ id: number; number: string }>(page, 'cases.file', {
    type: '执',
    filedOn: '2026-11-02',
    confirmDuplicate: true,
    applicants: [{ kind: 'person', name: '张三', idNumber: '150523198503171233' }],
    debtors: [{ kind: 'person', name, idNumber, address: '开鲁县开鲁镇' }],
    title: { court: '开鲁县人民法院', number: `（2026）内0523民初${5200 + n}号`, effectiveOn: '2026-09-01', cause: '民间借贷纠纷' },
    claim: { principalFen: 5_000_000 },
    interview: { contactConfirmed: true, payoutBank: '中国农业银行开鲁支行', payoutAccountName: '张三', payoutAccount: '6228480000000000001', requests: [] },
  });
}

test('a team requests a compelled appearance; a sweep of three cases: paid on the spot, detained, released', async ({ page }) => {
  test.setTimeout(360_000);
  await apiCall(page, 'system.setClock', { now: '2026-11-09T01:00:00Z' }); // Monday 09:00 in Kailu
  const a = await fileDebtor(page, 1, '孙大海', makeId('19800101', 411));
  const b = await fileDebtor(page, 2, '周二河', makeId('19810202', 413));
  const c = await fileDebtor(page, 3, '吴三江', makeId('19820303', 415));
  await readyForDocuments(page, [a.id, b.id, c.id]);
  const users = await apiCall<{ id: number; username: string }[]>(page, 'users.list', {});
  const ensure = async (username: string, displayName: string, roles: string[]) =>
    users.find((u) => u.username === username)?.id ?? (await apiCall<{ id: number }>(page, 'users.create', { username, displayName, password: PASSWORD, roles })).id;
  await ensure('e2e-fast', '刘快执', ['fastTrack']);
  await ensure('e2e-police', '白警官', ['detention']);
  await ensure('e2e-president', '赵国庆', ['management']);
  // 孙大海 was listed (ground 4, breach of the property report) and restricted before the sweep.
  await apiCall(page, 'credit.list', { caseId: a.id, partyId: (await apiCall<{ debtors: { id: number }[] }>(page, 'credit.case', { caseId: a.id })).debtors[0]!.id, ground: 4, facts: '收到报告财产令后拒不报告财产', origin: 'motion', securityGiven: false, laterInOrder: false });
  const listed = await apiCall<{ debtors: { id: number }[]; listings: { id: number; status: string }[] }>(page, 'credit.case', { caseId: a.id });
  await apiCall(page, 'credit.restrict', { caseId: a.id, partyId: listed.debtors[0]!.id, origin: 'listing', persons: [] });
  // The other two cases' teams asked through the API (the page's form is shown for the first).
  for (const [x, name] of [[b, '周二河'], [c, '吴三江']] as const) {
    await apiCall(page, 'coercion.request', { caseId: x.id, personName: name, personKind: 'individual', gender: 'male', measure: 'compel', place: '开鲁县开鲁镇', wantedOn: '2026-11-09', purpose: '经两次传唤拒不到场', summonsServedOn: '2026-11-04' });
  }

  // — The fast-track team asks for a compelled appearance on its page. —
  await login(page, 'e2e-fast', PASSWORD);
  await page.getByTestId('nav-detention').click();
  await page.getByTestId('request-case').fill(a.number);
  await page.getByTestId('request-find').click();
  await expect(page.getByTestId('request-case-number')).toHaveText(a.number);
  await page.getByTestId('request-gender').selectOption('male');
  await page.getByTestId('request-measure').selectOption('compel');
  await page.getByTestId('request-place').fill('开鲁县开鲁镇和平路1号');
  await page.getByTestId('request-purpose').fill('拒不到场接受调查询问');
  // Without the summons the request is refused, naming the law.
  await page.getByTestId('request-submit').click();
  await expect(page.getByTestId('detention-error')).toContainText('第四百八十二条');
  await page.getByTestId('request-summons').fill('2026-11-05');
  await page.getByTestId('request-submit').click();
  await expect(page.getByTestId('detention-message')).toContainText(`已向司法警察提出拘传申请：${a.number} 孙大海`);
  await page.screenshot({ path: 'test-results/e2e/detention-request.png', fullPage: true });
  await page.getByTestId('logout').click();

  // — The police see the three requests and put them into one sweep. —
  await login(page, 'e2e-police', PASSWORD);
  await page.getByTestId('nav-detention').click();
  const requests = await apiCall<{ id: number; caseId: number }[]>(page, 'coercion.requests', {});
  const idOf = (caseId: number) => requests.find((r) => r.caseId === caseId)!.id;
  const [ra, rb, rc] = [idOf(a.id), idOf(b.id), idOf(c.id)];
  for (const r of [ra, rb, rc]) await page.getByTestId(`request-pick-${r}`).check();
  await page.getByTestId('plan-name').fill('11月9日集中拘传行动');
  await page.getByTestId('plan-submit').click();
  await expect(page.getByTestId('detention-message')).toContainText('已安排集中拘传行动，共3人');
  await expect(page.getByTestId(`request-status-${ra}`)).toHaveText('已列入行动');

  // 孙大海 pays the whole claim, ¥50,000, in cash on the spot, two officers present: a receipt in the case ledger.
  await page.getByTestId(`op-amount-${ra}`).fill('50000');
  await page.getByTestId(`op-officers-${ra}`).fill('白警官、马警官');
  await page.getByTestId(`op-paid-${ra}`).click();
  await expect(page.getByTestId('detention-message')).toContainText('孙大海当场履行 50,000.00 元，已记入案款');
  await expect(page.getByTestId(`request-outcome-${ra}`)).toHaveText('当场履行');
  const ledger = await apiCall<{ entries: { kind: string; amountFen: number; source: string | null }[] }>(page, 'ledger.get', { caseId: a.id });
  expect(ledger.entries).toContainEqual(expect.objectContaining({ kind: 'receipt', amountFen: 5_000_000, source: 'cash' }));

  // 周二河 is compelled (拘传票), questioned, and detained for 10 days by a decision the president approved.
  await page.getByTestId(`op-approver-${rb}`).selectOption({ label: '赵国庆' });
  await page.getByTestId(`op-compel-${rb}`).click();
  await expect(page.getByTestId('detention-message')).toContainText('已对周二河拘传，拘传票已制作', { timeout: 90_000 }); // the document is rendered first
  await page.getByTestId(`op-end-${rb}`).click();
  await expect(page.getByTestId('detention-message')).toContainText('询问已结束');
  await page.getByTestId(`op-ground-${rb}`).selectOption('falseReport');
  await page.getByTestId(`op-act-${rb}`).fill('2026年11月9日经调查询问拒绝报告财产情况');
  await page.getByTestId(`op-days-${rb}`).fill('10');
  await page.getByTestId(`op-detain-${rb}`).click();
  await expect(page.getByTestId('detention-message')).toContainText('已对周二河作出拘留决定', { timeout: 90_000 }); // the document is rendered first
  const measures = await apiCall<{ id: number; kind: string; requestId: number; documentId: number }[]>(page, 'coercion.measures', { caseId: b.id });
  const detention = measures.find((m) => m.kind === 'detain')!;
  await expect(page.getByTestId(`measure-state-${detention.id}`)).toContainText('拘留10日，至2026-11-18');
  await expect(page.getByTestId(`measure-clocks-${detention.id}`)).toContainText('24小时内通知家属：2026-11-10 09:');
  // The decision printed: the PDF the page downloads is the 拘留决定书.
  const download = page.waitForEvent('download');
  await page.getByTestId(`measure-doc-${detention.id}`).click();
  const file = await download;
  const pdfPath = `test-results/e2e/${file.suggestedFilename()}`;
  await file.saveAs(pdfPath);
  expect(file.suggestedFilename()).toContain('拘留决定书');
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('拘留决定书');
  expect(text).toContain('周二河');
  expect(text).toContain('拘留十日（自二〇二六年十一月九日起至二〇二六年十一月十八日止）');
  expect(text).toContain('经本院院长批准');
  // The family told the same day; the medical check and the hand-over to the detention centre.
  await page.getByTestId(`measure-family-method-${detention.id}`).fill('电话通知其妻王某');
  await page.getByTestId(`measure-family-${detention.id}`).click();
  await expect(page.getByTestId('detention-message')).toContainText('已登记通知家属');
  await expect(page.getByTestId(`measure-state-${detention.id}`)).toContainText('已通知家属');
  await expect(page.getByTestId(`measure-clocks-${detention.id}`)).not.toContainText('通知家属');
  await page.getByTestId(`measure-medical-${detention.id}`).click();
  await page.getByTestId(`measure-centre-${detention.id}`).fill('开鲁县拘留所');
  await page.getByTestId(`measure-handover-${detention.id}`).click();
  await expect(page.getByTestId(`measure-state-${detention.id}`)).toContainText('已送开鲁县拘留所');
  // Leave on application (拘留所条例 Art. 27): the court's 12 h clock shows until it grants.
  await page.getByTestId(`measure-leave-reason-${detention.id}`).fill('近亲属病危');
  await page.getByTestId(`measure-leave-apply-${detention.id}`).click();
  await expect(page.getByTestId('detention-message')).toContainText('已登记请假申请');
  await expect(page.getByTestId(`measure-clocks-${detention.id}`)).toContainText('请假12小时内决定：2026-11-09 21:');
  await page.getByTestId(`measure-leave-grant-${detention.id}`).click();
  await expect(page.getByTestId('detention-message')).toContainText('已准假');
  await expect(page.getByTestId(`measure-clocks-${detention.id}`)).not.toContainText('请假');
  await page.getByTestId(`measure-leave-return-${detention.id}`).click();
  await expect(page.getByTestId('detention-message')).toContainText('已回所');
  await page.getByTestId(`op-detained-${rb}`).click();
  await expect(page.getByTestId(`request-outcome-${rb}`)).toHaveText('已拘留');

  // 吴三江 is released after education; the sweep ends.
  await page.getByTestId(`op-note-${rc}`).fill('批评教育后承诺一周内履行');
  await page.getByTestId(`op-released-${rc}`).click();
  await expect(page.getByTestId(`request-outcome-${rc}`)).toHaveText('教育后放回');
  const ops = await apiCall<{ id: number }[]>(page, 'coercion.operations', {});
  await page.getByTestId(`operation-finish-${ops[0]!.id}`).click();
  await expect(page.getByTestId('detention-message')).toContainText('11月9日集中拘传行动已结束');
  await expect(page.getByTestId('fig-compelled')).toHaveText('1');
  await expect(page.getByTestId('fig-detained')).toHaveText('1');
  await expect(page.getByTestId('fig-paid')).toHaveText('1');
  await page.screenshot({ path: 'test-results/e2e/detention-sweep.png', fullPage: true });
  await page.getByTestId('logout').click();

  // — The payment on the spot covered the claim: on 孙大海's case the listing is due for deletion and
  // the restriction for lifting, by 2026-11-12 (3 working days after Monday 11-09); both are done. —
  await login(page, 'admin', ADMIN_PASSWORD);
  await page.goto(`/#/cases/${a.id}`);
  await page.getByTestId('tab-credit').click();
  const listing = page.locator('[data-testid^="credit-listing-"]');
  const restriction = page.locator('[data-testid^="credit-restriction-"][data-status]');
  await expect(listing.getByTestId('listing-status')).toHaveText('应予删除');
  await expect(listing.getByTestId('listing-due')).toHaveText('2026-11-12');
  await expect(restriction.getByTestId('restriction-status')).toContainText('应予解除');
  await expect(restriction.getByTestId('restriction-due')).toHaveText('2026-11-12');
  await listing.getByTestId('listing-delete').click();
  await expect(page.getByTestId('credit-message')).toContainText('已删除失信信息', { timeout: 90_000 });
  await expect(listing.getByTestId('listing-status')).toHaveText('已删除');
  await restriction.getByTestId('restriction-lift').click();
  await expect(page.getByTestId('credit-message')).toContainText('已解除限制消费', { timeout: 90_000 });
  await expect(restriction.getByTestId('restriction-status')).toContainText('已解除');
  await page.screenshot({ path: 'test-results/e2e/detention-credit-done.png', fullPage: true });
});

test('the desk forms: a fine within the limits and its review, a search warrant and record (a woman by a female officer), a referral for 拒执罪', async ({ page }) => {
  test.setTimeout(360_000);
  await apiCall(page, 'system.setClock', { now: '2026-11-16T01:00:00Z' }); // Monday 09:00
  const d = await fileDebtor(page, 4, '郑四妹', makeId('19850505', 422));
  await readyForDocuments(page, [d.id]);
  const users = await apiCall<{ id: number; username: string }[]>(page, 'users.list', {});
  const ensure = async (username: string, displayName: string, roles: string[]) =>
    users.find((u) => u.username === username) ?? (await apiCall<{ id: number }>(page, 'users.create', { username, displayName, password: PASSWORD, roles }));
  await ensure('e2e-fast', '刘快执', ['fastTrack']);
  await ensure('e2e-president', '赵国庆', ['management']);
  await login(page, 'e2e-fast', PASSWORD);
  await page.getByTestId('nav-detention').click();

  // 罚款: over ¥100,000 for a person is refused under the amount field, naming it (民诉法 Art. 118).
  const fine = page.getByTestId('fine-form');
  await page.getByTestId('fine-case').fill(d.number);
  await page.getByTestId('fine-find').click();
  await expect(page.getByTestId('fine-party')).toContainText('郑四妹');
  await page.getByTestId('fine-ground').selectOption('falseReport');
  await page.getByTestId('fine-act').fill('2026年11月16日拒绝报告财产情况');
  await page.getByTestId('fine-amount').fill('100001');
  await page.getByTestId('fine-form-submit').click();
  await expect(fine.getByTestId('field-error')).toContainText('罚款金额：对个人的罚款金额为人民币十万元以下');
  await page.getByTestId('fine-amount').fill('20000');
  await page.getByTestId('fine-form-submit').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('罚款 20,000.00 元');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('detention-message')).toContainText('已对郑四妹作出罚款决定（20,000.00 元）', { timeout: 90_000 });

  // 复议 filed the same day (within 3 days of receipt: 解释 Art. 185); the upper court's 5-day clock runs.
  await page.getByTestId('review-date').fill('2026-11-16');
  await page.getByTestId('review-form-submit').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('detention-message')).toContainText('已登记郑四妹的复议申请');

  // 搜查令, then the record: a woman's body searched by a male officer is refused under its field.
  await page.getByTestId('warrant-case').fill(d.number);
  await page.getByTestId('warrant-find').click();
  await page.getByTestId('warrant-place').fill('开鲁县开鲁镇郑四妹住所');
  await page.getByTestId('warrant-reason').fill('被执行人隐匿财产、拒不交出会计账簿');
  await page.getByTestId('warrant-form-submit').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('detention-message')).toContainText('已签发对郑四妹的搜查令', { timeout: 90_000 });
  const record = page.getByTestId('search-record-form');
  await page.getByTestId('search-attendees').fill('郑四妹之夫王某、开鲁镇居委会李某');
  await page.getByTestId('search-officer-0').fill('马警官');
  await page.getByTestId('search-body').check();
  await page.getByTestId('search-person-gender').selectOption('female');
  await page.getByTestId('search-searched-by').selectOption('马警官');
  await page.getByTestId('search-items').fill('在卧室发现现金二万元，已扣押');
  await page.getByTestId('search-record-form-submit').click();
  await expect(record.getByTestId('field-error')).toContainText('搜查妇女身体，应当由女执行人员进行');
  await page.getByTestId('search-officer-add').click();
  await page.getByTestId('search-officer-1').fill('林警官');
  await page.getByTestId('search-officer-gender-1').selectOption('female');
  await page.getByTestId('search-searched-by').selectOption('林警官');
  await page.getByTestId('search-record-form-submit').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('detention-message')).toContainText('郑四妹的搜查笔录已制作', { timeout: 90_000 });

  // 拒执罪 referral: the letter and evidence list; the police clock is 7 days (法发〔2025〕8号).
  await page.getByTestId('referral-case').fill(d.number);
  await page.getByTestId('referral-find').click();
  await page.getByTestId('referral-police').fill('开鲁县公安局');
  await page.getByTestId('referral-facts').fill('被执行人有能力履行而拒不履行，经罚款仍拒不报告财产');
  await page.getByTestId('referral-evidence').fill('身份证明\n执行依据\n罚款决定书\n银行流水');
  await page.getByTestId('referral-form-submit').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('证据材料 4 项');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('detention-message')).toContainText('已将郑四妹移送开鲁县公安局', { timeout: 90_000 });
  // Sent 11-16: 7 days later is 11-23.
  await expect(page.getByTestId('referrals-table')).toContainText('公安机关7日内决定：2026-11-23');
  await page.screenshot({ path: 'test-results/e2e/detention-forms.png', fullPage: true });
  await page.getByTestId('logout').click();

  // The leaders' 质效统计 shows the month's coercion figures for the dashboard's period.
  await login(page, 'e2e-president', PASSWORD);
  await page.getByTestId('nav-metrics').click();
  await page.getByTestId('period-year').fill('2026');
  await page.getByTestId('period-month').selectOption('11');
  await expect(page.getByTestId('coercion-figures')).toContainText('2026-11-01 至 2026-11-30', { timeout: 60_000 });
  await expect(page.getByTestId('coercion-fig-fined')).toHaveText('1 人次，共 20,000.00 元');
  await expect(page.getByTestId('coercion-fig-searched')).toHaveText('1 次');
  await expect(page.getByTestId('coercion-fig-referred')).toHaveText('1 件');
});

// An emergency detention during a sweep (民诉法解释 Art. 181): detained first, the president told at
// once; the decision says so (never 经本院院长批准), his after-approval is its own record.
test('an emergency detention: the decision states the emergency and the report; the after-approval is printed as its own record', async ({ page }) => {
  test.setTimeout(360_000);
  await apiCall(page, 'system.setClock', { now: '2026-11-23T01:00:00Z' }); // Monday 09:00
  const e = await fileDebtor(page, 5, '冯五强', makeId('19860606', 431));
  await readyForDocuments(page, [e.id]);
  const users = await apiCall<{ id: number; username: string }[]>(page, 'users.list', {});
  const ensure = async (username: string, displayName: string, roles: string[]) =>
    users.find((u) => u.username === username) ?? (await apiCall<{ id: number }>(page, 'users.create', { username, displayName, password: PASSWORD, roles }));
  await ensure('e2e-police', '白警官', ['detention']);
  await ensure('e2e-president', '赵国庆', ['management']);
  await apiCall(page, 'coercion.request', { caseId: e.id, personName: '冯五强', personKind: 'individual', gender: 'male', measure: 'compel', place: '开鲁县开鲁镇', wantedOn: '2026-11-23', purpose: '经两次传唤拒不到场', summonsServedOn: '2026-11-18' });
  await login(page, 'e2e-police', PASSWORD);
  await page.getByTestId('nav-detention').click();
  const requests = await apiCall<{ id: number; caseId: number }[]>(page, 'coercion.requests', {});
  const r = requests.find((x) => x.caseId === e.id)!.id;
  await page.getByTestId(`request-pick-${r}`).check();
  await page.getByTestId('plan-name').fill('11月23日集中拘传行动');
  await page.getByTestId('plan-submit').click();
  await expect(page.getByTestId('detention-message')).toContainText('已安排集中拘传行动，共1人');

  // He resists with violence on the spot: detained first, reported to the president at once.
  await page.getByTestId(`op-approver-${r}`).selectOption({ label: '赵国庆' });
  await page.getByTestId(`op-ground-${r}`).selectOption('obstruct');
  await page.getByTestId(`op-act-${r}`).fill('2026年11月23日在执行现场以暴力抗拒执行公务');
  await page.getByTestId(`op-days-${r}`).fill('5');
  await page.getByTestId(`op-emergency-${r}`).check();
  await page.getByTestId(`op-detain-${r}`).click();
  await expect(page.getByTestId('detention-message')).toContainText('已对冯五强先行拘留，请立即报告院长补办批准手续', { timeout: 90_000 });
  const measures = await apiCall<{ id: number; kind: string }[]>(page, 'coercion.measures', { caseId: e.id });
  const m = measures.find((x) => x.kind === 'detain')!;
  await expect(page.getByTestId(`measure-${m.id}`)).toContainText('紧急先行拘留，待院长补批');
  await expect(page.getByTestId(`measure-clocks-${m.id}`)).toContainText('紧急拘留报院长补批：2026-11-24 09:');
  const pdf = async (testId: string) => {
    const download = page.waitForEvent('download');
    await page.getByTestId(testId).click();
    const file = await download;
    const path = `test-results/e2e/${file.suggestedFilename()}`;
    await file.saveAs(path);
    return { name: file.suggestedFilename(), text: execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '') };
  };
  const decision = await pdf(`measure-doc-${m.id}`);
  expect(decision.name).toContain('拘留决定书');
  expect(decision.text).toContain('情况紧急，必须立即采取拘留措施');
  expect(decision.text).toContain('本院已立即报告院长补办批准手续');
  expect(decision.text).not.toContain('经本院院长批准');

  // The president approves afterwards: the clock stops, the record is printed.
  await page.getByTestId(`measure-emergency-approve-${m.id}`).click();
  await expect(page.getByTestId('detention-message')).toContainText('院长已补办批准手续', { timeout: 90_000 });
  await expect(page.getByTestId(`measure-clocks-${m.id}`)).not.toContainText('紧急拘留报院长补批');
  const record = await pdf(`measure-emergency-doc-${m.id}`);
  expect(record.name).toContain('补办拘留批准手续记录');
  expect(record.text).toContain('先行对其拘留五日，并于拘留后立即报告院长。');
  expect(record.text).toMatch(/于二〇二六年十一月二十三日审查后，批准对冯五强的拘留，补办批准手续。/);
  await page.screenshot({ path: 'test-results/e2e/detention-emergency.png', fullPage: true });
});
