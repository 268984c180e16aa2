import { defineHandlers } from '../registry';

export const handlers = defineHandlers({
  'jobs.get': ({ id }, { app }) => app.jobs.get(id),
  'jobs.list': ({ limit }, { app }) => app.jobs.list(limit),
  'jobs.cancel': ({ id }, { app }) => {
    app.jobs.cancel(id);
    return { ok: true as const };
  },
});
