import { defineHandlers } from '../registry';
import { recoveryBackups, recoveryRestore } from '../../services/recovery/restore';

// Recovery mode (services/recovery): thin.
export const handlers = defineHandlers({
  'recovery.status': async (_i, { app }) => {
    const r = app.recovery;
    return {
      active: r !== null,
      reason: r?.reason ?? null,
      problems: r?.problems ?? [],
      since: r?.since ?? null,
      keyMissing: r !== null && !app.audit.key,
      backups: r ? (await recoveryBackups(app)).map(({ folder: _f, ...b }) => b) : [],
    };
  },
  'recovery.restore': (input, { app }) => recoveryRestore(app, input),
});
