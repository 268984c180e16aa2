import type { Db } from '../../db/connection';
import type { Actor } from '../../events/log';
import { checkDocuments, commitDocuments, prepareDocuments } from '../documents/generate';
import { FileMoves } from '../documents/storage';

// The bridge to the documents engine for the compulsory measures: the document (拘传票, 罚款决定书,
// 拘留决定书, 提前解除拘留决定书, 搜查令, 搜查笔录, 案件移送函) is checked and rendered into staging
// before the transaction, then registered inside the same transaction as the measure, so the measure
// and its document commit together or not at all.

export interface CoercionDocument {
  caseId: number;
  kind: string;
  /** The measure's content the template prints (templates/coercionContent.ts). */
  extra: Record<string, unknown>;
}

/**
 * Renders `doc`, then runs `write` in one transaction with the document registered; `write` gets
 * the new document's id. Nothing is left behind when `write` throws.
 */
export async function withDocument<T>(db: Db, dataDir: string, actor: Actor, at: Date, issuedOn: string, doc: CoercionDocument, write: (documentId: number) => T): Promise<T> {
  const request = { caseId: doc.caseId, kind: doc.kind, extra: doc.extra };
  await checkDocuments(db, [request], issuedOn);
  const prepared = await prepareDocuments(db, dataDir, [request], { issuedOn });
  const moves = new FileMoves();
  let ok = false;
  try {
    const out = db.tx(() => {
      const committed = commitDocuments(db, dataDir, actor, at, prepared, {}, moves);
      return write(committed.documentIds[0]!);
    });
    ok = true;
    return out;
  } finally {
    if (!ok) moves.undo();
    await prepared.discard();
  }
}
