import { useState } from 'react';
import { api, ApiCallError } from '../api/client';
import { ConnectionSettings } from '../desktop/DesktopGate';
import { ROLES, ROLE_NAMES, type Role } from '../../src-shared/api/roles';
import { courtCodeProblem } from '../../src-shared/domain/caseNumber';
import { setupInput, type SetupInput } from '../../src-shared/domain/courtSetup';
import { errorText } from '../errorText';

// First run on an empty data folder: the court (name, code per domain.md §1.2), its teams with their
// townships, the first users and the administrator's password, saved together by system.setup.
// No case can be filed before (every case number carries the court code, 案号规定 Art. 3).

const TEAM_KINDS = { tribunal: '法庭执行团队', fastTrack: '快执团队', centre: '执行指挥中心', other: '其他' } as const;
type TeamKind = keyof typeof TEAM_KINDS;
interface TeamRow {
  name: string;
  kind: TeamKind;
  towns: string;
}
interface UserRow {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  team: string;
}

const DEMO_COURT = { name: '开鲁县人民法院', code: '内0523' };
const ASSIGNABLE_ROLES = ROLE_NAMES.filter((r) => r !== 'admin');

/**
 * The setup schema's messages name the field (“团队名称不能为空”); for a team or a user the row is
 * added (“第2个团队：团队名称不能为空”) so the clerk knows which one.
 */
function withField(path: string, message: string): string {
  const [head, index] = path.split('.');
  if (index === undefined) return message;
  const n = Number(index) + 1;
  if (head === 'teams') return `第${n}个团队：${message}`;
  if (head === 'users') return `第${n}个用户：${message}`;
  return message;
}

