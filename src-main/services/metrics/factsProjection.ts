import type { Db } from '../../db/connection';
import type { MetricCaseFactsTable } from '../../db/tables/metrics';
import { ApiError } from '../../../src-shared/api/errors';
import { rebuildProgress } from '../../events/projectionState';
import { clockEntriesFromEvents, PAYOUT_CLOCK_EVENTS } from '../../../src-shared/domain/payoutClock';
import { readCaseEvents, type AnyCaseEvent, type Projection } from '../../events/projection';
import {
  applyPayoutClock,
  emptyMetricState,
  foldMetricEvent,
  FOLDED_TYPES,
  type CaseMetricState,
  type Changed,
  type FactState,
  type FoldedEvent,
  type RegisterFacts,
} from '../../../src-shared/domain/metrics/factsFold';

// The metric facts (metric_case_facts, metric_suspensions, metric_receipts; migration 060) as a
// projection of the event log. The rules are the pure fold of src-shared/domain/metrics/factsFold.ts;
// this module loads a case's state, folds the event in, and stores what changed. Re-projection folds
// each case's whole log in memory and stores it once.
// v1: the rules of the SQL triggers it replaces. v2: a corrected closure date moves the closure.
// v3: receipts are paid out and deferred by the one payout clock (payoutClock.ts), not by their own FIFO.

type FactRow = MetricCaseFactsTable;

const isClockEvent = (type: string) => (PAYOUT_CLOCK_EVENTS as readonly string[]).includes(type);

const toFact = (r: FactRow): FactState => ({
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
  reviewPass: r.review_pass === null ? null : r.review_pass === 1 ? 1 : 0,
  settledFen: r.settled_fen,
  deferredUntil: r.deferred_until,
});

function register(db: Db, caseId: number): RegisterFacts | undefined {
  const c = db.raw<{ number: string; type: string; claim_fen: number; non_litigation: number }>('SELECT number, type, claim_fen, non_litigation FROM cases WHERE id = ?', caseId)[0];
  return c && { number: c.number, type: c.type, claimFen: c.claim_fen, nonLitigation: c.non_litigation === 1 };
}

/** The parts of a case's state an event type reads (the rest is not loaded). */
function partsFor(type: string): Changed {
  if (type === 'case.suspended' || type === 'case.unsuspended') return { fact: false, suspensions: true, receipts: false };
  if (type === 'ledger.receipt' || type === 'ledger.reversal') return { fact: false, suspensions: false, receipts: true };
  if (type === 'ledger.payout' || type === 'ledger.fee' || type === 'ledger.refund' || type === 'ledger.deferral') return { fact: true, suspensions: false, receipts: true };
  return { fact: true, suspensions: false, receipts: false };
}

function loadState(db: Db, caseId: number, parts: Changed): CaseMetricState {
  const fact = parts.fact ? db.raw<FactRow>('SELECT * FROM metric_case_facts WHERE case_id = ?', caseId)[0] : undefined;
  return {
    fact: fact ? toFact(fact) : null,
    suspensions: !parts.suspensions ? [] : db.raw<{ kind: string; from_date: string; to_date: string | null }>('SELECT kind, from_date, to_date FROM metric_suspensions WHERE case_id = ? ORDER BY id', caseId).map((r) => ({ kind: r.kind, from: r.from_date, to: r.to_date })),
    receipts: !parts.receipts
      ? []
      : db
          .raw<{ entry_id: string; arrived_on: string; amount_fen: number; paid_on: string | null; deferred_until: string | null; reversed: number }>('SELECT entry_id, arrived_on, amount_fen, paid_on, deferred_until, reversed FROM metric_receipts WHERE case_id = ? ORDER BY rowid', caseId)
      .map((r) => ({ entryId: r.entry_id, arrivedOn: r.arrived_on, amountFen: r.amount_fen, paidOn: r.paid_on, deferredUntil: r.deferred_until, reversed: r.reversed === 1 })),
  };
}

