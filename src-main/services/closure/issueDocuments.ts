import type { Db } from '../../db/connection';
import type { Actor } from '../../events/log';
import type { IssuedDocument } from './close';
import type { DocumentRequest } from './documentTexts';

// The bridge to the documents engine (issue 3): renders the closure's and the archive's documents
// (files written before the transaction) and registers them inside it (register row +
// 'document.generated' event), so a closure and its ruling commit together or not at all.

export interface PreparedDocuments {
  /** Registers the prepared files; must run inside the caller's transaction. */
  register(db: Db, actor: Actor, at: Date): IssuedDocument[];
  /** Removes the prepared files when the transaction did not commit. */
  discard(): void;
}

export async function prepareDocuments(_db: Db, _dataDir: string, _issuedOn: string, _requests: { caseId: number; request: DocumentRequest }[]): Promise<PreparedDocuments> {
  return { register: () => [], discard: () => {} };
}
