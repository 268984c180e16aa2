import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { dateTime } from '../../format';
import { ActionFeedback } from '../../components/ActionFeedback';
import { FileButton, fileBase64 } from '../../components/FileButton';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, fileNameProblem } from '../../../src-shared/domain/attachments';
import type { MethodOutput } from '../../../src-shared/api';
import type { CaseTabProps } from '../../caseTabs';
import { errorText } from '../../errorText';

type Note = MethodOutput<'notes.list'>[number];
type Attachment = MethodOutput<'attachments.list'>[number];

const ACCEPT = Object.values(ATTACHMENT_TYPES)
  .flatMap((t) => t.extensions.map((e) => `.${e}`))
  .join(',');
const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * 备注与附件: the officer's notes on the case (kept as written) and its attachments (scans, photos),
 * each with the SHA-256 taken at upload; a download recomputes it and refuses a changed file.
 */
export function NotesTab({ c }: CaseTabProps) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [files, setFiles] = useState<Attachment[] | null>(null);
  const [text, setText] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(async () => {
    const [n, f] = await Promise.all([api.call('notes.list', { caseId: c.id }), api.call('attachments.list', { caseId: c.id })]);
    setNotes(n);
    setFiles(f);
  }, [c.id]);
  useEffect(() => {
    load().catch((e: unknown) => setError(errorText(e)));
  }, [load]);

  const act = async (fn: () => Promise<string>) => {
    setError(null);
    setMessage(null);
    try {
      setMessage(await fn());
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const upload = (f: File) =>
    void act(async () => {
      const bad = fileNameProblem(f.name);
      if (bad) throw new Error(`文件名：${bad}`);
      if (f.size > ATTACHMENT_MAX_BYTES) throw new Error(`文件“${f.name}”超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB，未上传`);
      const a = await api.call('attachments.upload', { caseId: c.id, fileName: f.name, contentBase64: await fileBase64(f), ...(label.trim() ? { label: label.trim() } : {}) });
      setLabel('');
      return `已上传 ${a.name}（${kb(a.bytes)}，SHA-256 ${a.sha256.slice(0, 16)}…）`;
    });

  return (
    <div data-testid="case-notes">
      <ActionFeedback error={error} message={message} testId="notes" />
      <h3>备注</h3>
      <div className="row">
        <textarea value={text} onChange={(e) => setText(e.target.value)} placeholder="如：电话联系被执行人，承诺月底前还款" rows={2} style={{ width: '60%' }} data-testid="note-text" />
        <button
          type="button"
          onClick={() =>
            void act(async () => {
              await api.call('notes.add', { caseId: c.id, text });
              setText('');
              return '备注已保存';
            })
          }
          data-testid="note-add"
        >
          添加备注
        </button>
      </div>
      {notes === null ? (
        <p className="muted">正在加载…</p>
      ) : notes.length === 0 ? (
        <p className="muted">尚无备注。</p>
      ) : (
        <ul data-testid="notes-list">
          {notes.map((n) => (
            <li key={n.id}>
              <span className="muted">
                {dateTime(n.createdAt)} {n.createdBy}：
              </span>
              {n.text}
            </li>
          ))}
        </ul>
      )}

      <h3>附件</h3>
      <div className="row">
        <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="说明（可不填），如：查封现场照片" data-testid="attachment-label" />
        <FileButton label="上传扫描件或照片" accept={ACCEPT} onFile={upload} testId="attachment-file" />
        <span className="muted">PDF、JPEG、PNG、TIFF，不超过 20 MB</span>
      </div>
      {files === null ? null : files.length === 0 ? (
        <p className="muted">尚无附件。</p>
      ) : (
        <table className="table" data-testid="attachments-list">
          <thead>
            <tr>
              <th>名称</th>
              <th>说明</th>
              <th>类型</th>
              <th className="num">大小</th>
              <th>SHA-256</th>
              <th>上传</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.id} data-testid={`attachment-${f.id}`}>
                <td>{f.name}</td>
                <td>{f.label ?? ''}</td>
                <td>{f.typeLabel}</td>
                <td className="num">{kb(f.bytes)}</td>
                <td className="mono" title={f.sha256}>
                  {f.sha256.slice(0, 16)}…
                </td>
                <td>
                  {dateTime(f.uploadedAt)} {f.uploadedBy}
                </td>
                <td>
                  <button type="button" className="link" onClick={() => void act(async () => (await api.call('attachments.file', { attachmentId: f.id }), `已打开 ${f.name}（校验值相符）`))}>
                    打开
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
