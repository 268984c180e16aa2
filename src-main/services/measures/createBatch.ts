import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import type { MeasureAction } from '../../../src-shared/domain/assets';
import { accountOf } from '../caseAccounts/accounts';
import { appendEvent, type Actor } from '../../events/log';
import { commitDocuments, prepareDocuments, type DocumentRequest, type PreparedDocuments } from '../documents/generate';
import { FileMoves } from '../documents/storage';
import { nextSubRulingNumbers } from '../documents/register';
import { setStage } from '../cases/stage';
import { getSettings } from '../settings/settings';
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

/**
 * Renders documents for `measures` (outside any transaction, in the worker pool), then runs
 * `write` in one transaction that also registers the documents. Either the writes, the document
 * rows and the files all land, or none of them does.
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
  // Each case's new ruling takes the next 之N number of its process rulings.
  const numbers = new Map<number, string>();
  for (const caseId of new Set(measures.map((m) => m.caseId))) {
    const c = db.get(db.q.selectFrom('cases').select('number').where('id', '=', caseId))!;
    numbers.set(caseId, nextSubRulingNumbers(db, caseId, c.number, 1)[0]!);
  }
  const { requests, covers } = controlDocumentRequests(measures, purpose, (caseId) => numbers.get(caseId)!, today);
  const coverOf = new Map<DocumentRequest, number[]>(requests.map((r, i) => [r, covers[i]!]));
  const prepared: PreparedDocuments = await prepareDocuments(db, dataDir, requests, {
    issuedOn: today,
    print: true,
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
  });
  const moves = new FileMoves();
  try {
    return db.tx(() => {
      const { result, measureIdOf } = write();
      const committed = commitDocuments(db, dataDir, actor, at, prepared, { batch: { jobId: null, kinds: ['执行裁定书', '协助执行通知书'], reason: null } }, moves);
      prepared.documents.forEach((d, i) => {
        for (const key of coverOf.get(d.request) ?? []) {
          db.rawRun(`INSERT INTO measure_documents (measure_id, document_id, purpose) VALUES (?, ?, ?)`, measureIdOf(key), committed.documentIds[i], purpose);
        }
      });
      return result;
    });
  } catch (e) {
    moves.undo();
    throw e;
  } finally {
    prepared.discard();
  }
}

/** Checks a control batch without writing: throws the first problem as a typed error. */
export function checkControlBatch(db: Db, today: string, input: ControlBatchInput): PlannedMeasure[] {
  return planControl(db, today, input.items, input.startOn ?? today);
}

/**
 * Creates a control batch (冻结/查封/扣划): the measures with their terms, one `measure.applied`
 * event each, the rulings and notices to assist, and the stage move control → triage for cases
 * that had their first control. Returns the batch id.
 */
export async function createControlBatch(db: Db, dataDir: string, actor: Actor, at: Date, today: string, input: ControlBatchInput, hooks: RenderHooks = {}): Promise<number> {
  const planned = checkControlBatch(db, today, input);
  return withControlDocuments(db, dataDir, actor, at, today, planned.map((p) => toDocMeasure(db, p)), 'apply', hooks, () => {
    // The state may have changed while the documents were rendered: plan again and compare.
    const again = checkControlBatch(db, today, input);
    if (signature(again) !== signature(planned)) throw new ApiError('conflict', '财产或措施在制作文书期间发生了变化，请重新建立控制批次');
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
    return { result: batchId, measureIdOf: (key) => ids.get(key)! };
  });
}
