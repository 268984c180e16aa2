#!/usr/bin/env node
// Runs the end-to-end tests in a real browser. Finds one by itself — an explicit path
// (ZHIXING_BROWSER), Debian's chromium, an installed Chrome or Edge through Playwright's channels —
// and fails with a clear message when there is none. It never skips the tests silently.
import { existsSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'];

async function findBrowser() {
  const explicit = process.env.ZHIXING_BROWSER;
  if (explicit) {
    if (!existsSync(explicit)) fail(`ZHIXING_BROWSER 指向的浏览器不存在：${explicit}`);
    return { executablePath: explicit };
  }
  for (const p of CANDIDATES) if (existsSync(p)) return { executablePath: p };
  for (const channel of ['chrome', 'msedge']) {
    try {
      const b = await chromium.launch({ channel, headless: true });
      await b.close();
      return { channel };
    } catch {
      // not installed
    }
  }
  return null;
}

function fail(message) {
  console.error(`\n端到端测试无法运行：${message}\n` + 'End-to-end tests need a Chromium-family browser: install Debian\'s `chromium` (apt-get install -y chromium), Google Chrome or Microsoft Edge, or set ZHIXING_BROWSER=/path/to/chrome.\n');
  process.exit(2);
}

const browser = await findBrowser();
if (!browser) fail('没有找到 Chromium、Chrome 或 Edge。');
console.log(`e2e browser: ${browser.executablePath ?? `channel ${browser.channel}`}`);
const env = {
  ...process.env,
  ZHIXING_E2E_BROWSER: JSON.stringify(browser),
  ZHIXING_E2E_DATA: process.env.ZHIXING_E2E_DATA ?? mkdtempSync(join(tmpdir(), 'zhixing-e2e-')),
  ZHIXING_E2E_OUT: process.env.ZHIXING_E2E_OUT ?? join(process.cwd(), 'test-results', `e2e-artifacts-${process.pid}`),
  // The servers' audit key: outside their data folders, as in use (never the tester's own key).
  ZHIXING_AUDIT_KEY: process.env.ZHIXING_AUDIT_KEY ?? join(mkdtempSync(join(tmpdir(), 'zhixing-e2e-keys-')), 'audit.key'),
};
const args = ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts', ...process.argv.slice(2)];
const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', args, { stdio: 'inherit', env });
process.exit(r.status ?? 1);
