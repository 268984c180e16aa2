import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { appendEvent, type Actor } from '../../events/log';
import { afterRequery } from '../credit/grounds';
import { getCaseRow } from '../cases/queries';
import { caseEvents } from '../closure/caseFacts';
import type { IssuedDocument } from '../closure/close';
import { getArchiveEntry } from './entries';
import { nextDueOn } from './schedule';
import { batchFindings } from './inquiryLink';
import { wholeContainerSql, type CaseScope } from '../auth/scope';

// The six-monthly re-query of 终本 cases (终本规定 Art. 9, domain.md §4.3). A round is requested in
// a batch (which becomes a query request file through the query-batch machinery, services/inquiries), its
// result comes back as feedback, and the applicant is told the result by a 查询结果告知书. Only then
// is the round done and the clock moves to the next due date.

/** Creates the query batch in the inquiries machinery (services/inquiries) for the cases; returns its id, or null if unavailable. */
export type InquiryBatchCreator = (caseIds: number[]) => { id: number; number: string } | null;

export interface RequeryBatchView {
  id: number;
  number: string;
  createdOn: string;
  caseCount: number;
  inquiryBatchId: number | null;
  inquiryBatchNumber: string | null;
  pending: number;
  found: number;
  nothing: number;
}

export function createRequeryBatch(db: Db, actor: Actor, at: Date, today: string, caseIds: number[], createInquiryBatch: InquiryBatchCreator): RequeryBatchView {
  return db.tx(() => {
    const unique = [...new Set(caseIds)];
    if (unique.length === 0) throw new ApiError('invalid_input', '请至少选择一件案件', 'caseIds');
    const rounds = unique.map((caseId, i) => {
      const entry = db.get(db.q.selectFrom('archive_entries').selectAll().where('case_id', '=', caseId));
      const number = db.get(db.q.selectFrom('cases').select('number').where('id', '=', caseId))?.number ?? String(caseId);
      if (!entry) throw new ApiError('invalid_input', `案件 ${number} 不在终本库中`, `caseIds.${i}`);
      if (entry.resumed_case_id) throw new ApiError('conflict', `案件 ${number} 已恢复执行，不再复查`, `caseIds.${i}`);
      if (!entry.next_requery_on) throw new ApiError('conflict', `案件 ${number} 的五年复查期已满`, `caseIds.${i}`);
      const pending = db.get(db.q.selectFrom('archive_requeries').select('id').where('case_id', '=', caseId).where('result', '=', 'pending'));
      if (pending) throw new ApiError('conflict', `案件 ${number} 已有尚未反馈的复查`, `caseIds.${i}`);
      return { caseId, number, round: entry.rounds_done + 1, dueOn: entry.next_requery_on };
    });
    const year = Number(today.slice(0, 4));
    const seq =
      Number(db.raw<{ n: number }>(`SELECT count(*) AS n FROM archive_requery_batches WHERE substr(created_on, 1, 4) = ?`, String(year))[0]?.n ?? 0) + 1;
    const number = `终本复查（${year}）第${seq}批`;
    const inquiry = createInquiryBatch(unique);
    const batchId = db.run(
      db.q.insertInto('archive_requery_batches').values({
        number,
        created_on: today,
        case_count: unique.length,
        inquiry_batch_id: inquiry?.id ?? null,
        created_at: at.toISOString(),
        created_by: actor.name,
      }),
    ).lastInsertRowid;
    for (const r of rounds) {
      db.run(db.q.insertInto('archive_requeries').values({ batch_id: batchId, case_id: r.caseId, round: r.round, due_on: r.dueOn, requested_on: today, result: 'pending', findings: '[]', result_on: null, document_id: null }));
      appendEvent(db, actor, at, {
        caseId: r.caseId,
        type: 'archive.requeryRequested',
        payload: { requeryBatchId: batchId, batchNumber: number, round: r.round, dueOn: r.dueOn, ...(inquiry ? { inquiryBatchId: inquiry.id } : {}) },
      });
    }
    return getRequeryBatch(db, batchId);
  });
}

export function getRequeryBatch(db: Db, batchId: number): RequeryBatchView {
  const b = db.get(db.q.selectFrom('archive_requery_batches').selectAll().where('id', '=', batchId));
  if (!b) throw new ApiError('not_found', `复查批次不存在（编号 ${batchId}）`, 'batchId');
  const counts = db.raw<{ result: string; n: number }>('SELECT result, count(*) AS n FROM archive_requeries WHERE batch_id = ? GROUP BY result', batchId);
  const n = (k: string) => counts.find((c) => c.result === k)?.n ?? 0;
  const inquiryNumber = b.inquiry_batch_id ? inquiryBatchNumber(db, b.inquiry_batch_id) : null;
  return { id: b.id, number: b.number, createdOn: b.created_on, caseCount: b.case_count, inquiryBatchId: b.inquiry_batch_id, inquiryBatchNumber: inquiryNumber, pending: n('pending'), found: n('found'), nothing: n('nothing') };
}

function inquiryBatchNumber(db: Db, id: number): string | null {
  try {
    return db.raw<{ number: string }>('SELECT number FROM inquiry_batches WHERE id = ?', id)[0]?.number ?? null;
  } catch {
    return null; // the inquiries tables are not there (a database from before them)
  }
}

/** The latest batches; a tribunal team sees only batches whose every case is the team's. */
export function listRequeryBatches(db: Db, scope: CaseScope): RequeryBatchView[] {
  const inside = wholeContainerSql(scope, 'SELECT r.case_id FROM archive_requeries r WHERE r.batch_id = b.id');
  return db.raw<{ id: number }>(`SELECT b.id FROM archive_requery_batches b WHERE 1${inside.sql} ORDER BY b.id DESC LIMIT 200`, ...inside.params).map((b) => getRequeryBatch(db, b.id));
}

