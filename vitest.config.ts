import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit and integration tests run under Node against real SQLite files in temp folders.
// End-to-end tests are separate (tests/e2e, Playwright + Chromium) and run after the build.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/docs/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['tests/helpers/globalSetup.ts'],
    // One audit key for the test run, outside every test's data folder (as it is outside the data
    // folder in use); child processes the tests start inherit it.
    env: { ZHIXING_AUDIT_KEY: process.env.ZHIXING_AUDIT_KEY ?? join(tmpdir(), 'zhixing-test-keys', 'audit.key') },
  },
});
