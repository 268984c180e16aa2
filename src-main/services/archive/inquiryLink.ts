import type { Db } from '../../db/connection';
import { ASSET_TYPES, ASSET_TYPE_LABELS, type AssetType } from '../../../src-shared/domain/assets';
import type { Actor } from '../../events/log';
import { createInquiryBatch } from '../inquiries/batches';

// The bridge to the query-batch machinery (services/inquiries): a re-query round becomes an ordinary query
// batch (all asset categories, 终本规定 Art. 9), so its request file, feedback import and asset
// register are the ones the query group already uses.

/**
 * Creates the query batch for the round (`requery`: createInquiryBatch accepts archived 终本 cases
 * for it), inside the caller's transaction: its request file is exported and its feedback imported
 * like any other batch, and archive.collectResults reads the round's findings from that feedback.
 */
export function createRequeryInquiryBatch(db: Db, actor: Actor, at: Date, today: string, caseIds: number[]): { id: number; number: string } {
  const id = createInquiryBatch(db, actor, at, today, { caseIds, categories: [...ASSET_TYPES], requery: true });
  const number = db.raw<{ number: string }>('SELECT number FROM inquiry_batches WHERE id = ?', id)[0]!.number;
  return { id, number };
}

/** The findings of one case in one query batch, as lines for the notice (type, institution, account, value). */
export function batchFindings(db: Db, inquiryBatchId: number, caseId: number): string[] {
  const rows = db.raw<{ asset_type: string | null; institution: string; identifier: string; value_fen: number | null }>(
    'SELECT asset_type, institution, identifier, value_fen FROM inquiry_results WHERE batch_id = ? AND case_id = ? AND nothing_found = 0 ORDER BY id',
    inquiryBatchId,
    caseId,
  );
  return rows.map((r) => {
    const type = r.asset_type ? (ASSET_TYPE_LABELS[r.asset_type as AssetType] ?? r.asset_type) : '';
    const value = r.value_fen !== null ? ` ${(r.value_fen / 100).toFixed(2)}元` : '';
    return `${[type, r.institution, r.identifier].filter(Boolean).join(' ')}${value}`;
  });
}
