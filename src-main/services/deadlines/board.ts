import type { Db } from '../../db/connection';
import { BUCKET_LABELS, DEADLINE_STATUS_LABELS, type Bucket, type DeadlineStatus } from '../../../src-shared/domain/deadlines';
import { DEADLINE_UNIT_LABELS } from '../../../src-shared/domain/deadlineRules';
import { STAGE_LABELS, type CaseStage } from '../../../src-shared/domain/stages';
import { addWorkingDays, workingDaysBetween } from '../../../src-shared/domain/workingDays';
import { diffCalendarDays } from '../../../src-shared/domain/chineseDate';
import { getSettings } from '../settings/settings';
import { loadCalendar } from '../calendar/calendar';
import { getCaseRow } from '../cases/queries';
import { scopeFilter, type CaseScope } from '../auth/scope';

// The deadline board (节点监控): open clocks that are overdue, due today, or due within N working
// days, counted per stage, team, officer and rule; each count drills down to its cases. Reads only
// the derived table through its partial index (callers run syncDeadlines first).

export interface BoardCell {
  key: string;
  label: string;
  overdue: number;
  today: number;
  soon: number;
}

export interface BoardFilter {
  bucket?: Bucket | undefined;
  stage?: string | undefined;
  /** '' = cases not yet with a team (the command centre). */
  teamId?: string | undefined;
  /** 0 = no officer yet. */
  judgeId?: number | undefined;
  ruleId?: string | undefined;
}

export interface Window {
  now: string;
  today: string;
  horizon: string;
}

export function boardWindow(db: Db, now: Date, today: string, cal = loadCalendar(db), soon = getSettings(db).deadlineSoonWorkingDays): Window {
  return { now: now.toISOString(), today, horizon: addWorkingDays(today, soon, cal) };
}

const BUCKET_SQL = `CASE WHEN d.due_on < @today OR (d.due_at IS NOT NULL AND d.due_at < @now) THEN 'overdue' WHEN d.due_on = @today THEN 'today' ELSE 'soon' END`;

type TallyRow = { stage: string; team: string; judge: number; rule: string; bucket: Bucket; n: number };

/**
 * Board counts from the tally (per day, stage, team, officer, rule), plus one correction: hour
 * clocks due today whose hour has passed are overdue already, read from the clocks themselves.
 */
function tally(db: Db, w: Window, f: BoardFilter = {}): TallyRow[] {
  const where: string[] = ['t.due_on <= @horizon', 't.n > 0'];
  const hw: string[] = [`d.status = 'open'`, 'd.due_on = @today', 'd.due_at IS NOT NULL', 'd.due_at < @now'];
  const params: Record<string, unknown> = { ...w };
  const add = (col: string, key: keyof BoardFilter) => {
    if (f[key] === undefined) return;
    where.push(`t.${col} = @${key}`);
    hw.push(`d.${col} = @${key}`);
    params[key] = f[key];
  };
  add('stage', 'stage');
  add('team_id', 'teamId');
  add('judge_id', 'judgeId');
  add('rule_id', 'ruleId');
  const rows = db.sqlite
    .prepare(
      `SELECT t.stage AS stage, t.team_id AS team, t.judge_id AS judge, t.rule_id AS rule,
              CASE WHEN t.due_on < @today THEN 'overdue' WHEN t.due_on = @today THEN 'today' ELSE 'soon' END AS bucket, SUM(t.n) AS n
       FROM deadline_tally t WHERE ${where.join(' AND ')} GROUP BY 1, 2, 3, 4, 5`,
    )
    .all(params) as TallyRow[];
  const late = db.sqlite
    .prepare(`SELECT d.stage AS stage, d.team_id AS team, d.judge_id AS judge, d.rule_id AS rule, count(*) AS n FROM deadlines d WHERE ${hw.join(' AND ')} GROUP BY 1, 2, 3, 4`)
    .all(params) as Omit<TallyRow, 'bucket'>[];
  for (const l of late) {
    const same = (r: TallyRow) => r.stage === l.stage && r.team === l.team && r.judge === l.judge && r.rule === l.rule;
    const today = rows.find((r) => same(r) && r.bucket === 'today');
    if (today) today.n -= l.n;
    const overdue = rows.find((r) => same(r) && r.bucket === 'overdue');
    if (overdue) overdue.n += l.n;
    else rows.push({ ...l, bucket: 'overdue' });
  }
  return rows;
}

