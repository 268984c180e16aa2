import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app/app';
import { Presence } from '../../src-main/live/presence';
import { newerPresence, type Seen } from '../../src-renderer/live/presenceOrder';

// The answer to presence.set and the pushed change travel on different connections (an HTTP call
// and the event stream), so a page may receive them in either order. The page must end up showing
// the newer state, whatever the order of arrival.

function presenceWithPushes(): { presence: Presence; pushed: { caseId: number; viewers: { name: string }[]; seq: number }[] } {
  const pushed: { caseId: number; viewers: { name: string }[]; seq: number }[] = [];
  const app = {
    db: { raw: () => [{ team_id: 'kailu' }] },
    bus: { publish: (e: { data: (typeof pushed)[number] }) => pushed.push(e.data) },
    sessions: { onEnd: () => () => undefined },
  } as unknown as App;
  return { presence: new Presence(app), pushed };
}

describe('presence on a case page', () => {
  it('keeps the other viewer when the push about them arrives before the answer that predates them', () => {
    const { presence, pushed } = presenceWithPushes();
    // B opens the case first: the server answers "nobody else" …
    const answerToB = presence.set('token-b', 'window-b', { id: 2, displayName: '周敏' }, 7);
    expect(answerToB.viewers).toEqual([]);
    // … then A opens it, and the change is pushed to B's stream.
    presence.set('token-a', 'window-a', { id: 1, displayName: '张三' }, 7);
    const push = pushed.at(-1)!;
    const pushToB: Seen = { viewers: push.viewers.filter((v) => v.name !== '周敏') as Seen['viewers'], seq: push.seq };
    expect(pushToB.viewers.map((v) => v.name)).toEqual(['张三']);

    // B's page receives the push first and the (older) answer second: A stays shown.
    let shown: Seen = { viewers: [], seq: -1 };
    shown = newerPresence(shown, pushToB);
    shown = newerPresence(shown, answerToB);
    expect(shown.viewers.map((v) => v.name)).toEqual(['张三']);
    // In the other order the result is the same.
    expect(newerPresence(newerPresence({ viewers: [], seq: -1 }, answerToB), pushToB).viewers.map((v) => v.name)).toEqual(['张三']);
  });

  it('numbers every change, so an answer given after a push is not older than it', () => {
    const { presence, pushed } = presenceWithPushes();
    presence.set('token-a', 'window-a', { id: 1, displayName: '张三' }, 7);
    const later = presence.set('token-b', 'window-b', { id: 2, displayName: '周敏' }, 7);
    expect(later.seq).toBe(pushed.at(-1)!.seq);
    expect(later.viewers.map((v) => v.name)).toEqual(['张三']);
    presence.set('token-a', 'window-a', { id: 1, displayName: '张三' }, null);
    expect(pushed.at(-1)!.seq).toBeGreaterThan(later.seq);
    expect(pushed.at(-1)!.viewers.map((v) => v.name)).toEqual(['周敏']);
  });
});
