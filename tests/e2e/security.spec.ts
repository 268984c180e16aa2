import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type APIRequestContext, type Page } from './test';
import { apiCall, login, readyForDocuments, requestTargets } from './helpers';
import { makeId } from '../helpers/drafts';
import { FEEDBACK_COLUMNS } from '../../src-shared/domain/inquiryFiles';

// Security, end to end: the administrator creates a team officer in 用户与权限; two cases reach two teams
// through the real pipeline (notices → query → feedback → triage → distribution); the officer sees
// only their team's case (register and navigation count), is refused the other team's case and the
// backups with a clear message, reveals a masked ID (recorded in the case's audit view), and the
// idle lock keeps the page; the administrator backs up, restores (a safety copy first), and the
// audit chain verifies.

type Job = { id: string; status: string; error: { message: string } | null };
type Case = { id: number; number: string };

const TEAMS = [
  { id: 'e2e-sec-a', name: '保安法庭', kind: 'tribunal', areas: ['保安农场'] },
  { id: 'e2e-sec-b', name: '黑龙坝法庭', kind: 'tribunal', areas: ['黑龙坝'] },
];
const OFFICER = { username: 'e2e-officer', password: 'officer-pass-1', newPassword: 'officer-pass-2', name: '周法官' };

async function job(page: Page, started: Job): Promise<void> {
  let view = started;
  for (let i = 0; i < 600 && (view.status === 'running' || view.status === 'queued'); i++) {
    await page.waitForTimeout(250);
    view = await apiCall<Job>(page, 'jobs.get', { id: started.id });
  }
  if (view.status !== 'done') throw new Error(`job ${started.id}: ${view.status} ${view.error?.message ?? ''}`);
}

async function fileCase(page: Page, n: number, address: string): Promise<Case> {
  return apiCall<Case>(page, 'cases.file', {
    type: '执',
    filedOn: '2026-12-03',
    confirmDuplicate: true,
    applicants: [{ kind: 'person', name: '吴申请', idNumber: '150523198503171233' }],
    debtors: [{ kind: 'person', name: `被执行人安全${n}`, idNumber: makeId('19790101', 800 + n), address, phone: '13904751234' }],
    title: { court: '开鲁县人民法院', number: `（2026）内0523民初${8800 + n}号`, effectiveOn: '2026-10-01', cause: '借款合同纠纷' },
    claim: { principalFen: 3_000_000 + n },
    interview: { contactConfirmed: true, payoutBank: '中国农业银行开鲁支行', payoutAccountName: '吴申请', payoutAccount: `62284812340000${1110 + n}`, requests: [] },
  });
}

