import { defineConfig } from '@playwright/test';

// The web mode on a fresh data folder, driven in a real Chromium (the browser is found by run.mjs).
const browser = JSON.parse(process.env.ZHIXING_E2E_BROWSER ?? '{"executablePath":"/usr/bin/chromium"}') as { executablePath?: string; channel?: string };
const dataDir = process.env.ZHIXING_E2E_DATA ?? 'test-results/e2e-data';
const port = Number(process.env.ZHIXING_E2E_PORT ?? 8620);
export const ADMIN_PASSWORD = 'e2e-admin-pass';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Artifacts (traces) per run, so two runs on one machine never delete each other's files.
  outputDir: process.env.ZHIXING_E2E_OUT ?? '../../test-results/e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      ...browser,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `node out/main/web.js --data ${dataDir} --port ${port} --admin-password ${ADMIN_PASSWORD} --court-name 开鲁县人民法院 --court-code 内0523 --test-clock --quiet`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}/api`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
