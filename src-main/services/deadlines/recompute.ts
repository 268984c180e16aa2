import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection';
import { computeDeadlines, type CaseEventLite } from '../../../src-shared/domain/deadlines';
import type { DeadlineRule } from '../../../src-shared/domain/deadlineRules';
import type { WorkingCalendar } from '../../../src-shared/domain/workingDays';
import { getSettings } from '../settings/settings';
import { calendarVersion, loadCalendar } from '../calendar/calendar';

export interface DeadlineContext {
  rules: DeadlineRule[];
  soonWorkingDays: number;
  cal: WorkingCalendar;
  /** Changes whenever the rules or the calendar change: stored clocks computed under another hash are stale. */
  hash: string;
}

export function deadlineContext(db: Db): DeadlineContext {
  const settings = getSettings(db);
  const rules = settings.deadlineRules;
  const version = calendarVersion(db);
  const hash = createHash('sha256').update(JSON.stringify(rules)).update(`|calendar:${version}`).digest('hex').slice(0, 32);
  return { rules, soonWorkingDays: settings.deadlineSoonWorkingDays, cal: loadCalendar(db), hash };
}

/** Events the rules look at (start, stop, cancel, suspensions): the rest of a case's log is skipped. */
export function relevantTypes(rules: readonly DeadlineRule[]): string[] {
  const types = new Set<string>(['case.suspended', 'case.unsuspended']);
  for (const r of rules) for (const m of [...r.start, ...r.stop, ...r.cancelOn]) types.add(m.type);
  return [...types];
}

/**
 * Recomputes the clocks of the given cases from their events and replaces their rows in
 * `deadlines`. Must run inside the caller's transaction (the rows of a case change all together).
 */
export function recomputeCases(db: Db, caseIds: readonly number[], ctx: DeadlineContext): void {
  if (caseIds.length === 0) return;
  const types = relevantTypes(ctx.rules);
  const typeList = types.map(() => '?').join(',');
  const del = db.sqlite.prepare('DELETE FROM deadlines WHERE case_id = ?');
  const ins = db.sqlite.prepare(
    `INSERT INTO deadlines (case_id, rule_id, seq, start_event_id, start_on, due_on, due_at, status, done_event_id, done_on, excluded_days, stage, team_id, judge_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const facts = db.sqlite.prepare('SELECT type, non_litigation, stage, team_id, judge_id FROM cases WHERE id = ?');
  const evs = db.sqlite.prepare(`SELECT id, type, at, on_date, payload FROM case_events WHERE case_id = ? AND type IN (${typeList}) ORDER BY id`);
  for (const caseId of caseIds) {
    const c = facts.get(caseId) as { type: string; non_litigation: number; stage: string; team_id: string | null; judge_id: number | null } | undefined;
    del.run(caseId);
    if (!c) continue;
    const rows = evs.all(caseId, ...types) as { id: number; type: string; at: string; on_date: string; payload: string }[];
    const events: CaseEventLite[] = rows.map((r) => ({ id: r.id, type: r.type, at: r.at, onDate: r.on_date, payload: JSON.parse(r.payload) as Record<string, unknown> }));
    for (const d of computeDeadlines({ type: c.type, nonLitigation: c.non_litigation === 1 }, events, ctx.rules, ctx.cal)) {
      ins.run(caseId, d.ruleId, d.seq, d.startEventId, d.startOn, d.dueOn, d.dueAt, d.status, d.doneEventId, d.doneOn, d.excludedDays, c.stage, c.team_id ?? '', c.judge_id ?? 0);
    }
  }
}
