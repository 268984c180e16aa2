import { errorText } from '../../errorText';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../session';

type Person = { id: number; displayName: string };

/**
 * 案款审批人 (setting payoutApprovers): who approves payouts, deferrals, refunds and a change of the
 * payout account (法发〔2017〕6号, domain.md §7: the bureau chief or the president in charge). The
 * administrator ticks the leaders (active users with the 综合管理 role); none ticked = all of them.
 */
export function PayoutApproversSetting() {
  const { settings, reloadSettings, user } = useSession();
  const isAdmin = user.roles.includes('admin');
  const [leaders, setLeaders] = useState<Person[]>([]);
  const [chosen, setChosen] = useState<number[]>(settings.payoutApprovers);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => setChosen(settings.payoutApprovers), [settings.payoutApprovers]);
  useEffect(() => {
    api
      .call('users.list', {})
      .then((list) => setLeaders(list.filter((u) => u.active && u.roles.includes('management')).map((u) => ({ id: u.id, displayName: u.displayName }))))
      .catch(() => setLeaders([]));
  }, []);
  const save = async () => {
    try {
      await api.call('settings.set', { payoutApprovers: chosen });
      await reloadSettings();
      setMessage({ ok: true, text: '已保存' });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  };
  const toggle = (id: number, on: boolean) => setChosen(on ? [...chosen, id].sort((a, b) => a - b) : chosen.filter((x) => x !== id));

  return (
    <fieldset data-testid="settings-payout-approvers">
      <legend>案款审批人</legend>
      <p className="muted">
        案款发放、暂缓发放、退还及收款账户变更，须经局长或分管院领导审批（法发〔2017〕6号）。勾选可以审批的人员；都不勾选时，所有在职的综合管理人员均可审批。
        {isAdmin ? null : '（只有系统管理员可以修改）'}
      </p>
      {message ? (
        <div className={message.ok ? 'success' : 'error-banner'} role={message.ok ? undefined : 'alert'} data-testid="settings-payout-approvers-message">
          {message.text}
        </div>
      ) : null}
      {leaders.length === 0 ? <p className="muted">没有在职的综合管理人员。</p> : null}
      {leaders.map((p) => (
        <label key={p.id} className="check">
          <input type="checkbox" checked={chosen.includes(p.id)} disabled={!isAdmin} onChange={(e) => toggle(p.id, e.target.checked)} data-testid={`settings-payout-approver-${p.id}`} />
          {p.displayName}
        </label>
      ))}
      {isAdmin ? (
        <button type="button" className="primary" onClick={() => void save()} data-testid="settings-payout-approvers-save">
          保存案款审批人
        </button>
      ) : null}
    </fieldset>
  );
}
