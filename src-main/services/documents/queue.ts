import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import { getSettings } from '../settings/settings';
import { loadCalendar } from '../calendar/calendar';
import { addWorkingDays, workingDaysBetween } from '../../../src-shared/domain/workingDays';
import { NOTICE_SET_REQUIRED } from '../../../src-shared/domain/documentKinds';
import { ruleAmount } from '../../../src-shared/domain/deadlineRules';
import { inScope, type CaseScope } from '../auth/scope';

// The notice queue: filed cases whose notice set is not complete yet, with the Kailu deadline of
// N working days from filing (domain.md §3.2, seed 003; N = the deadline rule 'notices').

export interface QueueInput {
  text?: string | undefined;
  filedFrom?: string | undefined;
  filedTo?: string | undefined;
  overdueOnly: boolean;
  offset: number;
  limit: number;
}

export function noticeQueue(db: Db, today: string, input: QueueInput, scope: CaseScope) {
  const settings = getSettings(db);
  const cal = loadCalendar(db);
  let q = db.q.selectFrom('cases').selectAll().where('stage', '=', 'filed').where(inScope(scope, 'team_id'));
  if (input.text) {
    const t = input.text.normalize('NFKC').replace(/\s+/g, '').toUpperCase().replace(/\(/g, '（').replace(/\)/g, '）');
    q = q.where(sql<boolean>`search_text LIKE ${`%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`);
  }
  if (input.filedFrom) q = q.where('filed_on', '>=', input.filedFrom);
  if (input.filedTo) q = q.where('filed_on', '<=', input.filedTo);
  const rows = db.all(q.orderBy('filed_on').orderBy('id'));
  const ids = rows.map((r) => r.id);
  const existing = new Map<number, string[]>();
  for (let i = 0; i < ids.length; i += 900) {
    const part = ids.slice(i, i + 900);
    for (const d of db.all(db.q.selectFrom('documents').select(['case_id', 'kind']).where('status', '=', 'current').where('case_id', 'in', part))) {
      existing.set(d.case_id, [...(existing.get(d.case_id) ?? []), d.kind]);
    }
  }
  const all = rows
    .filter((r) => !NOTICE_SET_REQUIRED.every((k) => existing.get(r.id)?.includes(k)))
    .map((r) => {
      const dueOn = addWorkingDays(r.filed_on, ruleAmount(settings.deadlineRules, 'notices').amount, cal);
      const daysLeft = dueOn >= today ? workingDaysBetween(today, dueOn, cal) : -workingDaysBetween(dueOn, today, cal);
      return {
        caseId: r.id,
        number: r.number,
        type: r.type,
        filedOn: r.filed_on,
        applicants: r.applicant_names,
        debtors: r.debtor_names,
        claimFen: r.claim_fen,
        dueOn,
        daysLeft,
        overdue: dueOn < today,
        existingKinds: existing.get(r.id) ?? [],
      };
    });
  const overdue = all.filter((r) => r.overdue).length;
  const list = input.overdueOnly ? all.filter((r) => r.overdue) : all;
  return { rows: list.slice(input.offset, input.offset + input.limit), total: list.length, overdue };
}
