import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { useSession } from '../session';
import type { MethodOutput } from '../../src-shared/api';
import { TeamCases } from './teams/TeamCases';
import { shown, type ShownError } from './triage/errors';

type Loads = MethodOutput<'assignment.loads'>;
const KIND_LABELS: Record<string, string> = { tribunal: '法庭', fastTrack: '快执', centre: '指挥中心', other: '其他' };

/** 团队办案: each team's and judge's load against the cap, and the team's cases. */
export function TeamsPage() {
  const { settings } = useSession();
  const [loads, setLoads] = useState<Loads | null>(null);
  const [team, setTeam] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const reload = useCallback(() => {
    api
      .call('assignment.loads', {})
      .then(setLoads)
      .catch((e: unknown) => setError(shown(e)));
  }, []);
  useEffect(reload, [reload]);
  const judges = (loads?.judges ?? []).filter((j) => !team || j.teamId === team);
  const cap = loads?.cap ?? 0;

  return (
    <div className="page" data-testid="teams-page">
      <div className="toolbar">
        <h2>团队办案</h2>
        <select value={team} onChange={(e) => setTeam(e.target.value)} data-testid="teams-filter">
          <option value="">全部团队</option>
          {settings.teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        {loads ? (
          <span className="muted">
            分案上限 {loads.cap} 件／人（口径：{loads.basis === 'open' ? '在办案件' : '本年分案'}）
          </span>
        ) : null}
      </div>
      {error ? <div className="error-banner">{error.message}</div> : null}
      <div className="two-col">
        <table className="table" data-testid="team-loads">
          <thead>
            <tr>
              <th>团队</th>
              <th>类别</th>
              <th className="num">法官</th>
              <th className="num">在办</th>
              <th className="num">本年分案</th>
            </tr>
          </thead>
          <tbody>
            {(loads?.teams ?? []).map((t) => (
              <tr key={t.teamId} className={t.teamId === team ? 'selected' : ''} onClick={() => setTeam(t.teamId === team ? '' : t.teamId)} style={{ cursor: 'pointer' }} data-testid={`team-load-${t.teamId}`}>
                <td>{t.name}</td>
                <td>{KIND_LABELS[t.kind] ?? t.kind}</td>
                <td className="num">{t.judges}</td>
                <td className="num">{t.open}</td>
                <td className="num">{t.assignedThisYear}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="table" data-testid="judge-loads">
          <thead>
            <tr>
              <th>法官</th>
              <th>团队</th>
              <th className="num">在办</th>
              <th className="num">本年分案</th>
              <th>负担（对照上限）</th>
            </tr>
          </thead>
          <tbody>
            {judges.map((j) => (
              <tr key={j.judgeId} data-testid={`judge-load-${j.judgeId}`}>
                <td>{j.name}</td>
                <td>{settings.teams.find((t) => t.id === j.teamId)?.name ?? j.teamId}</td>
                <td className="num">{j.open}</td>
                <td className="num">{j.assignedThisYear}</td>
                <td>
                  <span className="load-bar" title={`${j.load}/${cap}`}>
                    <span className={j.load >= cap ? 'full' : ''} style={{ width: `${cap ? Math.min(100, (100 * j.load) / cap) : 0}%` }} />
                  </span>{' '}
                  {j.load}/{cap}
                </td>
              </tr>
            ))}
            {judges.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  没有法官：在“设置 → 用户”中给用户设置团队和“法庭执行团队”或“快执团队”角色。
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <h3>{team ? (settings.teams.find((t) => t.id === team)?.name ?? team) : '全部团队'}的在办案件</h3>
      <TeamCases team={team} loads={loads} onChanged={reload} />
    </div>
  );
}
