import { expect, test } from './test';
import { apiCall, login, readyForDocuments } from './helpers';
import { fileCase } from './pipelineSetup';

// 终结执行 from the closure page (民事诉讼法 2023 第二百六十八条): the clerk picks the item, writes the
// particulars, confirms, and the closure makes the 执行裁定书（终结执行）.
test('终结执行: the Art. 268 item picked, confirmed, the ruling made', async ({ page }) => {
  await apiCall(page, 'system.setClock', { now: '2026-02-10T02:00:00Z' });
  const c = await fileCase(page, 931, '2026-02-10', 50_000);
  await readyForDocuments(page, [c.id]);
  await apiCall(page, 'system.setClock', { now: '2026-03-16T02:00:00Z' });
  await login(page);
  await page.getByTestId('nav-closure').click();
  await page.getByTestId('closure-search').fill(c.number);
  await page.getByTestId('closure-find').click();
  await expect(page.getByTestId('closure-case')).toContainText(c.number);
  await page.getByTestId('closure-mode').selectOption('终结执行');
  await expect(page.getByTestId('termination-grounds')).toContainText('第（三）项：作为被执行人的公民死亡，无遗产可供执行，又无义务承担人');
  // Without an item the closure is refused, naming the article.
  await page.getByTestId('closure-submit').click();
  await expect(page.getByTestId('closure-error')).toContainText('第二百六十八条');
  // Item (六) needs its particulars.
  await page.getByTestId('termination-item-6').check();
  await page.getByTestId('closure-submit').click();
  await expect(page.getByTestId('closure-error')).toContainText('其他情形');
  await page.getByTestId('termination-item-1').check();
  await page.getByTestId('termination-detail').fill('申请执行人于2026年3月12日书面撤回执行申请');
  await page.getByTestId('closure-submit').click();
  // Cancelling the confirmation closes nothing.
  await expect(page.getByTestId('termination-confirm-text')).toContainText('第二百六十八条第（一）项：申请人撤销申请：申请执行人于2026年3月12日书面撤回执行申请');
  await page.getByTestId('confirm-cancel').click();
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  await expect(page.getByTestId('closure-case')).toContainText('未结案');
  await page.getByTestId('closure-submit').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('closure-done')).toContainText('已以“终结执行”结案');
  await expect(page.getByTestId('closure-done')).toContainText('执行裁定书');
  await page.screenshot({ path: 'test-results/e2e/termination-done.png', fullPage: true });
  const closure = await apiCall<{ mode: string; ground: string; documents: { kind: string; documentId: number | null }[] }>(page, 'closure.get', { caseId: c.id });
  expect(closure).toMatchObject({ mode: '终结执行', ground: '申请人撤销申请：申请执行人于2026年3月12日书面撤回执行申请' });
  expect(closure.documents.find((d) => d.kind === '执行裁定书')?.documentId).toBeTruthy();
});