export interface RequeryResult {
  caseId: number;
  nothingFound: boolean;
  findings: string[];
}

/**
 * Results of a batch's pending rounds taken from the query feedback the inquiries import recorded on
 * each case ('inquiry.feedback' events after the round was requested, of the linked query batch).
 */
export function resultsFromFeedback(db: Db, batchId: number): RequeryResult[] {
  const b = db.get(db.q.selectFrom('archive_requery_batches').selectAll().where('id', '=', batchId));
  if (!b) throw new ApiError('not_found', `复查批次不存在（编号 ${batchId}）`, 'batchId');
  const pending = db.all(db.q.selectFrom('archive_requeries').selectAll().where('batch_id', '=', batchId).where('result', '=', 'pending'));
  const out: RequeryResult[] = [];
  for (const r of pending) {
    const requested = caseEvents(db, r.case_id, ['archive.requeryRequested']).filter((e) => e.payload.requeryBatchId === batchId).at(-1);
    const feedback = caseEvents(db, r.case_id, ['inquiry.feedback']).filter(
      (e) => (!requested || e.id > requested.id) && (b.inquiry_batch_id === null || e.payload.batchId === b.inquiry_batch_id),
    );
    if (feedback.length === 0) continue;
    const findings = b.inquiry_batch_id ? batchFindings(db, b.inquiry_batch_id, r.case_id) : feedback.flatMap((e) => describeFindings(e.payload.findings));
    const nothingFound = feedback.every((e) => e.payload.nothingFound === true);
    out.push({ caseId: r.case_id, nothingFound, findings: nothingFound ? [] : findings.length ? findings : ['发现财产（详见查控反馈）'] });
  }
  return out;
}

function describeFindings(f: unknown): string[] {
  if (!Array.isArray(f)) return typeof f === 'number' && f > 0 ? [`发现财产 ${f} 项`] : [];
  return f.map((x) => {
    if (typeof x === 'string') return x;
    if (!x || typeof x !== 'object') return '';
    const o = x as Record<string, unknown>;
    const parts = [o.typeLabel ?? o.assetType, o.institution, o.identifier].filter((v) => typeof v === 'string' && v);
    const value = typeof o.valueFen === 'number' ? ` ${(o.valueFen / 100).toFixed(2)}元` : '';
    return `${parts.join(' ')}${value}`.trim();
  }).filter(Boolean);
}

/** Issues the 查询结果告知书 to the applicant for one round (documents engine), inside the caller's transaction. */
export type ResultNoticeIssuer = (caseId: number, extra: { round: number; requestedOn: string; resultOn: string; nothingFound: boolean; findings: string[] }) => IssuedDocument | null;

/**
 * Records the results of pending rounds, tells each applicant through a 查询结果告知书, and moves
 * each case's clock to its next round. One transaction for the whole list: all or nothing.
 */
export function recordRequeryResults(
  db: Db,
  actor: Actor,
  at: Date,
  today: string,
  batchId: number,
  results: RequeryResult[],
  issueNotice: ResultNoticeIssuer,
): RequeryBatchView {
  return db.tx(() => {
    results.forEach((res, i) => {
      const r = db.get(db.q.selectFrom('archive_requeries').selectAll().where('batch_id', '=', batchId).where('case_id', '=', res.caseId));
      const number = getCaseRow(db, res.caseId).number;
      if (!r) throw new ApiError('invalid_input', `案件 ${number} 不在此复查批次中`, `results.${i}.caseId`);
      if (r.result !== 'pending') throw new ApiError('conflict', `案件 ${number} 本轮复查结果已登记`, `results.${i}.caseId`);
      if (!res.nothingFound && res.findings.length === 0) throw new ApiError('invalid_input', `案件 ${number}：发现财产时须列明财产`, `results.${i}.findings`);
      const entry = getArchiveEntry(db, res.caseId);
      const doc = issueNotice(res.caseId, { round: r.round, requestedOn: r.requested_on, resultOn: today, nothingFound: res.nothingFound, findings: res.findings });
      const result = res.nothingFound ? 'nothing' : 'found';
      db.run(
        db.q
          .updateTable('archive_requeries')
          .set({ result, findings: JSON.stringify(res.findings), result_on: today, document_id: doc?.documentId ?? null })
          .where('id', '=', r.id),
      );
      const roundsDone = Math.max(entry.rounds_done, r.round);
      db.run(
        db.q
          .updateTable('archive_entries')
          .set({
            rounds_done: roundsDone,
            last_requery_on: today,
            last_result: result,
            next_requery_on: entry.resumed_case_id ? null : nextDueOn(db, entry.terminated_on, roundsDone),
            updated_at: at.toISOString(),
          })
          .where('case_id', '=', res.caseId),
      );
      appendEvent(db, actor, at, {
        caseId: res.caseId,
        type: 'archive.requeried',
        payload: { requeryBatchId: batchId, round: r.round, nothingFound: res.nothingFound, findings: res.findings, ...(doc ? { documentId: doc.documentId, documentNumber: doc.number } : {}) },
      });
      // Two re-queries with nothing found after 终本: a ground to delete the debtor's listing (失信规定 2017 Art. 10 (4)).
      if (res.nothingFound) afterRequery(db, actor, at, res.caseId, today);
    });
    return getRequeryBatch(db, batchId);
  });
}
