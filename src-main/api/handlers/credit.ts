import { defineHandlers } from '../registry';
import { actorOf, FileResponse, type CallContext } from '../context';
import { ApiError } from '../../../src-shared/api/errors';
import type { LiftGround, RemovalGround } from '../../../src-shared/domain/credit';
import { applyCorrection, decideCorrection, fileCorrection } from '../../services/credit/corrections';
import { banOrderRequest, deletionDecisionRequest, liftOrderRequest, listingDecisionRequest, prepareCreditDocument, type PreparedCreditDocument } from '../../services/credit/documents';
import { writeEntryFile } from '../../services/credit/entryExport';
import { listDebtor, listingBars } from '../../services/credit/listings';
import { deleteListing, deletionGround, getListing, markRemovalDue } from '../../services/credit/removal';
import { followUpViolation, getRestriction, liftRestriction, permitSpending, reportViolation, restrictDebtor } from '../../services/credit/restrictions';
import { dismissRelistFlag, listingRequestRow, rejectListingRequest, requestListing } from '../../services/credit/requests';
import { caseCredit, creditFigures, creditRegister } from '../../services/credit/views';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Renders a document first (off the transaction), then runs the write that registers it; cleans up either way. */
async function withDocument<T>(ctx: CallContext, request: Parameters<typeof prepareCreditDocument>[3] | null, write: (doc: PreparedCreditDocument | null) => T): Promise<T> {
  const { app } = ctx;
  const prepared = request ? await prepareCreditDocument(app.db, app.dataDir, app.clock.today(), request) : null;
  let ok = false;
  try {
    const out = write(prepared);
    ok = true;
    return out;
  } finally {
    prepared?.finish(ok);
  }
}

// No push here: the commit of the write feeds the live case feed (live/caseFeed.ts).
function caseOf(ctx: CallContext, caseId: number) {
  return caseCredit(ctx.app.db, caseId, ctx.app.clock.today());
}

