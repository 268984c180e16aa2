import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { App } from '../app/app';
import type { Logger } from '../app/logger';

// What an operator needs to see that nothing stalls: every `everyMs` one `stats` line in the log —
// the longest and the 99th-percentile delay of the request thread's event loop since the last line
// (a delay is time every client waited), how busy the thread was, memory, open event streams.

export function logServerStats(app: App, logger: Logger, everyMs: number): () => void {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let elu = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const busy = performance.eventLoopUtilization(elu);
    elu = performance.eventLoopUtilization();
    const mem = process.memoryUsage();
    logger.info('stats', {
      loopMaxMs: Math.round((delay.max / 1e6) * 10) / 10,
      loopP99Ms: Math.round((delay.percentile(99) / 1e6) * 10) / 10,
      busy: Math.round(busy.utilization * 1000) / 1000,
      rssMb: Math.round(mem.rss / 1048576),
      heapMb: Math.round(mem.heapUsed / 1048576),
      streams: app.bus.listeners(),
      // Writes that began while the write worker held the database (db/writeGate.ts); 0 when all wait at the gate.
      gateMissed: app.db.gate.missed,
      // The monotonic clock in µs, the clock of a V8 CPU profile (node --cpu-prof): a stall logged here is found there.
      monoUs: Number(process.hrtime.bigint() / 1000n),
    });
    delay.reset();
  }, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    delay.disable();
  };
}
