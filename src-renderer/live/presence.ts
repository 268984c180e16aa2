import { useEffect, useState } from 'react';
import { api } from '../api/client';

// Who else has this case open (src-main/live/presence.ts): the page says which case it shows when
// it opens, renews it every 30 s and says null when it closes; the server pushes each change of
// the case's viewers on the `presence` topic.

export interface Viewer {
  userId: number;
  name: string;
  since: string;
}

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
  const [viewers, setViewers] = useState<Viewer[]>([]);
  useEffect(() => {
    const window = windowKey();
    let stopped = false;
    const announce = () =>
      void api
        .call('presence.set', { caseId, window })
        .then((r) => !stopped && setViewers(r.viewers))
        .catch(() => undefined);
    announce();
    const timer = setInterval(announce, 30_000);
    const off = api.onEvent('presence', (data) => {
      const d = data as { caseId: number; viewers: Viewer[] };
      if (d.caseId === caseId) setViewers(d.viewers.filter((v) => v.userId !== myUserId));
    });
    return () => {
      stopped = true;
      clearInterval(timer);
      off();
      void api.call('presence.set', { caseId: null, window }).catch(() => undefined);
    };
  }, [caseId, myUserId]);
  return viewers;
}
