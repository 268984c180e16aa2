// Loaded into the server with `node --import` by ZHIXING_BENCH_PROFILE (server.bench.mjs): a V8 CPU
// profile of the request thread only, sampled every 1 ms, written when the server stops. `--cpu-prof`
// would profile every worker thread too, and at 100 clerks that tripled the server's CPU.
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.ZHIXING_BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  // Beside the server's own SIGTERM handler, which stops it as usual.
  process.once('SIGTERM', () => {
    session.post('Profiler.stop', (err, res) => {
      if (!err) writeFileSync(join(dir, `main-${process.pid}.cpuprofile`), JSON.stringify(res.profile));
      session.disconnect();
    });
  });
}
