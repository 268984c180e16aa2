import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { appendEvent, type Actor } from '../../events/log';
import { getArchiveEntry } from './entries';
import { scopeSql, type CaseScope } from '../auth/scope';

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

/** 终本合格率 over the cases terminated in [from, to]: passed ÷ reviewed (2 dp, half-up; metrics.md §6). */
export function reviewStats(db: Db, from: string, to: string, scope: CaseScope): { terminated: number; reviewed: number; passed: number; ratePct: number | null } {
  const narrow = scopeSql(scope);
  const r = db.raw<{ terminated: number; reviewed: number; passed: number }>(
    `SELECT count(*) AS terminated,
            coalesce(sum(a.review_status != 'pending'), 0) AS reviewed,
            coalesce(sum(a.review_status = 'pass'), 0) AS passed
       FROM archive_entries a JOIN cases c ON c.id = a.case_id WHERE a.terminated_on BETWEEN ? AND ?${narrow.sql}`,
    from,
    to,
    ...narrow.params,
  )[0]!;
  const ratePct = r.reviewed > 0 ? Math.round((r.passed * 10000) / r.reviewed) / 100 : null;
  return { ...r, ratePct };
}
