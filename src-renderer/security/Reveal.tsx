import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { isMasked } from '../../src-shared/domain/masking';
import type { MethodOutput } from '../../src-shared/api';
import { errorText } from '../errorText';

type Revealed = MethodOutput<'cases.reveal'>;

export interface CaseReveal {
  full: Revealed | null;
  busy: boolean;
  error: string | null;
  reveal: () => void;
}

/**
 * The full identifiers of one case — ID numbers, birth dates, phones, the payout account, the payee
 * accounts of its ledger entries and its assets' account numbers — fetched on demand
 * (cases.reveal). Every API answer masks them; one call shows every masked value of the case and is
 * one 查看敏感信息 event in its log. The values live only in this component's state, never in a list,
 * and are dropped when the case changes.
 */
export function useCaseReveal(caseId: number): CaseReveal {
  const [full, setFull] = useState<Revealed | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setFull(null);
    setError(null);
  }, [caseId]);
  const reveal = useCallback(() => {
    setBusy(true);
    setError(null);
    api
      .call('cases.reveal', { caseId })
      .then(setFull)
      .catch((e: unknown) => setError(errorText(e)))
      .finally(() => setBusy(false));
  }, [caseId]);
  return { full, busy, error, reveal };
}

/** A masked value with its 查看 button; once revealed, the full value (`full`) in its place. */
export function MaskedValue(props: { value: string | null | undefined; full: string | null | undefined; reveal: CaseReveal; testId: string }) {
  const { value, full, reveal } = props;
  if (!value) return null;
  if (!isMasked(value)) return <span>{value}</span>;
  if (reveal.full && full) {
    return (
      <span className="revealed" title="完整信息（本次查看已记入案件日志）" data-testid={`${props.testId}-full`}>
        {full}
      </span>
    );
  }
  if (reveal.full) return <span data-testid={props.testId}>{value}</span>;
  return (
    <span className="masked">
      <span data-testid={props.testId}>{value}</span>
      <button type="button" className="link" disabled={reveal.busy} onClick={reveal.reveal} title="显示完整信息，查看行为将记入案件日志" data-testid={`${props.testId}-reveal`}>
        查看
      </button>
    </span>
  );
}
