import type { MethodOutput } from '../../../src-shared/api';
import { DIST_RULE_LABELS } from '../../../src-shared/domain/distribution';

type Stats = MethodOutput<'assignment.distribute'>['stats'];

/** How a rule decided the team: by the debtor's address, or the fallback to the lightest team. */
export const RULE_LABELS: Record<string, string> = { ...DIST_RULE_LABELS, reassigned: '改分（须填写理由）' };

/**
 * The statistics of a distribution run (or its preview): cases by rule, per team, and per judge with
 * the load before and after — the figures add up to the run's case count.
 */
export function RunStats({ stats, cap, basis }: { stats: Stats; cap: number; basis: string }) {
  const judges = stats.perJudge.filter((j) => j.cases > 0 || j.before > 0);
  const spread = judges.length ? Math.max(...judges.map((j) => j.after)) - Math.min(...judges.map((j) => j.after)) : 0;
  return (
    <div className="run-stats" data-testid="run-stats">
      <p>
        共 <strong data-testid="stats-cases">{stats.cases}</strong> 件：已分 <strong data-testid="stats-assigned">{stats.assigned}</strong> 件，未分{' '}
        <strong className={stats.unassigned ? 'overdue' : ''} data-testid="stats-unassigned">
          {stats.unassigned}
        </strong>{' '}
        件。按住所地辖区 {stats.byRule.jurisdiction} 件，无对应辖区分至最轻团队 {stats.byRule.lightestTeam} 件，辖区团队已满转分 {stats.byRule.jurisdictionFull} 件，因上限未分{' '}
        {stats.byRule.capReached} 件。上限 {cap} 件（口径：{basis === 'open' ? '在办案件' : '本年分案'}），法官负担差 {spread} 件。
      </p>
      <div className="two-col">
        <table className="table" data-testid="stats-teams">
          <thead>
            <tr>
              <th>团队</th>
              <th className="num">本次分案</th>
            </tr>
          </thead>
          <tbody>
            {stats.perTeam.map((t) => (
              <tr key={t.teamId}>
                <td>{t.name}</td>
                <td className="num">{t.cases}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="table" data-testid="stats-judges">
          <thead>
            <tr>
              <th>法官</th>
              <th>团队</th>
              <th className="num">分案前</th>
              <th className="num">本次</th>
              <th className="num">分案后</th>
            </tr>
          </thead>
          <tbody>
            {stats.perJudge.map((j) => (
              <tr key={j.judgeId} data-testid={`stats-judge-${j.judgeId}`}>
                <td>{j.name}</td>
                <td>{stats.perTeam.find((t) => t.teamId === j.teamId)?.name ?? j.teamId}</td>
                <td className="num">{j.before}</td>
                <td className="num">{j.cases}</td>
                <td className={`num${j.after >= cap ? ' overdue' : ''}`}>{j.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