/** Notices, an online query answered "nothing found", triage as a complex case, distribution. */
async function toTeams(page: Page, cases: Case[]): Promise<{ caseId: number; teamId: string | null }[]> {
  const ids = cases.map((c) => c.id);
  await readyForDocuments(page, ids);
  await job(page, await apiCall<Job>(page, 'documents.generateBatch', { caseIds: ids, kinds: ['执行通知书', '报告财产令'] }));
  const batch = await apiCall<{ id: number; number: string; targets: { idCode: string }[] }>(page, 'inquiries.createBatch', { caseIds: ids });
  // The answer masks the debtors' ID numbers; the feedback names them as the request file did.
  expect(batch.targets[0]!.idCode).toMatch(/^150523\*{8}/);
  const cols = Object.keys(FEEDBACK_COLUMNS) as (keyof typeof FEEDBACK_COLUMNS)[];
  const rows = (await requestTargets(page, batch.id)).map((t) => {
    const r: Partial<Record<keyof typeof FEEDBACK_COLUMNS, string>> = { batch: batch.number, caseNumber: t.caseNumber, debtor: t.debtor, idCode: t.idCode, assetType: '无', queriedOn: '2026-12-03' };
    return cols.map((k) => r[k] ?? '');
  });
  const csv = [cols.map((k) => FEEDBACK_COLUMNS[k]), ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
  await apiCall(page, 'inquiries.importFeedback', { fileName: `反馈-${batch.number}.csv`, contentBase64: Buffer.from(csv, 'utf8').toString('base64') });
  await apiCall(page, 'triage.confirm', { items: ids.map((caseId) => ({ caseId, track: 'complex', reason: '需实地调查' })) });
  const run = await apiCall<{ decisions: { caseId: number; teamId: string | null }[] }>(page, 'assignment.distribute', { caseIds: ids });
  return run.decisions;
}

test.use({ latinAllow: ['e2e', 'sec', 'officer', 'judge', 'clerk'] });

test('team scope, a refused action, masked data, the idle lock, a backup and its restore, the audit chain', async ({ page }) => {
  test.setTimeout(300_000);
  // Fake timers from the first page on, so the idle lock can be reached without waiting (time still flows).
  await page.clock.install();
  await apiCall(page, 'system.setClock', { now: '2026-12-03T02:00:00Z' });
  const settings = await apiCall<{ teams: { id: string }[] }>(page, 'settings.get', {});
  await apiCall(page, 'settings.set', { teams: [...settings.teams.filter((t) => !TEAMS.some((x) => x.id === t.id)), ...TEAMS] });

  // — The administrator creates the officer; a mistyped password is caught at its field. —
  await login(page);
  await page.getByTestId('nav-users').click();
  await expect(page.getByTestId('users-grid')).toContainText('admin');
  await page.getByTestId('nu-username').fill(OFFICER.username);
  await page.getByTestId('nu-name').fill(OFFICER.name);
  await page.getByTestId('nu-password').fill(OFFICER.password);
  await page.getByTestId('nu-password2').fill('something-else');
  await page.getByTestId('nu-team').selectOption('e2e-sec-a');
  await page.getByTestId('nu-role-team').check();
  await page.getByTestId('nu-create').click();
  await expect(page.getByTestId('user-create').getByTestId('field-error')).toHaveText('两次输入的密码不一致');
  await page.getByTestId('nu-password2').fill(OFFICER.password);
  await page.getByTestId('nu-create').click();
  await expect(page.getByTestId('users-message')).toContainText(`已创建用户 ${OFFICER.name}`);
  await expect(page.getByTestId('users-grid')).toContainText(OFFICER.username);
  await page.getByTestId('role-open-team').click();
  await expect(page.getByTestId('role-methods-team')).toContainText('案件登记簿');
  await expect(page.getByTestId('role-methods-team')).not.toContainText('立即备份数据库');
  await page.screenshot({ path: 'test-results/e2e/security-users.png', fullPage: true });

  // Edit a user (only the changed field is sent) and reset a password behind a confirmation.
  await apiCall(page, 'users.create', { username: 'e2e-sec-b1', displayName: '郑法官', password: 'judge-pass-1', roles: ['team'], teamId: 'e2e-sec-b' });
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-users-link').click();
  await page.getByTestId('user-edit-e2e-sec-b1').click();
  await page.getByTestId('ue-name').fill('郑志远');
  await page.getByTestId('ue-save').click();
  await expect(page.getByTestId('users-message')).toHaveText('郑志远（e2e-sec-b1）：已修改姓名');
  await expect(page.getByTestId('users-grid')).toContainText('郑志远');
  await page.getByTestId(`user-password-${OFFICER.username}`).click();
  await page.getByTestId('pw-new').fill('short');
  await page.getByTestId('pw-confirm').click();
  await expect(page.getByTestId('password-dialog').getByTestId('field-error')).toHaveText('密码至少8位');
  await page.getByTestId('pw-new').fill(OFFICER.newPassword);
  await page.getByTestId('pw-new2').fill(OFFICER.newPassword);
  await page.getByTestId('pw-confirm').click();
  await expect(page.getByTestId('password-dialog')).toHaveCount(0);
  await expect(page.getByTestId('users-message')).toContainText(`已重置 ${OFFICER.name}（${OFFICER.username}）的密码`);
  const oldLogin = await page.request.post('/api/auth.login', { data: { username: OFFICER.username, password: OFFICER.password } });
  expect(((await oldLogin.json()) as { ok: boolean }).ok).toBe(false);

  // — Two cases through the pipeline to the two teams. —
  const mine = await fileCase(page, 1, '开鲁县保安农场三分场');
  const theirs = await fileCase(page, 2, '开鲁县黑龙坝镇某村');
  const decisions = await toTeams(page, [mine, theirs]);
  expect(decisions.find((d) => d.caseId === mine.id)?.teamId).toBe('e2e-sec-a');
  expect(decisions.find((d) => d.caseId === theirs.id)?.teamId).toBe('e2e-sec-b');

  // — The officer sees only the team's case. The lock comes after one idle minute. —
  await apiCall(page, 'settings.set', { idleLockMinutes: 1 });
  await page.getByTestId('logout').click();
  await login(page, OFFICER.username, OFFICER.newPassword);
  await expect(page.getByTestId('nav-settings')).toHaveCount(0);
  await expect(page.getByTestId('nav-backups')).toHaveCount(0);
  await expect(page.getByTestId('nav-teams').locator('.count:not(.overdue)')).toHaveText('1');
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('cases-total')).toHaveText('共 1 件');
  await expect(page.getByTestId('cases-grid')).toContainText(mine.number);
  await expect(page.getByTestId('cases-grid')).not.toContainText(theirs.number);
  await page.screenshot({ path: 'test-results/e2e/security-officer-cases.png', fullPage: true });

  // A refused action says why: another team's case, and a page of a role the officer does not have.
  await page.goto(`/#/cases/${theirs.id}`);
  await expect(page.locator('.error-banner', { hasText: '不属于本团队' })).toHaveText(`案件 ${theirs.number} 不属于本团队，无权查看或办理`);
  // A page of another role, opened by its address, says it is not this account's work (no refused call, no false empty list).
  await page.goto('/#/backups');
  await expect(page.getByTestId('page-not-for-role')).toContainText('不是本账号的工作页面');
  await expect(page.getByTestId('backup-message')).toHaveCount(0);

  // Masked personal data, shown in full on demand; the viewing is in the case's audit view.
  await page.goto(`/#/cases/${mine.id}`);
  await page.getByTestId('tab-parties').click();
  const debtor = page.getByTestId('case-parties').locator('tr', { hasText: '被执行人安全1' });
  await expect(debtor.locator('[data-testid^="party-id-"]').first()).toHaveText(/^150523\*{8}\d{3}[\dX]$/);
  await expect(debtor.locator('[data-testid^="party-phone-"]').first()).toHaveText('139****1234');
  // The birth date is the ID's hidden digits: masked too.
  await expect(debtor.locator('[data-testid^="party-birth-"]').first()).toHaveText('****-**-**');
  await debtor.locator('[data-testid$="-reveal"]').first().click();
  await expect(debtor.locator('[data-testid^="party-id-"][data-testid$="-full"]')).toHaveText(makeId('19790101', 801));
  await expect(debtor.locator('[data-testid^="party-phone-"][data-testid$="-full"]')).toHaveText('13904751234');
  await expect(debtor.locator('[data-testid^="party-birth-"][data-testid$="-full"]')).toHaveText('1979-01-01');
  // The case's account for payouts: masked on the ledger tab, shown in full on demand (logged).
  await page.getByTestId('tab-ledger').click();
  await expect(page.getByTestId('case-ledger-payout-account')).toHaveText('**************1111');
  await page.getByTestId('case-ledger-payout-account-reveal').click();
  await expect(page.getByTestId('case-ledger-payout-account-full')).toHaveText('622848123400001111');
  await page.getByTestId('tab-audit').click();
  const caseAudit = page.getByTestId('case-audit-grid');
  await expect(caseAudit.locator('.ag-row', { hasText: '查看敏感信息' })).toHaveCount(2);
  await expect(caseAudit.locator('.ag-row', { hasText: '查看敏感信息' }).first()).toContainText(OFFICER.name);
  await expect(caseAudit.locator('.ag-row', { hasText: '分案' }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/security-case-audit.png', fullPage: true });

  // The idle lock: a minute without input locks the screen on the same page; the password unlocks it.
  const casePage = page.url();
  await page.clock.fastForward('01:10');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('lock-screen')).toContainText(OFFICER.name);
  expect(page.url()).toBe(casePage);
  await page.screenshot({ path: 'test-results/e2e/security-locked.png', fullPage: true });
  await page.getByTestId('unlock-password').fill('wrong-password');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('unlock-error')).toHaveText('用户名或密码错误');
  await page.getByTestId('unlock-password').fill(OFFICER.newPassword);
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('case-number')).toHaveText(mine.number);
  expect(page.url()).toBe(casePage);
  await apiCall(page, 'settings.set', { idleLockMinutes: 15 });

  // — The administrator backs up, sees it listed, restores it (the current state is kept first). —
  await page.getByTestId('logout').click();
  await login(page);
  await page.getByTestId('nav-backups').click();
  const grid = page.getByTestId('backups-grid');
  const manualRows = grid.locator('.ag-row', { hasText: '手动' });
  const before = await manualRows.count();
  await page.getByTestId('backup-create').click();
  await expect(page.getByTestId('backup-message')).toContainText('备份完成');
  await expect(manualRows).toHaveCount(before + 1);
  const newest = (await apiCall<{ backups: { name: string; kind: string; createdAt: string }[] }>(page, 'backups.list', {})).backups.filter((b) => b.kind === 'manual').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const name = newest?.name;
  expect(name).toBeTruthy();
  await page.screenshot({ path: 'test-results/e2e/security-backups.png', fullPage: true });

  await page.getByTestId(`backup-restore-${name}`).click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('先把当前数据另行备份');
  await expect(page.getByTestId('confirm-ok')).toHaveClass(/danger/);
  await page.screenshot({ path: 'test-results/e2e/security-restore-confirm.png', fullPage: true });
  // The page reloads itself a moment after the restore: wait for that reload, not for a page that is
  // already on screen (a click made before it would be lost with the old page).
  const reloaded = page.waitForEvent('load', { timeout: 30_000 });
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('backup-message')).toContainText(/已从.*的手动备份恢复/);
  await expect(page.getByTestId('backup-message')).toContainText('恢复前的数据已备份为');
  await expect(grid.locator('.ag-row', { hasText: '恢复前' }).first()).toBeVisible();
  // The page starts afresh on the restored data, still logged in, and the officer is still there.
  await reloaded;
  await expect(page.getByTestId('backups-page')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('logout')).toBeVisible();

  // — The audit chain verifies; the officer's acts are listed under their name. —
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('audit-verify-result')).toContainText('校验通过');
  const users = await apiCall<{ id: number; username: string }[]>(page, 'users.list', {});
  await page.getByTestId('audit-user').selectOption(String(users.find((u) => u.username === OFFICER.username)!.id));
  await expect(page.getByTestId('audit-user-grid').locator('.ag-row', { hasText: '查看敏感信息' }).first()).toContainText(mine.number);
  await page.screenshot({ path: 'test-results/e2e/security-audit.png', fullPage: true });

  // — A manager runs the bureau's settings but not the court's identity or its backups. —
  await apiCall(page, 'users.create', { username: 'e2e-sec-manager', displayName: '钱主任', password: 'manager-pass-1', roles: ['management'], teamId: null });
  await page.getByTestId('logout').click();
  await login(page, 'e2e-sec-manager', 'manager-pass-1');
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('set-court-code')).toBeDisabled();
  await expect(page.getByTestId('set-case-account')).toBeDisabled();
  await page.getByTestId('nav-backups').click();
  await expect(page.getByTestId('backup-settings-admin-only')).toHaveText('备份文件夹与保留规则只能由系统管理员修改。');
  await expect(page.getByTestId('backup-dir')).toBeDisabled();
  await page.screenshot({ path: 'test-results/e2e/security-manager-settings.png', fullPage: true });
});

