import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import type { MeasureAction } from '../../../src-shared/domain/assets';
import { accountOf } from '../caseAccounts/accounts';
import { appendEvent, type Actor } from '../../events/log';
import { setStage } from '../cases/stage';
import { nextBatchNumber } from '../inquiries/batches';
import { commitWithControlDocuments, withControlDocuments, type ControlCommitBase, type RenderHooks } from './controlDocuments';
import type { DocMeasure } from './documents';
import { planControl, type PlannedMeasure } from './plan';

export interface ControlBatchInput {
  items: { assetId: number; action: MeasureAction; amountFen?: number | undefined }[];
  startOn?: string | undefined;
}

const signature = (p: PlannedMeasure[]) => JSON.stringify(p.map((m) => [m.assetId, m.action, m.amountFen, m.fromMeasureId, m.expiresOn]));

/** The case's own account (一案一账号) as the bank issued it, '' while none is registered. */
export function subAccountOf(db: Db, caseId: number): string {
  return accountOf(db, caseId)?.accountNumber ?? '';
}

export function toDocMeasure(db: Db, p: PlannedMeasure): DocMeasure {
  return { ...p, key: p.index, subAccount: subAccountOf(db, p.caseId) };
}

/** Checks a control batch without writing: throws the first problem as a typed error. */
export function checkControlBatch(db: Db, today: string, input: ControlBatchInput): PlannedMeasure[] {
  return planControl(db, today, input.items, input.startOn ?? today);
}

/** What the write worker needs to register a control batch: plain data (jobs/writeTasks.ts). */
export interface ControlBatchCommit extends ControlCommitBase {
  input: ControlBatchInput;
  /** The plan the documents were made for; the batch is refused if planning again gives another. */
  signature: string;
}

/**
 * Registers a control batch in ONE transaction: the batch, its measures with their terms, one
 * `measure.applied` event each, the rulings and notices to assist linked to their measures, and the
 * stage move control → triage for cases that had their first control. Returns the batch id.
 */
export function commitControlBatch(db: Db, c: ControlBatchCommit): number {
  return commitWithControlDocuments(db, c, 'apply', () => {
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
    return { result: batchId, measureIdOf: (key) => ids.get(key)! };
  });
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
  return withControlDocuments(db, dataDir, today, planned.map((p) => toDocMeasure(db, p)), 'apply', hooks, (rendered) =>
    commit({ dataDir, actor, at, today, input, signature: signature(planned), ...rendered }),
  );
}
