import { expect, test } from './test';
import { apiCall, login } from './helpers';
import { makeId } from '../helpers/drafts';

test('a clerk files a case: wrong ID shown at its field, corrected, number in the register, case opens', async ({ page }) => {
  // Specs share one server; each sets the app clock it needs.
  await page.goto('/');
  await apiCall(page, 'system.setClock', { now: '2026-11-22T02:00:00Z' });
  await login(page);
  await page.getByTestId('nav-filing').click();
  await page.getByTestId('filing-date').fill('2026-11-20');
  await page.getByTestId('applicant-0-name').fill('张三');
  await page.getByTestId('applicant-0-id').fill('150523198503171234'); // wrong check digit
  await page.getByTestId('applicant-0-address').fill('开鲁县开鲁镇团结路1号');
  await page.getByTestId('debtor-0-kind').selectOption('org');
  await page.getByTestId('debtor-0-name').fill('开鲁县某商贸有限公司');
  await page.getByTestId('debtor-0-credit').fill('91150523MA0N4B2K6Y');
  await page.getByTestId('debtor-0-legalrep').fill('李四');
  await page.getByTestId('title-number').fill('（2026）内0523民初100号');
  await page.getByTestId('title-date').fill('2026-09-01');
  await page.getByTestId('title-cause').fill('买卖合同纠纷');
  await page.getByTestId('title-kind').selectOption('民事判决书');
  await page.getByTestId('title-ordered').fill('被告开鲁县某商贸有限公司于本判决生效之日起十日内给付原告张三货款123456元');
  await page.getByTestId('claim-principal').fill('123456');
  await expect(page.getByText('壹拾贰万叁仟肆佰伍拾陆元整')).toBeVisible();
  await page.getByTestId('iv-account').fill('6228480000000000001');
  await page.getByTestId('filing-submit').click();

  // The error is shown at the ID field, and nothing was saved.
  const idField = page.locator('.field', { has: page.getByTestId('applicant-0-id') });
  await expect(idField.getByTestId('field-error')).toContainText('校验');
  await expect(page.getByTestId('filing-banner')).toContainText('未保存');
  await page.screenshot({ path: 'test-results/e2e/filing-error.png', fullPage: true });

  await page.getByTestId('applicant-0-id').fill('150523198503171233');
  await page.getByTestId('applicant-0-id').blur();
  await expect(idField.getByTestId('field-error')).toHaveCount(0);
  await expect(idField).toContainText('1985-03-17');
  await page.getByTestId('filing-submit').click();
  await expect(page.getByTestId('filing-success')).toBeVisible();
  const number = (await page.getByTestId('filed-number').textContent())!;
  expect(number).toMatch(/^（2026）内0523执\d+号$/);

  // The register shows it; quick search by name finds it; it opens.
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('cases-search').fill('商贸');
  await page.getByTestId('cases-search').press('Enter');
  const grid = page.getByTestId('cases-grid');
  await expect(grid.getByText(number)).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/register.png', fullPage: true });
  await grid.getByText(number).dblclick();
  await expect(page.getByTestId('case-number')).toHaveText(number);
  await page.getByTestId('tab-parties').click();
  await expect(page.getByTestId('case-parties')).toContainText('开鲁县某商贸有限公司');
  await page.getByTestId('tab-timeline').click();
  await expect(page.getByTestId('case-timeline')).toContainText('立案');
  await page.screenshot({ path: 'test-results/e2e/case.png', fullPage: true });
});

test('the navigation shows every stage of the pipeline, and each opens its page', async ({ page }) => {
  await login(page);
  // design.md §8: the pipeline as navigation, in the order of a clerk's day.
  const stages = ['立案窗口', '案件登记簿', '文书集约', '网络查控', '财产控制', '繁简分流', '快执', '团队办案', '案款', '结案/终本', '终本库', '节点监控', '质效统计', '设置'];
  const links = page.locator('nav a');
  const labels = (await links.allInnerTexts()).map((t) => t.split('\n')[0]!.trim());
  for (const s of stages) expect(labels).toContain(s);
  for (const s of stages) {
    await links.filter({ hasText: s }).first().click();
    await expect(page.locator('main h2').first()).toBeVisible();
    await expect(page.locator('main')).not.toContainText('没有这个页面');
    await expect(page.getByTestId('not-built')).toHaveCount(0);
  }
});

test('a 执恢 case asks for its original case; after filing one button prints the acceptance documents', async ({ page }) => {
  await page.goto('/');
  await apiCall(page, 'system.setClock', { now: '2026-11-22T02:00:00Z' });
  await login(page);
  await page.getByTestId('nav-filing').click();
  await expect(page.getByTestId('filing-original')).toHaveCount(0);
  await page.getByTestId('filing-type').selectOption('执恢');
  // 蒙 is not Inner Mongolia's court code (domain.md §1.2): said as the clerk leaves the field.
  await page.getByTestId('filing-original').fill('（2023）蒙0523执123号');
  await page.getByTestId('filing-original').blur();
  const originalField = page.locator('.field', { has: page.getByTestId('filing-original') });
  await expect(originalField.getByTestId('field-error')).toContainText('原案号有误');
  await page.getByTestId('filing-original').fill('（2020）内0523执77号');
  await page.getByTestId('filing-original').blur();
  await expect(originalField.getByTestId('field-error')).toHaveCount(0);

  await page.getByTestId('filing-date').fill('2026-11-20');
  await page.getByTestId('applicant-0-name').fill('孙七');
  await page.getByTestId('applicant-0-id').fill('150523198503171233');
  await page.getByTestId('debtor-0-name').fill('周八');
  await page.getByTestId('debtor-0-id').fill(makeId('19900101', 123));
  await page.getByTestId('title-number').fill('（2019）内0523民初77号');
  await page.getByTestId('title-date').fill('2019/9/1');
  await page.getByTestId('title-date').blur();
  // The date field shows 年-月-日 whatever was typed.
  await expect(page.getByTestId('title-date')).toHaveValue('2019-09-01');
  await page.getByTestId('title-cause').fill('民间借贷纠纷');
  await page.getByTestId('title-kind').selectOption('民事判决书');
  await page.getByTestId('title-ordered').fill('被告周八于本判决生效之日起十日内偿还原告孙七借款50000元');
  await page.getByTestId('claim-principal').fill('50000');
  await page.getByTestId('filing-submit').click();
  await expect(page.getByTestId('filing-success')).toBeVisible();
  await expect(page.getByTestId('filed-number')).toHaveText(/^（2026）内0523执恢\d+号$/);
  await expect(page.getByTestId('filed-original')).toContainText('原案号 （2020）内0523执77号（原案件不在本系统中，已记录原案号）');

  const download = page.waitForEvent('download');
  await page.getByTestId('acceptance-print-button').click();
  expect((await download).suggestedFilename()).toMatch(/^（2026）内0523执恢\d+号-受理文书\.pdf$/);
  await expect(page.getByTestId('acceptance-print-message')).toContainText('已制作执行案件受理通知书、执行风险告知书');
  // A second press prints the same documents again.
  const again = page.waitForEvent('download');
  await page.getByTestId('acceptance-print-button').click();
  await again;
  await expect(page.getByTestId('acceptance-print-message')).toContainText('已制作');
});