export const handlers = defineHandlers({
  'credit.case': ({ caseId }, { app }) => caseCredit(app.db, caseId, app.clock.today()),
  'credit.register': (input, { app, scope }) => creditRegister(app.db, app.clock.today(), scope, input),
  'credit.checkBars': (input, { app }) => ({ bars: listingBars(app.db, { ...input, decidedOn: input.decidedOn ?? app.clock.today() }) }),
  'credit.list': async (input, ctx) => {
    const { app } = ctx;
    const today = app.clock.today();
    // A listing on a registered request (Art. 5) is a listing on request, from the request's date.
    const req = input.requestId !== undefined ? listingRequestRow(app.db, input.caseId, input.requestId) : null;
    const li = { ...input, decidedOn: input.decidedOn ?? today, ...(req ? { origin: 'request' as const, requestedOn: req.requested_on } : {}) };
    // Bars first: nothing is rendered for a listing that cannot be made.
    const bars = listingBars(app.db, li);
    if (bars.length) throw new ApiError('invalid_input', bars[0]!.reason, bars[0]!.field, { bars });
    await withDocument(ctx, listingDecisionRequest(li), (doc) => listDebtor(app.db, actorOf(ctx), app.clock.now(), today, li, () => doc?.register(app.db, actorOf(ctx), app.clock.now()) ?? null));
    return caseOf(ctx, input.caseId);
  },
  'credit.requestListing': (input, ctx) => {
    requestListing(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), ctx.app.clock.today(), input);
    return caseOf(ctx, input.caseId);
  },
  'credit.rejectListingRequest': (input, ctx) => {
    const today = ctx.app.clock.today();
    rejectListingRequest(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), today, { ...input, decidedOn: input.decidedOn ?? today });
    return caseOf(ctx, input.caseId);
  },
  'credit.dismissRelist': (input, ctx) => {
    dismissRelistFlag(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), ctx.app.clock.today(), input);
    return caseOf(ctx, input.caseId);
  },
  'credit.requestRemoval': (input, ctx) => {
    const { app } = ctx;
    const l = getListing(app.db, input.listingId);
    if (l.status !== 'listed') throw new ApiError('conflict', l.status === 'deleted' ? '该失信信息已删除' : '该失信信息已有删除事由，请在期限内删除', 'listingId');
    if (input.requestedOn > app.clock.today()) throw new ApiError('invalid_input', `申请日期 ${input.requestedOn} 晚于今天`, 'requestedOn');
    app.db.tx(() => markRemovalDue(app.db, actorOf(ctx), app.clock.now(), l.case_id, 'applicantRequest', 'request', input.requestedOn, l.party_id));
    return caseOf(ctx, l.case_id);
  },
  'credit.delete': async (input, ctx) => {
    const { app } = ctx;
    const today = app.clock.today();
    const deletedOn = input.deletedOn ?? today;
    const l = getListing(app.db, input.listingId);
    const ground: RemovalGround = deletionGround(l, { ground: input.ground, deletedOn });
    await withDocument(ctx, deletionDecisionRequest(app.db, l.id, ground), (doc) =>
      deleteListing(app.db, actorOf(ctx), app.clock.now(), today, { listingId: l.id, ground, deletedOn }, () => doc?.register(app.db, actorOf(ctx), app.clock.now()) ?? null),
    );
    return caseOf(ctx, l.case_id);
  },
  'credit.fileCorrection': (input, ctx) => {
    fileCorrection(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), ctx.app.clock.today(), input);
    return caseOf(ctx, getListing(ctx.app.db, input.listingId).case_id);
  },
  'credit.decideCorrection': (input, ctx) => {
    const today = ctx.app.clock.today();
    decideCorrection(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), today, { ...input, decidedOn: input.decidedOn ?? today });
    return caseOf(ctx, ctx.app.db.raw<{ case_id: number }>('SELECT case_id FROM credit_corrections WHERE id = ?', input.correctionId)[0]!.case_id);
  },
  'credit.applyCorrection': (input, ctx) => {
    const today = ctx.app.clock.today();
    applyCorrection(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), today, { correctionId: input.correctionId, correctedOn: input.correctedOn ?? today });
    return caseOf(ctx, ctx.app.db.raw<{ case_id: number }>('SELECT case_id FROM credit_corrections WHERE id = ?', input.correctionId)[0]!.case_id);
  },
  'credit.exportEntries': async ({ from, to }, ctx) => {
    if (to < from) throw new ApiError('invalid_input', '截止日期早于起始日期', 'to');
    const f = await writeEntryFile(ctx.app.db, ctx.app.dataDir, actorOf(ctx), ctx.app.clock.now(), from, to);
    return new FileResponse(f.path, f.name, XLSX);
  },
  'credit.figures': ({ from, to }, { app, scope }) => {
    if (to < from) throw new ApiError('invalid_input', '截止日期早于起始日期', 'to');
    return creditFigures(app.db, from, to, app.clock.today(), scope);
  },
  'credit.restrict': async (input, ctx) => {
    const { app } = ctx;
    const today = app.clock.today();
    const hasOrder = app.db.raw(`SELECT 1 FROM documents WHERE case_id = ? AND kind = '限制消费令' AND status = 'current'`, input.caseId).length > 0;
    await withDocument(ctx, hasOrder ? null : banOrderRequest(input.caseId), (doc) =>
      restrictDebtor(app.db, actorOf(ctx), app.clock.now(), today, { ...input, orderedOn: input.orderedOn ?? today }, () => doc?.register(app.db, actorOf(ctx), app.clock.now()) ?? null),
    );
    return caseOf(ctx, input.caseId);
  },
  'credit.permit': (input, ctx) => {
    const today = ctx.app.clock.today();
    permitSpending(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), today, { ...input, grantedOn: input.grantedOn ?? today });
    return caseOf(ctx, getRestriction(ctx.app.db, input.restrictionId).case_id);
  },
  'credit.reportViolation': (input, ctx) => {
    const today = ctx.app.clock.today();
    reportViolation(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), today, { ...input, reportedOn: input.reportedOn ?? today });
    return caseOf(ctx, getRestriction(ctx.app.db, input.restrictionId).case_id);
  },
  'credit.followUpViolation': (input, ctx) => {
    followUpViolation(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), ctx.app.clock.today(), input);
    const r = ctx.app.db.raw<{ case_id: number }>('SELECT r.case_id FROM restriction_violations v JOIN consumption_restrictions r ON r.id = v.restriction_id WHERE v.id = ?', input.violationId)[0]!;
    return caseOf(ctx, r.case_id);
  },
  'credit.lift': async (input, ctx) => {
    const { app } = ctx;
    const today = app.clock.today();
    const r = getRestriction(app.db, input.restrictionId);
    if (r.status === 'lifted') throw new ApiError('conflict', '该限制消费已解除', 'restrictionId');
    const ground = (r.status === 'liftDue' ? r.lift_ground : input.ground) as LiftGround | undefined;
    // Without a ground the service refuses it, naming the field; nothing is rendered first.
    const request = ground ? liftOrderRequest(app.db, r.id, ground, input.note?.trim() || null) : null;
    await withDocument(ctx, request, (doc) =>
      liftRestriction(app.db, actorOf(ctx), app.clock.now(), today, { restrictionId: r.id, ground: input.ground, liftedOn: input.liftedOn ?? today, note: input.note }, () => doc?.register(app.db, actorOf(ctx), app.clock.now()) ?? null),
    );
    return caseOf(ctx, r.case_id);
  },
});
