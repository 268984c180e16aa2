import { defineHandlers } from '../registry';
import { keepProjectionsCurrent } from '../../events/reproject';
import { actorOf } from '../context';
import { getSettings, setSettings } from '../../services/settings/settings';
import { createUser, listUsers } from '../../services/auth/users';
import type { Role } from '../../../src-shared/api/roles';

export const handlers = defineHandlers({
  'settings.get': (_i, { app }) => getSettings(app.db),
  'settings.set': (patch, ctx) => {
    const saved = setSettings(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), patch);
    // New deadline rules re-derive every clock: at once in a small court, else as a job.
    keepProjectionsCurrent(ctx.app);
    return saved;
  },
  'users.list': (_i, { app }) => listUsers(app.db),
  'users.create': (u, ctx) => createUser(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), { ...u, roles: u.roles as Role[] }),
});
