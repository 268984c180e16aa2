import { expect, test } from './test';
import { apiCall, login, readyForDocuments } from './helpers';

const caseDraft = (n: number, filedOn: string) => ({
  type: '执',
  filedOn,
  applicants: [{ kind: 'person', name: '张三', idNumber: '150523198503171233' }],
  debtors: [{ kind: 'org', name: `开鲁县某商贸有限公司${n}`, creditCode: '91150523MA0N4B2K6Y', legalRep: '李四' }],
  title: { court: '开鲁县人民法院', number: `（2025）内0523民初${900 + n}号`, effectiveOn: '2025-09-01', cause: '买卖合同纠纷' },
  claim: { principalFen: 100000 * n },
  confirmDuplicate: true,
});

// The specs share one server: this one works in November 2025, a month no other spec files cases in,
// so its figures are its own.
test('the dashboard shows the month, a click on 执结率 lists its cases, the export downloads', async ({ page }) => {
  await apiCall(page, 'system.setClock', { now: '2025-11-28T02:00:00Z' });
  const ids: number[] = [];
  for (let n = 1; n <= 3; n++) ids.push((await apiCall<{ id: number }>(page, 'cases.file', caseDraft(n, `2025-11-0${n}`))).id);
  await readyForDocuments(page, ids);
  await apiCall(page, 'closure.close', { caseId: ids[0], mode: '执行完毕', closedOn: '2025-11-20', paidDirectlyFen: 100000 });

  await login(page);
  await page.getByTestId('nav-metrics').click();
  await page.getByTestId('period-year').fill('2025');
  await page.getByTestId('period-month').selectOption('11');
  await expect(page.getByTestId('period-label')).toContainText('2025年11月');
  const card = page.getByTestId('card-closureRate');
  await expect(card).toContainText('33.33%');
  await expect(card).toContainText('1 / 3');
  await expect(page.getByTestId('chart-trend').locator('svg')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/metrics-dashboard.png', fullPage: true });

  await card.click();
  await expect(page.getByTestId('drill-row')).toHaveCount(1);
  await page.getByTestId('drill-denominator').click();
  await expect(page.getByTestId('drill-row')).toHaveCount(3);
  await expect(page.getByTestId('drill-rows')).toContainText('执行完毕');

  await page.getByTestId('metrics-tab-reports').click();
  await page.getByTestId('export-code').fill('202511');
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-row')).toHaveCount(1, { timeout: 30_000 });
  const download = page.waitForEvent('download');
  await page.getByTestId('export-download').first().click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/_202511_(manifest|metrics)\.(json|xlsx)$/);
  await page.screenshot({ path: 'test-results/e2e/metrics-export.png', fullPage: true });
});

// 季 and 年 show the same dashboard as 月: cards, the 12-month chart, amounts in 元, print and export.
test('the dashboard of a quarter and of a year: cards, amounts in 元, the export and the print download', async ({ page }) => {
  await apiCall(page, 'system.setClock', { now: '2025-11-28T02:00:00Z' });
  await login(page);
  await page.getByTestId('nav-metrics').click();
  await page.getByTestId('period-kind').selectOption('quarter');
  await page.getByTestId('period-year').fill('2025');
  await page.getByTestId('period-quarter').selectOption('4');
  await expect(page.getByTestId('period-label')).toContainText('2025年第四季度');
  const cards = page.getByTestId('metric-cards').locator('.metric-card');
  await expect(cards).toHaveCount(12);
  // 首执到位率 is a ratio of sums of money: written in 元 with separators, never as raw fen.
  const parts = page.getByTestId('card-parts-firstRecoveryRate');
  await expect(parts).toContainText('元');
  await expect(parts).not.toHaveText(/^\d+ \/ \d+$/);
  await expect(page.getByTestId('card-compare-accepted')).toContainText('上季');
  await expect(page.getByTestId('card-compare-accepted')).toContainText('去年同季');
  // A change of a count is a whole number.
  await expect(page.getByTestId('card-compare-accepted')).not.toContainText(/[+-]\d+\.\d\d(?!%)/);
  await expect(page.getByTestId('chart-trend').locator('svg')).toBeVisible();
  await expect(page.getByTestId('deadline-summary')).toContainText('节点超期');
  const xlsx = page.waitForEvent('download');
  await page.getByTestId('dashboard-xlsx').click();
  expect((await xlsx).suggestedFilename()).toBe('质效看板_2025Q4.xlsx');
  await page.screenshot({ path: 'test-results/e2e/metrics-quarter.png', fullPage: true });

  await page.getByTestId('period-kind').selectOption('year');
  await expect(page.getByTestId('period-label')).toContainText('2025年');
  await expect(page.getByTestId('period-label')).not.toContainText('季度');
  await expect(cards).toHaveCount(12);
  await expect(page.getByTestId('card-parts-firstRecoveryRate')).toContainText('元');
  await expect(page.getByTestId('card-compare-accepted')).toContainText('上年');
  const pdf = page.waitForEvent('download');
  await page.getByTestId('dashboard-pdf').click();
  expect((await pdf).suggestedFilename()).toBe('质效看板_2025.pdf');
  const sheet = page.waitForEvent('download');
  await page.getByTestId('dashboard-xlsx').click();
  expect((await sheet).suggestedFilename()).toBe('质效看板_2025.xlsx');
  await page.screenshot({ path: 'test-results/e2e/metrics-year.png', fullPage: true });

  // 上报 offers the last complete month of the court's calendar: on 2025-11-28, October.
  await page.getByTestId('metrics-tab-reports').click();
  await expect(page.getByTestId('export-code')).toHaveValue('202510');
});
