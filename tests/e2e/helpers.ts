import { expect, type Page } from './test';
import { ADMIN_PASSWORD } from './playwright.config';
import { methods } from '../../src-shared/api';
import type { MethodSpec } from '../../src-shared/api/contract';

/** Logs in through the login form (admin unless another user is given). */
export async function login(page: Page, username = 'admin', password = ADMIN_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('logout')).toBeVisible();
}

/** Methods that change cases and must state what the caller saw (src-shared/api/caseVersions.ts). */
const VERSIONED = new Set(Object.entries(methods as Record<string, MethodSpec>).filter(([, s]) => s.versions && !(typeof s.versions === 'object' && 'exempt' in s.versions)).map(([n]) => n));

/**
 * Calls the API directly with a fresh admin session (for setting up data a test does not click
 * through). A case-changing method is sent with `seen` as of now — a script acting on what it just
 * set up, not a clerk's stale view.
 */
export async function apiCall<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  const login = await page.request.post('/api/auth.login', { data: { username: 'admin', password: ADMIN_PASSWORD } });
  const token = ((await login.json()) as { data: { token: string } }).data.token;
  if (VERSIONED.has(method) && (input as { seen?: unknown }).seen === undefined) {
    const now = await page.request.post('/api/cases.counts', { data: {}, headers: { authorization: `Bearer ${token}` } });
    input = { ...(input as object), seen: { asOf: ((await now.json()) as { asOf: number }).asOf } };
  }
  const res = await page.request.post(`/api/${method}`, { data: input, headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.data;
}

/**
 * The debtors of a query batch with their full ID codes, read from the batch's request file as the
 * clerk sends it out: the API's answers mask ID numbers (only cases.reveal shows them, logged).
 */
export async function requestTargets(page: Page, batchId: number): Promise<{ seq: number; caseNumber: string; debtor: string; idCode: string }[]> {
  const login = await page.request.post('/api/auth.login', { data: { username: 'admin', password: ADMIN_PASSWORD } });
  const token = ((await login.json()) as { data: { token: string } }).data.token;
  const res = await page.request.post('/api/inquiries.exportRequest', { data: { batchId, format: 'csv' }, headers: { authorization: `Bearer ${token}` } });
  const [header, ...rows] = (await res.text()).replace(/^\ufeff/, '').trim().split(/\r?\n/).map((l) => l.split(','));
  const col = (name: string) => header!.indexOf(name);
  return rows.map((r) => ({ seq: Number(r[col('序号')]), caseNumber: r[col('案号')]!, debtor: r[col('被执行人')]!, idCode: r[col('证件号码')]! }));
}

/**
 * What the documents of cases filed through the API need before they are made (the filing window asks
 * for it; these specs file through the API): the title's type and what it ordered, the bank's
 * account of each case (一案一账号), a judge and a clerk to sign rulings, and the court's president.
 */
export async function readyForDocuments(page: Page, caseIds: number[]): Promise<void> {
  const users = await apiCall<{ id: number; username: string }[]>(page, 'users.list', {});
  const ensure = async (username: string, roles: string[]) =>
    users.find((u) => u.username === username)?.id ?? (await apiCall<{ id: number }>(page, 'users.create', { username, displayName: username === 'e2e-judge' ? '张审判' : '李书记', password: 'password-e2e-1', roles })).id;
  const judgeId = await ensure('e2e-judge', ['team']);
  const clerkId = await ensure('e2e-clerk', ['docsQuery']);
  await apiCall(page, 'settings.set', { courtPresident: '赵国庆', consumptionOrderTiming: 'withNotice', caseAccount: { bank: '中国农业银行开鲁县支行', accountName: '开鲁县人民法院执行款专户', accountNumber: '05470101040009999' } });
  for (const caseId of caseIds) {
    await apiCall(page, 'cases.updateTitle', { caseId, title: { kind: '民事判决书', ordered: '被告于本判决生效之日起十日内给付原告货款', joint: false } });
    await apiCall(page, 'caseAccounts.set', { caseId, bank: '中国农业银行开鲁县支行', accountName: '开鲁县人民法院执行款专户', accountNumber: `05470101048${String(caseId).padStart(8, '0')}` });
  }
  await apiCall(page, 'cases.setOfficers', { caseIds, judgeId, clerkId });
}

/**
 * Runs `action` (a navigation) and waits until the page has no API call in flight for `quietMs`:
 * the page's data has arrived. Playwright's `networkidle` cannot serve: the live stream
 * (`/api/events`) stays open as long as the session, so it would wait for the session to expire.
 */
export async function apiSettled(page: Page, action: () => Promise<unknown>, quietMs = 500, timeoutMs = 30_000): Promise<void> {
  const inFlight = new Set<object>();
  const isCall = (url: string) => url.includes('/api/') && !url.includes('/api/events');
  const started = (r: { url(): string }) => isCall(r.url()) && inFlight.add(r);
  const ended = (r: { url(): string }) => inFlight.delete(r);
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    await action();
    const until = Date.now() + timeoutMs;
    let quietSince = Date.now();
    while (Date.now() - quietSince < quietMs) {
      if (Date.now() > until) throw new Error(`页面的请求 ${timeoutMs} ms 内没有结束`);
      await page.waitForTimeout(100);
      if (inFlight.size > 0) quietSince = Date.now();
    }
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}
