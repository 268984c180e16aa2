import { defineHandlers } from '../registry';
import { keepProjectionsCurrent } from '../../events/reproject';
import { actorOf } from '../context';
import { assertMayChange, getSettings, setSettings } from '../../services/settings/settings';
import { createUser, listUsers } from '../../services/auth/users';
import { assertPayoutApproverIds } from '../../services/ledger/approvers';
import type { Role } from '../../../src-shared/api/roles';

export const handlers = defineHandlers({
  'settings.get': (_i, { app }) => getSettings(app.db),
  'settings.set': (patch, ctx) => {
    // The court's identity and security are the administrator's (SETTING_EDITORS in src-shared/settings.ts).
    const saved = ctx.app.db.tx(() => {
      assertMayChange(ctx.app.db, !!ctx.user?.roles.includes('admin'), patch);
      if (patch.payoutApprovers) assertPayoutApproverIds(ctx.app.db, patch.payoutApprovers);
      return setSettings(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), patch);
    });
    // New deadline rules re-derive every clock: at once in a small court, else as a job.
    keepProjectionsCurrent(ctx.app);
    return saved;
  },
  'users.list': (_i, { app }) => listUsers(app.db),
  'users.create': async ({ password, ...u }, ctx) => {
    const passwordHash = await ctx.app.passwords.hash(password);
    return createUser(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), { ...u, passwordHash, roles: u.roles as Role[] });
  },
});
