import { useEffect, useState } from 'react';
import { CONNECTION_TOPIC, type ConnectionEvent } from '../../src-shared/desktopBridge';
import { api } from '../api/client';
import { newerPresence, type Seen, type Viewer } from './presenceOrder';

// Who else has this case open (src-main/live/presence.ts): the page says which case it shows when
// it opens, renews it every 30 s and says null when it closes; the server pushes each change of
// the case's viewers on the `presence` topic. The answer to `presence.set` and the pushed changes
// travel on different connections, so each carries the server's change number and the newer wins.
// When the event stream (re)connects the page says again which case it shows: a change announced
// before the stream was open never reached it.

const WINDOW_KEY = 'zhixing.window';

/** A random key of this window (one user may have several open). */
export function windowKey(): string {
  let k = sessionStorage.getItem(WINDOW_KEY);
  if (!k) {
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    k = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    sessionStorage.setItem(WINDOW_KEY, k);
  }
  return k;
}

export function usePresence(caseId: number, myUserId: number): Viewer[] {
  const [seen, setSeen] = useState<Seen>({ viewers: [], seq: -1 });
  useEffect(() => {
    const window = windowKey();
    let stopped = false;
    setSeen({ viewers: [], seq: -1 });
    const take = (arrived: Seen) => !stopped && setSeen((shown) => newerPresence(shown, arrived));
    const announce = () =>
      void api
        .call('presence.set', { caseId, window })
        .then((r) => take(r))
        .catch(() => undefined);
    announce();
    const timer = setInterval(announce, 30_000);
    const off = api.onEvent('presence', (data) => {
      const d = data as { caseId: number; viewers: Viewer[]; seq: number };
      if (d.caseId === caseId) take({ viewers: d.viewers.filter((v) => v.userId !== myUserId), seq: d.seq });
    });
    const offLink = api.onEvent(CONNECTION_TOPIC, (e) => {
      if ((e as ConnectionEvent).state === 'connected') announce();
    });
    return () => {
      stopped = true;
      clearInterval(timer);
      off();
      offLink();
      void api.call('presence.set', { caseId: null, window }).catch(() => undefined);
    };
  }, [caseId, myUserId]);
  return seen.viewers;
}
