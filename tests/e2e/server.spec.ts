import { expect, request, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from './test';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeCaseChanges } from '../../src-shared/live/caseFeedWire';

// One court, many workstations, in a real browser over HTTPS: the court server (out/main/server.js)
// on loopback with a demo court (its tribunal teams, clerks and cases), and clerks in separate
// browser contexts. Certificate pinning is the desktop's job (tests/integration/desktopClient.test.ts);
// the browser here accepts the server's self-signed certificate.

const PORT = Number(process.env.ZHIXING_E2E_SERVER_PORT ?? Number(process.env.ZHIXING_E2E_PORT ?? 8620) + 1);
const BASE = `https://127.0.0.1:${PORT}`;
const ADMIN = 'e2e-admin-pass';
const DEMO_PASSWORD = 'demo1234';
/** A: a clerk of the window who also keeps the case money (a small court's clerks cover several posts). */
const A = { username: 'zhangsan', displayName: '张三', password: 'clerk-pass-1', roles: ['window', 'money'] };
/** B: the money officer of the demo court. */
const B = { username: 'zhoumin', displayName: '周敏', password: DEMO_PASSWORD };
/** C: 开鲁法庭's judge, who sees only his team's cases. */
const C = { username: 'zhangjianjun', password: DEMO_PASSWORD, teamId: 'kailu' };
/** A judge of 东风 in the demo court (src-main/demo/staff.ts). */
const DONGFENG_JUDGE = 'lixiaodong';

let dataDir = '';
let server: ChildProcess | null = null;
let api: APIRequestContext;
let adminToken = '';

function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['out/main/server.js', '--data', dataDir, '--listen', `127.0.0.1:${PORT}`, '--admin-password', ADMIN, '--court-name', '开鲁县人民法院', '--court-code', '内0523', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('"event":"listening"')) {
        clearTimeout(timer);
        ok(child);
      }
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => fail(new Error(`server exited ${code}: ${out}`)));
  });
}

