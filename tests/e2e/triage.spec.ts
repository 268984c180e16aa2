import { expect, test, type Page } from './test';
import { apiCall, login, readyForDocuments, requestTargets } from './helpers';
import { makeId } from '../helpers/drafts';
import { FEEDBACK_COLUMNS } from '../../src-shared/domain/inquiryFiles';

// Triage and assignment, end to end: cases brought to triage by the real pipeline (notices → query batch → feedback →
// freeze), proposals confirmed in bulk (an override refused without its reason, at the field), a
// distribution run previewed and run, its explanation, the fast track worked to 执行完毕, and the
// board showing an overdue case once the clock has moved on, down to the case and its clocks.

type Job = { id: string; status: string; error: { message: string } | null; result: unknown };
type Case = { id: number; number: string };

const TEAMS = [
  { id: 'e2e-dys', name: '大榆树法庭', kind: 'tribunal', areas: ['大榆树'] },
  { id: 'e2e-dfz', name: '东风法庭', kind: 'tribunal', areas: ['东风镇'] },
  { id: 'e2e-kz', name: '快执团队', kind: 'fastTrack', areas: [] },
];

async function job(page: Page, started: Job): Promise<Job> {
  let view = started;
  for (let i = 0; i < 600 && (view.status === 'running' || view.status === 'queued'); i++) {
    await page.waitForTimeout(250);
    view = await apiCall<Job>(page, 'jobs.get', { id: started.id });
  }
  if (view.status !== 'done') throw new Error(`job ${started.id}: ${view.status} ${view.error?.message ?? ''}`);
  return view;
}

async function fileCase(page: Page, n: number, address: string, principalFen: number): Promise<Case> {
  return apiCall<Case>(page, 'cases.file', {
    type: '执',
    filedOn: '2026-12-01',
    confirmDuplicate: true,
    applicants: [{ kind: 'person', name: '王申请', idNumber: '150523198503171233' }],
    debtors: [{ kind: 'person', name: `被执行人分流${n}`, idNumber: makeId('19800101', 700 + n), address }],
    title: { court: '开鲁县人民法院', number: `（2026）内0523民初${7700 + n}号`, effectiveOn: '2026-10-01', cause: '民间借贷纠纷' },
    claim: { principalFen },
    interview: { contactConfirmed: true, payoutBank: '中国农业银行开鲁支行', payoutAccountName: '王申请', payoutAccount: '6228480000000000001', requests: [] },
  });
}

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

/** Row index of the grid row showing `text` (AG Grid splits pinned and centre cells into separate rows). */
async function pickRow(page: Page, gridTestId: string, text: string) {
  const grid = page.getByTestId(gridTestId);
  const cell = grid.locator('.ag-row', { hasText: text }).first();
  await expect(cell).toBeVisible();
  const index = await cell.getAttribute('row-index');
  await grid.locator(`.ag-row[row-index="${index}"] .ag-selection-checkbox input`).first().check();
}

