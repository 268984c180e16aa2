import type { Db } from '../../db/connection';
import { computeDeadlines, type CaseEventLite } from '../../../src-shared/domain/deadlines';
import type { DeadlineRule } from '../../../src-shared/domain/deadlineRules';
import type { WorkingCalendar } from '../../../src-shared/domain/workingDays';
import { getSettings } from '../settings/settings';
import { loadCalendar } from '../calendar/calendar';
import { readCaseEvents } from '../../events/projection';
import { PAYOUT_CLOCK_EVENTS, PAYOUT_RULE_ID } from '../../../src-shared/domain/payoutClock';

// The clocks of a case, recomputed from its events by the pure src-shared/domain/deadlines.ts and
// stored in `deadlines` with their counts in `deadline_tally` (migration 030: the board must answer
// over 200,000 cases without replaying events). Run by the deadline projection
// (./projection.ts) inside appendEvent's transaction, and by its re-projection.

export interface DeadlineContext {
  rules: DeadlineRule[];
  soonWorkingDays: number;
  cal: WorkingCalendar;
  /** The event types the rules read (relevantTypes). */
  types: string[];
  /** Event types after which a case's clocks may change: the rules' types, and the moves of its stage, team or officer (the rows carry them). */
  recomputeOn: Set<string>;
}

/** Events that come with a change of the case's stage, team or officer, which every clock row of the case records. */
const REGISTER_MOVES = ['case.stageChanged', 'case.assigned', 'case.reassigned', 'triage.sentBack'];

export function deadlineContext(db: Db): DeadlineContext {
  const settings = getSettings(db);
  const types = relevantTypes(settings.deadlineRules);
  return { rules: settings.deadlineRules, soonWorkingDays: settings.deadlineSoonWorkingDays, cal: loadCalendar(db), types, recomputeOn: new Set([...types, ...REGISTER_MOVES]) };
}

// The context read once and kept while the rules and the calendar stay the same: an event must not
// parse every setting and the whole calendar. The key is read from the database each time, so a
// change made by another process (or a rolled-back one) is seen at once.
const cached = new WeakMap<Db, { key: string; ctx: DeadlineContext }>();
export function currentDeadlineContext(db: Db): DeadlineContext {
  const rules = db.raw<{ value: string }>(`SELECT value FROM settings WHERE key IN ('deadlineRules', 'deadlineSoonWorkingDays') ORDER BY key`).map((r) => r.value);
  const version = db.raw<{ value: string }>(`SELECT value FROM meta WHERE key = 'calendarVersion'`)[0]?.value ?? '0';
  const key = `${rules.join('|')}|calendar:${version}`;
  const hit = cached.get(db);
  if (hit && hit.key === key) return hit.ctx;
  const ctx = deadlineContext(db);
  cached.set(db, { key, ctx });
  return ctx;
}

/** Drops the kept context (the database file was replaced by a backup: its counters say nothing). */
export function forgetDeadlineContext(db: Db): void {
  cached.delete(db);
}

/** Events the rules look at (start, stop, cancel, suspensions): the rest of a case's log is skipped. */
export function relevantTypes(rules: readonly DeadlineRule[]): string[] {
  // Suspensions pause clocks; a closure's correction moves the day the 终本 re-queries run from.
  const types = new Set<string>(['case.suspended', 'case.unsuspended', 'case.closed', 'case.closureCorrected']);
  for (const r of rules) for (const m of [...r.start, ...r.stop, ...r.cancelOn]) types.add(m.type);
  // The payout clock reads every ledger entry that moves money or its due day (domain/payoutClock.ts).
  if (rules.some((r) => r.id === PAYOUT_RULE_ID && r.active)) for (const t of PAYOUT_CLOCK_EVENTS) types.add(t);
  return [...types];
}

