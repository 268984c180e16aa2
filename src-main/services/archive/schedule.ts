import type { Db } from '../../db/connection';
import { addMonths, requeryDueDates } from '../../../src-shared/domain/closure';
import { getSettings } from '../settings/settings';

// The re-query clock of a 终本 case (终本规定 Art. 9: every six months for five years after
// termination; both numbers are settings). Rounds are fixed to the termination date, so a late
// round does not push the later ones back.

export interface RequerySchedule {
  dueDates: string[];
  until: string;
}

export function scheduleFor(db: Db, terminatedOn: string): RequerySchedule {
  const s = getSettings(db);
  return { dueDates: requeryDueDates(terminatedOn, s.zhongbenRequeryIntervalMonths, s.zhongbenRequeryYears), until: addMonths(terminatedOn, s.zhongbenRequeryYears * 12) };
}

/** The due date of the round after `roundsDone` completed rounds, or null when the five years are over. */
export function nextDueOn(db: Db, terminatedOn: string, roundsDone: number): string | null {
  return scheduleFor(db, terminatedOn).dueDates[roundsDone] ?? null;
}
