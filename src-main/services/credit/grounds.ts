import type { Db } from '../../db/connection';
import type { ClosureMode } from '../../../src-shared/domain/closure';
import type { LiftGround, RemovalGround } from '../../../src-shared/domain/credit';
import { appendEvent, type Actor } from '../../events/log';
import { recoveredFen } from '../ledger/balance';
import { markRemovalDue } from './removal';
import { markLiftDue } from './restrictions';

// The events of other desks that are removal grounds of a listing (失信规定 2017 Art. 10) or that
// oblige the court to lift a restriction (限高规定 2015 Art. 9). Each desk calls the function for its
// event explicitly, inside its own transaction, right after writing it: the ledger after a receipt,
// the closure after a case closes, the 终本 archive after a re-query's result.

/** After a receipt: once the money received (net of refunds and reversals) reaches the claim, the debtor has performed in full (Art. 10 (1); 2015 Art. 9). */
export function afterReceipt(db: Db, actor: Actor, at: Date, caseId: number, on: string): void {
  // Most cases have neither: two index probes, and the ledger is summed only where it matters.
  const open = db.raw(`SELECT 1 FROM credit_listings WHERE case_id = ? AND status = 'listed' UNION ALL SELECT 1 FROM consumption_restrictions WHERE case_id = ? AND status = 'active' LIMIT 1`, caseId, caseId);
  if (open.length === 0) return;
  const claim = db.raw<{ claim_fen: number }>('SELECT claim_fen FROM cases WHERE id = ?', caseId)[0]?.claim_fen ?? 0;
  if (claim <= 0 || recoveredFen(db, caseId) < claim) return;
  markRemovalDue(db, actor, at, caseId, 'performed', 'ledger', on);
  markLiftDue(db, actor, at, caseId, 'performed', 'ledger', on);
}

/** After a closure: 执行完毕 (performed, or a settlement performed: Art. 10 (1), (2)), 终结执行 (7), 不予执行 (6). */
export function afterClosure(db: Db, actor: Actor, at: Date, caseId: number, mode: ClosureMode, settlementPerformed: boolean, closedOn: string): void {
  if (mode === '执行完毕') {
    markRemovalDue(db, actor, at, caseId, settlementPerformed ? 'settlementPerformed' : 'performed', 'closure', closedOn);
    markLiftDue(db, actor, at, caseId, 'performed', 'closure', closedOn);
  } else if (mode === '终结执行') markRemovalDue(db, actor, at, caseId, 'terminated', 'closure', closedOn);
  else if (mode === '不予执行') markRemovalDue(db, actor, at, caseId, 'notEnforced', 'closure', closedOn);
}

/**
 * After a 终本 re-query's result: two results with nothing found since the case was last resumed or
 * last had property found is ground (4) of Art. 10 (after 终本, two online queries find nothing).
 */
export function afterRequery(db: Db, actor: Actor, at: Date, caseId: number, on: string): void {
  const nothing = db.raw<{ n: number }>(
    `SELECT count(*) AS n FROM case_events WHERE case_id = ? AND type = 'archive.requeried' AND json_extract(payload, '$.nothingFound') = 1
       AND id > COALESCE((SELECT max(id) FROM case_events WHERE case_id = ? AND (type = 'case.resumed' OR (type = 'archive.requeried' AND json_extract(payload, '$.nothingFound') = 0))), 0)`,
    caseId, caseId,
  )[0]!.n;
  if (nothing >= 2) markRemovalDue(db, actor, at, caseId, 'requeryNothing', 'requery', on);
}

/** The source recorded by the latest removal / lift event of a listing or restriction. */
function lastSource(db: Db, caseId: number, type: 'credit.removalDue' | 'restriction.liftDue', key: 'listingId' | 'restrictionId', id: number): string | null {
  return (
    db.raw<{ s: string }>(`SELECT json_extract(payload, '$.source') AS s FROM case_events WHERE case_id = ? AND type = ? AND json_extract(payload, '$.${key}') = ? ORDER BY id DESC LIMIT 1`, caseId, type, id)[0]?.s ?? null
  );
}

/**
 * After a receipt is reversed: if the money received no longer reaches the claim, the performance
 * that made a listing due for deletion (失信规定 Art. 10 (1)) or a restriction due for lifting (2015
 * rules Art. 9) did not happen. A listing or restriction not yet deleted or lifted goes back in
 * force and its clock is withdrawn; one already deleted or lifted on that performance is flagged on
 * the case for re-listing (the court decides anew: Art. 5), and the six-month block on re-listing
 * after a deletion for performance (Art. 10 para. 3 [P]) no longer stands on it.
 */
