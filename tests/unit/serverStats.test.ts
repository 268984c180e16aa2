import { describe, expect, it } from 'vitest';
import { platform } from 'node:os';
import type { App } from '../../src-main/app/app';
import type { Logger } from '../../src-main/app/logger';
import { logServerStats } from '../../src-main/server/stats';

// server/stats.ts: each `stats` line tells an operator how long the request thread was held, by what
// kind of cause — its own work (loopMaxMs), the garbage collector (gcMaxMs), or no free core (waitCpuMs).

describe('the server stats line', () => {
  it('reports a 60 ms hold of the thread, the collector’s figures and, on Linux, the wait for a core', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = { info: (msg: string, fields?: Record<string, unknown>) => msg === 'stats' && lines.push(fields ?? {}) } as unknown as Logger;
    const app = { bus: { listeners: () => 3 }, db: { gate: { missed: 0 } } } as unknown as App;
    const stop = logServerStats(app, logger, 200);
    try {
      await new Promise((r) => setTimeout(r, 20));
      const end = performance.now() + 60;
      while (performance.now() < end);
      await new Promise((r) => setTimeout(r, 450));
    } finally {
      stop();
    }
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...lines.map((l) => l.loopMaxMs as number))).toBeGreaterThanOrEqual(50);
    for (const l of lines) {
      expect(l).toMatchObject({ streams: 3, gateMissed: 0 });
      expect(typeof l.gcMaxMs).toBe('number');
      expect(l.gcMs as number).toBeGreaterThanOrEqual(l.gcMaxMs as number);
      if (platform() === 'linux') expect(l.waitCpuMs as number).toBeGreaterThanOrEqual(0);
    }
  });
});
