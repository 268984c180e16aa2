import { createRequeryBatch, recordRequeryResults, resultsFromFeedback } from '../../services/archive/requery';
import { readGrid } from '../../services/grids/sources';
import { GRID_EXPORT_MAX } from '../../../src-shared/api/grid';
import { createRequeryInquiryBatch } from '../../services/archive/inquiryLink';
import type { Workdays } from '../workdays';
import { importBatchFeedback, type SentBatch } from './inquiries';
import { at, callAs, type Pipeline } from './state';

// 终本 re-queries (终本规定 Art. 9: every six months for five years after termination, and the
// applicant told the result). The 终本 group works as the archive screen lets it: on the first
// working day of each month it takes the rounds falling due within the court's lookahead
// (settings.zhongbenRequeryLookaheadDays, 30 days) into one re-query batch, which becomes an ordinary
// query batch; the simulated feedback comes back a few days later and the results are collected
// from it. A round due in the first days of a month is thus answered a few days late, as in a
// court that batches monthly; the board shows overdue only the rounds whose feedback is not back yet.

/**
 * Share of re-query rounds that find property. The seed publishes no figure; by the 终本 definition
 * (no property found after full investigation) a re-query rarely finds any.
 */
export const REQUERY_FOUND_SHARE = 0.03;
/** The last batches' first few results go through archive.recordResults and get a real 查询结果告知书. */
export const REAL_REQUERY_NOTICES = 6;

export interface SentRequery {
  requeryBatchId: number;
  inquiry: SentBatch;
  /** Results through the API with real notices (the replay's last batches only). */
  real: boolean;
}

/** The first working day of the month of `date`, which is when the group makes its batch. */
export function isRequeryDay(w: Workdays, date: string): boolean {
  return w.onOrAfter(`${date.slice(0, 7)}-01`) === date;
}

export function createRequeryRound(p: Pipeline, date: string, real: boolean): SentRequery | null {
  const { db } = p.ctx;
  // The 终本 group's own list: the rounds due within the look-ahead (the 终本库 page's grid).
  const due = readGrid({ db, today: date, scope: { all: true } }, 'requeryDue', { sort: [], filters: [], offset: 0, limit: GRID_EXPORT_MAX }).rows as { caseId: number }[];
  if (due.length === 0) return null;
  const actor = p.staff.zhongben;
  const t = at(p, date, 60);
  const caseIds = due.map((r) => r.caseId);
  const batch = createRequeryBatch(db, actor, t, date, caseIds, (ids) => createRequeryInquiryBatch(db, actor, t, date, ids));
  p.counts.requeryBatches++;
  p.counts.requeryRounds += caseIds.length;
  return { requeryBatchId: batch.id, inquiry: { batchId: batch.inquiryBatchId!, cases: caseIds.map((caseId) => ({ caseId, found: p.ctx.rng.chance(REQUERY_FOUND_SHARE) })) }, real };
}

/** The feedback imported like any query batch's, then the round's results taken from it. */
export async function collectRequeryRound(p: Pipeline, date: string, sent: SentRequery): Promise<void> {
  await importBatchFeedback(p, date, sent.inquiry);
  const { db } = p.ctx;
  const results = resultsFromFeedback(db, sent.requeryBatchId);
  const actor = p.staff.zhongben;
  // The last batches: a few notices rendered for real through the API (with the cases' versions as
  // the screen would send them); the rest recorded as notices made on paper, for speed.
  const viaApi = sent.real ? results.slice(0, REAL_REQUERY_NOTICES) : [];
  if (viaApi.length > 0) {
    at(p, date, 380);
    const seen = Object.fromEntries(
      db.raw<{ id: number; version: number }>(`SELECT id, version FROM cases WHERE id IN (${viaApi.map(() => '?').join(',')})`, ...viaApi.map((r) => r.caseId)).map((r) => [String(r.id), r.version]),
    );
    await callAs(p, actor, 'archive.recordResults', { batchId: sent.requeryBatchId, results: viaApi, seen: { cases: seen } });
    p.counts.requeryNotices += viaApi.length;
  }
  const rest = results.slice(viaApi.length);
  if (rest.length > 0) recordRequeryResults(db, actor, at(p, date, 390), date, sent.requeryBatchId, rest, () => null);
  p.counts.requeryFound += results.filter((r) => !r.nothingFound).length;
}
