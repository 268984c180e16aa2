import type { Db } from '../../db/connection';
import type { Actor } from '../../events/log';
import { NOTICE_SET_REQUIRED, type DocumentKind } from '../../../src-shared/domain/documentKinds';
import { assertOpen, setStage } from '../cases/stage';
import { commitDocuments, type RenderedDocuments } from './generate';
import { FileMoves } from './storage';
import { currentDocument } from './register';
import { SINGLE_KINDS } from './singleKinds';

// The registration of a notice batch (batch.ts), in ONE transaction: the documents, their events,
// the print file, and each case whose notice set is now complete moved on to the query stage. Plain
// data in and out, because it runs on the write worker's own connection (jobs/writeTasks.ts) when
// the worker is built: a 1,000-case batch is a second of writing the request thread must not spend.

export interface NoticeBatchCommit {
  dataDir: string;
  actor: Actor;
  at: Date;
  jobId: string;
  caseIds: number[];
  kinds: DocumentKind[];
  reason: string | null;
  prepared: RenderedDocuments;
}

export interface NoticeBatchCommitted {
  batchId: string;
  batchNumber: string;
  documents: number;
  moved: number;
}

export function commitNoticeBatch(db: Db, c: NoticeBatchCommit): NoticeBatchCommitted {
  const moves = new FileMoves();
  try {
    return db.tx(() => {
      // Re-checked inside the transaction: a case closed while the batch was rendering is refused.
      c.caseIds.forEach((id) => assertOpen(db, id));
      const done = commitDocuments(db, c.dataDir, c.actor, c.at, c.prepared, { batch: { jobId: c.jobId, kinds: c.kinds, reason: c.reason }, reason: c.reason, singleKinds: SINGLE_KINDS }, moves);
      // A case whose notice set is complete moves on to the query stage (stages.ts: filed → query).
      let moved = 0;
      for (const caseId of c.caseIds) {
        const stage = db.raw<{ stage: string }>('SELECT stage FROM cases WHERE id = ?', caseId)[0]!.stage;
        if (stage !== 'filed') continue;
        if (NOTICE_SET_REQUIRED.every((k) => currentDocument(db, caseId, k))) {
          setStage(db, c.actor, c.at, caseId, 'query', '通知文书已制作', done.batchId !== null ? { batchId: done.batchId } : {});
          moved++;
        }
      }
      return { batchId: done.batchId!, batchNumber: done.batchNumber!, documents: done.documentIds.length, moved };
    });
  } catch (e) {
    // The files are in place only with their rows: a rolled-back registration takes them back.
    moves.undo();
    throw e;
  }
}
