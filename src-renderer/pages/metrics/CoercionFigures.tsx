import { errorText } from '../../errorText';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { MethodInput, MethodOutput } from '../../../src-shared/api';
import { yuan } from '../../format';

type Figures = MethodOutput<'coercion.periodFigures'>;

/**
 * 强制措施 on the leaders' dashboard (desks.md §2 "metrics the leaders read"): people compelled,
 * detained and fined, and cases closed after a measure, for the dashboard's own period.
 */
export function CoercionFigures({ period }: { period: MethodInput<'coercion.periodFigures'>['period'] }) {
  const [f, setF] = useState<Figures | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    api
      .call('coercion.periodFigures', { period })
      .then((r) => live && setF(r))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [period]);
  if (error) return <div className="error-banner">强制措施数字：{error}</div>;
  if (!f) return null;
  const rows: [string, string, string][] = [
    ['拘传', `${f.compelled} 人次`, 'compelled'],
    ['拘留', `${f.detained} 人次`, 'detained'],
    ['罚款', `${f.fined} 人次，共 ${yuan(f.finedFen)} 元`, 'fined'],
    ['搜查', `${f.searched} 次`, 'searched'],
    ['移送拒执罪', `${f.referred} 件`, 'referred'],
    ['当场履行', `${f.paidOnSpot} 人次，共 ${yuan(f.paidOnSpotFen)} 元`, 'paid'],
    ['采取强制措施后结案', `${f.closedAfter} 件`, 'closed'],
  ];
  return (
    <fieldset data-testid="coercion-figures">
      <legend>
        强制措施（{f.period.label}，{f.period.from} 至 {f.period.to}）
      </legend>
      <table className="table">
        <tbody>
          {rows.map(([label, value, id]) => (
            <tr key={id}>
              <td>{label}</td>
              <td className="num" data-testid={`coercion-fig-${id}`}>
                {value}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
