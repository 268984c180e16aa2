import { useEffect, useState } from 'react';
import { api, ApiCallError } from '../api/client';
import { Field } from '../components/Field';
import { dateTime } from '../format';
import { UserAuditGrid } from './audit/UserAuditGrid';
import type { MethodOutput } from '../../src-shared/api';
import { errorText } from '../errorText';
import { DateInput } from '../components/DateInput';

type Report = NonNullable<MethodOutput<'system.health'>['audit']>;
type Job = MethodOutput<'jobs.get'>;
type User = MethodOutput<'users.list'>[number];

/**
 * 审计: the hash chain of the event log verified on demand (the app also does it at
 * start-up), and everything one user did.
 */
export function AuditPage() {
  const [report, setReport] = useState<Report | null>(null);
  const [startup, setStartup] = useState<Report | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [users, setUsers] = useState<User[]>([]);
  const [userId, setUserId] = useState<number | null>(null);
  const [range, setRange] = useState({ from: '', to: '' });
  const [rangeError, setRangeError] = useState<{ field: string; message: string } | null>(null);

  useEffect(() => {
    void api.call('system.health', {}).then((h) => setStartup(h.audit)).catch(() => undefined);
    void api.call('users.list', {}).then(setUsers).catch((e: unknown) => setError(errorText(e)));
  }, []);

  const verify = async (check?: { id: number; hash: string }) => {
    setVerifying(true);
    setError(null);
    try {
      // A job in a worker thread (the panel in the corner shows its progress): wait for its report.
      let job: Job = await api.call('audit.verify', check ? { check } : {});
      while (job.status === 'running' || job.status === 'queued') {
        await new Promise((r) => setTimeout(r, 300));
        job = await api.call('jobs.get', { id: job.id });
      }
      if (job.status !== 'done') throw new Error(job.error?.message ?? '校验未完成');
      setReport(job.result as Report);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setVerifying(false);
    }
  };

  const changeRange = (patch: Partial<typeof range>) => {
    setRangeError(null);
    setRange({ ...range, ...patch });
  };
  const shown = report ?? startup;
  const picked = users.find((u) => u.id === userId) ?? null;
  const badRange = range.from && range.to && range.from > range.to;

  return (
    <div className="page" data-testid="audit-page">
      <h2>审计</h2>
      {error ? (
        <div className="error-banner" role="alert" data-testid="audit-error">
          {error}
        </div>
      ) : null}
      <fieldset>
        <legend>操作日志校验</legend>
        <p className="muted">
          每条操作记录都含有上一条记录的哈希值，并以保存在数据文件夹之外的审计密钥签名，形成哈希链：任何一条被修改、删除或整链重算，从该处起的校验都会失败。
          链头另行公布在每份备份的说明文件、每次上报文件的清单和每日的审计封存单上，日志末尾被截去也能发现；案款账目、控制措施和结案记录逐条与日志核对。系统启动时自动校验一次。
        </p>
        <div className="toolbar">
          <button type="button" className="primary" disabled={verifying} onClick={() => void verify()} data-testid="audit-verify">
            {verifying ? '正在校验…' : '立即校验'}
          </button>
          {shown && !report ? <span className="muted">以下为启动时的校验结果</span> : null}
        </div>
        {shown ? <VerifyResult report={shown} /> : null}
      </fieldset>
      <SealSlips verifying={verifying} onCheck={(c) => void verify(c)} />
      <fieldset>
        <legend>按用户查看</legend>
        <div className="row">
          <Field label="用户">
            <select value={userId ?? ''} onChange={(e) => setUserId(e.target.value ? Number(e.target.value) : null)} data-testid="audit-user">
              <option value="">（请选择）</option>
              {users.map((u) => (
                <option key={u.id} value={u.id} data-latin-ok>
                  {u.displayName}（{u.username}）{u.active ? '' : ' 已停用'}
                </option>
              ))}
            </select>
          </Field>
          <Field label="自" error={rangeError?.field === 'from' ? rangeError.message : undefined}>
            <DateInput value={range.from} onChange={(e) => changeRange({ from: e.target.value })} data-testid="audit-from" />
          </Field>
          <Field label="至" error={badRange ? '结束日期不能早于开始日期' : rangeError?.field === 'to' ? rangeError.message : undefined}>
            <DateInput value={range.to} onChange={(e) => changeRange({ to: e.target.value })} data-testid="audit-to" />
          </Field>
        </div>
        {picked && !badRange ? (
          <UserAuditGrid
            userId={picked.id}
            from={range.from}
            to={range.to}
            onError={(e) => {
              if (e instanceof ApiCallError && (e.field === 'from' || e.field === 'to')) setRangeError({ field: e.field, message: e.message });
            }}
          />
        ) : (
          <p className="muted">选择一名用户，查看其全部操作记录（最新的在前）。</p>
        )}
      </fieldset>
    </div>
  );
}

type Slip = MethodOutput<'audit.slips'>[number];

