import { defineHandlers } from '../registry';

export const handlers = defineHandlers({
  'jobs.get': ({ id }, { app }) => app.jobs.get(id),
  'jobs.list': ({ limit }, { app, scope }) => app.jobs.list(limit, scope),
  'jobs.cancel': ({ id }, { app, user }) => {
    app.jobs.cancel(id, user);
    return { ok: true as const };
  },
});
