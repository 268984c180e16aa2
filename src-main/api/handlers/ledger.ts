import { defineHandlers } from '../registry';
import { actorOf, FileResponse } from '../context';
import { commitOffThread } from '../../jobs/writePool';
import { getLedger } from '../../services/ledger/view';
import { addUnidentified, claimUnidentified, listUnidentified } from '../../services/ledger/unidentified';
import { writePayoutList } from '../../services/ledger/payoutList';
import { payoutApprovers } from '../../services/ledger/approvers';
import { decidePayoutAccount, requestPayoutAccount } from '../../services/ledger/payoutAccounts';

export const handlers = defineHandlers({
  'ledger.get': ({ caseId }, { app }) => getLedger(app.db, caseId, app.clock.today()),
  // Committed on the write worker (jobs/writeTasks.ts), the case's version checked there.
  'ledger.record': async (input, ctx) => {
    const { app } = ctx;
    const roles = ctx.user?.roles ?? [];
    const fastTrackOnly = !roles.includes('money') && !roles.includes('admin');
    await commitOffThread(app, 'ledger.record', { actor: actorOf(ctx), at: app.clock.now(), today: app.clock.today(), input, fastTrackOnly });
    return getLedger(app.db, input.caseId, app.clock.today());
  },
  'ledger.approvers': (_input, { app }) => payoutApprovers(app.db),
  'ledger.requestPayoutAccount': (input, ctx) => {
    const roles = ctx.user?.roles ?? [];
    requestPayoutAccount(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), input, { fastTrackOnly: !roles.includes('money') && !roles.includes('admin') });
    return getLedger(ctx.app.db, input.caseId, ctx.app.clock.today());
  },
  'ledger.decidePayoutAccount': (input, ctx) => {
    decidePayoutAccount(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), input);
    return { requestId: input.requestId, status: input.approve ? ('approved' as const) : ('rejected' as const) };
  },
  'ledger.unidentified': (input, { app }) => listUnidentified(app.db, app.clock.today(), input),
  'ledger.addUnidentified': (input, ctx) => addUnidentified(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), ctx.app.clock.today(), input),
  'ledger.claimUnidentified': (input, ctx) => {
    const { app } = ctx;
    claimUnidentified(app.db, actorOf(ctx), app.clock.now(), input);
    return getLedger(app.db, input.caseId, app.clock.today());
  },
  'ledger.payoutList': async ({ date }, { app }) => {
    const f = await writePayoutList(app.db, app.dataDir, date);
    return new FileResponse(f.path, f.fileName, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  },
});
