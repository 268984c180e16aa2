import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import type { CaseStage } from '../../../src-shared/domain/stages';
import { appendEvent, type Actor } from '../../events/log';
import { getCaseRow } from './queries';

/**
 * Moves a case to another pipeline stage and records why. Each domain calls this when its step is
 * done (documents → query → control → triage → fastTrack/assignment → team → closed/archived).
 * Must run inside the caller's transaction.
 */
/** What moved the case, recorded with the stage change: the notice batch, the query batch, the control batch. */
export interface StageCause {
  batchId?: number | string;
  controlBatchId?: number;
}

export function setStage(db: Db, actor: Actor, at: Date, caseId: number, stage: CaseStage, reason: string, cause: StageCause = {}): void {
  const row = getCaseRow(db, caseId);
  if (row.stage === stage) return;
  db.run(db.q.updateTable('cases').set({ stage }).where('id', '=', caseId));
  appendEvent(db, actor, at, { caseId, type: 'case.stageChanged', payload: { from: row.stage as CaseStage, to: stage, reason, ...cause } });
}

/** A closed case changes only through resumption or a supervisor's recorded correction. */
export function assertOpen(db: Db, caseId: number): void {
  const row = getCaseRow(db, caseId);
  if (row.stage === 'closed' || row.stage === 'archived') {
    throw new ApiError('read_only', `案件 ${row.number} 已结案，不能再修改（可申请恢复执行或由负责人更正）`, 'caseId');
  }
}
