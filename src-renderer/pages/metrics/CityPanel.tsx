import { useState } from 'react';
import { api } from '../../api/client';
import type { MethodOutput } from '../../../src-shared/api';
import { fileBase64 } from '../../components/FileButton';
import { errorText } from '../../errorText';

type Imported = MethodOutput<'city.import'>['courts'][number];
type Ranking = MethodOutput<'city.ranking'>;
const STATUS = { ok: '核对一致', flagged: '指标与明细不符', rejected: '文件未通过核对' } as const;

/** 中院汇总: import courts' file sets (verified and recomputed), then compare against 合理区间. */
export function CityPanel({ defaultCode }: { defaultCode: string }) {
  const [results, setResults] = useState<Imported[]>([]);
  const [code, setCode] = useState(defaultCode);
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const [error, setError] = useState<string | null>(null);
  const importFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setError(null);
    try {
      const files = await Promise.all([...list].map(async (f) => ({ name: f.name, dataBase64: await fileBase64(f) })));
      setResults((await api.call('city.import', { files })).courts);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const rank = async () => {
    setError(null);
    try {
      setRanking(await api.call('city.ranking', { periodCode: code }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div data-testid="city-panel">
      <fieldset>
        <legend>导入基层法院上报文件（可一次选择多个法院的清单文件、数据文件和 Excel 表格）</legend>
        <input type="file" multiple accept=".json,.xlsx" onChange={(e) => void importFiles(e.target.files)} data-testid="city-files" />
        {results.map((r) => (
          <div key={r.importId} className={r.status === 'ok' ? 'success' : 'error-banner'} data-testid="city-result">
            {r.courtName || r.courtCode} {r.periodCode}：{STATUS[r.status]}
            {r.problems.map((p, i) => (
              <div key={i}>· {p.message}</div>
            ))}
          </div>
        ))}
      </fieldset>
      <div className="toolbar">
        <input value={code} onChange={(e) => setCode(e.target.value.trim())} data-testid="city-code" />
        <button type="button" className="primary" onClick={() => void rank()} data-testid="city-rank">
          对照合理区间
        </button>
      </div>
      {error ? <div className="error-banner">{error}</div> : null}
      {ranking ? (
        <>
          <table className="table" data-testid="city-ranking">
            <thead>
              <tr>
                <th>指标</th>
                <th>合理区间</th>
                <th>全市（Σ分子/Σ分母）</th>
                {ranking.courts.map((c) => (
                  <th key={c.courtCode}>{c.courtName}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ranking.metrics.map((m) => (
                <tr key={`${m.metricId}|${m.column}`}>
                  <td>{m.name}</td>
                  <td>{m.range ? `${m.range.min ?? '—'} ~ ${m.range.max ?? '—'}` : '未设置'}</td>
                  <td className="num">
                    {m.city.value ?? '—'} {m.city.denominator !== null ? `(${m.city.numerator}/${m.city.denominator})` : ''}
                  </td>
                  {m.courts.map((c) => (
                    <td key={c.courtCode} className="num" style={{ color: c.inRange === false ? 'var(--err)' : undefined }}>
                      {c.value ?? '—'}
                      {c.rank !== null ? `（第${c.rank}）` : ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {ranking.scores ? (
            <p data-testid="city-scores">
              加权得分（各项按最优值折算为100分后按设置的权重加权平均）：{ranking.scores.map((s) => `${s.rank}. ${s.courtName} ${s.score}`).join('；')}
            </p>
          ) : (
            <p className="muted">排名与加权得分未开启（设置 → city.rankingEnabled、weights；系统不预设权重）。</p>
          )}
        </>
      ) : null}
    </div>
  );
}
