import { describe, expect, it } from 'vitest';
import { WriteGate } from '../../src-main/db/writeGate';

// db/writeGate.ts: while an off-thread commit holds the gate, this thread's writers wait for it
// asynchronously; holders take turns; a failed holder still lets the others through.

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('the write gate', () => {
  it('lets a writer through at once when nothing holds it', async () => {
    const g = new WriteGate();
    expect(g.busy).toBe(false);
    await g.idle();
  });

  it('keeps writers waiting until the holder is done', async () => {
    const g = new WriteGate();
    let release!: () => void;
    const held = g.hold(() => new Promise<void>((ok) => (release = ok)));
    expect(g.busy).toBe(true);
    let through = false;
    const waiter = g.idle().then(() => (through = true));
    await tick();
    expect(through).toBe(false);
    release();
    await held;
    await waiter;
    expect(through).toBe(true);
    expect(g.busy).toBe(false);
  });

  it('runs holders one at a time, in turn', async () => {
    const g = new WriteGate();
    const log: string[] = [];
    const job = (name: string) =>
      g.hold(async () => {
        log.push(`${name} in`);
        await tick();
        log.push(`${name} out`);
      });
    await Promise.all([job('a'), job('b'), job('c')]);
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('opens again when the holder fails', async () => {
    const g = new WriteGate();
    await expect(g.hold(() => Promise.reject(new Error('磁盘已满')))).rejects.toThrow('磁盘已满');
    expect(g.busy).toBe(false);
    await g.idle();
  });
});

describe('the write gate, opening', () => {
  it('lets the waiting writers through one per turn of the event loop, in order', async () => {
    const g = new WriteGate();
    let release!: () => void;
    const held = g.hold(() => new Promise<void>((ok) => (release = ok)));
    const order: string[] = [];
    const busy = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    // Forty writers of 1 ms each: let through together they would hold the thread for 40 ms.
    const writers = Array.from({ length: 40 }, (_, i) =>
      g.idle().then(() => {
        busy(1);
        order.push(`w${i}`);
      }),
    );
    await tick();
    const timer = new Promise<void>((ok) => setTimeout(() => (order.push('timer'), ok()), 1));
    release();
    await held;
    await Promise.all([...writers, timer]);
    expect(order.filter((x) => x !== 'timer')).toEqual(writers.map((_, i) => `w${i}`));
    // The timer, due 1 ms after the gate opened, ran long before the last writer.
    expect(order.indexOf('timer')).toBeLessThan(10);
  });
});
