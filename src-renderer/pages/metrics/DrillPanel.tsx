import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { navigate } from '../../router';
import { yuan } from '../../format';
import type { MethodInput, MethodOutput } from '../../../src-shared/api';
import { errorText } from '../../errorText';

type Drill = MethodOutput<'metrics.drilldown'>;
export type DrillTarget = Omit<MethodInput<'metrics.drilldown'>, 'side' | 'offset' | 'limit'> & { title: string };

/** The cases behind a figure: denominator with the numerator rows marked, or the numerator alone. */
export function DrillPanel({ target, onClose }: { target: DrillTarget; onClose: () => void }) {
  const [side, setSide] = useState<'numerator' | 'denominator'>('numerator');
  const [data, setData] = useState<Drill | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    api
      .call('metrics.drilldown', { period: target.period, scope: target.scope, metricId: target.metricId, column: target.column, side, limit: 1000 })
      .then(setData)
      .catch((e: unknown) => setError(errorText(e)));
  }, [target, side]);
  return (
    <fieldset data-testid="drill-panel">
      <legend>
        穿透：{target.title}
        {data ? `（分子 ${data.numeratorCount} 件${data.denominatorCount !== null ? `，分母 ${data.denominatorCount} 件` : ''}）` : ''}
      </legend>
      <div className="toolbar">
        <button type="button" className={side === 'numerator' ? 'primary' : ''} onClick={() => setSide('numerator')} data-testid="drill-numerator">
          分子案件
        </button>
        {data?.denominatorCount !== null ? (
          <button type="button" className={side === 'denominator' ? 'primary' : ''} onClick={() => setSide('denominator')} data-testid="drill-denominator">
            分母案件
          </button>
        ) : null}
        <button type="button" onClick={onClose} data-testid="drill-close">
          关闭
        </button>
        {data && data.total > data.rows.length ? <span className="muted">仅显示前 {data.rows.length} 件，共 {data.total} 件</span> : null}
      </div>
      {error ? <div className="error-banner">{error}</div> : null}
      <table className="table" data-testid="drill-rows">
        <thead>
          <tr>
            <th>案号</th>
            <th>类型</th>
            <th>立案日期</th>
            <th>结案日期</th>
            <th>结案方式</th>
            <th>标的（元）</th>
            <th>到位（元）</th>
            <th>天数</th>
            <th>团队</th>
            <th>计入分子</th>
          </tr>
        </thead>
        <tbody>
          {(data?.rows ?? []).map((r) => (
            <tr key={r.caseId} data-testid="drill-row">
              <td>
                <a href={`#/cases/${r.caseId}`} onClick={(e) => (e.preventDefault(), navigate(`/cases/${r.caseId}`))}>
                  {r.number}
                </a>
              </td>
              <td>{r.type}</td>
              <td>{r.filedOn}</td>
              <td>{r.closedOn ?? ''}</td>
              <td>{r.mode ?? ''}</td>
              <td className="num">{yuan(r.claimFen)}</td>
              <td className="num">{yuan(r.recoveredFen)}</td>
              <td className="num">{r.days ?? ''}</td>
              <td>{r.teamId ?? ''}</td>
              <td>{r.inNumerator ? '是' : '否'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
