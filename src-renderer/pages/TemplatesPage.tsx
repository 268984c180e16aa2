import { useEffect, useState } from 'react';
import { api, ApiCallError } from '../api/client';
import { Field } from '../components/Field';
import type { MethodOutput } from '../../src-shared/api';
import type { DocumentKind } from '../../src-shared/domain/documentKinds';
import { dateTime } from '../format';

type Detail = MethodOutput<'templates.get'>;

/**
 * The court's own wording (system administrator): each template's fixed passages with {占位符} for
 * case data, previewed on a real case before saving, saved as a new version; every document made
 * afterwards records the version it was made from.
 */
export function TemplatesPage() {
  const [list, setList] = useState<MethodOutput<'templates.list'>>([]);
  const [kind, setKind] = useState<DocumentKind | ''>('');
  const [detail, setDetail] = useState<Detail | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    void api.call('templates.list', {}).then(setList);
  }, []);
  const open = async (k: DocumentKind) => {
    setKind(k);
    const d = await api.call('templates.get', { kind: k });
    setDetail(d);
    setTexts(Object.fromEntries(d.passages.map((p) => [p.key, p.text])));
    setMessage(null);
  };
  const act = async (f: () => Promise<unknown>, ok?: string) => {
    try {
      await f();
      if (ok) setMessage({ ok: true, text: ok });
    } catch (e) {
      if (e instanceof ApiCallError) setMessage({ ok: false, text: e.message });
      else throw e;
    }
  };
  const preview = () =>
    act(async () => {
      const found = await api.call('cases.list', { filter: { text: caseNumber.trim() }, limit: 1 });
      if (!found.rows[0]) throw new ApiCallError({ code: 'not_found', message: `没有找到案件“${caseNumber}”` });
      await api.call('templates.preview', { kind: kind as DocumentKind, caseId: found.rows[0].id, texts });
    });
  const save = () =>
    act(async () => {
      const d = await api.call('templates.save', { kind: kind as DocumentKind, texts, ...(note.trim() ? { note } : {}) });
      setDetail(d);
      setNote('');
      setList(await api.call('templates.list', {}));
    }, '已保存为新版本；此后制作的文书使用新措辞');

  return (
    <div className="page" data-testid="templates-page">
      <h2>文书模板</h2>
      <div className="toolbar">
        <select value={kind} onChange={(e) => void open(e.target.value as DocumentKind)} data-testid="templates-kind">
          <option value="">（选择文书）</option>
          {list.map((t) => (
            <option key={t.kind} value={t.kind}>
              {t.kind}（版本 {t.version}）
            </option>
          ))}
        </select>
      </div>
      {message ? (
        <div className={message.ok ? 'success' : 'error-banner'} role="alert" data-testid="templates-message">
          {message.text}
        </div>
      ) : null}
      {detail ? (
        <>
          <p className="muted">{detail.summary}。当前版本：{detail.version === 0 ? '系统内置措辞' : `第 ${detail.version} 版`}。</p>
          {detail.passages.map((p) => (
            <Field key={p.key} label={p.label} wide hint={texts[p.key] !== p.builtIn ? '已修改（与内置措辞不同）' : undefined}>
              <textarea rows={4} value={texts[p.key] ?? ''} onChange={(e) => setTexts({ ...texts, [p.key]: e.target.value })} data-testid={`templates-text-${p.key}`} />
            </Field>
          ))}
          <details>
            <summary>可用占位符</summary>
            <ul>
              {detail.placeholders.map((p) => (
                <li key={p.name}>
                  <code>{`{${p.name}}`}</code>：{p.meaning}
                </li>
              ))}
            </ul>
          </details>
          <div className="row">
            <Field label="以真实案件预览（案号）">
              <input value={caseNumber} onChange={(e) => setCaseNumber(e.target.value)} placeholder="（2026）内0523执1号" data-testid="templates-case" />
            </Field>
            <button type="button" disabled={!caseNumber.trim()} onClick={() => void preview()} data-testid="templates-preview">
              预览 PDF
            </button>
          </div>
          <div className="row">
            <Field label="修改说明">
              <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="templates-note" />
            </Field>
            <button type="button" className="primary" onClick={() => void save()} data-testid="templates-save">
              保存为新版本
            </button>
          </div>
          <h3>版本记录</h3>
          <table className="table" data-testid="templates-versions">
            <tbody>
              {detail.versions.map((v) => (
                <tr key={v.version}>
                  <td>第 {v.version} 版</td>
                  <td>
                    {dateTime(v.createdAt)} {v.createdBy}
                  </td>
                  <td>{v.note ?? ''}</td>
                  <td>修改：{v.keys.map((k) => detail.passages.find((p) => p.key === k)?.label ?? k).join('、') || '（恢复内置）'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
