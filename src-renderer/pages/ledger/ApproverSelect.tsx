import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../session';

type Approver = { id: number; displayName: string };

let cached: Promise<Approver[]> | null = null;

/**
 * The approver of money leaving a case account: a real user among `ledger.approvers` (the bureau's
 * leaders), stored by id. The signed-in user is left out: nobody approves their own payout.
 */
export function ApproverSelect(props: { value: number | null; onChange: (id: number | null, name: string) => void; testId: string }) {
  const me = useSession().user.id;
  const [list, setList] = useState<Approver[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    cached ??= api.call('ledger.approvers', {});
    cached.then(setList).catch((e: unknown) => {
      cached = null;
      setError(e instanceof Error ? e.message : String(e));
    });
  }, []);
  const choices = list.filter((a) => a.id !== me);
  return (
    <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value ? Number(e.target.value) : null, e.target.selectedOptions[0]?.text ?? '')} data-testid={props.testId} title={error ?? undefined}>
      <option value="">{choices.length === 0 ? '（没有可选的审批人）' : '请选择审批人'}</option>
      {choices.map((a) => (
        <option key={a.id} value={a.id}>
          {a.displayName}
        </option>
      ))}
    </select>
  );
}
