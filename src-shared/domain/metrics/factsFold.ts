import type { EventPayload } from '../events';
import { receiptOutcomes, type ClockEntry } from '../payoutClock';

// The rules that turn a case's events into its metric facts (metrics.md §0–§6): one fold, pure, run
// by the metric-facts projection for each new event and, case by case, to re-derive the facts from
// the whole log. The projection (src-main/services/metrics/factsProjection.ts) only loads and stores
// this state; everything a figure later reads is decided here.

/** What the register says about the case when it is filed (number, type, claim — the event does not carry them all). */
export interface RegisterFacts {
  number: string;
  type: string;
  claimFen: number;
  nonLitigation: boolean;
}

export interface FactState {
  number: string;
  type: string;
  filedOn: string;
  closedOn: string | null;
  mode: string | null;
  claimFen: number;
  recoveredFen: number;
  nonLitigation: boolean;
  teamId: string | null;
  judgeId: number | null;
  /** Latest 终本 quality review: 1 pass, 0 fail, null none. */
  reviewPass: 0 | 1 | null;
  /** Money that left the case account (payouts, fee settlements, refunds). */
  settledFen: number;
  deferredUntil: string | null;
}

export interface SuspensionState {
  kind: string;
  from: string;
  to: string | null;
}

export interface ReceiptState {
  entryId: string;
  arrivedOn: string;
  amountFen: number;
  paidOn: string | null;
  /** The deferral end the receipt's due day carries (payoutClock.receiptOutcomes). */
  deferredUntil: string | null;
  reversed: boolean;
}

/** One case's metric state: its fact row (none until it is filed), suspensions and receipts in arrival order. */
export interface CaseMetricState {
  fact: FactState | null;
  suspensions: SuspensionState[];
  receipts: ReceiptState[];
}

/** Which parts of the state an event changed (the projection rewrites only those). */
export interface Changed {
  fact: boolean;
  suspensions: boolean;
  receipts: boolean;
}

type Ev<T extends FoldedType> = { type: T; onDate: string; payload: EventPayload<T> };
export const FOLDED_TYPES = [
  'case.filed',
  'case.migrated',
  'case.closed',
  'case.closureCorrected',
  'case.assigned',
  'case.reassigned',
  'archive.reviewed',
  'case.suspended',
  'case.unsuspended',
  'ledger.receipt',
  'ledger.payout',
  'ledger.fee',
  'ledger.refund',
  'ledger.reversal',
  'ledger.deferral',
] as const;
export type FoldedType = (typeof FOLDED_TYPES)[number];
export type FoldedEvent = { [T in FoldedType]: Ev<T> }[FoldedType];

export const emptyMetricState = (): CaseMetricState => ({ fact: null, suspensions: [], receipts: [] });

/**
 * Folds one event into the case's state (in place) and says what changed. `register` is read only
 * on filing. Payloads are read defensively (`?? 0`): rows written before payloads had schemas.
 */