/** Writes the changed parts of a case's state (suspensions and receipts are rewritten in their order). */
function saveState(db: Db, caseId: number, s: CaseMetricState, changed: Changed): void {
  if (changed.fact && s.fact) {
    const f = s.fact;
    db.rawRun(
      `INSERT INTO metric_case_facts (case_id, number, type, filed_on, closed_on, mode, claim_fen, recovered_fen, non_litigation, team_id, judge_id, review_pass, settled_fen, deferred_until)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET filed_on = excluded.filed_on, closed_on = excluded.closed_on, mode = excluded.mode, recovered_fen = excluded.recovered_fen,
         team_id = excluded.team_id, judge_id = excluded.judge_id, review_pass = excluded.review_pass, settled_fen = excluded.settled_fen, deferred_until = excluded.deferred_until`,
      caseId,
      f.number,
      f.type,
      f.filedOn,
      f.closedOn,
      f.mode,
      f.claimFen,
      f.recoveredFen,
      f.nonLitigation ? 1 : 0,
      f.teamId,
      f.judgeId,
      f.reviewPass,
      f.settledFen,
      f.deferredUntil,
    );
  }
  if (changed.suspensions) {
    db.rawRun('DELETE FROM metric_suspensions WHERE case_id = ?', caseId);
    for (const x of s.suspensions) db.rawRun('INSERT INTO metric_suspensions (case_id, kind, from_date, to_date) VALUES (?, ?, ?, ?)', caseId, x.kind, x.from, x.to);
  }
  if (changed.receipts) {
    db.rawRun('DELETE FROM metric_receipts WHERE case_id = ?', caseId);
    for (const r of s.receipts) db.rawRun('INSERT INTO metric_receipts (case_id, entry_id, arrived_on, amount_fen, paid_on, deferred_until, reversed) VALUES (?, ?, ?, ?, ?, ?, ?)', caseId, r.entryId, r.arrivedOn, r.amountFen, r.paidOn, r.deferredUntil, r.reversed ? 1 : 0);
  }
}

/** The live path: one event of one case. */
function applyOne(db: Db, e: AnyCaseEvent): void {
  const s = loadState(db, e.caseId, partsFor(e.type));
  const changed = foldMetricEvent(s, e as FoldedEvent, () => register(db, e.caseId));
  // Any ledger event may move the receipts' clock: read it over the case's whole ledger.
  if (isClockEvent(e.type) && applyPayoutClock(s.receipts, clockEntriesFromEvents(readCaseEvents(db, e.caseId, e.caseId, PAYOUT_CLOCK_EVENTS)))) changed.receipts = true;
  if (changed.fact || changed.suspensions || changed.receipts) saveState(db, e.caseId, s, changed);
}

const all: Changed = { fact: true, suspensions: true, receipts: true };

/** Re-projection of cases [from, to]: clear them, fold each case's log in memory, store once. */
function rebuildRange(db: Db, from: number, to: number): void {
  db.rawRun('DELETE FROM metric_case_facts WHERE case_id BETWEEN ? AND ?', from, to);
  db.rawRun('DELETE FROM metric_suspensions WHERE case_id BETWEEN ? AND ?', from, to);
  db.rawRun('DELETE FROM metric_receipts WHERE case_id BETWEEN ? AND ?', from, to);
  const registers = new Map(
    db
      .raw<{ id: number; number: string; type: string; claim_fen: number; non_litigation: number }>('SELECT id, number, type, claim_fen, non_litigation FROM cases WHERE id BETWEEN ? AND ?', from, to)
      .map((c) => [c.id, { number: c.number, type: c.type, claimFen: c.claim_fen, nonLitigation: c.non_litigation === 1 }]),
  );
  let current = -1;
  let state = emptyMetricState();
  let ledger: AnyCaseEvent[] = [];
  const flush = () => {
    if (current < 0) return;
    applyPayoutClock(state.receipts, clockEntriesFromEvents(ledger));
    saveState(db, current, state, all);
  };
  for (const e of readCaseEvents(db, from, to, FOLDED_TYPES)) {
    if (e.caseId !== current) {
      flush();
      current = e.caseId;
      state = emptyMetricState();
      ledger = [];
    }
    if (isClockEvent(e.type)) ledger.push(e);
    foldMetricEvent(state, e as FoldedEvent, () => registers.get(e.caseId));
  }
  flush();
}

export const metricFacts: Projection = {
  name: 'metricFacts',
  label: '指标事实表',
  version: 3,
  types: FOLDED_TYPES,
  chunk: 5000,
  apply: applyOne,
  rebuild: rebuildRange,
};

/** Files that leave the court (the monthly report, the printed dashboard) wait until the facts are current again. */
export function assertFactsCurrent(db: Db): void {
  const r = rebuildProgress(db, metricFacts);
  if (r) throw new ApiError('conflict', `${r.label}正在按新规则重新生成（已完成 ${r.done} / ${r.total} 件案件），完成后再导出`);
}
