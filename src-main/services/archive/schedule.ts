import type { Db } from '../../db/connection';
import { addMonths, requeryDueDates } from '../../../src-shared/domain/closure';
import { getSettings } from '../settings/settings';
import { ruleAmount } from '../../../src-shared/domain/deadlineRules';

// The re-query clock of a 终本 case (终本规定 Art. 9: every six months for five years after
// termination; the 'requery' rule of the deadline table). Rounds are fixed to the termination date, so a late
// round does not push the later ones back.

export interface RequerySchedule {
  dueDates: string[];
  until: string;
}

export function scheduleFor(db: Db, terminatedOn: string): RequerySchedule {
  // The 'requery' rule of the deadline table: every `amount` months, `repeat` times (6 × 10 = 5 years).
  const { amount: months, repeat } = ruleAmount(getSettings(db).deadlineRules, 'requery');
  const years = (months * repeat) / 12;
  return { dueDates: requeryDueDates(terminatedOn, months, years), until: addMonths(terminatedOn, months * repeat) };
}

/** The due date of the round after `roundsDone` completed rounds, or null when the five years are over. */
export function nextDueOn(db: Db, terminatedOn: string, roundsDone: number): string | null {
  return scheduleFor(db, terminatedOn).dueDates[roundsDone] ?? null;
}
