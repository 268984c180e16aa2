import { describe, expect, it } from 'vitest';
import { RequestTurns } from '../../src-main/transports/requestTurns';

// transports/requestTurns.ts: requests that arrive together start one per turn of the event loop,
// first come first served, so a timer (or any other socket) is served between them.

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('request turns', () => {
  it('starts a lone request at once, in the same turn', async () => {
    const turns = new RequestTurns();
    const order: string[] = [];
    const timer = new Promise<void>((ok) => setTimeout(() => (order.push('timer'), ok()), 0));
    await turns.take().then(() => order.push('request'));
    await timer;
    expect(order).toEqual(['request', 'timer']);
  });

  it('starts requests that came together one per turn, in order, with a due timer served between them', async () => {
    const turns = new RequestTurns();
    const order: string[] = [];
    // Forty requests of 1 ms each: run straight after each other they would hold the thread for 40 ms.
    const requests = Array.from({ length: 40 }, (_, i) =>
      turns.take().then(() => {
        busy(1);
        order.push(`r${i}`);
      }),
    );
    expect(turns.queued).toBe(40);
    const timer = new Promise<void>((ok) => setTimeout(() => (order.push('timer'), ok()), 1));
    await Promise.all([...requests, timer]);
    expect(order.filter((x) => x !== 'timer')).toEqual(requests.map((_, i) => `r${i}`));
    // The timer, due 1 ms after they arrived, ran long before the last request.
    expect(order.indexOf('timer')).toBeLessThan(10);
    expect(turns.queued).toBe(0);
  });
});
