import { useEffect, useState } from 'react';
import { api, ApiCallError } from '../../api/client';
import { yuan } from '../../format';
import type { MethodOutput } from '../../../src-shared/api';
import { MEASURE_ACTION_LABELS } from '../../../src-shared/domain/assets';
import { MEASURE_STATUS_LABELS } from '../../../src-shared/api/methods/measures';
import type { CaseTabProps } from '../../caseTabs';

type Measure = MethodOutput<'measures.list'>['rows'][number];

/** 措施: the case's freezes, seizures and deductions with their terms, results and renewal clocks (read-only; work is done on 财产控制). */
export function MeasuresTab({ c }: CaseTabProps) {
  const [rows, setRows] = useState<Measure[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .call('measures.list', { caseId: c.id, limit: 1000 })
      .then((r) => setRows(r.rows))
      .catch((e: unknown) => setError(e instanceof ApiCallError ? e.message : String(e)));
  }, [c.id]);
  if (error)
    return (
      <div className="error-banner" role="alert">
        {error}
      </div>
    );
  if (rows === null) return <p className="muted">正在加载…</p>;
  if (rows.length === 0)
    return (
      <p className="muted" data-testid="case-measures">
        尚未采取控制措施。
      </p>
    );
  return (
    <table className="table" data-testid="case-measures">
      <thead>
        <tr>
          <th>措施</th>
          <th>协助单位 / 账号</th>
          <th className="num">金额（元）</th>
          <th className="num">实际（元）</th>
          <th>期限</th>
          <th>状态</th>
          <th>批次</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.id} className={m.renewalDue ? 'overdue' : m.status === 'released' ? 'muted' : ''} data-testid={`case-measure-${m.id}`}>
            <td>{MEASURE_ACTION_LABELS[m.action]}</td>
            <td>
              {m.institution} {m.identifier}
            </td>
            <td className="num">{yuan(m.amountFen)}</td>
            <td className="num">{yuan(m.actualFen)}</td>
            <td>
              {m.expiresOn ? `${m.startOn} 至 ${m.expiresOn}` : m.startOn}
              {m.renewals ? `（续行${m.renewals}次）` : ''}
              {m.renewalDue && m.daysToExpiry !== null ? `，${m.daysToExpiry} 日后到期，请续行` : ''}
            </td>
            <td>
              {MEASURE_STATUS_LABELS[m.status]}
              {m.releasedOn ? `（${m.releasedOn}${m.releaseReason ? `：${m.releaseReason}` : ''}）` : ''}
            </td>
            <td>{m.batchNumber}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
