import { useMemo, useRef } from 'react';
import { api } from '../api/client';
import type { ClientInput, MethodName, MethodOutput } from '../../src-shared/api';
import { seenAsOf, type Seen } from '../../src-shared/api/caseVersions';

/**
 * What a stage page shows, as of when: the page reads its queue through `read`, which keeps the
 * answer's `asOf`; its writes state `seen()` — so a case another clerk changed after the queue was
 * loaded is refused (or, with `seen(true)`, left out of a batch) instead of acted on blindly.
 */
export function useView() {
  const asOf = useRef<number | null>(null);
  return useMemo(
    () => ({
      async read<N extends MethodName>(method: N, input: ClientInput<N>): Promise<MethodOutput<N>> {
        const a = await api.callMeta(method, input);
        asOf.current = a.asOf;
        return a.data;
      },
      seen(skipChanged = false): Seen | undefined {
        return asOf.current === null ? undefined : seenAsOf(asOf.current, skipChanged);
      },
    }),
    [],
  );
}
