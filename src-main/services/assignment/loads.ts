import type { Db } from '../../db/connection';
import type { Settings } from '../../../src-shared/settings';
import type { DistJudge, DistTeam } from '../../../src-shared/domain/distribution';
import type { CaseScope } from '../auth/scope';
import { getSettings } from '../settings/settings';

// Judges and their loads for 均衡分案. A judge is an active user with a team and the role of that
// kind of team ('team' for tribunal and other teams, 'fastTrack' for the fast-track team).

export type CapBasis = Settings['assignment']['capBasis'];

export function teamsOfKind(settings: Settings, kinds: readonly string[]): DistTeam[] {
  return settings.teams.filter((t) => t.active && kinds.includes(t.kind)).map((t) => ({ id: t.id, name: t.name, areas: t.areas }));
}

/**
 * Load per judge: open cases under the judge's name, or cases assigned to the judge this calendar
 * year (domain.md §8 [U]: "400 cases" most likely counts the year's assignments).
 */
export function judgeLoads(db: Db, basis: CapBasis, today: string): Map<number, number> {
  const rows =
    basis === 'open'
      ? db.raw<{ judge: number; n: number }>(`SELECT judge_id AS judge, count(*) AS n FROM cases WHERE judge_id IS NOT NULL AND stage NOT IN ('closed','archived') GROUP BY judge_id`)
      : db.raw<{ judge: number; n: number }>(
          `SELECT json_extract(payload, '$.judgeId') AS judge, count(*) AS n FROM case_events
           WHERE type IN ('case.assigned','case.reassigned') AND on_date >= ? AND on_date <= ? AND json_extract(payload, '$.judgeId') IS NOT NULL
           GROUP BY 1`,
          `${today.slice(0, 4)}-01-01`,
          `${today.slice(0, 4)}-12-31`,
        );
  return new Map(rows.map((r) => [Number(r.judge), r.n]));
}

export function judgesOf(db: Db, teams: DistTeam[], role: 'team' | 'fastTrack', loads: Map<number, number>): DistJudge[] {
  if (teams.length === 0) return [];
  const users = db.all(
    db.q
      .selectFrom('users')
      .select(['id', 'display_name', 'team_id', 'roles'])
      .where('active', '=', 1)
      .where('team_id', 'in', teams.map((t) => t.id))
      .orderBy('id'),
  );
  // A team's clerk (书记员, settings: the team's clerkId) works its cases with the judge but is not
  // assigned cases: 分案 goes to judges only (民诉法 Art. 157 names them apart).
  const clerks = new Set(getSettings(db).teams.map((t) => t.clerkId).filter((id): id is number => typeof id === 'number'));
  return users
    .filter((u) => (JSON.parse(u.roles) as string[]).includes(role) && !clerks.has(u.id))
    .map((u) => ({ id: u.id, name: u.display_name, teamId: u.team_id!, load: loads.get(u.id) ?? 0 }));
}

/**
 * The loads board of the teams page: every judge of an active team (both roles) with open cases and
 * this year's assignments, and the same per team. The cap applies to the figure named by capBasis.
 */
export function loadsView(db: Db, settings: Settings, today: string, scope: CaseScope) {
  // A tribunal team's officer sees the loads of the own team only.
  const visible = (teamId: string) => scope.all || teamId === scope.teamId;
  const teams = teamsOfKind(settings, ['tribunal', 'other', 'fastTrack']).filter((t) => visible(t.id));
  const open = judgeLoads(db, 'open', today);
  const year = judgeLoads(db, 'assignedThisYear', today);
  const judges = [...judgesOf(db, teams, 'team', open), ...judgesOf(db, teams, 'fastTrack', open)]
    .filter((j, i, all) => all.findIndex((k) => k.id === j.id) === i)
    .map((j) => {
      const o = open.get(j.id) ?? 0;
      const y = year.get(j.id) ?? 0;
      return { judgeId: j.id, name: j.name, teamId: j.teamId, open: o, assignedThisYear: y, load: settings.assignment.capBasis === 'open' ? o : y };
    })
    .sort((a, b) => a.teamId.localeCompare(b.teamId) || a.judgeId - b.judgeId);
  const teamOpen = new Map(
    db.raw<{ team: string; n: number }>(`SELECT team_id AS team, count(*) AS n FROM cases WHERE team_id IS NOT NULL AND stage NOT IN ('closed','archived') GROUP BY team_id`).map((r) => [r.team, r.n]),
  );
  return {
    cap: settings.assignment.cap,
    basis: settings.assignment.capBasis,
    teams: settings.teams
      .filter((t) => t.active && visible(t.id))
      .map((t) => {
        const mine = judges.filter((j) => j.teamId === t.id);
        return { teamId: t.id, name: t.name, kind: t.kind, open: teamOpen.get(t.id) ?? 0, assignedThisYear: mine.reduce((a, j) => a + j.assignedThisYear, 0), judges: mine.length };
      }),
    judges,
  };
}
