import { expect, test } from './test';
import { apiCall, login, readyForDocuments } from './helpers';

// Batch notices, end to end: select three filed cases in the queue, run the batch, watch the progress, download
// the merged PDF, see the cases leave the queue and the documents on each case page.
test('a clerk batches the notices of three cases and downloads the print file', async ({ page }) => {
  // Specs share one server; each sets the app clock it needs.
  await apiCall(page, 'system.setClock', { now: '2026-11-22T02:00:00Z' });
  const ids: number[] = [];
  for (let i = 0; i < 3; i++) {
    const c = await apiCall<{ id: number }>(page, 'cases.file', {
      type: '执',
      filedOn: '2026-11-20',
      confirmDuplicate: true,
      applicants: [{ kind: 'person', name: '张三', idNumber: '150523198503171233' }],
      debtors: [{ kind: 'org', name: `开鲁县某商贸有限公司${i}`, creditCode: '91150523MA0N4B2K6Y', legalRep: '李四' }],
      title: { court: '开鲁县人民法院', number: `（2026）内0523民初${900 + i}号`, effectiveOn: '2026-09-01', cause: '买卖合同纠纷' },
      claim: { principalFen: 1000000 + i },
    });
    ids.push(c.id);
  }
  await readyForDocuments(page, ids);
  await login(page);
  await page.getByTestId('nav-notices').click();
  for (const id of ids) await page.getByTestId(`notices-pick-${id}`).check();
  await page.getByTestId('notices-generate').click();
  await expect(page.getByTestId('notices-progress')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('notices-print').click({ timeout: 120_000 });
  expect((await download).suggestedFilename()).toMatch(/^批量打印-.*\.pdf$/);
  for (const id of ids) await expect(page.getByTestId(`notices-row-${id}`)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/notices-done.png', fullPage: true });

  await page.goto(`/#/cases/${ids[0]}`);
  await page.getByTestId('tab-documents').click();
  await expect(page.getByTestId('case-doc-执行通知书')).toBeVisible();
  await expect(page.getByTestId('case-doc-报告财产令')).toBeVisible();
});
