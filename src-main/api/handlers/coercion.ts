import { defineHandlers } from '../registry';
import { actorOf, type CallContext } from '../context';
import { ApiError } from '../../../src-shared/api/errors';
import { createRequest, recordOutcome, withdrawRequest } from '../../services/coercion/requests';
import { finishOperation, planOperation } from '../../services/coercion/operations';
import { compel, detain, endQuestioning, fine, issueWarrant, recordSearch, type Env } from '../../services/coercion/measures';
import { applyForLeave, decideEmergency, fileReview, grantLeave, refuseLeave, handOver, notifyFamily, recordMedical, recordReviewDecision, releaseEarly, releaseOnExpiry, returnFromLeave } from '../../services/coercion/custody';
import { recordPoliceAnswer, recordPrivateProsecution, refer } from '../../services/coercion/referrals';
import { periodOf } from '../../services/metrics/context';
import { approverList, figures, listMeasures, listOperations, listReferrals, listRequests, policeList } from '../../services/coercion/views';

function env(ctx: CallContext): Env {
  const { app } = ctx;
  return { db: app.db, dataDir: app.dataDir, actor: actorOf(ctx), at: app.clock.now(), today: app.clock.today() };
}


const OK = { ok: true as const };

export const handlers = defineHandlers({
  'coercion.request': (input, ctx) => {
    if (!ctx.user) throw new ApiError('unauthorized', '请先登录');
    const e = env(ctx);
    const id = createRequest(e.db, { ...e.actor, id: ctx.user.id }, e.at, e.today, input);
    return { id };
  },
  'coercion.withdraw': (input, ctx) => {
    const e = env(ctx);
    withdrawRequest(e.db, e.actor, e.at, input);
    return OK;
  },
  'coercion.requests': (input, ctx) => listRequests(ctx.app.db, ctx.scope, input),
  'coercion.measures': (input, ctx) => listMeasures(ctx.app.db, ctx.scope, input),
  'coercion.referrals': (input, ctx) => listReferrals(ctx.app.db, ctx.scope, input),
  'coercion.operations': (_input, ctx) => listOperations(ctx.app.db, ctx.scope),
  'coercion.planOperation': (input, ctx) => {
    const e = env(ctx);
    const id = planOperation(e.db, e.actor, e.at, e.today, input);
    return { id };
  },
  'coercion.finishOperation': (input, ctx) => {
    const e = env(ctx);
    finishOperation(e.db, e.actor, e.at, input.operationId);
    return OK;
  },
  'coercion.outcome': (input, ctx) => {
    const e = env(ctx);
    const out = recordOutcome(e.db, e.actor, e.at, e.today, input);
    return out;
  },
  'coercion.compel': async (input, ctx) => ({ id: await compel(env(ctx), input) }),
  'coercion.endQuestioning': (input, ctx) => (endQuestioning(env(ctx), input), OK),
  'coercion.fine': async (input, ctx) => ({ id: await fine(env(ctx), { ...input, ground: input.ground as never }) }),
  'coercion.detain': async (input, ctx) => ({ id: await detain(env(ctx), { ...input, ground: input.ground as never }) }),
  'coercion.notifyFamily': (input, ctx) => (notifyFamily(env(ctx), input), OK),
  'coercion.medical': (input, ctx) => (recordMedical(env(ctx), input), OK),
  'coercion.handOver': (input, ctx) => (handOver(env(ctx), input), OK),
  'coercion.leaveApply': (input, ctx) => ({ id: applyForLeave(env(ctx), input) }),
  'coercion.leaveRefuse': (input, ctx) => (refuseLeave(env(ctx), input), OK),
  'coercion.emergencyDecision': async (input, ctx) => (await decideEmergency(env(ctx), input), OK),
  'coercion.leave': (input, ctx) => ({ id: grantLeave(env(ctx), input) }),
  'coercion.leaveReturn': (input, ctx) => returnFromLeave(env(ctx), input),
  'coercion.release': (input, ctx) => (releaseOnExpiry(env(ctx), input), OK),
  'coercion.releaseEarly': async (input, ctx) => (await releaseEarly(env(ctx), input), OK),
  'coercion.fileReview': (input, ctx) => (fileReview(env(ctx), input), OK),
  'coercion.reviewDecision': (input, ctx) => (recordReviewDecision(env(ctx), input), OK),
  'coercion.warrant': async (input, ctx) => ({ id: await issueWarrant(env(ctx), input) }),
  'coercion.searchRecord': async (input, ctx) => (await recordSearch(env(ctx), input), OK),
  'coercion.refer': async (input, ctx) => ({ id: await refer(env(ctx), input) }),
  'coercion.policeAnswer': (input, ctx) => (recordPoliceAnswer(env(ctx), input), OK),
  'coercion.privateProsecution': (input, ctx) => (recordPrivateProsecution(env(ctx), input), OK),
  'coercion.figures': (input, ctx) => figures(ctx.app.db, ctx.scope, input.from, input.to),
  'coercion.periodFigures': (input, ctx) => {
    // The dashboard's own period (statistical year and all), so the two read the same days.
    const p = periodOf(ctx.app.db, input.period);
    const { from, to, ...rest } = figures(ctx.app.db, ctx.scope, p.from, p.to);
    return { period: { label: p.label, from, to }, ...rest };
  },
  'coercion.people': (_input, ctx) => ({ approvers: approverList(ctx.app.db), police: policeList(ctx.app.db) }),
});