export function afterReversal(db: Db, actor: Actor, at: Date, caseId: number, reversalEntryId: number, on: string): void {
  const claim = db.raw<{ claim_fen: number }>('SELECT claim_fen FROM cases WHERE id = ?', caseId)[0]?.claim_fen ?? 0;
  if (claim <= 0 || recoveredFen(db, caseId) >= claim) return;
  const listings = db.raw<{ id: number; party_id: number; status: string; removal_on: string | null; removal_ground: string | null; deletion_due_on: string | null }>(
    `SELECT id, party_id, status, removal_on, removal_ground, deletion_due_on FROM credit_listings WHERE case_id = ? AND status IN ('removalDue', 'deleted') AND removal_ground = 'performed' ORDER BY id`,
    caseId,
  ).filter((l) => lastSource(db, caseId, 'credit.removalDue', 'listingId', l.id) === 'ledger');
  let undone = false;
  for (const l of listings) {
    if (l.status === 'removalDue') {
      db.rawRun(`UPDATE credit_listings SET status = 'listed', removal_ground = NULL, removal_on = NULL, deletion_due_on = NULL WHERE id = ?`, l.id);
      appendEvent(db, actor, at, { caseId, type: 'credit.removalUndone', onDate: on, payload: { listingId: l.id, reversalEntryId } });
      undone = true;
    } else {
      const current = db.raw(`SELECT 1 FROM credit_listings WHERE case_id = ? AND party_id = ? AND status != 'deleted'`, caseId, l.party_id);
      const flagged = db.raw(`SELECT 1 FROM credit_relist_flags WHERE kind = 'listing' AND ref_id = ? AND resolved_on IS NULL`, l.id);
      if (current.length || flagged.length) continue;
      db.rawRun('UPDATE credit_listings SET relist_blocked_until = NULL WHERE id = ?', l.id);
      const flagId = Number(db.rawRun(`INSERT INTO credit_relist_flags (case_id, kind, ref_id, party_id, reversal_entry_id, flagged_on) VALUES (?, 'listing', ?, ?, ?, ?)`, caseId, l.id, l.party_id, reversalEntryId, on).lastInsertRowid);
      appendEvent(db, actor, at, { caseId, type: 'credit.relistOffered', onDate: on, payload: { flagId, kind: 'listing', refId: l.id, reversalEntryId } });
    }
  }
  // The undo cancels the case's deletion clocks started before it (cancellation is per case): the
  // listings still due on another ground get theirs again, from the same day and due date.
  if (undone) {
    const others = db.raw<{ id: number; removal_ground: string; removal_on: string; deletion_due_on: string }>(`SELECT id, removal_ground, removal_on, deletion_due_on FROM credit_listings WHERE case_id = ? AND status = 'removalDue' ORDER BY id`, caseId);
    for (const o of others) {
      const source = (lastSource(db, caseId, 'credit.removalDue', 'listingId', o.id) ?? 'request') as 'ledger' | 'closure' | 'requery' | 'request' | 'term' | 'correction';
      appendEvent(db, actor, at, { caseId, type: 'credit.removalDue', onDate: o.removal_on, payload: { listingId: o.id, ground: o.removal_ground as RemovalGround, dueOn: o.deletion_due_on, source } });
    }
  }
  const restrictions = db.raw<{ id: number; party_id: number; status: string }>(
    `SELECT id, party_id, status FROM consumption_restrictions WHERE case_id = ? AND status IN ('liftDue', 'lifted') AND lift_ground = 'performed' ORDER BY id`,
    caseId,
  ).filter((r) => lastSource(db, caseId, 'restriction.liftDue', 'restrictionId', r.id) === 'ledger');
  let liftUndone = false;
  for (const r of restrictions) {
    if (r.status === 'liftDue') {
      db.rawRun(`UPDATE consumption_restrictions SET status = 'active', lift_ground = NULL, lift_ground_on = NULL, lift_due_on = NULL WHERE id = ?`, r.id);
      appendEvent(db, actor, at, { caseId, type: 'restriction.liftUndone', onDate: on, payload: { restrictionId: r.id, reversalEntryId } });
      liftUndone = true;
    } else {
      const current = db.raw(`SELECT 1 FROM consumption_restrictions WHERE case_id = ? AND party_id = ? AND status != 'lifted'`, caseId, r.party_id);
      const flagged = db.raw(`SELECT 1 FROM credit_relist_flags WHERE kind = 'restriction' AND ref_id = ? AND resolved_on IS NULL`, r.id);
      if (current.length || flagged.length) continue;
      const flagId = Number(db.rawRun(`INSERT INTO credit_relist_flags (case_id, kind, ref_id, party_id, reversal_entry_id, flagged_on) VALUES (?, 'restriction', ?, ?, ?, ?)`, caseId, r.id, r.party_id, reversalEntryId, on).lastInsertRowid);
      appendEvent(db, actor, at, { caseId, type: 'credit.relistOffered', onDate: on, payload: { flagId, kind: 'restriction', refId: r.id, reversalEntryId } });
    }
  }
  if (liftUndone) {
    const others = db.raw<{ id: number; lift_ground: string; lift_ground_on: string; lift_due_on: string }>(`SELECT id, lift_ground, lift_ground_on, lift_due_on FROM consumption_restrictions WHERE case_id = ? AND status = 'liftDue' ORDER BY id`, caseId);
    for (const o of others) {
      const source = (lastSource(db, caseId, 'restriction.liftDue', 'restrictionId', o.id) ?? 'request') as 'ledger' | 'closure' | 'request';
      appendEvent(db, actor, at, { caseId, type: 'restriction.liftDue', onDate: o.lift_ground_on, payload: { restrictionId: o.id, ground: o.lift_ground as LiftGround, dueOn: o.lift_due_on, source } });
    }
  }
}
