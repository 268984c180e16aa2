import type { Db } from '../../db/connection';
import { appendEvent, type Actor } from '../../events/log';
import { getCaseRow } from '../cases/queries';

// Case notes (案件备注): a line the officer keeps on the case — a call made, a promise to pay, where
// the file is. Notes are kept as written (no editing, no deleting); the event carries the text, so
// the case history shows it in place.

export interface NoteView {
  id: number;
  caseId: number;
  text: string;
  createdAt: string;
  createdBy: string;
}

export function addNote(db: Db, actor: Actor, at: Date, input: { caseId: number; text: string }): number {
  return db.tx(() => {
    getCaseRow(db, input.caseId);
    const id = db.run(db.q.insertInto('case_notes').values({ case_id: input.caseId, text: input.text, created_at: at.toISOString(), created_by: actor.name })).lastInsertRowid;
    appendEvent(db, actor, at, { caseId: input.caseId, type: 'note.added', payload: { noteId: id, text: input.text } });
    return id;
  });
}

export function listNotes(db: Db, caseId: number): NoteView[] {
  getCaseRow(db, caseId);
  return db
    .all(db.q.selectFrom('case_notes').selectAll().where('case_id', '=', caseId).orderBy('id', 'desc'))
    .map((n) => ({ id: n.id, caseId: n.case_id, text: n.text, createdAt: n.created_at, createdBy: n.created_by }));
}
