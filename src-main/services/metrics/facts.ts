import type { Db } from '../../db/connection';
import { diffCalendarDays } from '../../../src-shared/domain/chineseDate';
import { unionDays, type CaseFact, type ReceiptFact } from '../../../src-shared/domain/metrics/facts';
import type { FactSet } from '../../../src-shared/domain/metrics/compute';
import type { Period } from '../../../src-shared/domain/metrics/period';
import { appendEvent, type Actor } from '../../events/log';
import type { App } from '../../app/app';
import { rebuildNow } from '../../events/reproject';
import { metricFacts } from './factsProjection';

export type Scope = { kind: 'court' } | { kind: 'team'; teamId: string } | { kind: 'judge'; judgeId: number };

/** The fact columns read, in the order toCaseFact takes them (deferred_until last). */
const COLS = 'case_id, number, type, filed_on, closed_on, mode, claim_fen, recovered_fen, non_litigation, team_id, judge_id, review_pass, deferred_until';
/** The same without the case number, which no figure reads (a third of the bytes of a row). */
const FIGURE_COLS = "case_id, '', type, filed_on, closed_on, mode, claim_fen, recovered_fen, non_litigation, team_id, judge_id, review_pass, deferred_until";

function scopeSql(scope: Scope, alias = ''): { sql: string; params: unknown[] } {
  if (scope.kind === 'team') return { sql: ` AND ${alias}team_id = ?`, params: [scope.teamId] };
  if (scope.kind === 'judge') return { sql: ` AND ${alias}judge_id = ?`, params: [scope.judgeId] };
  return { sql: '', params: [] };
}

const inScope = (scope: Scope, teamId: string | null, judgeId: number | null) =>
  scope.kind === 'court' || (scope.kind === 'team' ? teamId === scope.teamId : judgeId === scope.judgeId);

/** A receipt with its case's scope columns (its deferral is its case's, known per period). */
interface SpanReceipt extends ReceiptFact {
  teamId: string | null;
  judgeId: number | null;
  /** Whether the case has a fact row (a receipt joins its case's scope only through it). */
  hasFact: boolean;
}

/**
 * The facts of every period inside [from, to], read once: the dashboard's thirteen months and its
 * team comparison are worked out from one read instead of one read each. `factsOf` cuts out what a
 * single period (and scope) reads, exactly the rows `loadFacts` would have read for it.
 */
export interface FactSpan {
  from: string;
  to: string;
  scope: Scope;
  /** Read with the receipts' scope columns: a court-wide span that can be cut into teams and officers. */
  narrowed: boolean;
  cases: CaseFact[];
  /** The approved payout deferral of each case, by position in `cases`. */
  deferredUntil: (string | null)[];
  receipts: SpanReceipt[];
}

/**
 * Reads the span: cases open at some time in [from, to] (closed on/after `from`, or still open,
 * and filed by `to`), and receipts not settled before `from` that arrived by `to`. Two index range
 * scans each, so a month reads only that month's traffic plus the open stock. Rows are read as
 * arrays (no object per row): a year of a 200,000-case court is 25,000 of them.
 */
export function loadFactSpan(db: Db, from: string, to: string, scope: Scope = { kind: 'court' }, opts: { narrowed?: boolean; numbers?: boolean } = {}): FactSpan {
  const sc = scopeSql(scope);
  // Case numbers and receipt entry ids only for the rows that leave as a list (export, drill-down).
  const cols = opts.numbers === false ? FIGURE_COLS : COLS;
  const rows = [
    ...db.rows(`SELECT ${cols} FROM metric_case_facts WHERE closed_on >= ? AND filed_on <= ?${sc.sql}`, from, to, ...sc.params),
    ...db.rows(`SELECT ${cols} FROM metric_case_facts WHERE closed_on IS NULL AND filed_on <= ?${sc.sql}`, to, ...sc.params),
  ];
  const suspensions = suspensionDays(db, from, to, scope);
  const cases = rows.map((r) => toCaseFact(r, suspensions.get(r[0] as number) ?? 0));
  const deferredUntil = rows.map((r) => r[12] as string | null);
  const scr = scopeSql(scope, 'f.');
  // A receipt's team and officer are its case's: read only when the court's span will be cut into teams.
  const withScope = scope.kind !== 'court' || opts.narrowed === true;
  const receiptCols = `${opts.numbers === false ? "''" : 'r.entry_id'}, r.case_id, r.arrived_on, r.amount_fen, r.paid_on, r.deferred_until${withScope ? ', f.team_id, f.judge_id, f.case_id IS NOT NULL' : ''}`;
  const join = scope.kind !== 'court' ? ' JOIN metric_case_facts f ON f.case_id = r.case_id' : withScope ? ' LEFT JOIN metric_case_facts f ON f.case_id = r.case_id' : '';
  const receipts = [
    ...db.rows(`SELECT ${receiptCols} FROM metric_receipts r${join} WHERE r.paid_on >= ? AND r.arrived_on <= ? AND r.reversed = 0${scr.sql}`, from, to, ...scr.params),
    ...db.rows(`SELECT ${receiptCols} FROM metric_receipts r${join} WHERE r.paid_on IS NULL AND r.arrived_on <= ? AND r.reversed = 0${scr.sql}`, to, ...scr.params),
  ].map((r): SpanReceipt => ({ entryId: r[0] as string, caseId: r[1] as number, arrivedOn: r[2] as string, amountFen: r[3] as number, paidOn: r[4] as string | null, deferredUntil: r[5] as string | null, teamId: (r[6] ?? null) as string | null, judgeId: (r[7] ?? null) as number | null, hasFact: r[8] === 1 }));
  return { from, to, scope, narrowed: withScope, cases, deferredUntil, receipts };
}

