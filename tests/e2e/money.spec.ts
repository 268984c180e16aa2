import { expect, test, type Page } from './test';
import { apiCall, login, requestTargets } from './helpers';
import { fileCase, noticesServed, waitForJob } from './pipelineSetup';
import { ensureUser, USER_PASSWORD } from './moneySetup';
import { FEEDBACK_COLUMNS } from '../../src-shared/domain/inquiryFiles';

// Case money end to end (domain.md §7, 法发〔2017〕6号 [P]): a case filed without a payout account is
// paid out once the money officer records the account and a leader approves it; a deduction that
// takes the whole frozen sum ends the freeze (民诉法 2023 Art. 253), so the 终本 checklist no longer
// counts it as property under control.

type Job = { id: string };
const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

/** Imports a feedback file for a new query batch of one case: one deposit, or nothing found. */
async function queryAnswered(page: Page, caseId: number, queriedOn: string, deposit: { identifier: string; value: string } | null): Promise<void> {
  const batch = await apiCall<{ id: number; number: string }>(page, 'inquiries.createBatch', { caseIds: [caseId] });
  // The debtors' full ID codes as the request file carries them (answers mask them).
  const file = await apiCall<{ targets: { caseNumber: string; debtor: string; seq: number }[] }>(page, 'inquiries.get', { batchId: batch.id });
  const full = await requestTargets(page, batch.id);
  const cols = Object.keys(FEEDBACK_COLUMNS) as (keyof typeof FEEDBACK_COLUMNS)[];
  const rows = file.targets.map((t) => {
    const r: Partial<Record<keyof typeof FEEDBACK_COLUMNS, string>> = { batch: batch.number, caseNumber: t.caseNumber, debtor: t.debtor, idCode: full.find((f) => f.seq === t.seq)!.idCode, queriedOn };
    if (deposit) Object.assign(r, { assetType: '银行存款', institution: '中国工商银行开鲁支行', ...deposit });
    else Object.assign(r, { assetType: '无', institution: '总对总网络查控系统' });
    return cols.map((k) => r[k] ?? '');
  });
  await apiCall(page, 'inquiries.importFeedback', { fileName: `反馈-${batch.number}.csv`, contentBase64: Buffer.from(csv([cols.map((k) => FEEDBACK_COLUMNS[k]), ...rows]), 'utf8').toString('base64') });
}