export function SetupForm({ onDone }: { onDone: () => void }) {
  const [courtName, setCourtName] = useState('');
  const [courtCode, setCourtCode] = useState('');
  const [teams, setTeams] = useState<TeamRow[]>([]);
  const [users, setUsers] = useState<UserRow[]>([]);
  const [password, setPassword] = useState('');
  const [password2, setPassword2] = useState('');
  const [demo, setDemo] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeProblem = courtCode.trim() && !demo ? courtCodeProblem(courtCode) : null;

  const input = (): SetupInput => ({
    adminPassword: password,
    court: demo ? DEMO_COURT : { name: courtName, code: courtCode },
    // The demo court brings its own teams and staff (src-main/demo).
    teams: demo ? [] : teams.map((t) => ({ name: t.name, kind: t.kind, towns: t.towns.split(/[，,、；;\s]+/u).filter(Boolean) })),
    users: demo ? [] : users.map((u) => ({ username: u.username, displayName: u.displayName, password: u.password, roles: u.roles, team: u.team === '' ? null : Number(u.team) })),
  });

  const submit = async () => {
    setError(null);
    if (password !== password2) return setError('两次输入的管理员密码不一致');
    const parsed = setupInput.safeParse(input());
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      return setError(withField(i.path.map(String).join('.'), i.message));
    }
    setBusy(true);
    try {
      await api.call('system.setup', input());
      await api.call('auth.login', { username: 'admin', password });
      // The demo court loads as a job of the administrator: the shell's job panel shows its progress.
      if (demo) await api.call('system.loadDemo', {});
      onDone();
    } catch (e) {
      if (e instanceof ApiCallError) setError(withField(e.field ?? '', e.message));
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const setTeam = (i: number, patch: Partial<TeamRow>) => setTeams((ts) => ts.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const setUser = (i: number, patch: Partial<UserRow>) => setUsers((us) => us.map((u, j) => (j === i ? { ...u, ...patch } : u)));

  return (
    <div className="login">
      <form
        className="login-box setup-box"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="setup-form"
      >
        <h1>执行案件管理系统</h1>
        <p>首次启动：请设置本院信息、执行团队和首批用户，并为系统管理员 admin 设置密码。完成前不能立案。</p>

        <label className="check-row">
          <input type="checkbox" checked={demo} onChange={(e) => setDemo(e.target.checked)} data-testid="setup-demo" />
          <span>载入演示数据（开鲁县人民法院 2022 年至今约两万件案件，含各环节办理记录、团队和干警账号；后台载入约需数分钟，右下角显示进度）</span>
        </label>

        <fieldset className="setup-section" disabled={demo}>
          <legend>本院</legend>
          <label>
            法院名称
            <input value={demo ? DEMO_COURT.name : courtName} onChange={(e) => setCourtName(e.target.value)} placeholder="如 开鲁县人民法院" autoFocus data-testid="setup-court-name" />
          </label>
          <label>
            法院代字
            <input value={demo ? DEMO_COURT.code : courtCode} onChange={(e) => setCourtCode(e.target.value)} placeholder="如 内0523" data-testid="setup-court-code" />
            {codeProblem ? (
              <span className="field-error" data-testid="setup-court-code-error">
                {codeProblem}
              </span>
            ) : (
              <span className="field-hint">案号中的法院代字：省级简称加县级行政区划代码后4位（基层法院），如内蒙古开鲁县为“内0523”</span>
            )}
          </label>
        </fieldset>

        {!demo ? (
          <fieldset className="setup-section">
            <legend>执行团队（可稍后在“系统设置”中补充）</legend>
            {teams.map((t, i) => (
              <div className="setup-row" key={i} data-testid="setup-team">
                <input value={t.name} onChange={(e) => setTeam(i, { name: e.target.value })} placeholder="团队名称，如 东来法庭" aria-label={`第${i + 1}个团队的名称`} data-testid="setup-team-name" />
                <select value={t.kind} onChange={(e) => setTeam(i, { kind: e.target.value as TeamKind })} aria-label={`第${i + 1}个团队的类型`}>
                  {Object.entries(TEAM_KINDS).map(([k, label]) => (
                    <option key={k} value={k}>
                      {label}
                    </option>
                  ))}
                </select>
                <input value={t.towns} onChange={(e) => setTeam(i, { towns: e.target.value })} placeholder="辖区乡镇，用顿号分隔" aria-label={`第${i + 1}个团队的辖区乡镇`} data-testid="setup-team-towns" />
                <button type="button" onClick={() => setTeams((ts) => ts.filter((_t, j) => j !== i))}>
                  删除
                </button>
              </div>
            ))}
            <button type="button" onClick={() => setTeams((ts) => [...ts, { name: '', kind: 'tribunal', towns: '' }])} data-testid="setup-add-team">
              添加团队
            </button>
          </fieldset>
        ) : null}

        {!demo ? (
          <fieldset className="setup-section">
            <legend>首批用户（可稍后在“用户管理”中补充）</legend>
            {users.map((u, i) => (
              <div className="setup-user" key={i} data-testid="setup-user">
                <div className="setup-row">
                  <input value={u.username} onChange={(e) => setUser(i, { username: e.target.value })} placeholder="用户名（字母或数字）" aria-label={`第${i + 1}个用户的用户名`} data-testid="setup-user-username" />
                  <input value={u.displayName} onChange={(e) => setUser(i, { displayName: e.target.value })} placeholder="姓名" aria-label={`第${i + 1}个用户的姓名`} data-testid="setup-user-name" />
                  <input type="password" value={u.password} onChange={(e) => setUser(i, { password: e.target.value })} placeholder="初始密码（至少8位）" aria-label={`第${i + 1}个用户的初始密码`} data-testid="setup-user-password" />
                  <select value={u.team} onChange={(e) => setUser(i, { team: e.target.value })} aria-label={`第${i + 1}个用户的所属团队`} data-testid="setup-user-team">
                    <option value="">不属于团队</option>
                    {teams.map((t, j) => (
                      <option key={j} value={String(j)}>
                        {t.name || `第${j + 1}个团队`}
                      </option>
                    ))}
                  </select>
                  <button type="button" onClick={() => setUsers((us) => us.filter((_u, j) => j !== i))}>
                    删除
                  </button>
                </div>
                <div className="setup-roles">
                  {ASSIGNABLE_ROLES.map((r) => (
                    <label className="check-row" key={r}>
                      <input
                        type="checkbox"
                        checked={u.roles.includes(r)}
                        onChange={(e) => setUser(i, { roles: e.target.checked ? [...u.roles, r] : u.roles.filter((x) => x !== r) })}
                        data-testid={`setup-user-role-${r}`}
                      />
                      <span>{ROLES[r]}</span>
                    </label>
                  ))}
                </div>
              </div>
            ))}
            <button type="button" onClick={() => setUsers((us) => [...us, { username: '', displayName: '', password: '', roles: [], team: '' }])} data-testid="setup-add-user">
              添加用户
            </button>
          </fieldset>
        ) : null}

        <fieldset className="setup-section">
          <legend>系统管理员 admin</legend>
          <label>
            密码（至少8位）
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="login-password" />
          </label>
          <label>
            再次输入密码
            <input type="password" value={password2} onChange={(e) => setPassword2(e.target.value)} data-testid="setup-password2" />
          </label>
        </fieldset>

        {error ? (
          <div className="field-error" role="alert" data-testid="login-error">
            {error}
          </div>
        ) : null}
        <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
          {demo ? '完成设置、登录并载入演示数据' : '完成设置并登录'}
        </button>
        <ConnectionSettings />
      </form>
    </div>
  );
}
