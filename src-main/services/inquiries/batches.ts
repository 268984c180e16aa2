import type { Db } from '../../db/connection';
import type { z } from 'zod';
import type { inquiryBatchDetail, inquiryBatchSummary } from '../../../src-shared/api/methods/inquiries';
import { ApiError } from '../../../src-shared/api/errors';
import type { AssetType } from '../../../src-shared/domain/assets';
import { appendEvent, type Actor } from '../../events/log';
import { assertOpen } from '../cases/stage';
import { getCaseRow } from '../cases/queries';
import { wholeContainerSql, type CaseScope } from '../auth/scope';

export type BatchSummary = z.output<typeof inquiryBatchSummary>;
export type BatchDetail = z.output<typeof inquiryBatchDetail>;

/** Batch numbers: CK + court-local date + '-' + that day's sequence (CK20261122-001). */
export function nextBatchNumber(db: Db, prefix: string, table: 'inquiry_batches' | 'control_batches', today: string): string {
  const day = today.replaceAll('-', '');
  const n = db.raw<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE created_on = ?`, today)[0]!.n;
  return `${prefix}${day}-${String(n + 1).padStart(3, '0')}`;
}

/**
 * Creates a query batch: every debtor of the selected cases becomes one row of the request file.
 * A case whose debtors are still waiting for feedback in another batch is refused (no double
 * query). One `inquiry.requested` event per case; `first` marks the case's first query
 * (node 首次网络查控).
 *
 * `requery` is the six-monthly re-query of the 终本 archive (终本规定 Art. 9): those cases are closed
 * (stage 'archived') yet must still be queried, so the batch accepts archived cases — and only
 * them; a case closed any other way stays read-only.
 */
export function createInquiryBatch(db: Db, actor: Actor, at: Date, today: string, input: { caseIds: number[]; categories: AssetType[]; requery?: boolean | undefined }): number {
  return db.tx(() => {
    const caseIds = [...new Set(input.caseIds)];
    const number = nextBatchNumber(db, 'CK', 'inquiry_batches', today);
    const plan: { caseId: number; number: string; first: boolean; debtors: { id: number; name: string; code: string }[] }[] = [];
    caseIds.forEach((caseId, i) => {
      const c = getCaseRow(db, caseId);
      if (input.requery) {
        if (c.stage !== 'archived') throw new ApiError('conflict', `案件 ${c.number} 不是终本案件，不能列入终本复查批次`, `caseIds.${i}`);
      } else {
        assertOpen(db, caseId);
      }
      const waiting = db.raw<{ number: string }>(
        `SELECT b.number FROM inquiry_targets t JOIN inquiry_batches b ON b.id = t.batch_id WHERE t.case_id = ? AND t.answered_at IS NULL LIMIT 1`,
        caseId,
      )[0];
      if (waiting) throw new ApiError('conflict', `案件 ${c.number} 已在查控批次 ${waiting.number} 中等待反馈`, `caseIds.${i}`);
      const first = !db.raw(`SELECT 1 FROM inquiry_targets WHERE case_id = ? LIMIT 1`, caseId)[0];
      const debtors = db
        .all(db.q.selectFrom('parties').select(['id', 'name', 'id_number', 'credit_code']).where('case_id', '=', caseId).where('role', '=', 'debtor').orderBy('seq'))
        .map((p) => ({ id: p.id, name: p.name, code: p.id_number ?? p.credit_code ?? '' }));
      const missing = debtors.find((d) => !d.code);
      if (missing) throw new ApiError('invalid_input', `案件 ${c.number} 的被执行人“${missing.name}”没有证件号码，无法网络查控`, `caseIds.${i}`);
      if (debtors.length === 0) throw new ApiError('invalid_input', `案件 ${c.number} 没有被执行人`, `caseIds.${i}`);
      plan.push({ caseId, number: c.number, first, debtors });
    });
    const debtorCount = plan.reduce((s, p) => s + p.debtors.length, 0);
    const batchId = db.run(
      db.q.insertInto('inquiry_batches').values({
        number,
        categories: JSON.stringify(input.categories),
        case_count: plan.length,
        debtor_count: debtorCount,
        created_on: today,
        created_at: at.toISOString(),
        created_by: actor.name,
      }),
    ).lastInsertRowid;
    let seq = 0;
    for (const p of plan) {
      for (const d of p.debtors) {
        db.rawRun(`INSERT INTO inquiry_targets (batch_id, seq, case_id, party_id, name, id_code) VALUES (?, ?, ?, ?, ?, ?)`, batchId, ++seq, p.caseId, d.id, d.name, d.code);
      }
      appendEvent(db, actor, at, { caseId: p.caseId, type: 'inquiry.requested', payload: { batchId, batchNumber: number, debtorCount: p.debtors.length, first: p.first, categories: input.categories, ...(input.requery ? { requery: true } : {}) } });
    }
    return batchId;
  });
}

const SUMMARY_SQL = `SELECT b.*,
  (SELECT count(*) FROM inquiry_targets t WHERE t.batch_id = b.id AND t.answered_at IS NOT NULL) AS answered,
  (SELECT count(*) FROM inquiry_results r WHERE r.batch_id = b.id AND r.nothing_found = 0) AS findings,
  EXISTS (SELECT 1 FROM inquiry_imports i WHERE i.batch_id = b.id AND i.simulated = 1) AS simulated
  FROM inquiry_batches b`;

type SummaryRow = { id: number; number: string; categories: string; case_count: number; debtor_count: number; created_on: string; created_at: string; created_by: string; answered: number; findings: number; simulated: number };

function toSummary(r: SummaryRow): BatchSummary {
  return {
    id: r.id,
    number: r.number,
    createdAt: r.created_at,
    createdOn: r.created_on,
    createdBy: r.created_by,
    categories: JSON.parse(r.categories) as AssetType[],
    caseCount: r.case_count,
    debtorCount: r.debtor_count,
    answeredCount: r.answered,
    findingCount: r.findings,
    status: r.answered === 0 ? 'sent' : r.answered < r.debtor_count ? 'partial' : 'answered',
    simulated: r.simulated === 1,
  };
}

/** The batches, newest first; a tribunal team sees only batches whose every case is the team's. */
export function listInquiryBatches(db: Db, input: { status?: BatchSummary['status'] | undefined; offset: number; limit: number }, scope: CaseScope): { rows: BatchSummary[]; total: number } {
  const inside = wholeContainerSql(scope, 'SELECT tx.case_id FROM inquiry_targets tx WHERE tx.batch_id = b.id');
  const all = db.raw<SummaryRow>(`${SUMMARY_SQL} WHERE 1${inside.sql} ORDER BY b.id DESC`, ...inside.params).map(toSummary).filter((b) => !input.status || b.status === input.status);
  return { rows: all.slice(input.offset, input.offset + input.limit), total: all.length };
}

export function getInquiryBatch(db: Db, batchId: number): BatchDetail {
  const row = db.raw<SummaryRow>(`${SUMMARY_SQL} WHERE b.id = ?`, batchId)[0];
  if (!row) throw new ApiError('not_found', `查控批次不存在（编号 ${batchId}）`, 'batchId');
  const targets = db.raw<{ seq: number; case_id: number; number: string; party_id: number; name: string; id_code: string; answered_at: string | null; findings: number }>(
    `SELECT t.seq, t.case_id, c.number, t.party_id, t.name, t.id_code, t.answered_at,
            (SELECT count(*) FROM inquiry_results r WHERE r.target_id = t.id AND r.nothing_found = 0) AS findings
       FROM inquiry_targets t JOIN cases c ON c.id = t.case_id WHERE t.batch_id = ? ORDER BY t.seq`,
    batchId,
  );
  const imports = db.all(db.q.selectFrom('inquiry_imports').selectAll().where('batch_id', '=', batchId).orderBy('id'));
  return {
    ...toSummary(row),
    targets: targets.map((t) => ({
      seq: t.seq,
      caseId: t.case_id,
      caseNumber: t.number,
      partyId: t.party_id,
      debtor: t.name,
      idCode: t.id_code,
      answeredAt: t.answered_at,
      findings: t.findings,
      nothingFound: t.answered_at !== null && t.findings === 0,
    })),
    imports: imports.map((i) => ({
      id: i.id,
      fileName: i.file_name,
      fileHash: i.file_hash,
      rowCount: i.row_count,
      findingCount: i.finding_count,
      nothingCount: i.nothing_count,
      skippedCount: i.skipped_count,
      simulated: i.simulated === 1,
      importedAt: i.imported_at,
      importedBy: i.imported_by,
    })),
  };
}
