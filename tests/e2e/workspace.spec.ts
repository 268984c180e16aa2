import { expect, test, type Page } from './test';
import { apiCall, apiSettled, readyForDocuments, requestTargets } from './helpers';
import { waitForJob } from './pipelineSetup';
import { makeId } from '../helpers/drafts';
import { FEEDBACK_COLUMNS } from '../../src-shared/domain/inquiryFiles';

// The case page as the workspace, in Chromium, as each desk uses it: every role lands on its own
// work and its navigation holds only pages it may use (none opens on a refusal); a tribunal team
// officer, from its own case pages, starts a new property query, freezes the deposit it found,
// writes and prints a 谈话笔录, records the 终本 interview (约谈记录) and proposes 终本 to the 终本
// group — and finds nothing of the other team's cases; the 终本 group closes the proposal from its
// 我的待办 after a confirmation.

type Case = { id: number; number: string };

const TEAMS = [
  { id: 'e2e-ws-a', name: '建华法庭', kind: 'tribunal', areas: ['建华镇'] },
  { id: 'e2e-ws-b', name: '义和塔拉法庭', kind: 'tribunal', areas: ['义和塔拉镇'] },
];
const PASSWORD = 'workspace-pass-1';
const USERS = [
  { username: 'ws-window', displayName: '窗口钱立', roles: ['window'] },
  { username: 'ws-docs', displayName: '文书孙敏', roles: ['docsQuery'] },
  { username: 'ws-fast', displayName: '快执周强', roles: ['fastTrack'] },
  { username: 'ws-officer-a', displayName: '建华吴法官', roles: ['team'], teamId: 'e2e-ws-a' },
  { username: 'ws-officer-b', displayName: '义和郑法官', roles: ['team'], teamId: 'e2e-ws-b' },
  { username: 'ws-money', displayName: '案款王芳', roles: ['money'] },
  { username: 'ws-zhongben', displayName: '终本冯静', roles: ['zhongben'] },
  { username: 'ws-leader', displayName: '局长陈刚', roles: ['management'] },
];

let seq = 0;
async function fileCase(page: Page, town: string, debtor: string): Promise<Case> {
  seq += 1;
  return apiCall<Case>(page, 'cases.file', {
    type: '执',
    filedOn: '2026-01-12',
    confirmDuplicate: true,
    applicants: [{ kind: 'person', name: `申请人${town.slice(0, 2)}${seq}`, idNumber: makeId('19700101', 500 + seq), address: `开鲁县${town}` }],
    debtors: [{ kind: 'person', name: debtor, idNumber: makeId('19800101', 600 + seq), address: `开鲁县${town}某村`, phone: '13904750000' }],
    title: { court: '开鲁县人民法院', number: `（2025）内0523民初${9600 + seq}号`, effectiveOn: '2025-12-01', cause: '民间借贷纠纷' },
    claim: { principalFen: 6_000_000 },
    interview: { contactConfirmed: true, payoutBank: '中国农业银行开鲁支行', payoutAccountName: '申请人', payoutAccount: `62284812340009${1000 + seq}`, requests: [] },
  });
}

