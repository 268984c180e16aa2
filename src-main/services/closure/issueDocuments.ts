import type { Db } from '../../db/connection';
import type { Actor } from '../../events/log';
import { commitDocuments, prepareDocuments as prepareEngine } from '../documents/generate';
import { FileMoves } from '../documents/storage';
import type { IssuedDocument } from './close';
import type { DocumentRequest } from './documentTexts';

// The bridge to the documents engine (services/documents): renders the closure's and the archive's documents
// into staging before the transaction, registers them inside it (register row, number and the
// 'document.generated' event), so a closure and its ruling commit together or not at all.

export interface PreparedDocuments {
  /** Registers the prepared files; must run inside the caller's transaction. */
  register(db: Db, actor: Actor, at: Date): IssuedDocument[];
  /** After the transaction (committed or not): removes staging, and any file moved into place when it did not commit. */
  finish(committed: boolean): void;
}

export async function prepareDocuments(db: Db, dataDir: string, issuedOn: string, requests: { caseId: number; request: DocumentRequest }[]): Promise<PreparedDocuments> {
  if (requests.length === 0) return { register: () => [], finish: () => {} };
  const prepared = await prepareEngine(
    db,
    dataDir,
    requests.map((r) => ({ caseId: r.caseId, kind: r.request.kind, extra: r.request.extra, ...(r.request.partyId !== undefined ? { partyId: r.request.partyId } : {}) })),
    { issuedOn },
  );
  const moves = new FileMoves();
  return {
    register(db2, actor, at) {
      const committed = commitDocuments(db2, dataDir, actor, at, prepared, {}, moves);
      return committed.documentIds.map((documentId) => {
        const row = db2.get(db2.q.selectFrom('documents').select(['number', 'kind', 'case_id']).where('id', '=', documentId))!;
        return { caseId: row.case_id, documentId, kind: row.kind, number: row.number };
      });
    },
    finish(ok) {
      if (!ok) moves.undo();
      void prepared.discard();
    },
  };
}
