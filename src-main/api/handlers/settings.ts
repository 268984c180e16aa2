import { defineHandlers } from '../registry';
import { actorOf } from '../context';
import { getSettings, setSettings } from '../../services/settings/settings';
import { createUser, listUsers } from '../../services/auth/users';
import type { Role } from '../../../src-shared/api/roles';

export const handlers = defineHandlers({
  'settings.get': (_i, { app }) => getSettings(app.db),
  'settings.set': (patch, ctx) => setSettings(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), patch),
  'users.list': (_i, { app }) => listUsers(app.db),
  'users.create': async ({ password, ...u }, ctx) => {
    const passwordHash = await ctx.app.passwords.hash(password);
    return createUser(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), { ...u, passwordHash, roles: u.roles as Role[] });
  },
});
