import { dateTime } from '../../format';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { MethodOutput } from '../../../src-shared/api';
import { errorText } from '../../errorText';

type ExportRow = MethodOutput<'reports.exports'>[number];

/** A file of the report set by what it is (its name, with the court code and period, downloads as is). */
function reportFileLabel(name: string): string {
  if (/manifest/iu.test(name)) return '清单文件（校验值与签名）';
  if (/\.xlsx$/iu.test(name)) return 'Excel 表格';
  if (/\.json$/iu.test(name)) return '数据文件';
  if (/\.pdf$/iu.test(name)) return 'PDF 文件';
  return '文件';
}

/** 上报: generate the file set for a period code (a job), and the history with downloads. */
export function ReportsPanel({ year, month }: { year: number; month: number }) {
  const [code, setCode] = useState(`${year}${String(month).padStart(2, '0')}`);
  const [rows, setRows] = useState<ExportRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => api.call('reports.exports', {}).then(setRows);
  useEffect(() => {
    void refresh().catch((e: unknown) => setError(errorText(e)));
    return api.onEvent('job', (data) => {
      const j = data as { kind: string; status: string };
      if (j.kind === 'reports.exportMonthly' && j.status === 'done') void refresh();
    });
  }, []);
  const start = async () => {
    setError(null);
    setMessage(null);
    try {
      await api.call('reports.exportMonthly', { periodCode: code });
      setMessage('已开始生成上报文件，进度见右下角任务栏');
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div data-testid="reports-panel">
      <div className="toolbar">
        <label className="field">
          <span className="field-label">统计期代码（月 202611、季 2026Q4、年 2026）</span>
          <input value={code} onChange={(e) => setCode(e.target.value.trim())} data-testid="export-code" />
        </label>
        <button type="button" className="primary" onClick={() => void start()} data-testid="export-start">
          生成上报文件
        </button>
      </div>
      {error ? (
        <div className="error-banner" role="alert" data-testid="export-error">
          {error}
        </div>
      ) : null}
      {message ? <div className="success">{message}</div> : null}
      <table className="table" data-testid="export-history">
        <thead>
          <tr>
            <th>统计期</th>
            <th>法院</th>
            <th>导出人</th>
            <th>时间</th>
            <th>指标数</th>
            <th>明细行</th>
            <th>文件（SHA-256）</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="export-row">
              <td>{r.periodCode}</td>
              <td>{r.courtName}</td>
              <td>{r.createdBy}</td>
              <td>{dateTime(r.createdAt)}</td>
              <td className="num">{r.figureCount}</td>
              <td className="num">{r.detailRows}</td>
              <td>
                {r.files.map((f) => (
                  <div key={f.name}>
                    <a href="#" title={f.name} onClick={(e) => (e.preventDefault(), void api.call('reports.download', { exportId: r.id, file: f.name }))} data-testid="export-download">
                      {reportFileLabel(f.name)}
                    </a>{' '}
                    <code className="muted">{f.sha256.slice(0, 12)}…</code>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        每项比率同时给出分子、分母，上级按 Σ分子/Σ分母 汇总；自然人姓名只保留姓氏加“某”，身份证号只保留前6位，不含电话、住址、账号。
      </p>
    </div>
  );
}
