import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from './test';
import { apiCall, login, readyForDocuments } from './helpers';
import { fileCase } from './pipelineSetup';

// Credit sanctions in the browser: a debtor is listed (失信规定 法释〔2017〕7号) and restricted (限高规定
// 法释〔2015〕17号 Art. 3 para. 2: the company and its legal representative); the ledger records payment
// of the whole claim the day before 国庆节; the listing's deletion and the restriction's lifting appear
// with their due date, 3 working days later across the holiday (2026-10-10, a make-up Saturday), and
// are done with their documents printed.

async function pdfText(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  const path = `test-results/e2e/${name}.pdf`;
  await file.saveAs(path);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

test('list and restrict a debtor, pay in full in the ledger, delete and lift on time with their documents', async ({ page }) => {
  await apiCall(page, 'system.setClock', { now: '2026-09-21T02:00:00Z' });
  const c = await fileCase(page, 951, '2026-09-21', 50_000);
  await readyForDocuments(page, [c.id]);
  await login(page);
  await page.goto(`/#/cases/${c.id}`);
  await page.getByTestId('tab-credit').click();
  await expect(page.getByTestId('case-credit')).toBeVisible();

  // Ground (1) with security given is refused, naming the bar (Art. 3 (1)); nothing is listed.
  await page.getByTestId('credit-facts').fill('有履行能力而拒不履行');
  await page.getByTestId('credit-security').check();
  await page.getByTestId('credit-list').click();
  await expect(page.getByTestId('credit-error')).toContainText('第三条第（一）项', { timeout: 30_000 });
  await expect(page.getByTestId('credit-listings')).toContainText('本案尚无失信名单登记');

  // Ground (4): breach of the property report.
  await page.getByTestId('credit-ground').selectOption('4');
  await page.getByTestId('credit-facts').fill('收到报告财产令后拒不报告财产');
  await page.getByTestId('credit-list').click();
  await expect(page.getByTestId('credit-message')).toContainText('已纳入失信名单', { timeout: 60_000 });
  const listing = page.locator('[data-testid^="credit-listing-"]');
  await expect(listing.getByTestId('listing-status')).toHaveText('在名单中');
  await expect(listing).toContainText('2028-09-20');
  const decision = await pdfText(page, () => listing.getByTestId('listing-doc').click(), '纳入失信名单决定书');
  expect(decision).toContain('纳入失信被执行人名单');
  expect(decision).toContain('院长赵国庆');
  // A listed debtor must be restricted (2015 rules Art. 1 para. 2): the tab says so until it is.
  await expect(page.getByTestId('credit-restriction-missing')).toBeVisible();
  await expect(page.getByTestId('credit-person-legalRep')).toHaveValue('李四');
  await page.getByTestId('credit-person-controller').fill('王实控');
  await page.getByTestId('credit-restrict').click();
  await expect(page.getByTestId('credit-message')).toHaveText('已限制消费', { timeout: 60_000 });
  const restriction = page.locator('[data-testid^="credit-restriction-"][data-status]');
  await expect(restriction.getByTestId('restriction-status')).toHaveText('限制中');
  await expect(restriction).toContainText('法定代表人：李四');
  await expect(restriction).toContainText('实际控制人：王实控');
  await page.screenshot({ path: 'test-results/e2e/credit-listed.png', fullPage: true });

  // 2026-09-30: the debtor pays the whole claim; the clerk records it in the ledger.
  await apiCall(page, 'system.setClock', { now: '2026-09-30T02:00:00Z' });
  await page.getByTestId('nav-ledger').click();
  await page.getByTestId('ledger-search').fill(c.number);
  await page.getByTestId('ledger-find').click();
  await page.getByTestId('ledger-amount').fill('50000');
  await page.getByTestId('ledger-date').fill('2026-09-30');
  await page.getByTestId('ledger-receipt').click();
  await expect(page.getByTestId('ledger-message')).toHaveText('已登记到账', { timeout: 30_000 });

  // Back on the case: the deletion and the lifting are due on 2026-10-10.
  await page.goto(`/#/cases/${c.id}`);
  await page.getByTestId('tab-credit').click();
  await expect(listing.getByTestId('listing-status')).toHaveText('应予删除');
  await expect(listing.getByTestId('listing-due')).toHaveText('2026-10-10');
  await expect(restriction.getByTestId('restriction-status')).toContainText('应予解除');
  await expect(restriction.getByTestId('restriction-due')).toHaveText('2026-10-10');
  // The register of the desk lists both.
  await page.getByTestId('nav-credit').click();
  await expect(page.getByTestId('credit-register-listings')).toContainText(c.number);
  await expect(page.getByTestId('credit-register-restrictions')).toContainText('2026-10-10');
  await page.screenshot({ path: 'test-results/e2e/credit-due.png', fullPage: true });

  // 2026-10-09, inside the period: deleted and lifted, each with its document.
  await apiCall(page, 'system.setClock', { now: '2026-10-09T02:00:00Z' });
  await page.goto(`/#/cases/${c.id}`);
  await page.getByTestId('tab-credit').click();
  await listing.getByTestId('listing-delete').click();
  await expect(page.getByTestId('credit-message')).toContainText('已删除失信信息', { timeout: 60_000 });
  await expect(listing.getByTestId('listing-due')).toHaveText('已于2026-10-09删除');
  const deletion = await pdfText(page, () => listing.getByTestId('deletion-doc').click(), '删除失信信息决定书');
  expect(deletion).toContain('删除被执行人开鲁县查控测试商贸有限公司951的失信被执行人名单信息');
  expect(deletion).toContain('第十条第一款第（一）项');
  await restriction.getByTestId('restriction-lift').click();
  await expect(page.getByTestId('credit-message')).toContainText('已解除限制消费', { timeout: 60_000 });
  await expect(restriction.getByTestId('restriction-due')).toHaveText('已于2026-10-09解除');
  const lift = await pdfText(page, () => restriction.getByTestId('lift-doc').click(), '解除限制消费令');
  expect(lift).toContain('解除限制消费令');
  expect(lift).toContain('法定代表人李四');
  expect(lift).toContain('第九条');
  await page.screenshot({ path: 'test-results/e2e/credit-done.png', fullPage: true });

  // The leaders' figures: one listing deleted on time, one restriction lifted on time.
  await page.getByTestId('nav-credit').click();
  await expect(page.getByTestId('credit-figures')).toContainText('删除 1，其中按期 1');
  await expect(page.getByTestId('credit-figures')).toContainText('解除 1，其中按期 1');
});
