import type { Db } from '../../db/connection';
import type { z } from 'zod';
import type { importReport } from '../../../src-shared/api/methods/inquiries';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { appendEvent, type Actor } from '../../events/log';
import { setStage } from '../cases/stage';
import { checkFeedback, type Problem } from './feedbackCheck';
import { UploadFormatError, UploadLimitError } from '../../../src-shared/domain/uploadLimits';
import { readTableContained } from '../uploads/contained';
import type { Table } from '../uploads/table';

export type ImportReport = z.output<typeof importReport>;

/** At most this many problems are listed in the error's details (the count says how many in all). */
const MAX_LISTED = 500;

/**
 * Imports a feedback file (查控反馈). All or nothing: every row is checked first, and any problem
 * refuses the whole file with the list of row/column/reason. Idempotent: the same file (by content
 * hash) is a no-op, and rows already recorded by an earlier file (same debtor, asset, account and
 * query date) are skipped, so a re-export of the same feedback in another format writes nothing.
 * Findings become the case's asset register; "nothing found" rows are kept as proof of the query
 * (终本规定 Art. 3 requires the online query to have been made). Cases with findings move
 * query → control; cases whose debtors all answered with nothing move query → triage. The file is
 * read (and hashed) in the upload worker, within the limits of uploadLimits.ts.
 */