test('a case filed without a payout account: the account recorded, approved by a second user, then paid out', async ({ page }) => {
  await apiCall(page, 'system.setClock', { now: '2026-11-20T02:00:00Z' });
  await ensureUser(page, 'e2e-money-clerk', '钱出纳', ['money']);
  await ensureUser(page, 'e2e-money-chief', '李局长', ['management']);
  const c = await apiCall<{ id: number; number: string }>(page, 'cases.file', {
    type: '执',
    filedOn: '2026-11-02',
    confirmDuplicate: true,
    applicants: [{ kind: 'person', name: '王五', idNumber: '150523198503171233' }],
    debtors: [{ kind: 'org', name: '开鲁县案款测试商贸有限公司', creditCode: '91150523MA0N4B2K6Y', legalRep: '李四' }],
    title: { court: '开鲁县人民法院', number: '（2026）内0523民初8801号', effectiveOn: '2026-01-01', cause: '买卖合同纠纷' },
    claim: { principalFen: 100_000_00 },
    // The first interview recorded no payout account.
    interview: { contactConfirmed: true, requests: [] },
  });
  await apiCall(page, 'ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 1_234_56, on: '2026-11-19', source: 'voluntary', payer: '开鲁县案款测试商贸有限公司' });

  // — The money officer: no account, so no payout; records the applicant's account for approval. —
  await login(page, 'e2e-money-clerk', USER_PASSWORD);
  await page.getByTestId('nav-ledger').click();
  await page.getByTestId('ledger-search').fill(c.number);
  await page.getByTestId('ledger-find').click();
  await expect(page.getByTestId('ledger-balance')).toHaveText('1,234.56');
  await expect(page.getByTestId('ledger-payout-account-none')).toContainText('尚未登记收款账户');
  await page.getByTestId('ledger-payout-account-edit').click();
  await page.getByTestId('ledger-payout-bank').fill('中国建设银行开鲁支行');
  await page.getByTestId('ledger-payout-name').fill('王五');
  await page.getByTestId('ledger-payout-number').fill('6217 0000 12AB');
  await page.getByTestId('ledger-payout-reason').fill('申请执行人书面提交收款账户确认书');
  await page.getByTestId('ledger-payout-account-submit').click();
  await expect(page.locator('.field', { has: page.getByTestId('ledger-payout-number') }).getByTestId('field-error')).toHaveText('收款账号应为8至30位数字（可含空格或短横线）');
  await page.getByTestId('ledger-payout-number').fill('6217 0000 1234 5678 901');
  await page.getByTestId('ledger-payout-account-submit').click();
  const pending = page.getByTestId('ledger-payout-account-pending');
  await expect(pending).toContainText('待审批');
  // Masked like every account.
  await expect(pending).toContainText('***************8901');
  await expect(pending).not.toContainText('6217000012345678901');
  await expect(page.getByTestId('ledger-payout-account-approve')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/money-account-pending.png', fullPage: true });
  await page.getByTestId('logout').click();

  // — A leader approves it on the case's ledger tab. —
  await login(page, 'e2e-money-chief', USER_PASSWORD);
  await page.goto(`/#/cases/${c.id}`);
  await page.getByTestId('tab-ledger').click();
  await expect(page.getByTestId('case-ledger-payout-account-pending')).toContainText('钱出纳');
  await page.getByTestId('case-ledger-payout-account-approve').click();
  await expect(page.getByTestId('case-ledger-payout-account-pending')).toHaveCount(0);
  await expect(page.getByTestId('case-ledger-payout-account-panel')).toContainText('已审批');
  // The account is shown once on the tab: in the panel, masked.
  await expect(page.getByTestId('case-ledger').getByText('***************8901')).toHaveCount(1);
  await expect(page.getByTestId('case-ledger-payout-account')).toHaveText('***************8901');
  await page.getByTestId('logout').click();

  // — The money officer pays out: the approver picked by name, the payout confirmed first. —
  await login(page, 'e2e-money-clerk', USER_PASSWORD);
  await page.getByTestId('nav-ledger').click();
  await page.getByTestId('ledger-search').fill(c.number);
  await page.getByTestId('ledger-find').click();
  // 34.56 paid in twice by the debtor goes back to it (退还), approved and confirmed like a payout.
  await page.getByTestId('ledger-amount').fill('34.56');
  await page.getByTestId('ledger-refund').click();
  await expect(page.locator('.field', { has: page.getByTestId('ledger-refund-to') }).getByTestId('field-error')).toHaveText('请填写退款收款人');
  await page.getByTestId('ledger-refund-to').fill('开鲁县案款测试商贸有限公司');
  await page.getByTestId('ledger-refund-reason').fill('被执行人重复缴款');
  await page.getByTestId('ledger-approver').selectOption({ label: '李局长' });
  await page.getByTestId('ledger-refund').click();
  await expect(page.getByTestId('ledger-confirm-text')).toContainText('退还 34.56 元');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('ledger-message')).toHaveText('已退还');
  await expect(page.getByTestId('ledger-balance')).toHaveText('1,200.00');
  await page.getByTestId('ledger-approver').selectOption('');
  await page.getByTestId('ledger-amount').fill('1200');
  await page.getByTestId('ledger-payout').click();
  await expect(page.locator('.field', { has: page.getByTestId('ledger-approver') }).getByTestId('field-error')).toHaveText('请选择审批人');
  // The officer is not offered as their own approver.
  await expect(page.getByTestId('ledger-approver').locator('option', { hasText: '钱出纳' })).toHaveCount(0);
  await page.getByTestId('ledger-approver').selectOption({ label: '李局长' });
  await page.getByTestId('ledger-payout').click();
  await expect(page.getByTestId('ledger-confirm-text')).toContainText('1,200.00');
  await expect(page.getByTestId('ledger-confirm-text')).toContainText('李局长');
  await page.screenshot({ path: 'test-results/e2e/money-payout-confirm.png', fullPage: true });
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('ledger-message')).toHaveText('已发放');
  await expect(page.getByTestId('ledger-balance')).toHaveText('0.00');
  await expect(page.getByTestId('ledger-entries')).toContainText('审批：李局长');
  await expect(page.getByTestId('ledger-entries')).toContainText('***************8901');
});

