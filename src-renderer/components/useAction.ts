import { useState } from 'react';
import { ApiCallError } from '../api/client';
import { errorText } from '../errorText';

/** One refused row of an import or bulk list (`details.rows` of an invalid_input error). */
export interface RowProblem {
  row: number;
  column: string;
  reason: string;
}

/**
 * The feedback of a stage page's actions: run one action, then reload the page's data; a refusal
 * shows its Chinese message and, for a refused file or list, the rows named in its details.
 */
export function useAction(refresh: () => Promise<unknown>) {
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  /** The last refusal itself: a conflict (a case changed since the page was loaded) offers 刷新 / 跳过 (live/conflict.tsx). */
  const [failure, setFailure] = useState<unknown>(null);
  const run = async (fn: () => Promise<unknown>): Promise<void> => {
    setError(null);
    setMessage(null);
    setProblems([]);
    setFailure(null);
    try {
      await fn();
      await refresh();
    } catch (e) {
      setFailure(e);
      setError(errorText(e));
      const rows = e instanceof ApiCallError ? (e.details as { rows?: RowProblem[] } | undefined)?.rows : undefined;
      if (rows) setProblems(rows);
    }
  };
  return { run, error, setError, message, setMessage, problems, setProblems, failure, setFailure };
}
