import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { ASSET_TYPES, ASSET_TYPE_LABELS, type AssetType } from '../../../src-shared/domain/assets';
import type { Actor } from '../../events/log';
import { createInquiryBatch } from '../inquiries/batches';

// The bridge to the query-batch machinery (issue 4): a re-query round becomes an ordinary query
// batch (all asset categories, 终本规定 Art. 9), so its request file, feedback import and asset
// register are the ones the query group already uses.

/**
 * Creates the query batch for the round, or returns null when that machinery refuses closed cases
 * (createInquiryBatch guards with assertOpen unless it honours `requery`): the round is then
 * answered with archive.recordResults from the results read on the national system.
 */
export function createRequeryInquiryBatch(db: Db, actor: Actor, at: Date, today: string, caseIds: number[]): { id: number; number: string } | null {
  const input: Parameters<typeof createInquiryBatch>[4] & { requery?: boolean } = { caseIds, categories: [...ASSET_TYPES], requery: true };
  try {
    const id = createInquiryBatch(db, actor, at, today, input);
    const number = db.raw<{ number: string }>('SELECT number FROM inquiry_batches WHERE id = ?', id)[0]!.number;
    return { id, number };
  } catch (e) {
    if (e instanceof ApiError && e.code === 'read_only') return null;
    throw e;
  }
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