const CLOCK_COLS = 'case_id, rule_id, seq, start_event_id, start_on, due_on, due_at, status, done_event_id, done_on, excluded_days, stage, team_id, judge_id';
const INSERT_CLOCK = `INSERT INTO deadlines (${CLOCK_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
/** A clock row as stored, columns in CLOCK_COLS order. */
type ClockRow = [number, string, number, number, string, string | null, string | null, string, number | null, string | null, number, string, string, number];

type CaseRow = { id: number; type: string; non_litigation: number; stage: string; team_id: string | null; judge_id: number | null };
type TallyKey = { due_on: string; stage: string; team_id: string; judge_id: number; rule_id: string };
const keyOf = (t: TallyKey) => `${t.due_on}|${t.stage}|${t.team_id}|${t.judge_id}|${t.rule_id}`;

/**
 * Recomputes the clocks of the given cases (ascending ids) from their events and replaces their rows
 * in `deadlines`; the board's open-clock counts in `deadline_tally` move by the difference. Must run
 * inside the caller's transaction (the rows of a case and its counts change all together).
 */
export function recomputeCases(db: Db, caseIds: readonly number[], ctx: DeadlineContext): void {
  if (caseIds.length === 0) return;
  const types = ctx.types;
  const lo = caseIds[0]!;
  const hi = caseIds[caseIds.length - 1]!;
  const wanted = new Set(caseIds);
  const cases = new Map(
    db.raw<CaseRow>('SELECT id, type, non_litigation, stage, team_id, judge_id FROM cases WHERE id BETWEEN ? AND ?', lo, hi)
      .filter((c) => wanted.has(c.id))
      .map((c) => [c.id, c]),
  );
  const eventsOf = new Map<number, CaseEventLite[]>();
  for (const e of readCaseEvents(db, lo, hi, types)) {
    if (!wanted.has(e.caseId)) continue;
    let list = eventsOf.get(e.caseId);
    if (!list) eventsOf.set(e.caseId, (list = []));
    list.push(e as CaseEventLite);
  }
  const tally = new Map<string, { key: TallyKey; n: number }>();
  const count = (k: TallyKey, d: number) => {
    const s = keyOf(k);
    const t = tally.get(s);
    if (t) t.n += d;
    else tally.set(s, { key: k, n: d });
  };
  const openKey = (r: ClockRow): TallyKey | null => (r[7] === 'open' && r[5] !== null ? { due_on: r[5] as string, stage: r[11] as string, team_id: r[12] as string, judge_id: r[13] as number, rule_id: r[1] as string } : null);
  for (const caseId of caseIds) {
    // The case's rows by primary key (with `status = 'open'` in the query SQLite would walk the
    // partial index of every open clock instead: seconds per chunk at 200,000 cases).
    const old = new Map<string, ClockRow>();
    for (const r of db.rows(`SELECT ${CLOCK_COLS} FROM deadlines WHERE case_id = ?`, caseId) as ClockRow[]) old.set(`${r[1]}|${r[2]}`, r);
    const c = cases.get(caseId);
    const fresh: ClockRow[] = [];
    if (c) {
      const team = c.team_id ?? '';
      const judge = c.judge_id ?? 0;
      for (const d of computeDeadlines({ type: c.type, nonLitigation: c.non_litigation === 1 }, eventsOf.get(caseId) ?? [], ctx.rules, ctx.cal)) {
        fresh.push([caseId, d.ruleId, d.seq, d.startEventId, d.startOn, d.dueOn, d.dueAt, d.status, d.doneEventId, d.doneOn, d.excludedDays, c.stage, team, judge]);
      }
    }
    // Only clocks that changed are replaced (most events move one or two of a case's clocks).
    for (const r of fresh) {
      const key = `${r[1]}|${r[2]}`;
      const before = old.get(key);
      old.delete(key);
      if (before && before.every((v, i) => v === r[i])) continue;
      if (before) {
        db.rawRun('DELETE FROM deadlines WHERE case_id = ? AND rule_id = ? AND seq = ?', caseId, r[1], r[2]);
        const k = openKey(before);
        if (k) count(k, -1);
      }
      db.rawRun(INSERT_CLOCK, ...r);
      const k = openKey(r);
      if (k) count(k, +1);
    }
    for (const gone of old.values()) {
      db.rawRun('DELETE FROM deadlines WHERE case_id = ? AND rule_id = ? AND seq = ?', caseId, gone[1], gone[2]);
      const k = openKey(gone);
      if (k) count(k, -1);
    }
  }
  applyTally(db, [...tally.values()].filter((t) => t.n !== 0));
}

/** Moves the board's counts; a count that reaches zero is removed. */
function applyTally(db: Db, changes: { key: TallyKey; n: number }[]): void {
  if (changes.length === 0) return;
  for (const { key: k, n } of changes) {
    db.rawRun(
      `INSERT INTO deadline_tally (due_on, stage, team_id, judge_id, rule_id, n) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (due_on, stage, team_id, judge_id, rule_id) DO UPDATE SET n = n + excluded.n`,
      k.due_on, k.stage, k.team_id, k.judge_id, k.rule_id, n,
    );
    if (n < 0) db.rawRun(`DELETE FROM deadline_tally WHERE due_on = ? AND stage = ? AND team_id = ? AND judge_id = ? AND rule_id = ? AND n <= 0`, k.due_on, k.stage, k.team_id, k.judge_id, k.rule_id);
  }
}