export function foldMetricEvent(s: CaseMetricState, e: FoldedEvent, register: () => RegisterFacts | undefined): Changed {
  const none = { fact: false, suspensions: false, receipts: false };
  const f = s.fact;
  switch (e.type) {
    case 'case.filed':
    case 'case.migrated': {
      if (f) {
        f.filedOn = e.onDate;
        return { ...none, fact: true };
      }
      const r = register();
      if (!r) return none;
      s.fact = { ...r, filedOn: e.onDate, closedOn: null, mode: null, recoveredFen: 0, teamId: null, judgeId: null, reviewPass: null, settledFen: 0, deferredUntil: null };
      return { ...none, fact: true };
    }
    // The latest closure event wins.
    case 'case.closed':
      if (!f) return none;
      f.closedOn = e.onDate;
      f.mode = e.payload.mode ?? null;
      f.recoveredFen = e.payload.recoveredFen ?? 0;
      return { ...none, fact: true };
    // A supervisor's correction of the closure date moves the closure in the figures too, as it does
    // in the register (services/closure/correct.ts updates cases.closed_on). Since version 2.
    case 'case.closureCorrected': {
      const to = e.payload.after?.closedOn;
      if (!f || typeof to !== 'string') return none;
      f.closedOn = to;
      return { ...none, fact: true };
    }
    // The latest assignment names the team and officer the case counts for.
    case 'case.assigned':
    case 'case.reassigned':
      if (!f) return none;
      f.teamId = e.payload.teamId === undefined || e.payload.teamId === null ? null : String(e.payload.teamId);
      f.judgeId = e.payload.judgeId === undefined || e.payload.judgeId === null ? null : Number(e.payload.judgeId);
      return { ...none, fact: true };
    case 'archive.reviewed':
      if (!f) return none;
      f.reviewPass = e.payload.pass === true ? 1 : e.payload.pass === false ? 0 : null;
      return { ...none, fact: true };
    // Suspensions pair by kind, like the deadline clocks (src-shared/domain/deadlines.ts).
    case 'case.suspended': {
      const kind = e.payload.kind ?? '';
      if (s.suspensions.some((x) => x.kind === kind && x.to === null)) return none;
      s.suspensions.push({ kind, from: e.onDate, to: null });
      return { ...none, suspensions: true };
    }
    case 'case.unsuspended': {
      const kind = e.payload.kind ?? '';
      let changed = false;
      for (const x of s.suspensions) {
        if (x.kind === kind && x.to === null) {
          x.to = e.onDate > x.from ? e.onDate : x.from;
          changed = true;
        }
      }
      return { ...none, suspensions: changed };
    }
    case 'ledger.receipt': {
      const entryId = String(e.payload.entryId);
      if (s.receipts.some((r) => r.entryId === entryId)) return none;
      s.receipts.push({ entryId, arrivedOn: e.onDate, amountFen: e.payload.amountFen ?? 0, paidOn: null, deferredUntil: null, reversed: false });
      return { ...none, receipts: true };
    }
    // Money leaves the case account by payout, fee settlement or refund. Which receipts it pays out
    // is the payout clock's to say (applyPayoutClock, run by the projection over the case's ledger).
    case 'ledger.payout':
    case 'ledger.fee':
    case 'ledger.refund': {
      if (!f) return none;
      f.settledFen += e.payload.amountFen ?? 0;
      return { ...none, fact: true };
    }
    case 'ledger.reversal': {
      if (e.payload.reversedKind !== 'receipt') return none;
      const target = String(e.payload.reverses);
      let changed = false;
      for (const r of s.receipts) {
        if (r.entryId === target && !r.reversed) {
          r.reversed = true;
          changed = true;
        }
      }
      return { ...none, receipts: changed };
    }
    // An approved deferral stops the payout clock until the given date.
    case 'ledger.deferral':
      if (!f) return none;
      f.deferredUntil = e.payload.until ?? null;
      return { ...none, fact: true };
  }
}

/**
 * The receipts' paid-out day and deferral by the one payout clock (src-shared/domain/payoutClock.ts,
 * 法发〔2017〕6号): out-flows take the oldest money, fees count, a reversed entry takes no part, a
 * deferral of part of the money moves only that part. Returns whether any receipt changed.
 */
export function applyPayoutClock(receipts: ReceiptState[], entries: readonly ClockEntry[]): boolean {
  const byId = new Map(receiptOutcomes(entries).map((o) => [String(o.entryId), o]));
  let changed = false;
  for (const r of receipts) {
    const o = byId.get(r.entryId);
    const paidOn = o?.paidOn ?? null;
    const deferredUntil = o?.deferredUntil ?? null;
    if (r.paidOn !== paidOn || r.deferredUntil !== deferredUntil) {
      r.paidOn = paidOn;
      r.deferredUntil = deferredUntil;
      changed = true;
    }
  }
  return changed;
}