/**
 * 审计封存单: the log's head on paper, one a day (the app makes it by itself; printing it here makes
 * today's if it is not there yet), and the check of a printed slip typed back in.
 */
function SealSlips(props: { verifying: boolean; onCheck: (c: { id: number; hash: string }) => void }) {
  const [slips, setSlips] = useState<Slip[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [id, setId] = useState('');
  const [hash, setHash] = useState('');
  const [fieldError, setFieldError] = useState<{ field: 'id' | 'hash'; message: string } | null>(null);
  const load = () => void api.call('audit.slips', {}).then(setSlips).catch(() => undefined);
  useEffect(load, []);
  const print = async (date?: string) => {
    setMessage(null);
    try {
      await api.call('audit.slip', date ? { date } : {});
      load();
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  const check = () => {
    const n = Number(id);
    if (!Number.isInteger(n) || n < 1) return setFieldError({ field: 'id', message: '记录编号应为正整数' });
    const h = hash.replace(/\s+/g, '').toLowerCase();
    if (!/^[0-9a-f]{16,64}$/.test(h)) return setFieldError({ field: 'hash', message: '哈希值应为封存单上的16至64位十六进制数字' });
    setFieldError(null);
    props.onCheck({ id: n, hash: h });
  };
  return (
    <fieldset data-testid="audit-slips">
      <legend>审计封存单</legend>
      <p className="muted">每天生成一份，载明当时操作日志的最后一条记录及其哈希值（以审计密钥签名）。请打印后由监督人员签字、另行保管；日后核对时把封存单上的记录编号和哈希值前16位输入下方，日志被删改或末尾被截去即可发现。</p>
      <div className="toolbar">
        <button type="button" onClick={() => void print()} data-testid="audit-slip-print">
          打印今日封存单
        </button>
        {message ? <span className="field-error">{message}</span> : null}
      </div>
      {slips.length ? (
        <table className="table" data-testid="audit-slip-list">
          <thead>
            <tr>
              <th>日期</th>
              <th>链头</th>
              <th>哈希值前16位</th>
              <th>生成人</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {slips.slice(0, 10).map((s) => (
              <tr key={s.date}>
                <td>{s.date}</td>
                <td>第 {s.headId} 条</td>
                <td>
                  <code>{s.hash.slice(0, 16)}</code>
                </td>
                <td>{s.createdBy}</td>
                <td>
                  <button type="button" className="link" onClick={() => void print(s.date)}>
                    再次打印
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="row">
        <Field label="封存单上的记录编号" error={fieldError?.field === 'id' ? fieldError.message : undefined}>
          <input value={id} onChange={(e) => setId(e.target.value)} inputMode="numeric" data-testid="audit-check-id" />
        </Field>
        <Field label="哈希值（前16位即可）" error={fieldError?.field === 'hash' ? fieldError.message : undefined}>
          <input value={hash} onChange={(e) => setHash(e.target.value)} data-testid="audit-check-hash" />
        </Field>
        <button type="button" disabled={props.verifying} onClick={check} data-testid="audit-check">
          核对封存单
        </button>
      </div>
    </fieldset>
  );
}

function VerifyResult({ report }: { report: Report }) {
  const when = `${dateTime(report.checkedAt)}，共 ${report.checked} 条记录，用时 ${Math.round(report.ms)} 毫秒`;
  const aside = report.heads.setAside ? `（另有 ${report.heads.setAside} 处属于恢复时被取代的数据或其他数据库，不参与核对）` : '';
  const scope = `核对已公布的链头 ${report.heads.matched} 处${aside}，案款账目 ${report.records.ledgerEntries} 条、控制措施 ${report.records.measures} 项、结案记录 ${report.records.closures} 件`;
  if (report.ok) {
    return (
      <div className="success" data-testid="audit-verify-result" data-ok="true">
        校验通过：哈希链完整且签名相符，{scope}，防篡改触发器在位（{when}）。
      </div>
    );
  }
  return (
    <div className="error-banner" role="alert" data-testid="audit-verify-result" data-ok="false">
      <strong>校验未通过</strong>（{when}）：
      {report.firstBroken ? (
        <>
          第一处异常在{TABLE_LABELS[report.firstBroken.table] ?? report.firstBroken.table}第 <span data-testid="audit-broken-id">{report.firstBroken.id}</span> 条：{report.firstBroken.reason}。
        </>
      ) : null}
      {!report.triggersPresent ? '防止修改、删除日志的数据库触发器已被移除。' : ''}
      请保留数据文件现场，并联系技术人员核查。
      {report.problems.length > 1 ? (
        <ul data-testid="audit-problems">
          {report.problems.map((p, i) => (
            <li key={i}>{p.reason}</li>
          ))}
          {report.problemCount > report.problems.length ? <li>另有 {report.problemCount - report.problems.length} 处异常未列出</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

const TABLE_LABELS: Record<string, string> = {
  case_events: '操作日志',
  ledger_entries: '案款账目',
  measures: '控制措施',
  closures: '结案记录（案件编号）',
  sqlite_schema: '数据库结构',
};
