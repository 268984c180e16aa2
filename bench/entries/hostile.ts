// The hostile-upload bench (docs/security.md), two commands:
//   files <dir>: writes the attack files of tests/helpers/hostileFiles.ts into <dir>;
//   serve <dir>: a web-mode server on a fresh data folder with a query clerk and a window clerk,
//     printing {"port"} and serving until killed (the upload worker is out/main/uploadWorker.js);
//     a message on its IPC channel answers the longest event-loop delay since the last one.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { App } from '../../src-main/app/app';
import { createUser } from '../../src-main/services/auth/users';
import { SYSTEM_ACTOR } from '../../src-main/events/log';
import { startWebServer } from '../../src-main/transports/http';
import * as H from '../../tests/helpers/hostileFiles';

const [command, dir] = process.argv.slice(2) as [string, string];
const MB = 1024 * 1024;

if (command === 'files') {
  const files: [string, Buffer][] = [
    ['far-row.xlsx', H.farRowXlsx()],
    ['huge-dimension.xlsx', H.hugeDimensionXlsx()],
    ['unclosed-rows.xlsx', H.unclosedRowsXlsx(150_000)],
    ['newlines-40mb.csv', H.newlineCsv(40 * MB)],
    ['newlines-20mb.csv', H.newlineCsv(20 * MB)],
    ['bomb-declared-300mb.xlsx', await H.zipBombXlsx(300 * MB)],
    ['bomb-lying-300mb.xlsx', await H.zipBombXlsx(300 * MB, { lie: true })],
    ['whitespace-160mb.xlsx', await H.zipBombXlsx(160 * MB)],
    ['long-shared-string.xlsx', H.longSharedStringXlsx(5000)],
    ['many-shared-strings.xlsx', H.manySharedStringsXlsx(1_000_001)],
  ];
  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
  console.log(JSON.stringify({ files: files.map(([name, b]) => ({ name, bytes: b.length })) }));
} else if (command === 'serve') {
  const app = new App({ dataDir: dir, mode: 'web', adminPassword: 'bench-pass-1', court: { name: '开鲁县人民法院', code: '内0523' }, quiet: true });
  for (const [username, roles] of [
    ['query', ['docsQuery']],
    ['clerk', ['window']],
  ] as const) {
    createUser(app.db, SYSTEM_ACTOR, app.clock.now(), { username, displayName: username, passwordHash: await app.passwords.hash('bench-pass-1'), roles: [...roles], teamId: null });
  }
  const server = await startWebServer(app, { port: 0, staticDir: dir });
  // How long the request thread was kept from its event loop: asked for after each upload.
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  // And how long it was busy (event-loop utilisation counts this thread only, not the upload worker).
  let elu = performance.eventLoopUtilization();
  process.on('message', (m) => {
    if (m === 'exit') process.exit(0);
    const busy = performance.eventLoopUtilization(elu);
    elu = performance.eventLoopUtilization();
    process.send!({ maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6, busyMs: busy.active });
    delay.reset();
  });
  console.log(JSON.stringify({ port: (server.address() as { port: number }).port }));
} else {
  throw new Error(`unknown command ${command}`);
}