// — A damaged data file: its own web server, since the shared one must stay healthy. —

const DAMAGED_PORT = Number(process.env.ZHIXING_E2E_PORT ?? 8620) + 50;
const DAMAGED_ADMIN = 'damaged-admin-pass';

async function startServer(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['out/main/web.js', '--data', dataDir, '--port', String(DAMAGED_PORT), '--admin-password', DAMAGED_ADMIN, '--court-name', '开鲁县人民法院', '--court-code', '内0523', '--quiet'], { stdio: 'ignore' });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${DAMAGED_PORT}/api`)).status > 0) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('web server did not start');
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM'); // closes the database cleanly (WAL checkpointed into the file)
  await exited;
}

async function call<T>(request: APIRequestContext, method: string, input: unknown, token?: string): Promise<T> {
  const res = await request.post(`http://127.0.0.1:${DAMAGED_PORT}/api/${method}`, { data: input, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.data;
}

test('a damaged database opens read-only with a banner naming the failed check, and the administrator restores the latest backup', async ({ page, request }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'zhixing-e2e-damaged-'));
  let server = await startServer(dataDir);
  try {
    const token = (await call<{ token: string }>(request, 'auth.login', { username: 'admin', password: DAMAGED_ADMIN })).token;
    for (let i = 0; i < 40; i++) await fileDamaged(request, token, i);
    const backup = await call<{ name: string }>(request, 'backups.create', {}, token);
    await stopServer(server);

    // One page of an index overwritten on disk (a failing disk, a bad copy): quick_check fails.
    const probe = new Database(join(dataDir, 'zhixing.sqlite'), { readonly: true });
    const root = (probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'parties_case'").get() as { rootpage: number }).rootpage;
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    const fd = openSync(join(dataDir, 'zhixing.sqlite'), 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);

    server = await startServer(dataDir);
    const base = `http://127.0.0.1:${DAMAGED_PORT}`;
    await page.goto(`${base}/`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(DAMAGED_ADMIN);
    await page.getByTestId('login-submit').click();
    const banner = page.getByTestId('readonly-banner');
    await expect(banner).toContainText('数据库处于只读状态');
    await expect(banner).toContainText('完整性自检未通过');
    await expect(page.getByTestId('readonly-restore')).toContainText('从最近的备份恢复');
    await page.screenshot({ path: 'test-results/e2e/security-readonly.png', fullPage: true });

    await page.getByTestId('readonly-restore').click();
    await expect(page.getByTestId('confirm-dialog')).toContainText('先把当前数据另行备份');
    await page.getByTestId('confirm-ok').click();
    // The page reloads on the restored data: no banner, the cases are all there, writes work again.
    await expect(page.getByTestId('logout')).toBeVisible();
    await expect(banner).toHaveCount(0, { timeout: 15_000 });
    // The restore ended every other session: log in again.
    const again = (await call<{ token: string }>(request, 'auth.login', { username: 'admin', password: DAMAGED_ADMIN })).token;
    expect((await call<{ readOnly: boolean }>(request, 'system.health', {}, again)).readOnly).toBe(false);
    const list = await call<{ backups: { name: string; kind: string }[] }>(request, 'backups.list', {}, again);
    expect(list.backups.some((b) => b.kind === 'preRestore')).toBe(true);
    expect(list.backups.some((b) => b.name === backup.name)).toBe(true);
    await page.getByTestId('nav-cases').click();
    await expect(page.getByTestId('cases-total')).toHaveText('共 40 件');
  } finally {
    await stopServer(server);
  }
});

async function fileDamaged(request: APIRequestContext, token: string, n: number): Promise<void> {
  await call(
    request,
    'cases.file',
    {
      type: '执',
      filedOn: new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }), // this server runs on the real clock
      confirmDuplicate: true,
      applicants: [{ kind: 'person', name: '冯申请', idNumber: '150523198503171233' }],
      debtors: [{ kind: 'person', name: `被执行人损坏${n}`, idNumber: makeId('19810101', 100 + n) }],
      title: { court: '开鲁县人民法院', number: `（2024）内0523民初${9100 + n}号`, effectiveOn: '2024-09-02', cause: '买卖合同纠纷' },
      claim: { principalFen: 100_000 + n },
    },
    token,
  );
}
