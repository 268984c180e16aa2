import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { isZhongben, type ClosureMode } from '../../../src-shared/domain/closure';
import { appendEvent, type Actor } from '../../events/log';
import { getCaseRow } from '../cases/queries';
import { scheduleFor } from '../archive/schedule';

// A closed case is read-only (assertOpen) except through resumption or this: a supervisor's recorded
// correction of the closure's own facts (date, ground, ruling number, note). The mode is not
// corrected here: a different mode needs different facts and documents, i.e. a new closure.

export interface CorrectionInput {
  caseId: number;
  reason: string;
  closedOn?: string | undefined;
  ground?: string | undefined;
  rulingNumber?: string | undefined;
  note?: string | undefined;
}

export function correctClosure(db: Db, actor: Actor, at: Date, today: string, input: CorrectionInput): void {
  db.tx(() => {
    const c = getCaseRow(db, input.caseId);
    const before = db.get(db.q.selectFrom('closures').selectAll().where('case_id', '=', input.caseId));
    if (!before) throw new ApiError('conflict', `案件 ${c.number} 没有结案记录，无可更正`, 'caseId');
    if (!input.reason.trim()) throw invalid('reason', '更正须写明理由');
    const after = {
      closed_on: input.closedOn ?? before.closed_on,
      ground: input.ground !== undefined ? input.ground.trim() || null : before.ground,
      ruling_number: input.rulingNumber !== undefined ? input.rulingNumber.trim() || null : before.ruling_number,
      note: input.note !== undefined ? input.note.trim() || null : before.note,
    };
    if (after.closed_on < c.filed_on) throw invalid('closedOn', `结案日期不能早于立案日期 ${c.filed_on}`);
    if (after.closed_on > today) throw invalid('closedOn', '结案日期不能晚于今天');
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
    if (changed.length === 0) throw invalid('reason', '没有需要更正的内容');
    db.run(db.q.updateTable('closures').set({ ...after, corrected_at: at.toISOString(), corrected_by: actor.name }).where('case_id', '=', input.caseId));
    if (after.closed_on !== before.closed_on) {
      db.run(db.q.updateTable('cases').set({ closed_on: after.closed_on }).where('id', '=', input.caseId));
      if (isZhongben(before.mode)) {
        // The re-query rounds hang off the termination date; rounds already done stay done.
        const entry = db.get(db.q.selectFrom('archive_entries').selectAll().where('case_id', '=', input.caseId));
        if (entry) {
          const s = scheduleFor(db, after.closed_on);
          db.run(
            db.q
              .updateTable('archive_entries')
              .set({ terminated_on: after.closed_on, requery_until: s.until, next_requery_on: entry.resumed_case_id ? null : (s.dueDates[entry.rounds_done] ?? null), updated_at: at.toISOString() })
              .where('case_id', '=', input.caseId),
          );
        }
      }
    }
    appendEvent(db, actor, at, {
      caseId: input.caseId,
      type: 'case.closureCorrected',
      onDate: after.closed_on,
      payload: {
        reason: input.reason.trim(),
        mode: before.mode as ClosureMode,
        changed,
        before: Object.fromEntries(changed.map((k) => [camel(k), before[k]])),
        after: Object.fromEntries(changed.map((k) => [camel(k), after[k]])),
      },
    });
  });
}

const camel = (k: string) => k.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
