import type { Db } from '../../db/connection';
import type { Actor } from '../../events/log';

// The bridge to the query-batch machinery (issue 4): a re-query round becomes an ordinary query
// batch, so its request file, feedback import and asset register are the ones the query group
// already uses. Returns null while that machinery cannot take closed cases.

export function createRequeryInquiryBatch(_db: Db, _actor: Actor, _at: Date, _today: string, _caseIds: number[]): { id: number; number: string } | null {
  return null;
}
