// 均衡分案 (domain.md §8; seeds/003: "执行指挥中心均衡分案，每名执行法官名下案件不超过400件"). Anchor:
// VA Caseflow's automatic case distribution — every run is recorded with the rule applied to each
// case so any assignment can be explained later. Pure: the service feeds it the waiting cases, the
// teams and the judges' loads, and stores what it returns in one transaction.
//
// Per case: the tribunal whose area keywords (township, street) appear in a debtor's address; if
// none matches, or the matching team has no judge under the cap, the lightest team — the team whose
// least-loaded judge has the lowest load (ties: lower average load, then settings order). Choosing
// by the least-loaded judge makes the fallback "the lightest judge overall", which keeps the loads
// of the judges who receive fallback cases within one case of each other. Then the judge in that
// team with the lowest load (ties: lower user id). Nobody goes over the cap; a case nobody can take
// stays waiting with the reason.

export interface DistTeam {
  id: string;
  name: string;
  areas: string[];
}

export interface DistJudge {
  id: number;
  name: string;
  teamId: string;
  load: number;
}

export interface DistCase {
  id: number;
  number: string;
  /** Debtors' addresses, first debtor first. */
  addresses: string[];
}

export type DistRule = 'jurisdiction' | 'lightestTeam' | 'jurisdictionFull' | 'capReached';
export const DIST_RULE_LABELS: Record<DistRule, string> = {
  jurisdiction: '按被执行人住所地分至辖区法庭',
  lightestTeam: '无辖区对应，分至负担最轻的团队',
  jurisdictionFull: '辖区法庭已满额，分至负担最轻的团队',
  capReached: '所有法官均已达到上限，暂不分案',
};

export interface DistDecision {
  caseId: number;
  teamId: string | null;
  judgeId: number | null;
  rule: DistRule;
  /** The area keyword that matched, when one did. */
  keyword: string | null;
  judgeLoadBefore: number | null;
  explanation: string;
}

export interface DistStats {
  cases: number;
  assigned: number;
  unassigned: number;
  byRule: Record<DistRule, number>;
  perTeam: { teamId: string; name: string; cases: number }[];
  perJudge: { judgeId: number; name: string; teamId: string; before: number; after: number; cases: number }[];
}

/** The first team whose area keyword occurs in a debtor address (longer keywords first, so 开鲁镇 beats 开鲁). */
export function matchJurisdiction(addresses: string[], teams: DistTeam[]): { team: DistTeam; keyword: string } | null {
  const pairs = teams.flatMap((t) => t.areas.map((k) => ({ team: t, keyword: k.trim() }))).filter((p) => p.keyword.length > 0);
  pairs.sort((a, b) => b.keyword.length - a.keyword.length);
  for (const address of addresses) {
    const a = address.normalize('NFKC');
    const hit = pairs.find((p) => a.includes(p.keyword.normalize('NFKC')));
    if (hit) return hit;
  }
  return null;
}

export function distribute(cases: DistCase[], teams: DistTeam[], judges: DistJudge[], cap: number): { decisions: DistDecision[]; stats: DistStats } {
  const loads = new Map(judges.map((j) => [j.id, j.load]));
  const byTeam = new Map<string, DistJudge[]>();
  for (const t of teams) byTeam.set(t.id, []);
  for (const j of judges) byTeam.get(j.teamId)?.push(j);
  const teamOrder = new Map(teams.map((t, i) => [t.id, i]));
  const load = (j: DistJudge) => loads.get(j.id)!;

  const lightestJudge = (teamId: string): DistJudge | null => {
    let best: DistJudge | null = null;
    for (const j of byTeam.get(teamId) ?? []) {
      if (load(j) >= cap) continue;
      if (!best || load(j) < load(best) || (load(j) === load(best) && j.id < best.id)) best = j;
    }
    return best;
  };
  const average = (teamId: string) => {
    const js = byTeam.get(teamId) ?? [];
    return js.length ? js.reduce((s, j) => s + load(j), 0) / js.length : Infinity;
  };
  const lightestTeam = (): DistTeam | null => {
    let best: { team: DistTeam; min: number; avg: number } | null = null;
    for (const t of teams) {
      const j = lightestJudge(t.id);
      if (!j) continue;
      const cand = { team: t, min: load(j), avg: average(t.id) };
      if (!best || cand.min < best.min || (cand.min === best.min && (cand.avg < best.avg || (cand.avg === best.avg && teamOrder.get(t.id)! < teamOrder.get(best.team.id)!)))) best = cand;
    }
    return best?.team ?? null;
  };

  const decisions: DistDecision[] = [];
  for (const c of cases) {
    const match = matchJurisdiction(c.addresses, teams);
    let team: DistTeam | null;
    let rule: DistRule;
    if (match && lightestJudge(match.team.id)) {
      team = match.team;
      rule = 'jurisdiction';
    } else {
      team = lightestTeam();
      rule = team ? (match ? 'jurisdictionFull' : 'lightestTeam') : 'capReached';
    }
    const judge = team ? lightestJudge(team.id) : null;
    if (!team || !judge) {
      decisions.push({ caseId: c.id, teamId: null, judgeId: null, rule: 'capReached', keyword: match?.keyword ?? null, judgeLoadBefore: null, explanation: `${c.number}：${DIST_RULE_LABELS.capReached}（上限${cap}件）` });
      continue;
    }
    const before = load(judge);
    loads.set(judge.id, before + 1);
    const why =
      rule === 'jurisdiction'
        ? `被执行人住所地含“${match!.keyword}”，属${team.name}辖区`
        : rule === 'jurisdictionFull'
          ? `被执行人住所地含“${match!.keyword}”，但${match!.team.name}的法官均已达到上限${cap}件，改分负担最轻的${team.name}`
          : `被执行人住所地不在任何法庭辖区，分至负担最轻的${team.name}`;
    decisions.push({
      caseId: c.id,
      teamId: team.id,
      judgeId: judge.id,
      rule,
      keyword: match?.keyword ?? null,
      judgeLoadBefore: before,
      explanation: `${c.number}：${why}；团队内${judge.name}名下案件最少（分案前${before}件，上限${cap}件），分给${judge.name}`,
    });
  }

  const byRule: Record<DistRule, number> = { jurisdiction: 0, lightestTeam: 0, jurisdictionFull: 0, capReached: 0 };
  for (const d of decisions) byRule[d.rule]++;
  const teamCount = new Map<string, number>();
  const judgeCount = new Map<number, number>();
  for (const d of decisions) {
    if (d.teamId) teamCount.set(d.teamId, (teamCount.get(d.teamId) ?? 0) + 1);
    if (d.judgeId) judgeCount.set(d.judgeId, (judgeCount.get(d.judgeId) ?? 0) + 1);
  }
  const assigned = decisions.filter((d) => d.judgeId !== null).length;
  return {
    decisions,
    stats: {
      cases: cases.length,
      assigned,
      unassigned: cases.length - assigned,
      byRule,
      perTeam: teams.map((t) => ({ teamId: t.id, name: t.name, cases: teamCount.get(t.id) ?? 0 })),
      perJudge: judges.map((j) => ({ judgeId: j.id, name: j.name, teamId: j.teamId, before: j.load, after: loads.get(j.id)!, cases: judgeCount.get(j.id) ?? 0 })),
    },
  };
}