export async function importFeedback(
  db: Db,
  actor: Actor,
  at: Date,
  today: string,
  input: {
    fileName: string;
    content: string | Uint8Array;
    batchId?: number | undefined;
    /** Throws when the caller may not write into the batch the file names (a tribunal team: only batches of its own cases). */
    allowBatch?: (batchId: number) => void;
  },
): Promise<ImportReport> {
  let hash: string;
  let table: Table;
  try {
    ({ hash, table } = await readTableContained(input.content, input.fileName));
  } catch (e) {
    if (e instanceof UploadLimitError || e instanceof UploadFormatError) throw invalid('contentBase64', e.message);
    throw e;
  }
  const earlier = db.get(db.q.selectFrom('inquiry_imports').selectAll().where('file_hash', '=', hash));
  if (earlier) {
    input.allowBatch?.(earlier.batch_id);
    return duplicateReport(db, earlier.id, earlier.row_count);
  }
  return db.tx(() => {
    const checked = checkFeedback(db, table.rows, { batchId: input.batchId, today });
    if (checked.problems.length > 0) throw refused(checked.problems);
    const batch = checked.batch!;
    // The file names its batch: every case in it must be the caller's before anything is written.
    input.allowBatch?.(batch.id);
    const existing = db.raw<{ id: number }>(`SELECT id FROM inquiry_imports WHERE file_hash = ?`, hash)[0];
    if (existing) return duplicateReport(db, existing.id, checked.rows.length);

    const known = new Set(db.raw<{ row_key: string }>(`SELECT row_key FROM inquiry_results WHERE batch_id = ?`, batch.id).map((r) => r.row_key));
    const fresh = checked.rows.filter((r) => !known.has(r.key));
    const skippedCount = checked.rows.length - fresh.length;
    if (fresh.length === 0) {
      // Every row is already recorded (the same feedback in another file): nothing to write.
      return { ...emptyReport(batch.id, batch.number, checked.rows.length, checked.simulated), duplicate: true, skippedCount, importId: 0 };
    }
    const importId = db.run(
      db.q.insertInto('inquiry_imports').values({
        batch_id: batch.id,
        file_name: input.fileName,
        file_hash: hash,
        row_count: checked.rows.length,
        finding_count: fresh.filter((r) => !r.nothingFound).length,
        nothing_count: fresh.filter((r) => r.nothingFound).length,
        skipped_count: skippedCount,
        simulated: checked.simulated ? 1 : 0,
        imported_at: at.toISOString(),
        imported_by: actor.name,
      }),
    ).lastInsertRowid;

    let assetsCreated = 0;
    let assetsUpdated = 0;
    const nowIso = at.toISOString();
    const perCase = new Map<number, { findings: number; rows: number }>();
    for (const r of fresh) {
      let assetId: number | null = null;
      if (!r.nothingFound) {
        const found = db.raw<{ id: number }>(
          `SELECT id FROM assets WHERE case_id = ? AND party_id = ? AND type = ? AND institution = ? AND identifier = ?`,
          r.caseId,
          r.partyId,
          r.assetType,
          r.institution,
          r.identifier,
        )[0];
        if (found) {
          // Found again by a later query: the register shows the latest balance and its source.
          db.rawRun(
            `UPDATE assets SET value_fen = ?, other_frozen_fen = ?, other_frozen_note = ?, found_on = ?, found_at = ?, source_batch_id = ?, simulated = ? WHERE id = ?`,
            r.valueFen,
            r.otherFrozenFen,
            r.otherFrozenNote,
            r.queriedOn,
            nowIso,
            batch.id,
            checked.simulated ? 1 : 0,
            found.id,
          );
          assetId = found.id;
          assetsUpdated++;
        } else {
          assetId = db.rawRun(
            `INSERT INTO assets (case_id, party_id, type, institution, identifier, value_fen, other_frozen_fen, other_frozen_note, found_on, found_at, source_batch_id, simulated, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            r.caseId,
            r.partyId,
            r.assetType,
            r.institution,
            r.identifier,
            r.valueFen,
            r.otherFrozenFen,
            r.otherFrozenNote,
            r.queriedOn,
            nowIso,
            batch.id,
            checked.simulated ? 1 : 0,
            nowIso,
          ).lastInsertRowid;
          assetsCreated++;
        }
      }
      db.rawRun(
        `INSERT INTO inquiry_results (import_id, batch_id, target_id, case_id, party_id, row_no, nothing_found, asset_type, institution, identifier, value_fen, other_frozen_fen, other_frozen_note, queried_on, row_key, asset_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        importId,
        batch.id,
        r.targetId,
        r.caseId,
        r.partyId,
        r.rowNo,
        r.nothingFound ? 1 : 0,
        r.assetType,
        r.institution,
        r.identifier,
        r.valueFen,
        r.otherFrozenFen,
        r.otherFrozenNote,
        r.queriedOn,
        r.key,
        assetId,
      );
      const pc = perCase.get(r.caseId) ?? { findings: 0, rows: 0 };
      pc.rows++;
      if (!r.nothingFound) pc.findings++;
      perCase.set(r.caseId, pc);
    }
    for (const targetId of new Set(fresh.map((r) => r.targetId))) {
      db.rawRun(`UPDATE inquiry_targets SET answered_at = ? WHERE id = ? AND answered_at IS NULL`, nowIso, targetId);
    }

    let casesToControl = 0;
    let casesToTriage = 0;
    const lastQueried = new Map<number, string>();
    for (const r of fresh) if ((lastQueried.get(r.caseId) ?? '') < r.queriedOn) lastQueried.set(r.caseId, r.queriedOn);
    for (const [caseId, pc] of perCase) {
      const state = db.raw<{ stage: string; open: number; findings: number }>(
        `SELECT c.stage,
                (SELECT count(*) FROM inquiry_targets t WHERE t.batch_id = ? AND t.case_id = c.id AND t.answered_at IS NULL) AS open,
                (SELECT count(*) FROM inquiry_results r WHERE r.batch_id = ? AND r.case_id = c.id AND r.nothing_found = 0) AS findings
           FROM cases c WHERE c.id = ?`,
        batch.id,
        batch.id,
        caseId,
      )[0]!;
      const nothingFound = state.findings === 0;
      appendEvent(db, actor, at, {
        caseId,
        type: 'inquiry.feedback',
        onDate: lastQueried.get(caseId)!,
        payload: { batchId: batch.id, batchNumber: batch.number, importId, findings: pc.findings, rows: pc.rows, nothingFound, complete: state.open === 0, ...(checked.simulated ? { simulated: true } : {}) },
      });
      if (state.stage !== 'query') continue;
      if (state.findings > 0) {
        setStage(db, actor, at, caseId, 'control', '查控反馈发现财产，待控制', { batchId: batch.id });
        casesToControl++;
      } else if (state.open === 0) {
        setStage(db, actor, at, caseId, 'triage', '查控反馈未发现财产，待繁简分流', { batchId: batch.id });
        casesToTriage++;
      }
    }
    return {
      batchId: batch.id,
      batchNumber: batch.number,
      importId,
      duplicate: false,
      rowCount: checked.rows.length,
      findingCount: fresh.filter((r) => !r.nothingFound).length,
      nothingCount: fresh.filter((r) => r.nothingFound).length,
      skippedCount,
      assetsCreated,
      assetsUpdated,
      casesToControl,
      casesToTriage,
      simulated: checked.simulated,
    };
  });
}

function refused(problems: Problem[]): ApiError {
  const first = problems.slice(0, 3).map((p) => `第 ${p.row} 行${p.column ? `“${p.column}”` : ''}：${p.reason}`);
  const more = problems.length > 3 ? `等 ${problems.length} 处` : '';
  return new ApiError('invalid_input', `反馈文件有错误，整份未导入：${first.join('；')}${more}`, 'contentBase64', { rows: problems.slice(0, MAX_LISTED), total: problems.length });
}

function emptyReport(batchId: number, batchNumber: string, rowCount: number, simulated: boolean): ImportReport {
  return { batchId, batchNumber, importId: 0, duplicate: false, rowCount, findingCount: 0, nothingCount: 0, skippedCount: 0, assetsCreated: 0, assetsUpdated: 0, casesToControl: 0, casesToTriage: 0, simulated };
}

function duplicateReport(db: Db, importId: number, rowCount: number): ImportReport {
  const i = db.get(db.q.selectFrom('inquiry_imports as i').innerJoin('inquiry_batches as b', 'b.id', 'i.batch_id').select(['i.batch_id', 'b.number', 'i.simulated']).where('i.id', '=', importId))!;
  return { ...emptyReport(i.batch_id, i.number, rowCount, i.simulated === 1), importId, duplicate: true, skippedCount: rowCount };
}
