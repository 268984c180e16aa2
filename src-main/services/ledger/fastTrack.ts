import { ApiError } from '../../../src-shared/api/errors';
import type { Actor } from '../../events/log';

// The fast-track officer (快执团队) works a case from deduction to closure (services/triage/fastTrack.ts)
// and handles the money of the cases assigned to them while they are in the fast-track stage.

/** A case in the fast-track stage assigned to this officer (the money of any other is the money officer's). */
export function assertOwnFastTrackCase(c: { number: string; stage: string; judge_id: number | null }, actor: Actor): void {
  if (c.stage !== 'fastTrack') throw new ApiError('forbidden', `案件 ${c.number} 不在快执环节，其案款由案款专员办理`, 'caseId');
  if (actor.id === null || c.judge_id !== actor.id) throw new ApiError('forbidden', `案件 ${c.number} 不是您承办的快执案件，不能办理其案款`, 'caseId');
}
