import { useEffect, useState } from 'react';
import { api, ApiCallError } from '../api/client';
import { Field, enterMovesOn } from '../components/Field';
import { useSession } from '../session';
import type { MethodOutput } from '../../src-shared/api';
import { PayoutApproversSetting } from './settings/PayoutApproversSetting';

type Teams = MethodOutput<'settings.get'>['teams'];

/** Court details, teams and users. */
export function SettingsPage() {
  const { settings, reloadSettings, user } = useSession();
  // The court's name, code and account are the administrator's (SETTING_EDITORS, src-shared/settings.ts).
  const isAdmin = user.roles.includes('admin');
  const adminOnly = isAdmin ? undefined : '只能由系统管理员修改';
  const [court, setCourt] = useState({ courtName: settings.courtName, courtCode: settings.courtCode, officePhone: settings.officePhone, officeAddress: settings.officeAddress, ...settings.caseAccount });
  const [teams, setTeams] = useState<Teams>(settings.teams);
  const [docs, setDocs] = useState({ courtPresident: settings.courtPresident, consumptionOrderTiming: settings.consumptionOrderTiming, printDuplex: settings.printDuplex });
  const [message, setMessage] = useState<{ ok: boolean; text: string; field?: string | undefined } | null>(null);
  // Who may sign a team's rulings: the active users (the administrator names the 审判员 and 书记员).
  const [people, setPeople] = useState<{ id: number; displayName: string }[]>([]);
  useEffect(() => {
    api
      .call('users.list', {})
      .then((list) => setPeople(list.filter((u) => u.active).map((u) => ({ id: u.id, displayName: u.displayName }))))
      .catch(() => setPeople([]));
  }, []);
  const personSelect = (value: number | null, onChange: (v: number | null) => void, testId: string) => (
    <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} data-testid={testId}>
      <option value="">（未指定）</option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.displayName}
        </option>
      ))}
    </select>
  );

  const save = async (patch: Parameters<typeof api.call<'settings.set'>>[1]) => {
    try {
      await api.call('settings.set', patch);
      await reloadSettings();
      setMessage({ ok: true, text: '已保存' });
    } catch (e) {
      if (e instanceof ApiCallError) setMessage({ ok: false, text: e.message, field: e.field });
    }
  };

  return (
    <div className="page">
      <h2>设置</h2>
      {message ? (
        <div className={message.ok ? 'success' : 'error-banner'} data-testid="settings-message">
          {message.field ? `${message.field}：` : ''}
          {message.text}
        </div>
      ) : null}
      <form
        className="form"
        onKeyDown={enterMovesOn}
        onSubmit={(e) => {
          e.preventDefault();
          void save({
            courtName: court.courtName,
            courtCode: court.courtCode,
            officePhone: court.officePhone,
            officeAddress: court.officeAddress,
            caseAccount: { bank: court.bank, accountName: court.accountName, accountNumber: court.accountNumber },
          });
        }}
      >
        <fieldset>
          <legend>法院</legend>
          <div className="row">
            <Field label="法院名称" hint={adminOnly}>
              <input value={court.courtName} disabled={!isAdmin} onChange={(e) => setCourt({ ...court, courtName: e.target.value })} data-testid="set-court-name" />
            </Field>
            <Field label="法院代字" hint={adminOnly ?? '如 内0523（内蒙古为“内”）'}>
              <input value={court.courtCode} disabled={!isAdmin} onChange={(e) => setCourt({ ...court, courtCode: e.target.value })} data-testid="set-court-code" />
            </Field>
            <Field label="执行局电话">
              <input value={court.officePhone} onChange={(e) => setCourt({ ...court, officePhone: e.target.value })} />
            </Field>
            <Field label="执行局地址" wide>
              <input value={court.officeAddress} onChange={(e) => setCourt({ ...court, officeAddress: e.target.value })} />
            </Field>
          </div>
          <div className="row">
            <Field label="执行款专户开户行" hint={adminOnly}>
              <input value={court.bank} disabled={!isAdmin} onChange={(e) => setCourt({ ...court, bank: e.target.value })} />
            </Field>
            <Field label="户名">
              <input value={court.accountName} disabled={!isAdmin} onChange={(e) => setCourt({ ...court, accountName: e.target.value })} />
            </Field>
            <Field label="账号">
              <input value={court.accountNumber} disabled={!isAdmin} onChange={(e) => setCourt({ ...court, accountNumber: e.target.value })} data-testid="set-case-account" />
            </Field>
          </div>
          <button type="submit" className="primary" data-testid="set-court-save">
            保存法院信息
          </button>
        </fieldset>
      </form>
      <fieldset>
        <legend>执行团队</legend>
        <table className="table">
          <thead>
            <tr>
              <th>编号</th>
              <th>名称</th>
              <th>类型</th>
              <th>辖区（乡镇或地址关键词，逗号分隔）</th>
              <th title="本团队案件的执行裁定书由其署名（案件另行指定或已分案法官的除外）">署名审判员</th>
              <th>书记员</th>
              <th>启用</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {teams.map((t, i) => (
              <tr key={i}>
                <td>
                  <input value={t.id} onChange={(e) => setTeams(teams.map((x, j) => (j === i ? { ...x, id: e.target.value } : x)))} />
                </td>
                <td>
                  <input value={t.name} onChange={(e) => setTeams(teams.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
                </td>
                <td>
                  <select value={t.kind} onChange={(e) => setTeams(teams.map((x, j) => (j === i ? { ...x, kind: e.target.value as Teams[number]['kind'] } : x)))}>
                    <option value="tribunal">法庭执行团队</option>
                    <option value="fastTrack">快执团队</option>
                    <option value="centre">指挥中心</option>
                    <option value="other">其他</option>
                  </select>
                </td>
                <td>
                  <input
                    value={t.areas.join('，')}
                    onChange={(e) =>
                      setTeams(
                        teams.map((x, j) =>
                          j === i
                            ? {
                                ...x,
                                areas: e.target.value
                                  .split(/[,，、]/)
                                  .map((s) => s.trim())
                                  .filter(Boolean),
                              }
                            : x,
                        ),
                      )
                    }
                  />
                </td>
                <td>{personSelect(t.judgeId, (v) => setTeams(teams.map((x, j) => (j === i ? { ...x, judgeId: v } : x))), `team-${i}-judge`)}</td>
                <td>{personSelect(t.clerkId, (v) => setTeams(teams.map((x, j) => (j === i ? { ...x, clerkId: v } : x))), `team-${i}-clerk`)}</td>
                <td>
                  <input type="checkbox" checked={t.active} onChange={(e) => setTeams(teams.map((x, j) => (j === i ? { ...x, active: e.target.checked } : x)))} />
                </td>
                <td>
                  <button type="button" className="link" onClick={() => setTeams(teams.filter((_, j) => j !== i))}>
                    删除
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="link" onClick={() => setTeams([...teams, { id: `T${teams.length + 1}`, name: '', kind: 'tribunal', areas: [], active: true, judgeId: null, clerkId: null }])}>
          ＋ 增加团队
        </button>{' '}
        <button type="button" className="primary" onClick={() => void save({ teams })}>
          保存团队
        </button>
      </fieldset>
      <fieldset>
        <legend>文书</legend>
        <div className="row">
          <Field label="院长（签发限制消费令）">
            <input value={docs.courtPresident} onChange={(e) => setDocs({ ...docs, courtPresident: e.target.value })} data-testid="settings-president" />
          </Field>
          <Field label="限制消费令发出时机" hint="限高规定第一条：执行通知书指定的履行期间届满仍未履行的，可以限制消费">
            <select value={docs.consumptionOrderTiming} onChange={(e) => setDocs({ ...docs, consumptionOrderTiming: e.target.value as typeof docs.consumptionOrderTiming })} data-testid="settings-ban-timing">
              <option value="afterNoticePeriod">履行期间届满后，从待发清单制作</option>
              <option value="withNotice">与执行通知书同时发出</option>
            </select>
          </Field>
          <Field label="双面打印：合并打印文件中每份文书从正面开始">
            <input type="checkbox" checked={docs.printDuplex} onChange={(e) => setDocs({ ...docs, printDuplex: e.target.checked })} data-testid="settings-duplex" />
          </Field>
        </div>
        <button type="button" className="primary" onClick={() => void save(docs)} data-testid="settings-docs-save">
          保存文书设置
        </button>
        {user.roles.includes('admin') ? (
          <p>
            文书措辞：见 <a href="#/templates">文书模板</a>。
          </p>
        ) : null}
      </fieldset>
      <PayoutApproversSetting />
      <fieldset>
        <legend>用户</legend>
        <p>
          用户、角色、所属团队与案件范围，重置密码：见 <a href="#/users" data-testid="settings-users-link">用户与权限</a>。
          {user.roles.includes('admin') ? null : '（只有系统管理员可以修改）'}
        </p>
      </fieldset>
    </div>
  );
}
