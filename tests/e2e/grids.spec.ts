import { expect, test } from './test';
import ExcelJS from 'exceljs';
import { apiCall, login } from './helpers';
import { fileCase, noticesServed } from './pipelineSetup';
import { FEEDBACK_COLUMNS } from '../../src-shared/domain/inquiryFiles';

// The shared grid end to end: four cases closed as 终本 through the real services are in the 终本库;
// the clerk filters the grid by a debtor's name, exports it, and the downloaded xlsx holds exactly
// the rows the filter shows. The closure queue listed them while they were ready to close.
test('终本库: filter in the grid → 导出Excel → the xlsx holds exactly the filtered rows', async ({ page }) => {
  await apiCall(page, 'system.setClock', { now: '2026-01-10T02:00:00Z' });
  const cases = [];
  for (const n of [7711, 7712, 7713, 7721]) cases.push(await fileCase(page, n, '2026-01-10', 50_000 + (n % 100)));
  const ids = cases.map((c) => c.id);
  await noticesServed(page, ids, '2026-01-10');
  const batch = await apiCall<{ id: number; number: string; targets: { caseNumber: string; debtor: string; idCode: string }[] }>(page, 'inquiries.createBatch', { caseIds: ids });
  const header = Object.values(FEEDBACK_COLUMNS).join(',');
  const rows = batch.targets.map((t) => [batch.number, t.caseNumber, t.debtor, t.idCode, '无', '总对总网络查控系统', '', '', '', '', '2026-01-10', ''].join(','));
  await apiCall(page, 'inquiries.importFeedback', { fileName: 'nothing.csv', contentBase64: Buffer.from([header, ...rows].join('\r\n')).toString('base64') });

  // Four months on, the clerk attests what the app cannot see (终本规定 Art. 1(5), Art. 5): every case is ready to close.
  await apiCall(page, 'system.setClock', { now: '2026-05-20T02:00:00Z' });
  for (const id of ids) {
    await apiCall(page, 'closure.attest', { caseId: id, item: 'debtorSearched', note: '被执行人下落清楚，卷第12页' });
    await apiCall(page, 'closure.attest', { caseId: id, item: 'applicantInterviewed', note: '2026-05-18 约谈笔录，卷第30页' });
  }
  await login(page);
  await page.getByTestId('nav-closure').click();
  // Other specs of the run may leave cases of their own: these four are listed (and the grid says nothing in English or 无显示行).
  const ready = page.getByTestId('closure-ready');
  for (const c of cases) await expect(ready.locator('.ag-cell[col-id="number"]', { hasText: c.number })).toHaveCount(1);
  await expect(ready).not.toContainText('无显示行');

  // Closed as 终本 on the applicant's consent (民诉法解释 Art. 517).
  for (const id of ids) await apiCall(page, 'closure.close', { caseId: id, mode: '终结本次执行程序', zhongbenBasis: { kind: 'consent', consentOn: '2026-05-20' } });
  await page.reload();
  // Closed: no longer ready; filtered to them, the grid is empty and says so in Chinese.
  await ready.locator('.ag-floating-filter[aria-colindex="3"] input').fill('公司77');
  await expect(page.getByTestId('closure-ready-total')).toHaveText('共 0 件');
  await expect(ready).toContainText('暂无数据');

  await page.getByTestId('nav-archive').click();
  const grid = page.getByTestId('archive-grid');
  // Whole case numbers, not cut off.
  await expect(grid.locator(`.ag-row[row-id="${ids[0]}"] .ag-cell[col-id="number"]`)).toHaveText(cases[0]!.number);
  // The filter box under 被执行人: the debtors 7711, 7712 and 7713.
  await grid.locator('.ag-floating-filter[aria-colindex="3"] input').fill('公司771');
  await expect(page.getByTestId('archive-grid-total')).toHaveText('共 3 件');
  // 扫描 is an enum: its filter box is a select of the Chinese labels, the code sent as equality.
  const scan = grid.getByLabel('按扫描筛选');
  await expect(scan.locator('option')).toHaveText(['全部', '未扫描', '已扫描', '已扫描装订']);
  await expect(grid.locator(`.ag-row[row-id="${ids[0]}"] .ag-cell[col-id="scanStatus"]`)).toHaveText('未扫描');
  await scan.selectOption({ label: '已扫描' });
  await expect(page.getByTestId('archive-grid-total')).toHaveText('共 0 件');
  await scan.selectOption({ label: '未扫描' });
  await expect(page.getByTestId('archive-grid-total')).toHaveText('共 3 件');
  await page.screenshot({ path: 'test-results/e2e/grids-archive-filtered.png', fullPage: true });
  await scan.selectOption({ label: '全部' });
  await expect(page.getByTestId('archive-grid-total')).toHaveText('共 3 件');

  const download = page.waitForEvent('download');
  await page.getByTestId('archive-grid-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('终本库-2026-05-20.xlsx');
  const path = `test-results/e2e/${file.suggestedFilename()}`;
  await file.saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  expect(ws.rowCount).toBe(4);
  expect(ws.getRow(1).getCell(1).value).toBe('案号');
  // The grid's order (终本日期 newest first, then the later case first): 13, 12, 11.
  const numbers = [2, 3, 4].map((r) => ws.getRow(r).getCell(1).value);
  expect(numbers).toEqual([cases[2]!.number, cases[1]!.number, cases[0]!.number]);
  expect(ws.getRow(2).getCell(3).value).toBe('开鲁县查控测试商贸有限公司7713');
  // 标的 in 元 with two decimals: 50,013 元.
  expect(ws.getRow(2).getCell(4).value).toBe('50013.00');
});
