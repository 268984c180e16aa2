import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { dateTime } from '../../format';
import type { MethodOutput } from '../../../src-shared/api';
import { SERVICE_METHODS, type ServiceMethod } from '../../../src-shared/domain/documentKinds';
import type { CaseTabProps } from '../../caseTabs';
import { errorText } from '../../errorText';
import { DateInput } from '../../components/DateInput';

type Doc = MethodOutput<'documents.list'>['rows'][number];

/** 文书与送达: the case's documents (all versions), downloads, and recording service. */
export function DocumentsTab({ c, seen, reload }: CaseTabProps) {
  const [docs, setDocs] = useState<Doc[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState<{ id: number; method: ServiceMethod; servedOn: string; trackingNumber: string; recipient: string } | null>(null);
  const load = () => void api.call('documents.list', { caseId: c.id, includeSuperseded: true, limit: 500 }).then((r) => setDocs(r.rows));
  useEffect(load, [c.id]);
  const save = async () => {
    if (!form) return;
    setError(null);
    try {
      await api.call('documents.markServed', {
        items: [{ documentId: form.id, method: form.method, ...(form.servedOn ? { servedOn: form.servedOn } : {}), ...(form.trackingNumber ? { trackingNumber: form.trackingNumber } : {}), ...(form.recipient ? { recipient: form.recipient } : {}) }],
        seen,
      });
      setForm(null);
      load();
      reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div data-testid="case-documents">
      {error ? (
        <div className="error-banner" role="alert">
          {error}
        </div>
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th>文书</th>
            <th>登记号</th>
            <th>版本</th>
            <th>制作</th>
            <th>送达</th>
            <th>履行期限</th>
            <th>文件</th>
          </tr>
        </thead>
        <tbody>
          {docs.map((d) => (
            <tr key={d.id} className={d.status === 'superseded' ? 'muted' : ''} data-testid={`case-doc-${d.kind}`}>
              <td>{d.kind}</td>
              <td>{d.number}</td>
              <td>
                {d.version}
                {d.status === 'superseded' ? '（已被取代）' : ''}
                {d.reason ? `：${d.reason}` : ''}
              </td>
              <td>
                {dateTime(d.generatedAt)} {d.generatedBy}
              </td>
              <td>
                {d.service ? `${d.service.method} ${d.service.servedOn ?? `已交邮 ${d.service.trackingNumber ?? ''}`}` : '未送达'}
                {d.status === 'current' && !d.service?.servedOn ? (
                  <button className="link" onClick={() => setForm({ id: d.id, method: d.service?.method === '邮寄送达' ? '邮寄送达' : '直接送达', servedOn: '', trackingNumber: d.service?.trackingNumber ?? '', recipient: '' })} data-testid={`serve-${d.id}`}>
                    登记送达
                  </button>
                ) : null}
              </td>
              <td>{d.performanceDueOn ?? ''}</td>
              <td>
                <button className="link" onClick={() => void api.call('documents.file', { documentId: d.id, format: 'pdf' })}>
                  PDF
                </button>{' '}
                <button className="link" onClick={() => void api.call('documents.file', { documentId: d.id, format: 'docx' })}>
                  DOCX
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {form ? (
        <div className="form-row" data-testid="serve-form">
          <select value={form.method} onChange={(e) => setForm({ ...form, method: e.target.value as ServiceMethod })}>
            {SERVICE_METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
          <DateInput value={form.servedOn} onChange={(e) => setForm({ ...form, servedOn: e.target.value })} aria-label={form.method === '公告送达' ? '公告日期' : '送达日期'} />
          {form.method === '邮寄送达' ? <input placeholder="EMS单号" value={form.trackingNumber} onChange={(e) => setForm({ ...form, trackingNumber: e.target.value })} /> : null}
          <input placeholder="受送达人/签收人" value={form.recipient} onChange={(e) => setForm({ ...form, recipient: e.target.value })} />
          <button onClick={() => void save()} data-testid="serve-save">
            保存
          </button>
          <button className="link" onClick={() => setForm(null)}>
            取消
          </button>
        </div>
      ) : null}
    </div>
  );
}
