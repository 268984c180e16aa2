import { expect, test } from './test';
import { apiCall, login } from './helpers';
import { fileCase, noticesServed, simulateFeedback } from './pipelineSetup';
import { ensureUser } from './moneySetup';

// Query and control, end to end: from three cases with notices sent, the query clerk builds a query batch, exports
// the request file, runs the simulator on it, imports the feedback; the control group freezes two
// deposits and deducts one; the money shows on the case's ledger and is paid out.
test('query batch → request file → simulated feedback → freeze two deposits, deduct one → ledger → payout', async ({ page }) => {
  const today = '2026-11-30';
  await apiCall(page, 'system.setClock', { now: `${today}T01:00:00Z` });
  const cases: { id: number; number: string }[] = [];
  for (let n = 1; n <= 3; n++) cases.push(await fileCase(page, n, today));
  await noticesServed(page, cases.map((c) => c.id), today);
  // The payout's approver: a leader (综合管理) picked by name, never the officer who pays.
  await ensureUser(page, 'e2e-wangjz', '王局长', ['management']);

  await login(page);
  await page.getByTestId('nav-inquiries').click();
  for (const c of cases) await page.getByTestId(`inquiry-pick-${c.id}`).check();
  await page.getByTestId('inquiry-create').click();
  await expect(page.getByTestId('inquiry-message')).toContainText('已建立查控批次');
  const batchNumber = /CK\d{8}-\d{3}/.exec((await page.getByTestId('inquiry-message').textContent())!)![0];
  for (const c of cases) await expect(page.getByTestId(`inquiry-pick-${c.id}`)).toHaveCount(0);

  // The request file goes out as a download; the simulator answers it outside the app.
  const row = page.getByTestId(`inquiry-batch-${batchNumber}`);
  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Excel 表格' }).click();
  const request = await download;
  expect(request.suggestedFilename()).toContain(batchNumber);
  const requestPath = `test-results/e2e/${request.suggestedFilename()}`;
  await request.saveAs(requestPath);
  const feedback = simulateFeedback(requestPath, `test-results/e2e/${batchNumber}.模拟反馈.csv`, today, 20261130);
  expect(feedback.rows).toBeGreaterThanOrEqual(3);

  await page.getByTestId('inquiry-import').setInputFiles(feedback.out);
  await expect(page.getByTestId('inquiry-message')).toContainText(`已导入批次 ${batchNumber} 的反馈 ${feedback.rows} 行`);
  await expect(page.getByTestId('inquiry-message')).toContainText('3 件转入待控制');
  await expect(row).toContainText('已反馈 3/3');
  await page.screenshot({ path: 'test-results/e2e/pipeline-inquiries.png', fullPage: true });

  // Control: freeze a deposit of the first and of the second case.
  type Asset = { id: number; caseId: number; identifier: string; valueFen: number | null };
  const deposits = (await apiCall<{ rows: Asset[] }>(page, 'assets.list', { caseIds: cases.map((c) => c.id), type: 'deposit', limit: 100 })).rows;
  const [d1, d2] = [deposits.find((d) => d.caseId === cases[0]!.id)!, deposits.find((d) => d.caseId === cases[1]!.id)!];
  await page.getByTestId('nav-control').click();
  for (const d of [d1, d2]) {
    await expect(page.getByTestId(`asset-action-${d.id}`)).toHaveValue('freeze');
    await page.getByTestId(`asset-pick-${d.id}`).check();
  }
  await page.getByTestId('control-create').click();
  await expect(page.getByTestId('control-message')).toContainText('2 项措施', { timeout: 60_000 });
  const measures = page.getByTestId('measure-list');
  for (const d of [d1, d2]) await measures.locator('.ag-row', { hasText: d.identifier }).getByRole('button', { name: '已执行' }).click();
  // Recorded: the result buttons are gone and release/renewal are offered instead.
  for (const d of [d1, d2]) await expect(measures.locator('.ag-row', { hasText: d.identifier }).getByRole('button', { name: '解除' })).toBeVisible();

  // Deduct the first frozen deposit: its row now offers only 扣划.
  await expect(page.getByTestId(`asset-action-${d1.id}`)).toHaveValue('deduct');
  await page.getByTestId(`asset-pick-${d1.id}`).check();
  await page.getByTestId('control-create').click();
  await expect(page.getByTestId('control-message')).toContainText('1 项措施', { timeout: 60_000 });
  // The deduction's row: its 措施 cell reads 扣划 (the freeze it empties then reads 已全部扣划 in its status).
  const deduction = measures.locator('.ag-row', { hasText: d1.identifier }).filter({ has: page.locator('.ag-cell[col-id="action"]', { hasText: /^扣划$/ }) });
  await deduction.getByRole('button', { name: '已执行' }).click();
  await expect(deduction.getByRole('button')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/pipeline-control.png', fullPage: true });
  const frozenYuan = (await deduction.locator('.ag-cell[col-id="amountFen"]').textContent())!.trim();
  expect(frozenYuan).not.toBe('');

  // The money is on the case's own account; pay it out to the applicant's recorded account.
  await page.getByTestId('nav-ledger').click();
  await page.getByTestId('ledger-search').fill(cases[0]!.number);
  await page.getByTestId('ledger-find').click();
  await expect(page.getByTestId('ledger-balance')).toHaveText(frozenYuan);
  await expect(page.getByTestId('ledger-entries')).toContainText('网络扣划');
  // The applicant's account arrives masked; the clerk checks it in full before paying (the viewing is logged).
  await expect(page.getByTestId('ledger-payout-account')).toHaveText('***************0001');
  await page.getByTestId('ledger-payout-account-reveal').click();
  await expect(page.getByTestId('ledger-payout-account-full')).toHaveText('6228480000000000001');
  await page.getByTestId('ledger-amount').fill(frozenYuan);
  await page.getByTestId('ledger-approver').selectOption({ label: '王局长' });
  await page.getByTestId('ledger-payout').click();
  await expect(page.getByTestId('ledger-confirm-text')).toContainText('王局长');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('ledger-message')).toHaveText('已发放');
  await expect(page.getByTestId('ledger-balance')).toHaveText('0.00');
  await expect(page.getByTestId('ledger-entries')).toContainText('***************0001');
  await page.screenshot({ path: 'test-results/e2e/pipeline-ledger.png', fullPage: true });

  // The case page shows the same: assets, measures, ledger.
  await page.goto(`/#/cases/${cases[0]!.id}`);
  await page.getByTestId('tab-assets').click();
  await expect(page.getByTestId('case-asset-list')).toContainText(d1.identifier);
  // The deposit's account number is masked (last four kept) and shown in full on demand.
  expect(d1.identifier).toMatch(/^\*+\d{4}$/);
  await page.getByTestId(`case-asset-identifier-${d1.id}-reveal`).click();
  await expect(page.getByTestId(`case-asset-identifier-${d1.id}-full`)).toHaveText(new RegExp(`^\\d+${d1.identifier.slice(-4)}$`));
  await expect(page.getByTestId('case-queries')).toContainText(batchNumber);
  await page.screenshot({ path: 'test-results/e2e/pipeline-case-assets.png', fullPage: true });
  await page.getByTestId('tab-measures').click();
  await expect(page.getByTestId('case-measures').locator('tr')).toHaveCount(3); // header, freeze, deduction
  await page.screenshot({ path: 'test-results/e2e/pipeline-case-measures.png', fullPage: true });
  await page.getByTestId('tab-ledger').click();
  await expect(page.getByTestId('case-ledger-paid')).toHaveText(`${frozenYuan} 元`);
  await expect(page.getByTestId('case-ledger-balance')).toHaveText('0.00 元');
  await page.screenshot({ path: 'test-results/e2e/pipeline-case-ledger.png', fullPage: true });
});
