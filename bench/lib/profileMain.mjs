// Loaded into the server with `node --import` by ZHIXING_BENCH_PROFILE (server.bench.mjs): a V8 CPU
// profile of the request thread only — the thread whose stalls the bench measures — sampled every
// 1 ms, written when the server stops (`--cpu-prof` writes one per worker thread as well). Sampling
// costs: at 100 clerks the thread's busy share rose from about 0.2 to 0.6, so a profiled run shows
// where the time goes, not the bench's figures.
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
