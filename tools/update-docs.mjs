// `npm run docs`: regenerates the generated references (docs/api.md from the method registry,
// docs/permissions.md from the role × method table) by running their tests in update mode.
// A plain Node launcher so it works the same in cmd.exe, PowerShell and bash.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['vitest', 'run', 'tests/docs', 'tests/integration/permissions.test.ts'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, UPDATE_DOCS: '1' },
});
process.exit(r.status ?? 1);
