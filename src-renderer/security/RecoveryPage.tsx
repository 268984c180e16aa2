import { useEffect, useState } from 'react';
import { api, ApiCallError } from '../api/client';
import { dateTime } from '../format';
import { BACKUP_KIND_LABELS, fileSize } from './labels';
import type { MethodOutput } from '../../src-shared/api';
import { errorText } from '../errorText';

type Status = MethodOutput<'recovery.status'>;

/**
 * 恢复模式: the database could not be opened. Instead of a dead window the administrator is shown
 * what is wrong and the latest backup that verifies (signed and intact), and restores it by giving
 * the administrator's user name and password as they are in that backup. Nothing else is possible
 * until then (the server refuses every other method).
 */
export function RecoveryPage() {
  const [status, setStatus] = useState<Status | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    void api
      .call('recovery.status', {})
      .then((s) => {
        setStatus(s);
        setPicked(s.backups.find((b) => b.verified)?.name ?? null);
      })
      .catch((e: unknown) => setError({ message: errorText(e) }));
  }, []);

  const restore = async () => {
    if (!picked) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.call('recovery.restore', { name: picked, username, password });
      setDone(`已从 ${r.restoredFrom} 恢复。损坏的数据库文件已另存为数据文件夹中的 ${r.damagedKept}。请重新登录。`);
      setTimeout(() => window.location.reload(), 2500);
    } catch (e) {
      setError(e instanceof ApiCallError ? { message: e.message, ...(e.field ? { field: e.field } : {}) } : { message: errorText(e) });
      setBusy(false);
    }
  };

  if (!status) return <div className="page muted">{error ? error.message : '正在读取…'}</div>;
  const offered = status.backups.filter((b) => b.verified);
  const refused = status.backups.filter((b) => !b.verified);
  return (
    <div className="page recovery" data-testid="recovery-page">
      <h2>数据库无法打开：恢复模式</h2>
      <div className="error-banner" role="alert" data-testid="recovery-reason">
        <strong>{status.reason}</strong>。为免损坏扩大，系统没有打开这个数据库；在恢复之前不能登录和办案。
        {status.problems.length ? <div className="muted">数据库自检发现 {status.problems.length} 处问题，详情已记入程序日志，供技术人员核查。</div> : null}
      </div>
      {done ? (
        <div className="success" role="status" data-testid="recovery-done">
          {done}
        </div>
      ) : offered.length === 0 ? (
        <div className="error-banner" data-testid="recovery-none">
          {status.keyMissing ? '本机找不到审计密钥，无法核对备份的签名：请先按“密钥备份”的说明恢复密钥文件，再重新启动。' : '没有找到可以恢复的备份（签名和校验值都相符的备份）。'}
          请联系技术人员。
        </div>
      ) : (
        <fieldset>
          <legend>从备份恢复</legend>
          <p>只列出签名和校验值都相符的备份。恢复后，该备份之后的登记、文书和案款记录需要重新补录；损坏的文件会另行保存，供技术人员核查。</p>
          <table className="table" data-testid="recovery-backups">
            <thead>
              <tr>
                <th />
                <th>备份时间</th>
                <th>类型</th>
                <th>案件数</th>
                <th>大小</th>
              </tr>
            </thead>
            <tbody>
              {offered.map((b, i) => (
                <tr key={b.name}>
                  <td>
                    <input type="radio" name="backup" checked={picked === b.name} onChange={() => setPicked(b.name)} data-testid={`recovery-pick-${i}`} />
                  </td>
                  <td>
                    {dateTime(b.createdAt)}
                    {i === 0 ? '（最近）' : ''}
                  </td>
                  <td>{BACKUP_KIND_LABELS[b.kind]}</td>
                  <td>{b.cases}</td>
                  <td>{fileSize(b.sizeBytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              void restore();
            }}
          >
            <label>
              系统管理员用户名（该备份中的）
              <input value={username} onChange={(e) => setUsername(e.target.value)} data-testid="recovery-username" />
            </label>
            <label>
              密码
              <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="recovery-password" />
              {error?.field === 'password' || error?.field === 'username' ? <span className="field-error">{error.message}</span> : null}
            </label>
            <button type="submit" className="danger" disabled={busy || !picked || !password} data-testid="recovery-restore">
              {busy ? '正在恢复…' : '用所选备份恢复'}
            </button>
          </form>
          {error && error.field !== 'password' && error.field !== 'username' ? (
            <div className="error-banner" role="alert" data-testid="recovery-error">
              {error.message}
            </div>
          ) : null}
        </fieldset>
      )}
      {refused.length ? (
        <p className="muted" data-testid="recovery-refused">
          另有 {refused.length} 份备份未通过校验，不能用于恢复：{refused.map((b) => `${b.name}（${b.problem ?? ''}）`).join('；')}
        </p>
      ) : null}
    </div>
  );
}
