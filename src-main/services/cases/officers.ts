import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { appendEvent, type Actor } from '../../events/log';
import { getSettings } from '../settings/settings';
import type { TeamSetting } from '../../../src-shared/settings';

// The officers who sign a case's rulings (民诉法 2023 Art. 157: 裁定书由审判人员、书记员署名). The judge
// (审判员) is the case's own choice, else the judge it was assigned to (分案), else its team's; the
// clerk (书记员) is the case's own choice, else its team's. A case not yet handed to a team is in the
// command centre's hands, whose team setting names the centre's judge and clerk.

export interface Officer {
  id: number;
  name: string;
}
export interface CaseOfficers {
  judge: (Officer & { source: 'case' | 'assigned' | 'team' }) | null;
  clerk: (Officer & { source: 'case' | 'team' }) | null;
}

/** The team a case is in the hands of: its own, or the command centre's while it has none. */
function teamOf(teams: TeamSetting[], teamId: string | null): TeamSetting | undefined {
  return teamId ? teams.find((t) => t.id === teamId) : teams.find((t) => t.kind === 'centre' && t.active);
}

/** The signing officers of many cases (two queries). */
export function officersOf(db: Db, caseIds: readonly number[]): Map<number, CaseOfficers> {
  const out = new Map<number, CaseOfficers>();
  if (caseIds.length === 0) return out;
  const teams = getSettings(db).teams;
  const names = new Map(db.all(db.q.selectFrom('users').select(['id', 'display_name'])).map((u) => [u.id, u.display_name]));
  const person = (id: number | null | undefined): Officer | null => (id && names.has(id) ? { id, name: names.get(id)! } : null);
  for (let i = 0; i < caseIds.length; i += 500) {
    const ids = caseIds.slice(i, i + 500);
    const rows = db.raw<{ id: number; team_id: string | null; judge_id: number | null; own_judge: number | null; own_clerk: number | null }>(
      `SELECT c.id, c.team_id, c.judge_id, o.judge_id AS own_judge, o.clerk_id AS own_clerk
       FROM cases c LEFT JOIN case_officers o ON o.case_id = c.id WHERE c.id IN (${ids.map(() => '?').join(',')})`,
      ...ids,
    );
    for (const r of rows) {
      const team = teamOf(teams, r.team_id);
      const ownJudge = person(r.own_judge);
      const assigned = person(r.judge_id);
      const teamJudge = person(team?.judgeId);
      const ownClerk = person(r.own_clerk);
      const teamClerk = person(team?.clerkId);
      out.set(r.id, {
        judge: ownJudge ? { ...ownJudge, source: 'case' } : assigned ? { ...assigned, source: 'assigned' } : teamJudge ? { ...teamJudge, source: 'team' } : null,
        clerk: ownClerk ? { ...ownClerk, source: 'case' } : teamClerk ? { ...teamClerk, source: 'team' } : null,
      });
    }
  }
  return out;
}

/** Sets (or with null clears) the case's own judge and/or clerk for many cases, one event each. */
export function setOfficers(db: Db, actor: Actor, at: Date, input: { caseIds: number[]; judgeId?: number | null | undefined; clerkId?: number | null | undefined }): number {
  return db.tx(() => {
    for (const [field, uid] of [
      ['judgeId', input.judgeId],
      ['clerkId', input.clerkId],
    ] as const) {
      if (uid === undefined || uid === null) continue;
      const u = db.get(db.q.selectFrom('users').select(['id', 'active']).where('id', '=', uid));
      if (!u) throw new ApiError('not_found', `用户不存在（编号 ${uid}）`, field);
      if (!u.active) throw new ApiError('invalid_input', '该用户已停用，不能署名裁定', field);
    }
    const found = db.all(db.q.selectFrom('cases').select('id').where('id', 'in', input.caseIds));
    if (found.length !== input.caseIds.length) {
      const have = new Set(found.map((r) => r.id));
      throw new ApiError('not_found', `案件不存在（编号 ${input.caseIds.find((x) => !have.has(x))}）`, 'caseIds');
    }
    for (const caseId of input.caseIds) {
      const prev = db.get(db.q.selectFrom('case_officers').selectAll().where('case_id', '=', caseId));
      const judge = input.judgeId === undefined ? (prev?.judge_id ?? null) : input.judgeId;
      const clerk = input.clerkId === undefined ? (prev?.clerk_id ?? null) : input.clerkId;
      db.run(
        db.q
          .insertInto('case_officers')
          .values({ case_id: caseId, judge_id: judge, clerk_id: clerk, set_at: at.toISOString(), set_by: actor.name })
          .onConflict((oc) => oc.column('case_id').doUpdateSet({ judge_id: judge, clerk_id: clerk, set_at: at.toISOString(), set_by: actor.name })),
      );
      appendEvent(db, actor, at, { caseId, type: 'case.officersSet', payload: { judgeId: judge, clerkId: clerk } });
    }
    return input.caseIds.length;
  });
}
