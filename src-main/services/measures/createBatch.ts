import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import type { MeasureAction } from '../../../src-shared/domain/assets';
import { accountOf } from '../caseAccounts/accounts';
import { appendEvent, type Actor } from '../../events/log';
import { commitDocuments, prepareDocuments, type DocumentRequest, type PreparedDocuments } from '../documents/generate';
import { FileMoves } from '../documents/storage';
import { nextSubRulingNumbers } from '../documents/register';
import { setStage } from '../cases/stage';
import { nextBatchNumber } from '../inquiries/batches';
import { controlDocumentRequests, type DocMeasure, type Purpose } from './documents';
import { planControl, type PlannedMeasure } from './plan';

export interface ControlBatchInput {
  items: { assetId: number; action: MeasureAction; amountFen?: number | undefined }[];
  startOn?: string | undefined;
}

export interface RenderHooks {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

const signature = (p: PlannedMeasure[]) => JSON.stringify(p.map((m) => [m.assetId, m.action, m.amountFen, m.fromMeasureId, m.expiresOn]));

/** The case's own account (一案一账号) as the bank issued it, '' while none is registered. */
export function subAccountOf(db: Db, caseId: number): string {
  return accountOf(db, caseId)?.accountNumber ?? '';
}

export function toDocMeasure(db: Db, p: PlannedMeasure): DocMeasure {
  return { ...p, key: p.index, subAccount: subAccountOf(db, p.caseId) };
}

/** A control batch's documents, rendered, and the measure keys each of them covers (by position). */
export interface ControlDocuments {
  prepared: PreparedDocuments;
  covers: number[][];
}

/**
 * Renders the documents for `measures` outside any transaction, in the render pool. Each case's new
 * ruling takes the next 之N number of its process rulings.
 */
export async function renderControlDocuments(db: Db, dataDir: string, today: string, measures: DocMeasure[], purpose: Purpose, hooks: RenderHooks): Promise<ControlDocuments> {
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
  return { prepared, covers: prepared.documents.map((d) => coverOf.get(d.request) ?? []) };
}

/** Registers rendered control documents and links each to the measures it covers; inside the caller's transaction. */
function registerControlDocuments(
  db: Db,
  dataDir: string,
  actor: Actor,
  at: Date,
  docs: { prepared: Omit<PreparedDocuments, 'discard'>; covers: number[][] },
  purpose: Purpose,
  measureIdOf: (key: number) => number,
  moves: FileMoves,
): void {
  const prepared = { ...docs.prepared, discard: () => undefined };
  const committed = commitDocuments(db, dataDir, actor, at, prepared, { batch: { jobId: null, kinds: ['执行裁定书', '协助执行通知书'], reason: null } }, moves);
  docs.prepared.documents.forEach((_d, i) => {
    for (const key of docs.covers[i] ?? []) {
      db.rawRun(`INSERT INTO measure_documents (measure_id, document_id, purpose) VALUES (?, ?, ?)`, measureIdOf(key), committed.documentIds[i], purpose);
    }
  });
}

/**
 * Renders documents for `measures` (outside any transaction, in the worker pool), then runs
 * `write` in one transaction that also registers the documents. Either the writes, the document
 * rows and the files all land, or none of them does. For the few measures of a renewal or a
 * release; a control batch registers on the write worker (commitControlBatch).
 */
export async function withControlDocuments<T>(
  db: Db,
  dataDir: string,
  actor: Actor,
  at: Date,
  today: string,
  measures: DocMeasure[],
  purpose: Purpose,
  hooks: RenderHooks,
  write: () => { result: T; measureIdOf: (key: number) => number },
): Promise<T> {
  const docs = await renderControlDocuments(db, dataDir, today, measures, purpose, hooks);
  const moves = new FileMoves();
  try {
    return db.tx(() => {
      const { result, measureIdOf } = write();
      registerControlDocuments(db, dataDir, actor, at, docs, purpose, measureIdOf, moves);
      return result;
    });
  } catch (e) {
    moves.undo();
    throw e;
  } finally {
    docs.prepared.discard();
  }
}

/** Checks a control batch without writing: throws the first problem as a typed error. */
export function checkControlBatch(db: Db, today: string, input: ControlBatchInput): PlannedMeasure[] {
  return planControl(db, today, input.items, input.startOn ?? today);
}

/** What the write worker needs to register a control batch: plain data (jobs/writeTasks.ts). */
export interface ControlBatchCommit {
  dataDir: string;
  actor: Actor;
  at: Date;
  today: string;
  input: ControlBatchInput;
  /** The plan the documents were made for; the batch is refused if planning again gives another. */
  signature: string;
  /** The rendered documents (without PreparedDocuments.discard: a function does not cross threads). */
  prepared: Omit<PreparedDocuments, 'discard'>;
  covers: number[][];
}

/**
 * Registers a control batch in ONE transaction: the batch, its measures with their terms, one
 * `measure.applied` event each, the rulings and notices to assist linked to their measures, and the
 * stage move control → triage for cases that had their first control. Returns the batch id.
 */
export function commitControlBatch(db: Db, c: ControlBatchCommit): number {
  const moves = new FileMoves();
  try {
    return db.tx(() => {
      // The state may have changed while the documents were rendered: plan again and compare.
      const planned = checkControlBatch(db, c.today, c.input);
      if (signature(planned) !== c.signature) throw new ApiError('conflict', '财产或措施在制作文书期间发生了变化，请重新建立控制批次');
      const { actor, at, today } = c;
      const number = nextBatchNumber(db, 'KZ', 'control_batches', today);
      const caseIds = [...new Set(planned.map((p) => p.caseId))];
      const batchId = db.run(
        db.q.insertInto('control_batches').values({ number, measure_count: planned.length, case_count: caseIds.length, documents_note: null, created_on: today, created_at: at.toISOString(), created_by: actor.name }),
      ).lastInsertRowid;
      const ids = new Map<number, number>();
      for (const p of planned) {
        const id = db.rawRun(
          `INSERT INTO measures (batch_id, case_id, asset_id, action, amount_fen, actual_fen, start_on, expires_on, status, from_measure_id, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, NULL, ?, ?, 'pending', ?, ?, ?)`,
          batchId,
          p.caseId,
          p.assetId,
          p.action,
          p.amountFen,
          p.startOn,
          p.expiresOn,
          p.fromMeasureId,
          at.toISOString(),
          actor.name,
        ).lastInsertRowid;
        ids.set(p.index, id);
        appendEvent(db, actor, at, {
          caseId: p.caseId,
          type: 'measure.applied',
          onDate: p.startOn,
          payload: { measureId: id, action: p.action, assetId: p.assetId, amountFen: p.amountFen, expiresOn: p.expiresOn, batchId, batchNumber: number, ...(p.fromMeasureId ? { fromMeasureId: p.fromMeasureId } : {}) },
        });
      }
      for (const caseId of caseIds) {
        const stage = db.get(db.q.selectFrom('cases').select('stage').where('id', '=', caseId))!.stage;
        if (stage === 'control') setStage(db, actor, at, caseId, 'triage', '首次控制措施已采取，待繁简分流', { controlBatchId: batchId });
      }
      registerControlDocuments(db, c.dataDir, actor, at, c, 'apply', (key) => ids.get(key)!, moves);
      return batchId;
    });
  } catch (e) {
    // The files are in place only with their rows: a rolled-back registration takes them back.
    moves.undo();
    throw e;
  }
}

/**
 * Creates a control batch (冻结/查封/扣划): renders its documents, then registers everything with
 * `commit` — on the write worker for the server (api/handlers/measures.ts), in-thread by default.
 * Returns the batch id.
 */
export async function createControlBatch(
  db: Db,
  dataDir: string,
  actor: Actor,
  at: Date,
  today: string,
  input: ControlBatchInput,
  hooks: RenderHooks = {},
  commit: (c: ControlBatchCommit) => number | Promise<number> = (c) => commitControlBatch(db, c),
): Promise<number> {
  const planned = checkControlBatch(db, today, input);
  const docs = await renderControlDocuments(db, dataDir, today, planned.map((p) => toDocMeasure(db, p)), 'apply', hooks);
  try {
    const { discard: _discard, ...prepared } = docs.prepared;
    return await commit({ dataDir, actor, at, today, input, signature: signature(planned), prepared, covers: docs.covers });
  } finally {
    docs.prepared.discard();
  }
}
