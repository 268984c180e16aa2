import { useState } from 'react';
import { ApiCallError } from '../api/client';

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
  const run = async (fn: () => Promise<unknown>): Promise<void> => {
    setError(null);
    setMessage(null);
    setProblems([]);
    try {
      await fn();
      await refresh();
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : String(e));
      const rows = e instanceof ApiCallError ? (e.details as { rows?: RowProblem[] } | undefined)?.rows : undefined;
      if (rows) setProblems(rows);
    }
  };
  return { run, error, setError, message, setMessage, problems, setProblems };
}
