import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { methods, type MethodName } from '../../../src-shared/api';
import type { MethodSpec } from '../../../src-shared/api/contract';
import { errorText } from '../../errorText';
import { plainText } from '../../../src-shared/plainText';

type Catalogue = Awaited<ReturnType<typeof api.call<'roles.list'>>>;

// The domain of a method (its prefix) in Chinese, to group a role's list.
const DOMAINS: Record<string, string> = {
  auth: '登录', system: '系统', settings: '设置', users: '用户', roles: '角色', cases: '案件', jobs: '后台任务',
  documents: '文书', inquiries: '网络查控', measures: '财产控制', ledger: '案款', triage: '繁简分流', fastTrack: '快执',
  assignment: '分案', deadlines: '节点期限', closure: '结案', archive: '终本库', metrics: '质效统计', reports: '报表', city: '中院汇总',
  audit: '审计', backups: '备份', calendar: '工作日历', assets: '财产',
};

/**
 * 角色 (roles.list): what each role of the command centre may call, generated from the registry the
 * server checks on every call — the UI only shows it. Each method with its summary and whether it
 * changes data.
 */
export function RolesPanel() {
  const [roles, setRoles] = useState<Catalogue>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .call('roles.list', {})
      .then(setRoles)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);
  const shown = roles.find((r) => r.role === open);
  const spec = (name: string) => (methods as Record<string, MethodSpec>)[name as MethodName];

  return (
    <fieldset data-testid="roles-panel">
      <legend>角色与权限</legend>
      {error ? <div className="error-banner">{error}</div> : null}
      <p className="muted">权限由服务端在每次调用时检查；“法庭执行团队”角色另受团队范围限制，只能查看、办理本团队的案件（除非授予“可查看全部案件”）。</p>
      <table className="table">
        <thead>
          <tr>
            <th>角色</th>
            <th className="num">可调用的功能</th>
            <th className="num">其中修改数据的</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {roles.map((r) => (
            <tr key={r.role} className={r.role === open ? 'selected' : ''}>
              <td>{r.label}</td>
              <td className="num">{r.methods.length}</td>
              <td className="num">{r.methods.filter((m) => spec(m)?.writes).length}</td>
              <td>
                <button type="button" className="link" onClick={() => setOpen(r.role === open ? null : r.role)} data-testid={`role-open-${r.role}`}>
                  {r.role === open ? '收起' : '查看'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown ? (
        <table className="table role-methods" data-testid={`role-methods-${shown.role}`}>
          <thead>
            <tr>
              <th>{shown.label}：功能</th>
              <th>说明</th>
              <th>性质</th>
            </tr>
          </thead>
          <tbody>
            {shown.methods.map((m) => (
              <tr key={m}>
                <td>{DOMAINS[m.split('.')[0]!] ?? '其他'}</td>
                <td>{plainText(spec(m)?.summary ?? '')}</td>
                <td>{spec(m)?.writes ? '修改数据' : '查阅'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </fieldset>
  );
}
