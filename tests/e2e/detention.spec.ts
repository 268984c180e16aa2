import { expect, test } from './test';
import { execFileSync } from 'node:child_process';
import { apiCall, readyForDocuments } from './helpers';
import { makeId } from '../helpers/drafts';

// Compulsory measures end to end (desks.md §2): a case team asks the detention team for a compelled
// appearance through the page; the judicial police put three cases' requests into one sweep
// (集中拘传行动); one debtor pays on the spot (a receipt in the case ledger), one is compelled and
// detained by a decision approved by the president (the 拘留决定书 printed, the family notice
// recorded), one is released after education; the sweep ends and the team's figures count them.
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

  // 孙大海 pays ¥3,000 in cash on the spot, two officers present: a receipt in the case ledger.
  await page.getByTestId(`op-amount-${ra}`).fill('3000');
  await page.getByTestId(`op-officers-${ra}`).fill('白警官、马警官');
  await page.getByTestId(`op-paid-${ra}`).click();
  await expect(page.getByTestId('detention-message')).toContainText('孙大海当场履行 3,000.00 元，已记入案款');
  await expect(page.getByTestId(`request-outcome-${ra}`)).toHaveText('当场履行');
  const ledger = await apiCall<{ entries: { kind: string; amountFen: number; source: string | null }[] }>(page, 'ledger.get', { caseId: a.id });
  expect(ledger.entries).toContainEqual(expect.objectContaining({ kind: 'receipt', amountFen: 300_000, source: 'cash' }));

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
});
