import type { Db } from '../../db/connection';
import { diffCalendarDays } from '../../../src-shared/domain/chineseDate';
import { unionDays, type CaseFact, type ReceiptFact } from '../../../src-shared/domain/metrics/facts';
import type { FactSet } from '../../../src-shared/domain/metrics/compute';
import type { Period } from '../../../src-shared/domain/metrics/period';
import { REBUILD_FACTS_SQL } from './factTriggers';
import { appendEvent, type Actor } from '../../events/log';
import type { MetricCaseFactsTable } from '../../db/tables/metrics';

export type Scope = { kind: 'court' } | { kind: 'team'; teamId: string } | { kind: 'judge'; judgeId: number };

/** A fact row as stored (the table type of migration 060), without the settled amount it does not read. */
type FactRow = Omit<MetricCaseFactsTable, 'settled_fen'>;

const COLS = 'case_id, number, type, filed_on, closed_on, mode, claim_fen, recovered_fen, non_litigation, team_id, judge_id, review_pass, deferred_until';

function scopeSql(scope: Scope, alias = ''): { sql: string; params: unknown[] } {
  if (scope.kind === 'team') return { sql: ` AND ${alias}team_id = ?`, params: [scope.teamId] };
  if (scope.kind === 'judge') return { sql: ` AND ${alias}judge_id = ?`, params: [scope.judgeId] };
  return { sql: '', params: [] };
}

/**
 * The facts a period needs: cases open at some time in [from, to] (closed on/after `from`, or still
 * open, and filed by `to`), and receipts not settled before `from`. Two index range scans each, so
 * a month reads only that month's traffic plus the open stock.
 */
export function loadFacts(db: Db, period: Period, scope: Scope = { kind: 'court' }): FactSet {
  const sc = scopeSql(scope);
  const rows = [
    ...db.raw<FactRow>(`SELECT ${COLS} FROM metric_case_facts WHERE closed_on >= ? AND filed_on <= ?${sc.sql}`, period.from, period.to, ...sc.params),
    ...db.raw<FactRow>(`SELECT ${COLS} FROM metric_case_facts WHERE closed_on IS NULL AND filed_on <= ?${sc.sql}`, period.to, ...sc.params),
  ];
  const suspensions = suspensionDays(db, period, scope);
  const cases: CaseFact[] = rows.map((r) => toCaseFact(r, suspensions.get(r.case_id) ?? 0));
  const deferred = new Map(rows.map((r) => [r.case_id, r.deferred_until]));
  const scr = scopeSql(scope, 'f.');
  const join = scope.kind === 'court' ? '' : ' JOIN metric_case_facts f ON f.case_id = r.case_id';
  const receiptRows = [
    ...db.raw<ReceiptRow>(`SELECT r.case_id, r.entry_id, r.arrived_on, r.amount_fen, r.paid_on FROM metric_receipts r${join} WHERE r.paid_on >= ? AND r.arrived_on <= ? AND r.reversed = 0${scr.sql}`, period.from, period.to, ...scr.params),
    ...db.raw<ReceiptRow>(`SELECT r.case_id, r.entry_id, r.arrived_on, r.amount_fen, r.paid_on FROM metric_receipts r${join} WHERE r.paid_on IS NULL AND r.arrived_on <= ? AND r.reversed = 0${scr.sql}`, period.to, ...scr.params),
  ];
  const receipts: ReceiptFact[] = receiptRows.map((r) => ({
    entryId: r.entry_id,
    caseId: r.case_id,
    arrivedOn: r.arrived_on,
    amountFen: r.amount_fen,
    paidOn: r.paid_on,
    deferredUntil: deferred.get(r.case_id) ?? null,
  }));
  return { cases, receipts };
}

interface ReceiptRow {
  case_id: number;
  entry_id: string;
  arrived_on: string;
  amount_fen: number;
  paid_on: string | null;
}

function toCaseFact(r: FactRow, suspendedDays: number): CaseFact {
  return {
    caseId: r.case_id,
    number: r.number,
    type: r.type,
    filedOn: r.filed_on,
    closedOn: r.closed_on,
    mode: r.mode,
    claimFen: r.claim_fen,
    recoveredFen: r.recovered_fen,
    nonLitigation: r.non_litigation === 1,
    teamId: r.team_id,
    judgeId: r.judge_id,
    suspendedDays,
    reviewPass: r.review_pass === null ? null : r.review_pass === 1,
  };
}

/** Facts of the given cases regardless of period (drill-down of money metrics). */
export function loadCaseFacts(db: Db, ids: readonly number[]): CaseFact[] {
  if (ids.length === 0) return [];
  return db.raw<FactRow>(`SELECT ${COLS} FROM metric_case_facts WHERE case_id IN (${ids.map(() => '?').join(',')})`, ...ids).map((r) => toCaseFact(r, 0));
}

/** Suspended days (union of intervals between filing and closure) of the cases closed in the period. */
function suspensionDays(db: Db, period: Period, scope: Scope): Map<number, number> {
  const sc = scopeSql(scope, 'f.');
  const rows = db.raw<{ case_id: number; from_date: string; to_date: string | null; filed_on: string; closed_on: string }>(
    `SELECT s.case_id, s.from_date, s.to_date, f.filed_on, f.closed_on FROM metric_suspensions s JOIN metric_case_facts f ON f.case_id = s.case_id
     WHERE f.closed_on BETWEEN ? AND ?${sc.sql} ORDER BY s.case_id`,
    period.from,
    period.to,
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

/** Recomputes every fact table from the event log in one transaction, and logs that it did. */
export function rebuildFacts(db: Db, actor: Actor, at: Date): { cases: number; receipts: number } {
  return db.tx(() => {
    db.sqlite.exec(REBUILD_FACTS_SQL);
    const n = db.raw<{ cases: number; receipts: number }>('SELECT (SELECT count(*) FROM metric_case_facts) AS cases, (SELECT count(*) FROM metric_receipts) AS receipts')[0]!;
    appendEvent(db, actor, at, { caseId: null, type: 'metrics.factsRebuilt', payload: n as unknown as Record<string, unknown> });
    return n;
  });
}
