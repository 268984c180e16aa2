import type { Db } from '../../db/connection';
import type { Actor } from '../../events/log';
import { commitDocuments, prepareDocuments, type DocumentRequest, type RenderedDocuments } from '../documents/generate';
import { nextSubRulingNumbers } from '../documents/register';
import { FileMoves } from '../documents/storage';
import { controlDocumentRequests, type DocMeasure, type Purpose } from './documents';

// The documents of a control measure — applied (a control batch), renewed or released — in two
// steps: rendered outside any transaction, in the render pool, then registered in the one
// transaction that writes the measures. The second step takes plain data only, so it can run on
// the write worker's connection (jobs/writeTasks.ts): the request thread does neither step's work.

export interface RenderHooks {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Rendered control documents, and the measure keys each covers (by position). Plain data: it crosses threads. */
export interface RenderedControlDocuments {
  prepared: RenderedDocuments;
  covers: number[][];
}

/** What a commit of measures with their documents needs besides its own input. */
export interface ControlCommitBase extends RenderedControlDocuments {
  dataDir: string;
  actor: Actor;
  at: Date;
  today: string;
}

/**
 * Renders the documents for `measures`, hands them to `commit` (which registers them with its
 * writes) and removes the staging folder whatever happened. Each case's new ruling takes the next
 * 之N number of its process rulings.
 */
export async function withControlDocuments<T>(
  db: Db,
  dataDir: string,
  today: string,
  measures: DocMeasure[],
  purpose: Purpose,
  hooks: RenderHooks,
  commit: (rendered: RenderedControlDocuments) => T | Promise<T>,
): Promise<T> {
  const numbers = new Map<number, string>();
  for (const caseId of new Set(measures.map((m) => m.caseId))) {
    const c = db.get(db.q.selectFrom('cases').select('number').where('id', '=', caseId))!;
    numbers.set(caseId, nextSubRulingNumbers(db, caseId, c.number, 1)[0]!);
  }
  const { requests, covers } = controlDocumentRequests(measures, purpose, (caseId) => numbers.get(caseId)!, today);
  const coverOf = new Map<DocumentRequest, number[]>(requests.map((r, i) => [r, covers[i]!]));
  const prepared = await prepareDocuments(db, dataDir, requests, {
    issuedOn: today,
    print: true,
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
  });
  try {
    const { discard: _discard, ...rendered } = prepared;
    return await commit({ prepared: rendered, covers: prepared.documents.map((d) => coverOf.get(d.request) ?? []) });
  } finally {
    await prepared.discard();
  }
}

/**
 * Runs `write` and registers the rendered documents, linked to the measures they cover, in ONE
 * transaction: the writes, the document rows and the files all land, or none of them does.
 */
export function commitWithControlDocuments<T>(db: Db, c: ControlCommitBase, purpose: Purpose, write: () => { result: T; measureIdOf: (key: number) => number }): T {
  const moves = new FileMoves();
  try {
    return db.tx(() => {
      const { result, measureIdOf } = write();
      const committed = commitDocuments(db, c.dataDir, c.actor, c.at, c.prepared, { batch: { jobId: null, kinds: ['执行裁定书', '协助执行通知书'], reason: null } }, moves);
      c.prepared.documents.forEach((_d, i) => {
        for (const key of c.covers[i] ?? []) {
          db.rawRun(`INSERT INTO measure_documents (measure_id, document_id, purpose) VALUES (?, ?, ?)`, measureIdOf(key), committed.documentIds[i], purpose);
        }
      });
      return result;
    });
  } catch (e) {
    // The files are in place only with their rows: a rolled-back registration takes them back.
    moves.undo();
    throw e;
  }
}
