import type { App } from '../../app/app';
import type { Actor } from '../../events/log';
import { commitDocuments, prepareDocuments } from '../documents/generate';
import { FileMoves } from '../documents/storage';
import type { RecordExtra } from '../documents/templates/workRecords';
import { getRecord } from './records';

/**
 * The record printed through the documents engine (DOCX and PDF, registered under the case, dated the
 * day it was held) for the persons present to sign. Printed once: a second call returns the same
 * document, so the signed paper and the register name the same number.
 */
export async function printRecord(app: App, actor: Actor, recordId: number): Promise<number> {
  const { db } = app;
  const r = getRecord(db, recordId);
  if (r.documentId !== null) return r.documentId;
  const record: RecordExtra = {
    kind: r.kind,
    heldOn: r.heldOn,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    place: r.place,
    officers: r.officers,
    recorder: r.recorder,
    persons: r.persons,
    subject: r.subject,
    content: r.content,
    refusal: r.refusal,
  };
  const prepared = await prepareDocuments(db, app.dataDir, [{ caseId: r.caseId, kind: r.kind, extra: { record } }], { issuedOn: r.heldOn });
  const moves = new FileMoves();
  try {
    return db.tx(() => {
      // Printed by someone else meanwhile: theirs is the record's document.
      const again = getRecord(db, recordId);
      if (again.documentId !== null) return again.documentId;
      const c = commitDocuments(db, app.dataDir, actor, app.clock.now(), prepared, {}, moves);
      const documentId = c.documentIds[0]!;
      db.run(db.q.updateTable('work_records').set({ document_id: documentId }).where('id', '=', recordId));
      return documentId;
    });
  } catch (e) {
    moves.undo();
    throw e;
  } finally {
    await prepared.discard();
  }
}
