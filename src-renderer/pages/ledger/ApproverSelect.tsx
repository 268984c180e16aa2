import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../session';

type Approver = { id: number; displayName: string };

// Asked once per value of the setting payoutApprovers (a change in 设置 asks again).
let cached: { key: string; list: Promise<Approver[]> } | null = null;
export function loadApprovers(key: string): Promise<Approver[]> {
  if (!cached || cached.key !== key) cached = { key, list: api.call('ledger.approvers', {}) };
  const mine = cached;
  return mine.list.catch((e: unknown) => {
    if (cached === mine) cached = null;
    throw e;
  });
}

/**
 * The approver of money leaving a case account: a real user among `ledger.approvers` (the bureau's
 * leaders), stored by id. The signed-in user is left out: nobody approves their own payout.
 */
export function ApproverSelect(props: { value: number | null; onChange: (id: number | null, name: string) => void; testId: string }) {
  const { user, settings } = useSession();
  const me = user.id;
  const key = JSON.stringify(settings.payoutApprovers);
  const [list, setList] = useState<Approver[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadApprovers(key)
      .then(setList)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [key]);
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