/** The tally over the caller's cases, further narrowed by `filter` (a team's or an officer's clocks). */
function scopedTally(db: Db, w: Window, scope: CaseScope, filter: BoardFilter = {}): TallyRow[] {
  const narrowed = scopeFilter(scope, filter);
  return narrowed ? tally(db, w, narrowed) : [];
}

/**
 * THE count of 节点超期 and 即将到期: open clocks past their due day (or hour) and those due today or
 * within the horizon, per team. The board's totals and the dashboard's line are both this function.
 */
export function deadlineCounts(db: Db, w: Window, scope: CaseScope, filter: BoardFilter = {}, rows = scopedTally(db, w, scope, filter)) {
  const totals = { overdue: 0, today: 0, soon: 0 };
  const byTeam = new Map<string, number>();
  for (const r of rows) {
    totals[r.bucket] += r.n;
    if (r.bucket === 'overdue') byTeam.set(r.team, (byTeam.get(r.team) ?? 0) + r.n);
  }
  return {
    totals,
    overdue: totals.overdue,
    dueSoon: totals.today + totals.soon,
    byTeam: [...byTeam].filter(([, n]) => n > 0).map(([team, n]) => ({ teamId: team === '' ? null : team, overdue: n })),
  };
}

/** The board; a tribunal team's officer counts only the team's clocks (none while the officer has no team). */
export function deadlineBoard(db: Db, w: Window, scope: CaseScope) {
  const rows = scopedTally(db, w, scope);
  const settings = getSettings(db);
  const teamNames = new Map(settings.teams.map((t) => [t.id, t.name]));
  const ruleNames = new Map(settings.deadlineRules.map((r) => [r.id, r.name]));
  const judgeIds = [...new Set(rows.map((r) => r.judge).filter((j) => j > 0))];
  const judgeNames = new Map(
    judgeIds.length ? db.all(db.q.selectFrom('users').select(['id', 'display_name']).where('id', 'in', judgeIds)).map((u) => [u.id, u.display_name]) : [],
  );
  const group = (keyOf: (r: TallyRow) => string, labelOf: (k: string) => string): BoardCell[] => {
    const m = new Map<string, BoardCell>();
    for (const r of rows) {
      const k = keyOf(r);
      let cell = m.get(k);
      if (!cell) m.set(k, (cell = { key: k, label: labelOf(k), overdue: 0, today: 0, soon: 0 }));
      cell[r.bucket] += r.n;
    }
    return [...m.values()]
      .filter((c) => c.overdue + c.today + c.soon > 0)
      .sort((a, b) => b.overdue - a.overdue || b.today - a.today || b.soon - a.soon || a.label.localeCompare(b.label, 'zh'));
  };
  return {
    ...w,
    totals: deadlineCounts(db, w, scope, {}, rows).totals,
    byStage: group((r) => r.stage, (k) => STAGE_LABELS[k as CaseStage] ?? k),
    byTeam: group((r) => r.team, (k) => (k === '' ? '指挥中心（未分案）' : (teamNames.get(k) ?? k))),
    byOfficer: group((r) => String(r.judge), (k) => (k === '0' ? '未确定承办人' : (judgeNames.get(Number(k)) ?? `用户${k}`))),
    byRule: group((r) => r.rule, (k) => ruleNames.get(k) ?? k),
  };
}

