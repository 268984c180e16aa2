import { useEffect, useRef } from 'react';
import { api } from '../api/client';
import { CONNECTION_TOPIC, type ConnectionEvent } from '../../src-shared/desktopBridge';
import { decodeCaseChanges, type CaseChange } from '../../src-shared/live/caseFeedWire';

export type { CaseChange };

// Pages stay current without a reload: the server pushes, after every committed change, which
// cases changed (`cases` topic, only the cases this user may see: src-main/live/caseFeed.ts), and
// after a broken link the stream resumes with `resumed: true` (changes may have been missed). A page
// names what it shows and reloads it — debounced, so a batch of a thousand changes is one reload.

/**
 * Calls `reload` when a case the page shows changes (`caseIds` given) or any case it may see
 * changes (no `caseIds`: grids, queues, badges), and after a resumed connection. `onChange` sees
 * the changes themselves first (the case page tells the clerk who changed it).
 */
export function useLive(reload: () => void, opts: { caseIds?: readonly number[] | null; delayMs?: number; minIntervalMs?: number; onChange?: (changes: CaseChange[]) => void } = {}): void {
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  const optsRef = useRef(opts);
  optsRef.current = opts;
  useEffect(() => {
    // At most one reload per minIntervalMs (a grid of the whole register: 2 s by default, so a court
    // of a hundred busy clerks does not turn every change into a hundred reloads a second).
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastAt = 0;
    const soon = () => {
      if (timer) return;
      const o = optsRef.current;
      const min = o.minIntervalMs ?? (o.caseIds ? 0 : 2000);
      const wait = Math.max(o.delayMs ?? 300, lastAt + min - Date.now());
      timer = setTimeout(() => {
        timer = null;
        lastAt = Date.now();
        reloadRef.current();
      }, wait);
    };
    const offCases = api.onEvent('cases', (data) => {
      const changed = decodeCaseChanges(data);
      const ids = optsRef.current.caseIds;
      const mine = ids ? changed.filter((c) => ids.includes(c.id)) : changed;
      if (mine.length === 0) return;
      optsRef.current.onChange?.(mine);
      soon();
    });
    const offLink = api.onEvent(CONNECTION_TOPIC, (e) => {
      if ((e as ConnectionEvent).state === 'connected' && (e as ConnectionEvent).resumed) soon();
    });
    return () => {
      offCases();
      offLink();
      if (timer) clearTimeout(timer);
    };
  }, []);
}