test('a deduction of the whole frozen sum ends the freeze and lets the 终本 checklist through', async ({ page }) => {
  test.setTimeout(240_000);
  await apiCall(page, 'system.setClock', { now: '2026-01-10T02:00:00Z' });
  await ensureUser(page, 'e2e-money-chief2', '赵局长', ['management']);
  const c = await fileCase(page, 951, '2026-01-10', 80_000);
  await noticesServed(page, [c.id], '2026-01-10');
  await queryAnswered(page, c.id, '2026-01-10', { identifier: '6222020600009901', value: '500.00' });
  const asset = (await apiCall<{ rows: { id: number }[] }>(page, 'assets.list', { caseId: c.id })).rows[0]!;
  await apiCall(page, 'system.setClock', { now: '2026-01-12T02:00:00Z' });
  await waitForJob(page, (await apiCall<Job>(page, 'measures.createBatch', { items: [{ assetId: asset.id, action: 'freeze' }] })).id);
  const freeze = (await apiCall<{ rows: { id: number; amountFen: number }[] }>(page, 'measures.list', { caseId: c.id })).rows[0]!;
  await apiCall(page, 'measures.recordResult', { results: [{ measureId: freeze.id, outcome: 'done' }] });
  // The deduction names the freeze it draws on.
  await waitForJob(page, (await apiCall<Job>(page, 'measures.createBatch', { items: [{ assetId: asset.id, action: 'deduct', fromMeasureId: freeze.id }] })).id);
  const deduction = (await apiCall<{ rows: { id: number; action: string }[] }>(page, 'measures.list', { caseId: c.id })).rows.find((m) => m.action === 'deduct')!;

  // — The bank's answer is recorded on the case page: the whole frozen sum was deducted. —
  await login(page);
  await page.goto(`/#/cases/${c.id}`);
  await page.getByTestId('tab-measures').click();
  await expect(page.getByTestId(`measure-renew-${freeze.id}`)).toBeVisible();
  await page.getByTestId(`measure-result-${deduction.id}`).click();
  await page.getByTestId('measure-result-outcome').selectOption('done');
  await page.getByTestId('confirm-ok').click();
  const freezeRow = page.getByTestId(`case-measure-${freeze.id}`);
  await expect(freezeRow).toContainText('已全部扣划');
  // The freeze has ended: nothing to renew or release.
  await expect(page.getByTestId(`measure-renew-${freeze.id}`)).toHaveCount(0);
  await expect(page.getByTestId(`measure-release-${freeze.id}`)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/money-freeze-ended.png', fullPage: true });
  // The money is on the case account and paid out (approved by a leader).
  const chief = (await apiCall<{ id: number; displayName: string }[]>(page, 'ledger.approvers', {})).find((a) => a.displayName === '赵局长')!;
  await apiCall(page, 'ledger.record', { kind: 'payout', caseId: c.id, amountFen: freeze.amountFen, approverId: chief.id });

  // — Months later a re-query finds nothing; the 终本 checklist counts no freeze in force. —
  await apiCall(page, 'system.setClock', { now: '2026-05-20T02:00:00Z' });
  await queryAnswered(page, c.id, '2026-05-20', null);
  await page.goto('/#/closure');
  await page.getByTestId('closure-search').fill(c.number);
  await page.getByTestId('closure-find').click();
  await expect(page.getByTestId('closure-case')).toContainText(c.number);
  const item = page.getByTestId('check-nothingDisposable');
  await expect(item).toHaveAttribute('data-met', 'yes');
  await expect(item).not.toContainText('冻结措施仍在执行');
  for (const key of ['noticeServed', 'reportOrderServed', 'onlineQueried', 'threeMonths']) await expect(page.getByTestId(`check-${key}`)).toHaveAttribute('data-met', 'yes');
  await page.getByTestId('attest-note-debtorSearched').fill('被执行人下落清楚，卷第12页');
  await page.getByTestId('attest-debtorSearched').click();
  await expect(page.getByTestId('check-debtorSearched')).toHaveAttribute('data-met', 'yes');
  await page.getByTestId('attest-note-applicantInterviewed').fill('2026-05-18 约谈笔录，卷第30页');
  await page.getByTestId('attest-applicantInterviewed').click();
  await expect(page.getByTestId('check-applicantInterviewed')).toHaveAttribute('data-met', 'yes');
  await page.getByTestId('closure-consent-on').fill('2026-05-18');
  await page.getByTestId('closure-submit').click();
  await expect(page.getByTestId('closure-done')).toContainText('终本裁定书');
  await page.screenshot({ path: 'test-results/e2e/money-zhongben.png', fullPage: true });
});

test('the administrator names the payout approvers in 设置; the money officer is offered only them', async ({ page }) => {
  await apiCall(page, 'system.setClock', { now: '2026-11-20T02:00:00Z' });
  await ensureUser(page, 'e2e-money-clerk', '钱出纳', ['money']);
  await ensureUser(page, 'e2e-money-chief', '李局长', ['management']);
  await ensureUser(page, 'e2e-money-vp', '赵院长', ['management']);
  const users = await apiCall<{ id: number; username: string }[]>(page, 'users.list', {});
  const vp = users.find((u) => u.username === 'e2e-money-vp')!;
  const chief = users.find((u) => u.username === 'e2e-money-chief')!;
  const c = await fileCase(page, 5877, '2026-11-02');
  await apiCall(page, 'ledger.record', { kind: 'receipt', caseId: c.id, amountFen: 50_000, on: '2026-11-19', source: 'voluntary' });

  // — A leader sees the setting but cannot change it. —
  await login(page, 'e2e-money-chief', USER_PASSWORD);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-payout-approvers')).toContainText('只有系统管理员可以修改');
  await expect(page.getByTestId(`settings-payout-approver-${vp.id}`)).toBeDisabled();
  await page.getByTestId('logout').click();

  // — The administrator ticks 赵院长 only. —
  await login(page);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId(`settings-payout-approver-${chief.id}`)).not.toBeChecked();
  await page.getByTestId(`settings-payout-approver-${vp.id}`).check();
  await page.getByTestId('settings-payout-approvers-save').click();
  await expect(page.getByTestId('settings-payout-approvers-message')).toHaveText('已保存');
  await page.screenshot({ path: 'test-results/e2e/money-approvers-setting.png', fullPage: true });
  await page.getByTestId('logout').click();

  // — The money officer's approver list holds 赵院长, not 李局长. —
  await login(page, 'e2e-money-clerk', USER_PASSWORD);
  await page.getByTestId('nav-ledger').click();
  await page.getByTestId('ledger-search').fill(c.number);
  await page.getByTestId('ledger-find').click();
  await expect(page.getByTestId('ledger-approver').locator('option', { hasText: '赵院长' })).toHaveCount(1);
  await expect(page.getByTestId('ledger-approver').locator('option', { hasText: '李局长' })).toHaveCount(0);
  await apiCall(page, 'settings.set', { payoutApprovers: [] });
});
