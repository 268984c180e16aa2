import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { dateTime, yuan } from '../../format';
import type { MethodOutput } from '../../../src-shared/api';
import type { CaseTabProps } from '../../caseTabs';
import { MaskedValue, useCaseReveal } from '../../security/Reveal';
import { errorText } from '../../errorText';

type Asset = MethodOutput<'assets.list'>['rows'][number];

/** 查控与财产: the case's online queries (from its events) and its asset register with what is under control. */
export function AssetsTab({ c }: CaseTabProps) {
  const [assets, setAssets] = useState<Asset[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Account numbers arrive masked; 查看 shows them in full and the viewing is logged on the case.
  const reveal = useCaseReveal(c.id);
  useEffect(() => {
    api
      .call('assets.list', { caseId: c.id, limit: 1000 })
      .then((r) => setAssets(r.rows))
      .catch((e: unknown) => setError(errorText(e)));
  }, [c.id]);
  // The query history is the case's own record: each request and each feedback is an event.
  const queries = c.events.filter((e) => e.type === 'inquiry.requested' || e.type === 'inquiry.feedback');
  return (
    <div data-testid="case-assets">
      {error || reveal.error ? (
        <div className="error-banner" role="alert">
          {error ?? reveal.error}
        </div>
      ) : null}
      <h3>网络查控</h3>
      {queries.length === 0 ? (
        <p className="muted">尚未发起网络查控。</p>
      ) : (
        <table className="table" data-testid="case-queries">
          <thead>
            <tr>
              <th>日期</th>
              <th>事项</th>
              <th>批次</th>
              <th>结果</th>
            </tr>
          </thead>
          <tbody>
            {queries.map((e) => {
              const p = e.payload as { batchNumber?: string; findings?: number; nothingFound?: boolean; first?: boolean; requery?: boolean; simulated?: boolean };
              return (
                <tr key={e.id}>
                  <td>{e.type === 'inquiry.requested' ? dateTime(e.at) : e.onDate}</td>
                  <td>{e.type === 'inquiry.requested' ? (p.requery ? '终本复查查询' : p.first ? '首次网络查控' : '网络查控') : '查控反馈'}</td>
                  <td>{p.batchNumber ?? ''}</td>
                  <td>
                    {e.type === 'inquiry.feedback' ? (p.nothingFound ? '未发现财产' : `发现财产 ${p.findings ?? 0} 项`) : '已发出请求'}
                    {p.simulated ? '（模拟）' : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h3>财产清单</h3>
      {assets === null ? (
        <p className="muted">正在加载…</p>
      ) : assets.length === 0 ? (
        <p className="muted" data-testid="case-assets-empty">
          未查到财产。
        </p>
      ) : (
        <table className="table" data-testid="case-asset-list">
          <thead>
            <tr>
              <th>被执行人</th>
              <th>类别</th>
              <th>协助单位</th>
              <th>账号/标识</th>
              <th className="num">余额/价值（元）</th>
              <th className="num">他案冻结</th>
              <th className="num">本案控制</th>
              <th className="num">已扣划</th>
              <th>查得</th>
            </tr>
          </thead>
          <tbody>
            {assets.map((a) => (
              <tr key={a.id} data-testid={`case-asset-${a.id}`}>
                <td>{a.debtor}</td>
                <td>
                  {a.typeLabel}
                  {a.simulated ? '（模拟）' : ''}
                </td>
                <td>{a.institution}</td>
                <td>
                  <MaskedValue value={a.identifier} full={reveal.full?.assets.find((x) => x.id === a.id)?.identifier} reveal={reveal} testId={`case-asset-identifier-${a.id}`} />
                </td>
                <td className="num">{a.valueFen === null ? '—' : yuan(a.valueFen)}</td>
                <td className="num" title={a.otherFrozenNote ?? ''}>
                  {a.otherFrozenFen ? yuan(a.otherFrozenFen) : ''}
                </td>
                <td className="num">{a.controlledFen ? yuan(a.controlledFen) : ''}</td>
                <td className="num">{a.deductedFen ? yuan(a.deductedFen) : ''}</td>
                <td>
                  {a.foundOn} {a.sourceBatchNumber ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
