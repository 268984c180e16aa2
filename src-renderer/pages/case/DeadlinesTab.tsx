import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { CaseTabProps } from '../../caseTabs';
import { Field } from '../../components/Field';
import { dateTime } from '../../format';
import { useSession } from '../../session';
import { suspensionsOf, type CaseEventLite } from '../../../src-shared/domain/deadlines';
import { SUSPENSION_KINDS, type SuspensionKind } from '../../../src-shared/domain/deadlineRules';
import type { MethodOutput } from '../../../src-shared/api';
import { shown, type ShownError } from '../triage/errors';
import { plainText } from '../../../src-shared/plainText';
import { DateInput } from '../../components/DateInput';

type Clock = MethodOutput<'deadlines.forCase'>[number];

const STATUS_CLASS: Record<string, string> = { overdue: 'overdue', today: 'due-soon', soon: 'due-soon', late: 'overdue', met: 'ok', paused: 'muted', cancelled: 'muted' };

/**
 * 节点期限: the case's clocks, derived from its events (never typed in), and the periods that do not
 * count (公告、中止、暂缓…, 法发〔2006〕35号 Art. 13; 严格执行审限规定 Art. 9) started and ended here.
 */
export function DeadlinesTab({ c, seen, reload }: CaseTabProps) {
  const { info } = useSession();
  const [clocks, setClocks] = useState<Clock[] | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [kind, setKind] = useState<SuspensionKind>('公告');
  const [onDate, setOnDate] = useState(info.today);
  const [reason, setReason] = useState('');
  const [endOn, setEndOn] = useState<Record<string, string>>({});
  const closed = c.stage === 'closed' || c.stage === 'archived';

  const load = useCallback(() => {
    api
      .call('deadlines.forCase', { caseId: c.id })
      .then(setClocks)
      .catch((e: unknown) => setError(shown(e)));
  }, [c.id]);
  useEffect(load, [load, c.events.length]);

  const suspensions = useMemo(
    () => suspensionsOf(c.events.map((e): CaseEventLite => ({ id: e.id, type: e.type, at: e.at, onDate: e.onDate, payload: (e.payload ?? {}) as Record<string, unknown> }))),
    [c.events],
  );
  const running = suspensions.filter((s) => s.to === null);

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      setReason('');
      reload();
    } catch (e) {
      setError(shown(e));
    }
  };
  const at = (f: string) => (error?.field === f ? error.message : undefined);

  return (
    <div data-testid="case-deadlines">
      <table className="table" data-testid="clocks">
        <thead>
          <tr>
            <th>节点</th>
            <th>期限</th>
            <th>起算</th>
            <th>届满</th>
            <th>状态</th>
            <th>完成</th>
            <th className="num">扣除天数</th>
            <th className="num">剩余工作日</th>
            <th>依据</th>
          </tr>
        </thead>
        <tbody>
          {(clocks ?? []).map((k) => (
            <tr key={`${k.ruleId}-${k.seq}`} data-testid={`clock-${k.ruleId}-${k.seq}`}>
              <td>{k.name}</td>
              <td className="nowrap">{k.limit}</td>
              <td className="nowrap">{k.startOn}</td>
              <td className="nowrap">{k.dueAt ? dateTime(k.dueAt) : (k.dueOn ?? '暂停计算')}</td>
              <td className={`nowrap ${STATUS_CLASS[k.bucket ?? k.status] ?? ''}`} data-testid="clock-status">
                {k.statusLabel}
              </td>
              <td className="nowrap">{k.doneOn ?? ''}</td>
              <td className="num">{k.excludedDays || ''}</td>
              <td className={`num${(k.workingDaysLeft ?? 0) < 0 ? ' overdue' : ''}`}>{k.workingDaysLeft ?? ''}</td>
              <td className="muted">{plainText(k.source)}</td>
            </tr>
          ))}
          {clocks && clocks.length === 0 ? (
            <tr>
              <td colSpan={9} className="muted">
                该案没有期限。
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>

      <h3>不计入期限的期间</h3>
      {error && !['onDate', 'reason', 'kind'].includes(error.field ?? '') ? (
        <div className="error-banner" role="alert" data-testid="suspend-error">
          {error.message}
        </div>
      ) : null}
      <table className="table" data-testid="suspensions">
        <thead>
          <tr>
            <th>事由</th>
            <th>开始</th>
            <th>结束</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {suspensions.map((s) => (
            <tr key={`${s.kind}-${s.from}`}>
              <td>{s.kind}</td>
              <td>{s.from}</td>
              <td>{s.to ?? '进行中'}</td>
              <td>
                {s.to === null && !closed ? (
                  <span>
                    <DateInput value={endOn[s.kind] ?? info.today} onChange={(e) => setEndOn({ ...endOn, [s.kind]: e.target.value })} data-testid={`unsuspend-date-${s.kind}`} />{' '}
                    <button
                      type="button"
                      onClick={() => void act(() => api.call('cases.unsuspend', { caseIds: [c.id], kind: s.kind, onDate: endOn[s.kind] ?? info.today, reason: `${s.kind}期间结束`, seen }))}
                      data-testid={`unsuspend-${s.kind}`}
                    >
                      恢复计算
                    </button>
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
          {suspensions.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted">
                没有。
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {!closed ? (
        <fieldset data-testid="suspend-form">
          <legend>登记暂停计算</legend>
          <div className="row">
            <Field label="事由" error={at('kind')}>
              <select value={kind} onChange={(e) => setKind(e.target.value as SuspensionKind)} data-testid="suspend-kind">
                {SUSPENSION_KINDS.map((k) => (
                  <option key={k} disabled={running.some((s) => s.kind === k)}>
                    {k}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="开始日期" error={at('onDate')}>
              <DateInput value={onDate} onChange={(e) => setOnDate(e.target.value)} data-testid="suspend-date" />
            </Field>
            <Field label="说明" required wide error={at('reason')}>
              <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="例如：公告送达执行通知书" data-testid="suspend-reason" />
            </Field>
          </div>
          <button type="button" onClick={() => void act(() => api.call('cases.suspend', { caseIds: [c.id], kind, onDate, reason, seen }))} data-testid="suspend-submit">
            暂停计算
          </button>
        </fieldset>
      ) : null}
    </div>
  );
}
