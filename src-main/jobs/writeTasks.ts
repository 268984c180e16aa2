import type { Db } from '../db/connection';
import type { Actor } from '../events/log';
import { commitNoticeBatch } from '../services/documents/batchCommit';
import { writeAccountImport } from '../services/caseAccounts/importList';
import { commitControlBatch } from '../services/measures/createBatch';
import { commitRelease, commitRenewal } from '../services/measures/renewRelease';
import { fileCase } from '../services/cases/filing';
import { recordEntry } from '../services/ledger/entries';
import { markServed } from '../services/documents/service';
import type { CaseDraftParsed } from '../../src-shared/api/methods/cases';
import type { LedgerRecordInput } from '../../src-shared/api/methods/ledger';

// Writes that leave the request thread (jobs/writePool.ts): each takes the database and plain data,
// opens its own transaction (all or nothing) and returns plain data. They run on the write worker's
// connection when it is built, otherwise in-thread with the same result.
//
// Two kinds. Large writes: a batch's registration held the request thread for 0.9 s. And the clerks'
// everyday writes — a filing, a ledger entry, a service record: each is a few milliseconds of work
// plus a commit that waits for the disk (synchronous = FULL, so an acknowledged receipt survives a
// power cut). Under a batch's file writes that wait took 10–14 ms and once 103 ms (perf trace of the
// request thread at 100 clerks), every client waiting with it; a filing's commit was the longest
// busy stretch of the request thread's profile.

/** What a write does in a clerk's name: who, and the court's clock when the call arrived. */
interface ClerkWrite {
  actor: Actor;
  at: Date;
  today: string;
}

export const WRITE_TASKS = {
  'documents.commitBatch': commitNoticeBatch,
  'caseAccounts.import': writeAccountImport,
  'measures.commitControlBatch': commitControlBatch,
  'measures.commitRenewal': commitRenewal,
  'measures.commitRelease': commitRelease,
  'cases.file': (db: Db, w: ClerkWrite & { draft: CaseDraftParsed }) => fileCase(db, w.actor, w.at, w.today, w.draft, { requireOriginal: true }),
  'ledger.record': (db: Db, w: ClerkWrite & { input: LedgerRecordInput; fastTrackOnly: boolean }) => recordEntry(db, w.actor, w.at, w.today, w.input, { fastTrackOnly: w.fastTrackOnly }),
  'documents.markServed': (db: Db, w: ClerkWrite & { items: Parameters<typeof markServed>[4] }) => markServed(db, w.actor, w.at, w.today, w.items),
} satisfies Record<string, (db: Db, args: never) => unknown>;

export type WriteTaskName = keyof typeof WRITE_TASKS;
export type WriteArgs<K extends WriteTaskName> = Parameters<(typeof WRITE_TASKS)[K]>[1];
export type WriteResult<K extends WriteTaskName> = ReturnType<(typeof WRITE_TASKS)[K]>;
