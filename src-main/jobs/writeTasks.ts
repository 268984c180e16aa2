import type { Db } from '../db/connection';
import { commitNoticeBatch } from '../services/documents/batchCommit';
import { writeAccountImport } from '../services/caseAccounts/importList';
import { commitControlBatch } from '../services/measures/createBatch';
import { commitRelease, commitRenewal } from '../services/measures/renewRelease';

// Writes large enough to leave the request thread (jobs/writePool.ts): each takes the database and
// plain data, opens its own transaction (all or nothing) and returns plain data. They run on the
// write worker's connection when it is built, otherwise in-thread with the same result.

export const WRITE_TASKS = {
  'documents.commitBatch': commitNoticeBatch,
  'caseAccounts.import': writeAccountImport,
  'measures.commitControlBatch': commitControlBatch,
  'measures.commitRenewal': commitRenewal,
  'measures.commitRelease': commitRelease,
} satisfies Record<string, (db: Db, args: never) => unknown>;

export type WriteTaskName = keyof typeof WRITE_TASKS;
export type WriteArgs<K extends WriteTaskName> = Parameters<(typeof WRITE_TASKS)[K]>[1];
export type WriteResult<K extends WriteTaskName> = ReturnType<(typeof WRITE_TASKS)[K]>;
