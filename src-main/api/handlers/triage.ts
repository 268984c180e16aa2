import { defineHandlers } from '../registry';
import { actorOf } from '../context';
import { confirmTriage, proposeTriage } from '../../services/triage/triage';
import { fastTrackQueue, sendBackToTriage } from '../../services/triage/fastTrack';

export const handlers = defineHandlers({
  'triage.propose': ({ caseIds }, ctx) => proposeTriage(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), caseIds),
  'triage.confirm': ({ items }, ctx) => {
    const r = confirmTriage(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), items);
    return r;
  },
  'fastTrack.queue': (input, { app }) => fastTrackQueue(app.db, input),
  'fastTrack.sendBack': ({ caseIds, reason }, ctx) => {
    sendBackToTriage(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), caseIds, reason);
    return { ok: true as const, count: caseIds.length };
  },
});