test('triage in bulk, a distribution run, the fast track, and an overdue case on the board', async ({ page }) => {
  test.setTimeout(240_000);
  await apiCall(page, 'system.setClock', { now: '2026-12-01T02:00:00Z' });
  const settings = await apiCall<{ teams: { id: string }[] }>(page, 'settings.get', {});
  await apiCall(page, 'settings.set', { teams: [...settings.teams.filter((t) => !TEAMS.some((x) => x.id === t.id)), ...TEAMS], assignment: { cap: 400, capBasis: 'open' } });
  for (const [username, displayName, roles, teamId] of [
    ['e2e-dys1', '赵法官', ['team'], 'e2e-dys'],
    ['e2e-dfz1', '钱法官', ['team'], 'e2e-dfz'],
    ['e2e-kz1', '孙快执', ['fastTrack'], 'e2e-kz'],
    // The payout's approver: a leader (综合管理), picked by name (services/ledger/approvers.ts).
    ['e2e-chief', '周局长', ['management'], null],
  ] as const) {
    await apiCall(page, 'users.create', { username, displayName, password: 'e2e-judge-pass', roles, teamId });
  }

  // A: money enough to cover the claim → simple; B (大榆树), D (elsewhere), C: nothing found → complex.
  const a = await fileCase(page, 1, '开鲁县东风镇某村', 500_000);
  const b = await fileCase(page, 2, '开鲁县大榆树镇某村', 2_000_000);
  const c = await fileCase(page, 3, '开鲁县东风镇某街', 3_000_000);
  const d = await fileCase(page, 4, '通辽市科尔沁区某街', 4_000_000);
  const all = [a, b, c, d];
  await readyForDocuments(page, all.map((x) => x.id));
  await job(page, await apiCall<Job>(page, 'documents.generateBatch', { caseIds: all.map((x) => x.id), kinds: ['执行通知书', '报告财产令'] }));
  const batch = await apiCall<{ id: number; number: string }>(page, 'inquiries.createBatch', { caseIds: all.map((x) => x.id) });
  const cols = Object.keys(FEEDBACK_COLUMNS) as (keyof typeof FEEDBACK_COLUMNS)[];
  // The debtors' full ID numbers as the request file carries them (the API's answers mask them).
  const rows = (await requestTargets(page, batch.id)).map((t) => {
    const r: Partial<Record<keyof typeof FEEDBACK_COLUMNS, string>> = { batch: batch.number, caseNumber: t.caseNumber, debtor: t.debtor, idCode: t.idCode, queriedOn: '2026-12-01' };
    if (t.caseNumber === a.number) Object.assign(r, { assetType: '银行存款', institution: '中国工商银行开鲁支行', identifier: '6222020600007701', value: '5000.00' });
    else r.assetType = '无';
    return cols.map((k) => r[k] ?? '');
  });
  const feedback = csv([cols.map((k) => FEEDBACK_COLUMNS[k]), ...rows]);
  await apiCall(page, 'inquiries.importFeedback', { fileName: '反馈.csv', contentBase64: Buffer.from(feedback, 'utf8').toString('base64') });
  const asset = (await apiCall<{ rows: { id: number }[] }>(page, 'assets.list', { caseId: a.id })).rows[0]!;
  await job(page, await apiCall<Job>(page, 'measures.createBatch', { items: [{ assetId: asset.id, action: 'freeze' }] }));
  const freeze = (await apiCall<{ rows: { id: number }[] }>(page, 'measures.list', { caseId: a.id })).rows[0]!;
  await apiCall(page, 'measures.recordResult', { results: [{ measureId: freeze.id, outcome: 'done', actualFen: 500_000 }] });

  // 繁简分流: the proposals, an override refused without a reason, then three confirmed in bulk.
  await login(page);
  await page.getByTestId('nav-triage').click();
  const grid = page.getByTestId('triage-grid');
  for (const x of all) await expect(grid.getByText(x.number)).toBeVisible();
  await expect(grid.locator('.ag-row', { hasText: a.number }).filter({ hasText: '资金足额' })).toHaveCount(1);
  await expect(grid.locator('.ag-row', { hasText: a.number }).filter({ hasText: '简案（快执）' })).toHaveCount(1);
  for (const x of [b, c, d]) await expect(grid.locator('.ag-row', { hasText: x.number }).filter({ hasText: '未发现财产' })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/e2e/triage-proposals.png', fullPage: true });

  await pickRow(page, 'triage-grid', b.number);
  await page.getByTestId('triage-override-open').click();
  await page.getByTestId('override-track').selectOption('simple');
  await page.getByTestId('override-submit').click();
  const reasonField = page.locator('.field', { has: page.getByTestId('override-reason') });
  await expect(reasonField.getByTestId('field-error')).toContainText('理由');
  await page.screenshot({ path: 'test-results/e2e/triage-override-error.png', fullPage: true });
  await page.getByRole('button', { name: '取消' }).click();

  await pickRow(page, 'triage-grid', a.number);
  await pickRow(page, 'triage-grid', d.number);
  await expect(page.getByTestId('triage-confirm')).toContainText('（3）');
  await page.getByTestId('triage-confirm').click();
  await expect(page.getByTestId('triage-message')).toContainText('已确认 3 件：简案 1 件移交快执，繁案 2 件待分案');
  await expect(grid.getByText(c.number)).toBeVisible(); // C stays waiting: its clock will run out
  await expect(grid.getByText(b.number)).toHaveCount(0);

  // 分案: preview the two complex cases, run it, see the run and why B went to 大榆树.
  await page.getByTestId('triage-tab-assignment').click();
  await pickRow(page, 'assignment-grid', b.number);
  await pickRow(page, 'assignment-grid', d.number);
  await page.getByTestId('dist-preview').click();
  await expect(page.getByTestId('stats-cases')).toHaveText('2');
  await expect(page.getByTestId('stats-assigned')).toHaveText('2');
  await expect(page.getByTestId('stats-teams')).toContainText('大榆树法庭');
  await page.screenshot({ path: 'test-results/e2e/triage-distribution-preview.png', fullPage: true });
  await page.getByTestId('dist-run').click();
  await page.getByTestId('confirm-ok').click();
  const detail = page.getByTestId('run-detail');
  await expect(detail.getByTestId('run-items')).toContainText(b.number);
  await expect(detail.getByTestId('run-items')).toContainText(d.number);
  await expect(detail.getByTestId('stats-assigned')).toHaveText('2');
  await page.getByTestId('why-case').fill(b.number);
  await page.getByTestId('why-submit').click();
  await expect(page.getByTestId('why-result')).toContainText('大榆树');
  await page.screenshot({ path: 'test-results/e2e/triage-run.png', fullPage: true });

  // 团队办案: the loads count the new cases.
  await page.getByTestId('nav-teams').click();
  await expect(page.getByTestId('team-load-e2e-dys')).toContainText('1');
  await page.getByTestId('team-load-e2e-dys').click();
  await expect(page.getByTestId('team-cases-grid')).toContainText(b.number);
  await page.screenshot({ path: 'test-results/e2e/teams.png', fullPage: true });

  // 快执: A is worked through deduct → arrival → payout → 执行完毕.
  await page.getByTestId('nav-fast-track').click();
  const fast = page.getByTestId('fast-grid');
  await expect(fast.locator('.ag-row', { hasText: a.number }).first()).toContainText('扣划冻结款');
  await fast.getByText(a.number).dblclick();
  await page.getByTestId('fast-deduct').click();
  const arrival = page.locator('[data-testid^="fast-arrival-record-"]');
  await expect(arrival).toBeVisible({ timeout: 60_000 });
  await arrival.click();
  await expect(page.getByTestId('fast-case')).toContainText('下一步：发放案款');
  await page.getByTestId('fast-payout').click();
  await expect(page.locator('.field', { has: page.getByTestId('fast-pay-approver') }).getByTestId('field-error')).toContainText('审批人');
  await page.getByTestId('fast-pay-approver').selectOption({ label: '周局长' });
  await page.getByTestId('fast-payout').click();
  await expect(page.getByTestId('fast-case')).toContainText('下一步：以执行完毕结案');
  await page.screenshot({ path: 'test-results/e2e/fast-track.png', fullPage: true });
  await page.getByTestId('fast-close').click();
  await expect(page.getByTestId('fast-message')).toContainText('已以执行完毕结案');
  await expect(fast.getByText(a.number)).toHaveCount(0);

  // 节点监控: a week later C has waited in triage past its 3 days; the board counts it and drills down.
  await apiCall(page, 'system.setClock', { now: '2026-12-08T02:00:00Z' });
  await page.reload();
  await expect(page.getByTestId('nav-overdue-deadlines')).toBeVisible();
  await expect(page.getByTestId('nav-overdue-triage')).toBeVisible();
  await page.getByTestId('nav-deadlines').click();
  const handover = page.getByTestId('board-rule-handover-overdue');
  await expect(handover).toBeVisible();
  expect(Number(await handover.textContent())).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('board-stage-triage-overdue')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/deadlines-board.png', fullPage: true });
  await page.getByTestId('board-stage-triage-overdue').click();
  const drill = page.getByTestId('drill-grid');
  const row = drill.locator('.ag-row', { hasText: c.number }).first();
  await expect(row).toBeVisible();
  await expect(drill).toContainText('繁简分流并移交执行团队');
  await expect(drill).toContainText('已超期');
  await page.screenshot({ path: 'test-results/e2e/deadlines-drill.png', fullPage: true });
  await drill.getByText(c.number).dblclick();
  await expect(page.getByTestId('case-number')).toHaveText(c.number);
  await page.getByTestId('tab-deadlines').click();
  await expect(page.getByTestId('clock-handover-1').getByTestId('clock-status')).toHaveText('已超期');
  await page.screenshot({ path: 'test-results/e2e/case-deadlines.png', fullPage: true });

  // A 公告 period stops the closure clock (its error at the field without a reason), and ends.
  const closure = page.getByTestId('clock-closure-1').getByTestId('clock-status');
  await expect(closure).toHaveText('进行中');
  await page.getByTestId('suspend-date').fill('2026-12-08');
  await page.getByTestId('suspend-submit').click();
  await expect(page.locator('.field', { has: page.getByTestId('suspend-reason') }).getByTestId('field-error')).toContainText('事由');
  await page.getByTestId('suspend-reason').fill('公告送达执行通知书');
  await page.getByTestId('suspend-submit').click();
  await expect(closure).toHaveText('暂停计算');
  await expect(page.getByTestId('suspensions')).toContainText('进行中');
  await page.getByTestId('unsuspend-date-公告').fill('2026-12-08');
  await page.getByTestId('unsuspend-公告').click();
  await expect(closure).toHaveText('进行中');

  // 工作日历: next year's notice pasted as published, read, checked and saved.
  await page.getByTestId('nav-deadlines').click();
  await page.getByTestId('deadlines-tab-calendar').click();
  await page.getByTestId('calendar-year').selectOption('2027');
  await expect(page.getByTestId('calendar-source')).toContainText('尚未录入');
  await page.getByTestId('calendar-paste').fill('一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：2月6日（周六）至13日（周六）放假调休，共8天。2月14日（周日）上班。');
  await page.getByTestId('calendar-parse').click();
  await expect(page.getByTestId('calendar-parsed')).toContainText('识别出 11 个放假日、1 个调休上班日');
  // The import proposes the notice's title as the source once the year has loaded; then it is edited.
  await expect(page.getByTestId('calendar-source-input')).toHaveValue(/部分节假日安排的通知/);
  await page.getByTestId('calendar-source-input').fill('国办发明电（端到端测试）');
  await page.getByTestId('calendar-save').click();
  await expect(page.getByTestId('calendar-message')).toContainText('2027年的节假日安排已保存（12 天）');
  await expect(page.getByTestId('calendar-source')).toContainText('国办发明电（端到端测试）');
  await expect(page.getByTestId('calendar-row-11')).toContainText('周日');
  await page.screenshot({ path: 'test-results/e2e/calendar.png', fullPage: true });
  const after = await apiCall<{ date: string }>(page, 'calendar.addWorkingDays', { date: '2027-02-05', n: 1 });
  expect(after.date).toBe('2027-02-14'); // the make-up Sunday is the first working day after the block
});