async function call<T>(method: string, input: unknown, token = adminToken): Promise<T> {
  const res = await api.post(`/api/${method}`, { data: input, headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { ok: boolean; data: T; asOf?: number; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.data;
}

/** A write as a script that has just looked: `seen` is the asOf of a fresh read. */
async function write<T>(method: string, input: Record<string, unknown>, token = adminToken): Promise<T> {
  const look = await api.post('/api/cases.counts', { data: {}, headers: { authorization: `Bearer ${token}` } });
  const asOf = ((await look.json()) as { asOf: number }).asOf;
  return call<T>(method, { ...input, seen: { asOf } }, token);
}

async function loginAs(browser: Browser, who: { username: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: BASE, ignoreHTTPSErrors: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByTestId('login-username').fill(who.username);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  // Logging in hashes the password at the real cost (the server is the production build): allow for a busy machine.
  await expect(page.getByTestId('logout')).toBeVisible({ timeout: 30_000 });
  return { context, page };
}

test.describe.configure({ mode: 'serial' });

let a: { context: BrowserContext; page: Page };
let b: { context: BrowserContext; page: Page };
let filed = { id: 0, number: '' };

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = mkdtempSync(join(tmpdir(), 'zhixing-e2e-server-'));
  // The demo court: 开鲁县人民法院 with its teams, staff (password demo1234) and a year of cases.
  execFileSync(process.execPath, ['out/main/demo.js', '--data', dataDir, '--years', '2026-2026', '--cases-per-year', '60', '--admin-password', ADMIN], { stdio: 'ignore', timeout: 180_000 });
  server = await startServer();
  api = await request.newContext({ baseURL: BASE, ignoreHTTPSErrors: true });
  adminToken = (await call<{ token: string }>('auth.login', { username: 'admin', password: ADMIN }, '')).token;
  await call('users.create', { username: A.username, displayName: A.displayName, password: A.password, roles: A.roles }, adminToken);
});

test.afterAll(async () => {
  await a?.context.close();
  await b?.context.close();
  await api?.dispose();
  server?.kill('SIGTERM');
});

test('A files a case and B’s register shows it without a reload', async ({ browser }) => {
  a = await loginAs(browser, A);
  b = await loginAs(browser, B);
  await b.page.getByTestId('nav-cases').click();
  const total = b.page.getByTestId('cases-total');
  await expect(total).toHaveText(/共 \d+ 件/);
  const before = Number(/\d+/.exec((await total.textContent())!)![0]);
  await b.page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  const p = a.page;
  await p.getByTestId('nav-filing').click();
  await p.getByTestId('applicant-0-name').fill('刘多人');
  await p.getByTestId('applicant-0-id').fill('150523198503171233');
  await p.getByTestId('debtor-0-kind').selectOption('org');
  await p.getByTestId('debtor-0-name').fill('开鲁县多工作站测试商贸有限公司');
  await p.getByTestId('debtor-0-credit').fill('91150523MA0N4B2K6Y');
  await p.getByTestId('debtor-0-legalrep').fill('李四');
  await p.getByTestId('title-number').fill('（2026）内0523民初9901号');
  await p.getByTestId('title-date').fill('2026-09-01');
  await p.getByTestId('title-cause').fill('买卖合同纠纷');
  await p.getByTestId('title-kind').selectOption('民事判决书');
  await p.getByTestId('title-ordered').fill('被告开鲁县多工作站测试商贸有限公司于本判决生效之日起十日内给付原告刘多人货款80000元');
  await p.getByTestId('claim-principal').fill('80000');
  await p.getByTestId('filing-submit').click();
  await expect(p.getByTestId('filing-success')).toBeVisible();
  filed.number = (await p.getByTestId('filed-number').textContent())!;

  // B did nothing: the grid and the count follow.
  await expect(b.page.getByTestId('cases-grid').getByText(filed.number)).toBeVisible({ timeout: 15_000 });
  await expect(total).toHaveText(`共 ${before + 1} 件`);
  expect(await b.page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await b.page.screenshot({ path: 'test-results/e2e/server-live-register.png', fullPage: true });
  const found = await call<{ rows: { id: number; number: string }[] }>('cases.list', { filter: { text: '多工作站测试' } });
  filed = found.rows.find((r) => r.number === filed.number)!;
  expect(filed.id).toBeGreaterThan(0);
});

test('A and B on the same case: B sees A on it, and B’s stale entry is refused with A’s name, keeping what B typed', async () => {
  // Both open the case page: each sees the other.
  await a.page.goto(`/#/cases/${filed.id}`);
  await b.page.goto(`/#/cases/${filed.id}`);
  await expect(b.page.getByTestId('case-presence')).toContainText('张三 也在查看此案件');
  await expect(a.page.getByTestId('case-presence')).toContainText('周敏 也在查看此案件');

  // Both open the case's account in 案款.
  for (const page of [a.page, b.page]) {
    await page.getByTestId('nav-ledger').click();
    await page.getByTestId('ledger-search').fill(filed.number);
    await page.getByTestId('ledger-find').click();
    await expect(page.getByTestId('ledger-account')).toContainText(filed.number);
  }
  await b.page.getByTestId('ledger-amount').fill('200');
  await a.page.getByTestId('ledger-amount').fill('100');
  await a.page.getByTestId('ledger-receipt').click();
  await expect(a.page.getByTestId('ledger-message')).toHaveText('已登记到账');
  // B's page already shows A's receipt and says who made it; B's amount is still there.
  await expect(b.page.getByTestId('ledger-changed')).toContainText('此案件已由张三于');
  await expect(b.page.getByTestId('ledger-balance')).toHaveText('100.00');
  await b.page.getByTestId('ledger-receipt').click();
  const conflict = b.page.getByTestId('ledger-conflict-message');
  await expect(conflict).toHaveText(/^此案件已由张三于 \d\d:\d\d 修改，请刷新后重试$/);
  await expect(b.page.getByTestId('ledger-amount')).toHaveValue('200');
  await b.page.screenshot({ path: 'test-results/e2e/server-conflict.png', fullPage: true });
  await b.page.getByTestId('ledger-conflict-reload').click();
  await expect(b.page.getByTestId('ledger-amount')).toHaveValue('200');
  await b.page.getByTestId('ledger-receipt').click();
  await expect(b.page.getByTestId('ledger-message')).toHaveText('已登记到账');
  await expect(b.page.getByTestId('ledger-balance')).toHaveText('300.00');
  await expect(a.page.getByTestId('ledger-balance')).toHaveText('300.00');
});

test('a team officer’s client receives nothing about another team’s case', async ({ browser }) => {
  const c = await loginAs(browser, C);
  try {
    // A case of each team at the team's stage. The demo's small court may have closed all of one
    // team's cases by today: the administrator then moves one to that team's judge (改分).
    type Row = { id: number; number: string; stage: string; teamId: string | null };
    const atTeams = (await call<{ rows: Row[] }>('cases.list', { filter: { stage: ['team'] }, limit: 1000 })).rows;
    const caseOf = async (teamId: string, username: string, avoid: number[]) => {
      const found = atTeams.find((r) => r.teamId === teamId && !avoid.includes(r.id));
      if (found) return found;
      const moved = atTeams.find((r) => !avoid.includes(r.id));
      expect(moved, 'a case at a tribunal team in the demo court').toBeTruthy();
      const judge = (await call<{ id: number; username: string }[]>('users.list', {})).find((u) => u.username === username)!;
      // The small demo court's cap per judge (分案上限) is already reached by the year's closed cases.
      const { assignment } = await call<{ assignment: { cap: number } }>('settings.get', {});
      await call('settings.set', { assignment: { ...assignment, cap: assignment.cap + 5 } });
      const { version } = await call<{ version: number }>('cases.get', { id: moved!.id });
      await call('assignment.reassign', { caseIds: [moved!.id], judgeId: judge.id, reason: '测试：改分给本团队', seen: { cases: { [moved!.id]: version } } });
      return moved!;
    };
    const own = await caseOf('kailu', C.username, []);
    const other = await caseOf('dongfeng', DONGFENG_JUDGE, [own.id]);
    // Everything the server pushes to this officer's session, read as the page's own client does.
    await c.page.evaluate(() => {
      const w = window as unknown as { __pushed: string[] };
      w.__pushed = [];
      void fetch('/api/events', { headers: { authorization: `Bearer ${sessionStorage.getItem('zhixing.token')}` } }).then(async (res) => {
        const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          w.__pushed.push(value);
        }
      });
    });
    await c.page.waitForTimeout(500);
    const token = await a.page.evaluate(() => sessionStorage.getItem('zhixing.token'));
    await write('ledger.record', { kind: 'receipt', caseId: other.id, amountFen: 12_300, on: (await call<{ today: string }>('system.info', {})).today, source: 'voluntary' }, token!);
    await b.page.goto(`/#/cases/${other.id}`); // presence on the other team's case
    await write('ledger.record', { kind: 'receipt', caseId: own.id, amountFen: 45_600, on: (await call<{ today: string }>('system.info', {})).today, source: 'voluntary' }, token!);
    const pushedText = () => c.page.evaluate(() => (window as unknown as { __pushed: string[] }).__pushed.join(''));
    await expect.poll(async () => feedCaseIds(await pushedText()).includes(own.id), { timeout: 10_000 }).toBe(true);
    await c.page.waitForTimeout(1000);
    const pushed = await pushedText();
    expect(pushed).toContain('event: cases');
    expect(feedCaseIds(pushed)).not.toContain(other.id);
    expect(pushed).not.toContain(`"caseId":${other.id},`);
    expect(pushed).not.toContain(other.number);
    // Nor does the officer's register show it.
    await c.page.getByTestId('nav-cases').click();
    await c.page.getByTestId('cases-search').fill(other.number);
    await c.page.getByTestId('cases-search').press('Enter');
    await expect(c.page.getByTestId('cases-total')).toHaveText('共 0 件');
  } finally {
    await c.context.close();
  }
});

test('a killed and restarted server is rejoined by the clients', async () => {
  await b.page.getByTestId('nav-cases').click();
  await expect(b.page.getByTestId('cases-total')).toHaveText(/共 \d+ 件/);
  server!.kill('SIGKILL');
  await expect(b.page.getByTestId('link-banner')).toContainText('正在重新连接', { timeout: 20_000 });
  await b.page.screenshot({ path: 'test-results/e2e/server-reconnecting.png', fullPage: true });
  server = await startServer();
  await expect(b.page.getByTestId('link-banner')).toContainText('已重新连接', { timeout: 30_000 });
  // A's session outlived the restart: A files again, and B's register shows it without a reload.
  const token = await a.page.evaluate(() => sessionStorage.getItem('zhixing.token'));
  const again = await call<{ number: string }>(
    'cases.file',
    {
      type: '执',
      filedOn: (await call<{ today: string }>('system.info', {})).today,
      applicants: [{ kind: 'person', name: '刘多人', idNumber: '150523198503171233' }],
      debtors: [{ kind: 'org', name: '开鲁县重启后测试商贸有限公司', creditCode: '91150523MA0N4B2K6Y', legalRep: '李四' }],
      title: { court: '开鲁县人民法院', number: '（2026）内0523民初9902号', effectiveOn: '2026-09-01', cause: '买卖合同纠纷' },
      claim: { principalFen: 5_000_000 },
      confirmDuplicate: true,
    },
    token!,
  );
  await expect(b.page.getByTestId('cases-grid').getByText(again.number)).toBeVisible({ timeout: 15_000 });
  await expect(a.page.getByTestId('logout')).toBeVisible();
  await b.page.screenshot({ path: 'test-results/e2e/server-rejoined.png', fullPage: true });
});

/** The case ids of the `cases` pushes in a stream's raw text (src-shared/live/caseFeedWire.ts). */
function feedCaseIds(stream: string): number[] {
  return stream
    .split('\n\n')
    .filter((block) => block.startsWith('event: cases\n'))
    .flatMap((block) => decodeCaseChanges(JSON.parse(block.slice(block.indexOf('data: ') + 6))).map((c) => c.id));
}

