import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import type { App } from '../app/app';
import type { Logger } from '../app/logger';

// What an operator needs to see that nothing stalls: every `everyMs` one `stats` line in the log —
// the longest and the 99th-percentile delay of the request thread's event loop since the last line
// (a delay is time every client waited), how busy the thread was, the garbage collector's longest
// pause and its total (a pause is a delay too), on Linux the time the thread was ready to run but
// waited for a core (the machine is short of CPU: not our code), memory, open event streams.

/** The request thread's time spent waiting for a core, in ms (Linux: /proc/thread-self/schedstat, field 2); null elsewhere. */
function runQueueMs(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return null;
  }
}

export function logServerStats(app: App, logger: Logger, everyMs: number): () => void {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let elu = performance.eventLoopUtilization();
  let waited = runQueueMs();
  let gcMax = 0;
  let gcTotal = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcMax = Math.max(gcMax, e.duration);
      gcTotal += e.duration;
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  const timer = setInterval(() => {
    const busy = performance.eventLoopUtilization(elu);
    elu = performance.eventLoopUtilization();
    const mem = process.memoryUsage();
    const waitedNow = runQueueMs();
    logger.info('stats', {
      loopMaxMs: Math.round((delay.max / 1e6) * 10) / 10,
      loopP99Ms: Math.round((delay.percentile(99) / 1e6) * 10) / 10,
      busy: Math.round(busy.utilization * 1000) / 1000,
      gcMaxMs: Math.round(gcMax * 10) / 10,
      gcMs: Math.round(gcTotal * 10) / 10,
      ...(waited !== null && waitedNow !== null ? { waitCpuMs: Math.round((waitedNow - waited) * 10) / 10 } : {}),
      rssMb: Math.round(mem.rss / 1048576),
      heapMb: Math.round(mem.heapUsed / 1048576),
      streams: app.bus.listeners(),
      // Writes that began while the write worker held the database (db/writeGate.ts); 0 when all wait at the gate.
      gateMissed: app.db.gate.missed,
      // The monotonic clock in µs, the clock of a V8 CPU profile (node --cpu-prof): a stall logged here is found there.
      monoUs: Number(process.hrtime.bigint() / 1000n),
    });
    delay.reset();
    waited = waitedNow;
    gcMax = 0;
    gcTotal = 0;
  }, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    delay.disable();
    gc.disconnect();
  };
}