/** The cases behind one number of the board (the total comes from the tally, the page from the clocks). */
export function boardCases(db: Db, w: Window, f: BoardFilter, offset: number, limit: number) {
  const where: string[] = [`d.status = 'open'`, `d.due_on <= @horizon`];
  const params: Record<string, unknown> = { ...w, offset, limit };
  if (f.bucket) {
    where.push(`(${BUCKET_SQL}) = @bucket`);
    // Narrow the index range to the bucket's days before the exact test.
    if (f.bucket === 'overdue') where.push('d.due_on <= @today');
    else if (f.bucket === 'today') where.push('d.due_on = @today');
    else where.push('d.due_on > @today');
    params.bucket = f.bucket;
  }
  const add = (col: string, key: keyof BoardFilter) => {
    if (f[key] === undefined) return;
    where.push(`d.${col} = @${key}`);
    params[key] = f[key];
  };
  add('stage', 'stage');
  add('team_id', 'teamId');
  add('judge_id', 'judgeId');
  add('rule_id', 'ruleId');
  const total = tally(db, w, f)
    .filter((r) => !f.bucket || r.bucket === f.bucket)
    .reduce((a, r) => a + r.n, 0);
  const rows = db.sqlite
    .prepare(
      `SELECT d.case_id, c.number, d.stage, d.team_id, d.judge_id, u.display_name AS judge_name, c.applicant_names, c.debtor_names,
              d.rule_id, d.seq, d.start_on, d.due_on, d.due_at, ${BUCKET_SQL} AS bucket
       FROM deadlines d JOIN cases c ON c.id = d.case_id LEFT JOIN users u ON u.id = d.judge_id
       WHERE ${where.join(' AND ')} ORDER BY d.due_on, d.case_id LIMIT @limit OFFSET @offset`,
    )
    .all(params) as {
    case_id: number;
    number: string;
    stage: string;
    team_id: string;
    judge_id: number;
    judge_name: string | null;
    applicant_names: string;
    debtor_names: string;
    rule_id: string;
    seq: number;
    start_on: string;
    due_on: string;
    due_at: string | null;
    bucket: Bucket;
  }[];
  const ruleNames = new Map(getSettings(db).deadlineRules.map((r) => [r.id, r.name]));
  return {
    total,
    rows: rows.map((r) => ({
      caseId: r.case_id,
      number: r.number,
      stage: r.stage,
      teamId: r.team_id === '' ? null : r.team_id,
      judgeId: r.judge_id === 0 ? null : r.judge_id,
      judgeName: r.judge_name,
      applicants: r.applicant_names,
      debtors: r.debtor_names,
      ruleId: r.rule_id,
      ruleName: ruleNames.get(r.rule_id) ?? r.rule_id,
      seq: r.seq,
      startOn: r.start_on,
      dueOn: r.due_on,
      dueAt: r.due_at,
      bucket: r.bucket,
      bucketLabel: BUCKET_LABELS[r.bucket],
      daysOverdue: Math.max(0, diffCalendarDays(w.today, r.due_on)),
    })),
  };
}

/** A case's clocks for its page: every rule instance with its state in words. */
export function caseClocks(db: Db, caseId: number, w: Window) {
  getCaseRow(db, caseId);
  const settings = getSettings(db);
  const cal = loadCalendar(db);
  const rules = new Map(settings.deadlineRules.map((r) => [r.id, r]));
  const rows = db.all(db.q.selectFrom('deadlines').selectAll().where('case_id', '=', caseId).orderBy('start_event_id').orderBy('rule_id').orderBy('seq'));
  return rows.map((d) => {
    const rule = rules.get(d.rule_id);
    const status = d.status as DeadlineStatus;
    let bucket: Bucket | null = null;
    if (status === 'open' && d.due_on) {
      if (d.due_on < w.today || (d.due_at !== null && d.due_at < w.now)) bucket = 'overdue';
      else if (d.due_on === w.today) bucket = 'today';
      else if (d.due_on <= w.horizon) bucket = 'soon';
    }
    return {
      ruleId: d.rule_id,
      name: rule?.name ?? d.rule_id,
      source: rule?.source ?? '',
      limit: rule ? `${rule.amount}${DEADLINE_UNIT_LABELS[rule.unit]}${rule.repeat > 1 ? `（第${d.seq}期）` : ''}` : '',
      seq: d.seq,
      startOn: d.start_on,
      dueOn: d.due_on,
      dueAt: d.due_at,
      status,
      statusLabel: bucket ? BUCKET_LABELS[bucket] : DEADLINE_STATUS_LABELS[status],
      bucket,
      doneOn: d.done_on,
      excludedDays: d.excluded_days,
      /** Working days left (negative = overdue by) for open clocks with a due date. */
      workingDaysLeft: status === 'open' && d.due_on ? workingDaysBetween(w.today, d.due_on, cal) : null,
    };
  });
}
