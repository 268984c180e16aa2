import type { Db } from '../../db/connection';
import type { ClosureMode } from '../../../src-shared/domain/closure';
import type { Actor } from '../../events/log';
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