/** A feedback file for a query batch: each debtor answered with `asset` (or nothing found). */
async function answer(page: Page, batch: { id: number; number: string }, on: string, asset?: { institution: string; identifier: string; valueYuan: string }) {
  const cols = Object.keys(FEEDBACK_COLUMNS) as (keyof typeof FEEDBACK_COLUMNS)[];
  const rows = (await requestTargets(page, batch.id)).map((t) => {
    const r: Partial<Record<keyof typeof FEEDBACK_COLUMNS, string>> = { batch: batch.number, caseNumber: t.caseNumber, debtor: t.debtor, idCode: t.idCode, queriedOn: on, ...(asset ? { assetType: '银行存款', institution: asset.institution, identifier: asset.identifier, value: asset.valueYuan } : { assetType: '无' }) };
    return cols.map((k) => r[k] ?? '');
  });
  const csv = [cols.map((k) => FEEDBACK_COLUMNS[k]), ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
  await apiCall(page, 'inquiries.importFeedback', { fileName: `反馈-${batch.number}.csv`, contentBase64: Buffer.from(csv, 'utf8').toString('base64') });
}

/** Notices made and served, a first query answered "nothing found", triage as complex, distribution to the debtor's tribunal. */
async function toTeams(page: Page, cases: Case[]): Promise<Map<number, string | null>> {
  const ids = cases.map((c) => c.id);
  await readyForDocuments(page, ids);
  await waitForJob(page, (await apiCall<{ id: string }>(page, 'documents.generateBatch', { caseIds: ids, kinds: ['执行通知书', '报告财产令', '限制消费令'] })).id);
  const items: { documentId: number; method: string; servedOn: string; recipient: string }[] = [];
  for (const caseId of ids) {
    const docs = await apiCall<{ rows: { id: number; kind: string }[] }>(page, 'documents.list', { caseId });
    for (const d of docs.rows) if (d.kind === '执行通知书' || d.kind === '报告财产令') items.push({ documentId: d.id, method: '直接送达', servedOn: '2026-01-12', recipient: '本人' });
  }
  await apiCall(page, 'documents.markServed', { items });
  const batch = await apiCall<{ id: number; number: string }>(page, 'inquiries.createBatch', { caseIds: ids });
  await answer(page, batch, '2026-01-12');
  await apiCall(page, 'triage.confirm', { items: ids.map((caseId) => ({ caseId, track: 'complex', reason: '需实地调查' })) });
  const run = await apiCall<{ decisions: { caseId: number; teamId: string | null }[] }>(page, 'assignment.distribute', { caseIds: ids });
  return new Map(run.decisions.map((d) => [d.caseId, d.teamId]));
}

/** The words of a refusal shown above a false empty page: no page a role reaches from its navigation may show them. */
const REFUSAL = /无权执行此操作|Error:/;

async function loginAs(page: Page, username: string) {
  await page.goto('/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  // The first page of a busy machine may take more than the default five seconds.
  await expect(page.getByTestId('logout')).toBeVisible({ timeout: 30_000 });
}

test('each desk lands on its own work; a team officer works its case from the case page and sees nothing of the other team; the 终本 group closes the proposal', async ({ page }) => {
  test.setTimeout(1_800_000);
  await apiCall(page, 'system.setClock', { now: '2026-01-12T02:00:00Z' });
  const settings = await apiCall<{ teams: { id: string }[] }>(page, 'settings.get', {});
  await apiCall(page, 'settings.set', { teams: [...settings.teams.filter((t) => !TEAMS.some((x) => x.id === t.id)), ...TEAMS], zhongbenClosedByGroup: true });
  const existing = await apiCall<{ username: string }[]>(page, 'users.list', {});
  for (const u of USERS) if (!existing.some((e) => e.username === u.username)) await apiCall(page, 'users.create', { ...u, password: PASSWORD });

  // Two cases of 建华 (one to freeze, one for 终本) and one of 义和塔拉, through the real pipeline.
  const freezeCase = await fileCase(page, '建华镇', '被执行人建华甲');
  const zhongbenCase = await fileCase(page, '建华镇', '被执行人建华乙');
  const otherCase = await fileCase(page, '义和塔拉镇', '被执行人义和丙');
  const teams = await toTeams(page, [freezeCase, zhongbenCase, otherCase]);
  expect(teams.get(freezeCase.id)).toBe('e2e-ws-a');
  expect(teams.get(zhongbenCase.id)).toBe('e2e-ws-a');
  expect(teams.get(otherCase.id)).toBe('e2e-ws-b');

  // More than three months after filing (终本规定 Art. 1 (6)).
  await apiCall(page, 'system.setClock', { now: '2026-05-20T02:00:00Z' });

  // — The team officer of 建华 —
  await loginAs(page, 'ws-officer-a');
  await expect(page.getByTestId('todo-page')).toBeVisible();
  // The header search finds its own case, and nothing of the other team's (by number or by name).
  await page.getByTestId('header-search').fill(otherCase.number);
  await expect(page.getByTestId('header-search-results')).toContainText('没有找到本人可见的案件');
  await page.getByTestId('header-search').fill('被执行人义和丙');
  await expect(page.getByTestId('header-search-results')).toContainText('没有找到本人可见的案件');
  await page.getByTestId('header-search').fill(freezeCase.number);
  await page.getByTestId(`header-search-case-${freezeCase.id}`).click();
  await expect(page.getByTestId('case-number')).toHaveText(freezeCase.number);
  await expect(page.getByTestId('ws-team')).toContainText('建华法庭');
  await expect(page.getByTestId('ws-money')).toContainText('60,000.00');
  // The register holds only its team's cases.
  await page.goto(`/#/cases?q=${encodeURIComponent('被执行人义和丙')}`);
  await expect(page.getByTestId('cases-total')).toHaveText('共 0 件');
  // The other team's case page by its address: refused, with the reason, not an empty page.
  await page.goto(`/#/cases/${otherCase.id}`);
  await expect(page.locator('main')).toContainText('无权');
  await expect(page.locator('main')).not.toContainText('被执行人义和丙');

  // A new property query for its own case, from the case page.
  await page.goto(`/#/cases/${freezeCase.id}`);
  await page.getByTestId('ws-query').click();
  await page.getByTestId('ws-query-dialog-ok').click();
  await expect(page.getByTestId('ws-message')).toContainText('已建立查控批次');
  const said = (await page.getByTestId('ws-message').textContent())!;
  const number = /查控批次 (\S+?)（/.exec(said)![1]!;
  const batches = await apiCall<{ rows: { id: number; number: string }[] }>(page, 'inquiries.batches', { limit: 50 });
  const newBatch = batches.rows.find((b) => b.number === number)!;
  // The answer comes back with a deposit (the documents office imports it).
  await answer(page, newBatch, '2026-05-20', { institution: '中国工商银行开鲁支行', identifier: '6222021234000011111', valueYuan: '25000.00' });
  await page.reload();
  await page.getByTestId('tab-assets').click();
  await expect(page.getByTestId('case-asset-list')).toContainText('中国工商银行开鲁支行');

  // Freeze it, from the case page.
  await page.getByTestId('ws-control').click();
  const option = page.getByTestId('ws-control-asset').locator('option', { hasText: '中国工商银行开鲁支行' });
  await page.getByTestId('ws-control-asset').selectOption({ value: (await option.getAttribute('value'))! });
  await expect(page.getByTestId('ws-control-action')).toHaveValue('freeze');
  await page.getByTestId('ws-control-dialog-ok').click();
  await expect(page.getByTestId('ws-message')).toContainText('已冻结中国工商银行开鲁支行', { timeout: 60_000 });
  await page.getByTestId('tab-measures').click();
  await expect(page.getByTestId('case-measures')).toContainText('冻结');
  await expect(page.getByTestId('ws-measures')).toContainText('冻结 中国工商银行开鲁支行');

  // A 谈话笔录 with the debtor, saved and printed.
  await page.getByTestId('ws-record').click();
  await page.getByTestId('record-new').click();
  await page.getByTestId('record-kind').selectOption('谈话笔录');
  await page.getByTestId('record-held-on').fill('2026-05-20');
  await page.getByTestId('record-place').fill('建华法庭执行室');
  await page.getByTestId('record-recorder').fill('李书记');
  const debtorId = await page.getByTestId('record-add-party').locator('option', { hasText: '被执行人建华甲' }).getAttribute('value');
  await page.getByTestId('record-add-party').selectOption({ value: debtorId! });
  // Without content the record is refused, naming the field; nothing is saved.
  await page.getByTestId('record-save').click();
  await expect(page.getByTestId('record-error')).toContainText('笔录内容');
  await page.getByTestId('record-content').fill('问：你在工商银行的存款已被冻结，是否同意以此履行？\n答：同意，请法院扣划。');
  await page.getByTestId('record-save').click();
  await expect(page.getByTestId('records-message')).toContainText('已保存谈话笔录（2026-05-20）');
  await expect(page.getByTestId('records-list')).toContainText('被执行人被执行人建华甲');
  // The freeze's job is done: its panel is put away.
  await page.getByTestId('job-panel').getByRole('button', { name: '关闭' }).first().click();
  const printed = page.waitForEvent('download');
  await page.locator('[data-testid^="record-print-"]').first().click();
  expect((await printed).suggestedFilename()).toMatch(/\.pdf$/);
  await expect(page.getByTestId('records-message')).toContainText('谈话笔录已生成');

  // — The 终本 case: the interview with the applicant (约谈记录), the remaining item, the proposal. —
  await page.goto(`/#/cases/${zhongbenCase.id}`);
  await expect(page.getByTestId('ws-zhongben')).toContainText('已约谈申请执行人');
  await page.getByTestId('tab-records').click();
  await page.getByTestId('record-new').click();
  await page.getByTestId('record-kind').selectOption('约谈记录');
  await page.getByTestId('record-held-on').fill('2026-05-18');
  await page.getByTestId('record-place').fill('建华法庭接待室');
  await page.getByTestId('record-recorder').fill('李书记');
  const applicantId = await page.getByTestId('record-add-party').locator('option', { hasText: '申请执行人' }).getAttribute('value');
  await page.getByTestId('record-add-party').selectOption({ value: applicantId! });
  await page.getByTestId('record-content').fill('告知申请执行人财产调查情况及终结本次执行程序的后果，申请执行人同意终结本次执行程序。');
  await page.getByTestId('record-save').click();
  await expect(page.getByTestId('records-message')).toContainText('终本核查表的“约谈申请执行人”一项以此日期为准');
  await expect(page.getByTestId('ws-zhongben')).not.toContainText('已约谈申请执行人');
  // The one item the app cannot check, attested on the 终本 checklist opened from the case.
  await page.goto(`/#/closure?case=${zhongbenCase.id}`);
  await expect(page.getByTestId('check-applicantInterviewed')).toHaveAttribute('data-met', 'yes');
  await expect(page.getByTestId('check-applicantInterviewed')).toContainText('2026-05-18');
  await page.getByTestId('attest-note-debtorSearched').fill('被执行人下落清楚，卷第12页');
  await page.getByTestId('attest-debtorSearched').click();
  await expect(page.getByTestId('check-debtorSearched')).toHaveAttribute('data-met', 'yes');
  await page.goto(`/#/cases/${zhongbenCase.id}`);
  await expect(page.getByTestId('ws-zhongben')).toContainText('已具备');
  await page.getByTestId('ws-request-closure').click();
  await page.getByTestId('ws-request-closure-reason').fill('经网络查控及调查未发现可供执行的财产');
  await page.getByTestId('ws-request-closure-consent').fill('2026-05-18');
  await page.getByTestId('ws-request-closure-dialog-ok').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('提交终本案件管控组审核');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('ws-message')).toContainText('终本申请已提交');
  await expect(page.getByTestId('ws-closure-request')).toContainText('待审核');
  await expect(page.getByTestId('ws-request-closure')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/workspace-team-case.png', fullPage: true });
  // Its 我的待办 lists its own cases only.
  await page.getByTestId('nav-todo').click();
  await expect(page.getByTestId('todo-page')).not.toContainText('被执行人义和丙');
  await page.getByTestId('logout').click();

  // — The 终本 group: the proposal on its 我的待办, closed from the case page after a confirmation. —
  await loginAs(page, 'ws-zhongben');
  await expect(page.getByTestId('todo-closure-requests')).toContainText(zhongbenCase.number);
  await page.getByTestId('todo-closure-requests').getByText(zhongbenCase.number).click();
  await expect(page.getByTestId('case-number')).toHaveText(zhongbenCase.number);
  await page.getByTestId('ws-decide-closure').click();
  await page.getByTestId('ws-decide-closure-dialog-ok').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('终本裁定书');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('ws-message')).toContainText('已以终结本次执行程序结案');
  await expect(page.getByTestId('ws-stage')).toContainText('终结本次执行程序');
  await page.screenshot({ path: 'test-results/e2e/workspace-zhongben-closed.png', fullPage: true });
  await page.getByTestId('logout').click();

  // — Every desk lands on its own work, and no page of its navigation opens on a refusal. —
  const landing: Record<string, string> = { 'ws-window': '#/filing' };
  for (const u of USERS) {
    await loginAs(page, u.username);
    await expect(page).toHaveURL(new RegExp(`${(landing[u.username] ?? '#/todo').replace('/', '\\/')}$`));
    if (!landing[u.username]) await expect(page.getByTestId('todo-page')).toBeVisible();
    const links = await page.locator('nav.nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    if (!u.roles.includes('management')) expect(links).not.toContain('#/settings');
    if (u.roles.includes('team')) expect(links).toEqual(['#/todo', '#/cases', '#/inquiries', '#/control', '#/teams', '#/detention', '#/credit', '#/closure', '#/deadlines']);
    for (const href of links) {
      await apiSettled(page, () => page.goto(`/${href}`));
      await expect(page.locator('main .page').first()).toBeVisible();
      await expect(page.locator('main'), `${u.username} ${href}`).not.toContainText(REFUSAL);
    }
    await page.getByTestId('logout').click();
  }
});