/**
 * The facts one period (inside the span) needs, in one scope (the span's, or narrower when the span
 * is the court's): the same rows loadFacts reads for that period. A receipt's deferral is known
 * when its case is among the period's cases.
 */
export function factsOf(span: FactSpan, period: Period, scope: Scope = span.scope): FactSet {
  if (period.from < span.from || period.to > span.to) throw new Error(`period ${period.code} outside the facts read (${span.from}–${span.to})`);
  if (span.scope.kind !== 'court' && scope !== span.scope) throw new Error('a narrower scope needs the court-wide facts');
  if (scope.kind !== 'court' && span.scope.kind === 'court' && !span.narrowed) throw new Error('cutting the court into teams needs the receipts read with their scope');
  const { from, to } = period;
  const cases: CaseFact[] = [];
  span.cases.forEach((f) => {
    if (f.filedOn > to || (f.closedOn !== null && f.closedOn < from)) return;
    if (!inScope(scope, f.teamId, f.judgeId)) return;
    cases.push(f);
  });
  const receipts: ReceiptFact[] = [];
  for (const r of span.receipts) {
    if (r.arrivedOn > to || (r.paidOn !== null && r.paidOn < from)) continue;
    if (scope.kind !== 'court' && !(r.hasFact && inScope(scope, r.teamId, r.judgeId))) continue;
    receipts.push({ entryId: r.entryId, caseId: r.caseId, arrivedOn: r.arrivedOn, amountFen: r.amountFen, paidOn: r.paidOn, deferredUntil: r.deferredUntil });
  }
  return { cases, receipts };
}

/**
 * The facts a period needs (one read: every row of the span is the period's). `numbers: false` for
 * figures only: case numbers and receipt entry ids are left empty.
 */
export function loadFacts(db: Db, period: Period, scope: Scope = { kind: 'court' }, opts: { numbers?: boolean } = {}): FactSet {
  const span = loadFactSpan(db, period.from, period.to, scope, opts);
  // Plain receipt facts (the export writes them as they are).
  const receipts = span.receipts.map((r): ReceiptFact => ({ entryId: r.entryId, caseId: r.caseId, arrivedOn: r.arrivedOn, amountFen: r.amountFen, paidOn: r.paidOn, deferredUntil: r.deferredUntil }));
  return { cases: span.cases, receipts };
}

type Row = unknown[];

function toCaseFact(r: Row, suspendedDays: number): CaseFact {
  return {
    caseId: r[0] as number,
    number: r[1] as string,
    type: r[2] as string,
    filedOn: r[3] as string,
    closedOn: r[4] as string | null,
    mode: r[5] as string | null,
    claimFen: r[6] as number,
    recoveredFen: r[7] as number,
    nonLitigation: r[8] === 1,
    teamId: r[9] as string | null,
    judgeId: r[10] as number | null,
    suspendedDays,
    reviewPass: r[11] === null ? null : r[11] === 1,
  };
}

/** Facts of the given cases regardless of period (drill-down of money metrics). */
export function loadCaseFacts(db: Db, ids: readonly number[]): CaseFact[] {
  if (ids.length === 0) return [];
  return db.rows(`SELECT ${COLS} FROM metric_case_facts WHERE case_id IN (${ids.map(() => '?').join(',')})`, ...ids).map((r) => toCaseFact(r, 0));
}

/** Suspended days (union of intervals between filing and closure) of the cases closed in [from, to]. */
function suspensionDays(db: Db, from: string, to: string, scope: Scope): Map<number, number> {
  const sc = scopeSql(scope, 'f.');
  const rows = db.raw<{ case_id: number; from_date: string; to_date: string | null; filed_on: string; closed_on: string }>(
    // Driven by the suspensions (few) and their cases by primary key: left to itself the planner walked
    // every fact closed in the period through the officer index (a skip-scan) and probed each one.
    `SELECT s.case_id, s.from_date, s.to_date, f.filed_on, f.closed_on FROM metric_suspensions s CROSS JOIN metric_case_facts f ON f.case_id = s.case_id
     WHERE f.closed_on BETWEEN ? AND ?${sc.sql} ORDER BY s.case_id`,
    from,
    to,
    ...sc.params,
  );
  const byCase = new Map<number, { from: string; to: string | null }[]>();
  const bounds = new Map<number, [string, string]>();
  for (const r of rows) {
    let list = byCase.get(r.case_id);
    if (!list) byCase.set(r.case_id, (list = []));
    list.push({ from: r.from_date, to: r.to_date });
    bounds.set(r.case_id, [r.filed_on, r.closed_on]);
  }
  const out = new Map<number, number>();
  for (const [id, list] of byCase) {
    const [start, end] = bounds.get(id)!;
    out.set(id, unionDays(list, start, end, diffCalendarDays));
  }
  return out;
}

/**
 * Derives every fact table again from the event log through the projection's own code (a job with
 * progress; the call returns when it is done), and logs that it did. The result must equal the
 * facts kept live: tests/integration/projections.test.ts checks it on the demo court.
 */
export async function rebuildFacts(app: App, actor: Actor): Promise<{ cases: number; receipts: number }> {
  await rebuildNow(app, metricFacts);
  const db = app.db;
  return db.tx(() => {
    const n = db.raw<{ cases: number; receipts: number }>('SELECT (SELECT count(*) FROM metric_case_facts) AS cases, (SELECT count(*) FROM metric_receipts) AS receipts')[0]!;
    appendEvent(db, actor, app.clock.now(), { caseId: null, type: 'metrics.factsRebuilt', payload: n });
    return n;
  });
}
