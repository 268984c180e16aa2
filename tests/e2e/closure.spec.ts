import { expect, test } from './test';
import { apiCall, login } from './helpers';
import { fileCase, noticesServed, simulateFeedback } from './pipelineSetup';
import { FEEDBACK_COLUMNS } from '../../src-shared/domain/inquiryFiles';

// Closure and the 终本 archive, end to end: a clerk closes a case as 终本 through the checklist, finds it in the 终本库, runs
// a re-query batch (a real query batch: request file out, simulated feedback in), the feedback shows
// a new deposit, and the clerk resumes the case as the next 执恢 of the year.
test('终本 through the checklist → archive → re-query batch with a new deposit → resumption as 执恢', async ({ page }) => {
  // The case's record up to 终本, made by the real services: notices served, a query with nothing found.
  await apiCall(page, 'system.setClock', { now: '2026-01-10T02:00:00Z' });
  const c = await fileCase(page, 901, '2026-01-10', 80_000);
  await noticesServed(page, [c.id], '2026-01-10');
  const batch = await apiCall<{ id: number; number: string; targets: { caseNumber: string; debtor: string; idCode: string }[] }>(page, 'inquiries.createBatch', { caseIds: [c.id] });
  const header = Object.values(FEEDBACK_COLUMNS).join(',');
  const rows = batch.targets.map((t) => [batch.number, t.caseNumber, t.debtor, t.idCode, '无', '总对总网络查控系统', '', '', '', '', '2026-01-10', ''].join(','));
  await apiCall(page, 'inquiries.importFeedback', { fileName: 'nothing.csv', contentBase64: Buffer.from([header, ...rows].join('\r\n')).toString('base64') });

  // More than three months after filing, the clerk works through the checklist.
  await apiCall(page, 'system.setClock', { now: '2026-05-20T02:00:00Z' });
  await login(page);
  await page.getByTestId('nav-closure').click();
  await page.getByTestId('closure-search').fill(c.number);
  await page.getByTestId('closure-find').click();
  await expect(page.getByTestId('closure-case')).toContainText(c.number);
  for (const key of ['noticeServed', 'reportOrderServed', 'restrictionIssued', 'onlineQueried', 'nothingDisposable', 'threeMonths']) {
    await expect(page.getByTestId(`check-${key}`)).toHaveAttribute('data-met', 'yes');
  }
  await expect(page.getByTestId('check-noticeServed')).toContainText('执行通知书已送达');
  // Closing with an item missing is refused, naming it.
  await page.getByTestId('closure-submit').click();
  await expect(page.getByTestId('closure-error')).toContainText('约谈');
  await page.screenshot({ path: 'test-results/e2e/closure-checklist.png', fullPage: true });
  await page.getByTestId('attest-note-debtorSearched').fill('被执行人下落清楚，卷第12页');
  await page.getByTestId('attest-debtorSearched').click();
  await expect(page.getByTestId('check-debtorSearched')).toHaveAttribute('data-met', 'yes');
  await page.getByTestId('attest-note-applicantInterviewed').fill('2026-05-18 约谈笔录，卷第30页');
  await page.getByTestId('attest-applicantInterviewed').click();
  await expect(page.getByTestId('check-applicantInterviewed')).toHaveAttribute('data-met', 'yes');
  await expect(page.getByTestId('closure-mode')).toHaveValue('终结本次执行程序');
  // 终本 on the applicant's signed consent (民诉法解释 Art. 517), recorded at the interview.
  await page.getByTestId('closure-consent-on').fill('2026-05-18');
  await page.getByTestId('closure-submit').click();
  await expect(page.getByTestId('closure-done')).toContainText('终本裁定书');
  await expect(page.getByTestId('closure-done')).toContainText('下次复查 2026-11-20');
  await page.screenshot({ path: 'test-results/e2e/closure-done.png', fullPage: true });

  // In the archive, with its re-query date.
  await page.getByTestId('nav-archive').click();
  await expect(page.getByTestId(`archive-next-${c.id}`)).toHaveText('2026-11-20');

  // Within the look-ahead of the first round the case is due; the round is a query batch.
  await apiCall(page, 'system.setClock', { now: '2026-11-02T02:00:00Z' });
  await page.reload();
  await page.getByTestId('requery-due').locator(`.ag-row[row-id="${c.id}"] input[type=checkbox]`).check();
  await page.getByTestId('requery-create').click();
  await expect(page.getByTestId('archive-message')).toContainText('已建立复查批次');
  const download = page.waitForEvent('download');
  await page.getByTestId('requery-export-xlsx').click();
  const request = await download;
  const requestPath = `test-results/e2e/${request.suggestedFilename()}`;
  await request.saveAs(requestPath);
  const feedback = simulateFeedback(requestPath, 'test-results/e2e/终本复查.模拟反馈.csv', '2026-11-02', 6);
  await page.getByTestId('requery-import').setInputFiles(feedback.out);
  await expect(page.getByTestId('archive-message')).toContainText('已导入查控反馈');
  await page.getByTestId('requery-collect').click();
  await expect(page.getByTestId(`round-${c.id}`)).toContainText('发现财产：银行存款');
  await expect(page.getByTestId('archive-grid').locator(`.ag-row[row-id="${c.id}"]`)).toContainText('发现财产');
  await expect(page.getByTestId(`archive-next-${c.id}`)).toHaveText('2027-05-20');
  await page.screenshot({ path: 'test-results/e2e/closure-requery.png', fullPage: true });

  // Property found: the applicant applies and the case is resumed as the next 执恢 of the year.
  await page.getByTestId(`resume-${c.id}`).click();
  await expect(page.getByTestId('case-number')).toHaveText(/^（2026）内0523执恢\d+号$/);
  const resumed = (await page.getByTestId('case-number').textContent())!;
  await page.screenshot({ path: 'test-results/e2e/closure-resumed.png', fullPage: true });
  await page.getByTestId('nav-archive').click();
  await expect(page.getByTestId(`archive-resumed-${c.id}`)).toHaveText(`已恢复：${resumed}`);

  // The original case shows its closure and the link to the resumed case.
  await page.goto(`/#/cases/${c.id}`);
  await page.getByTestId('tab-closure').click();
  await expect(page.getByTestId('case-closure-mode')).toHaveText('终结本次执行程序');
  await expect(page.getByTestId('case-closure-requery')).toContainText('已恢复执行');
  await page.getByTestId('tab-assets').click();
  await expect(page.getByTestId('case-queries')).toContainText('终本复查查询');
  await page.screenshot({ path: 'test-results/e2e/closure-case-assets.png', fullPage: true });
});
