import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { appendEvent, type Actor } from '../../events/log';
import { getArchiveEntry } from './entries';
import { scopeSql, type CaseScope } from '../auth/scope';
import { ZHONGBEN } from '../../../src-shared/domain/closure';
import { zhongbenQuality, type ZhongbenQuality } from '../../../src-shared/domain/metrics/zhongbenQuality';

// Quality review of 终本 cases (终本合格率, domain.md §6, metrics.md §6): a reviewer marks a case
// pass or fail against the 终本 conditions, naming the reasons of a fail. The latest review counts;
// every review stays in the event log ('archive.reviewed' {pass, reasons}) where the metrics read it.

export function reviewCase(db: Db, actor: Actor, at: Date, today: string, input: { caseId: number; pass: boolean; reasons: string[]; note?: string | undefined }): void {
  db.tx(() => {
    getArchiveEntry(db, input.caseId);
    const reasons = [...new Set(input.reasons.map((r) => r.trim()).filter(Boolean))];
    if (!input.pass && reasons.length === 0) throw new ApiError('invalid_input', '评查不合格须写明理由', 'reasons');
    db.run(
      db.q
        .updateTable('archive_entries')
        .set({ review_status: input.pass ? 'pass' : 'fail', review_reasons: JSON.stringify(reasons), reviewed_on: today, reviewed_by: actor.name, updated_at: at.toISOString() })
        .where('case_id', '=', input.caseId),
    );
    appendEvent(db, actor, at, { caseId: input.caseId, type: 'archive.reviewed', payload: { pass: input.pass, reasons, ...(input.note ? { note: input.note } : {}) } });
  });
}

/**
 * 终本合格率 over the cases terminated in [from, to], by the one definition the dashboard and the
 * report upward use (src-shared/domain/metrics/zhongbenQuality.ts: passed ÷ reviewed, 首执 only).
 */
export function reviewStats(db: Db, from: string, to: string, scope: CaseScope): ZhongbenQuality {
  const narrow = scopeSql(scope);
  const rows = db.raw<{ type: string; review_status: string }>(
    `SELECT c.type, a.review_status FROM archive_entries a JOIN cases c ON c.id = a.case_id WHERE a.terminated_on BETWEEN ? AND ?${narrow.sql}`,
    from,
    to,
    ...narrow.params,
  );
  // Every archive entry is a 终本 closure (entries.ts: made by the closure itself).
  return zhongbenQuality(rows.map((r) => ({ type: r.type, mode: ZHONGBEN, reviewPass: r.review_status === 'pending' ? null : r.review_status === 'pass' })));
}
