import { defineHandlers } from '../registry';
import { assertCourtConfigured } from '../../services/settings/court';
import { actorOf } from '../context';
import { reviewDraft } from '../../services/cases/filing';
import { commitOffThread } from '../../jobs/writePool';
import { getCase, listCases } from '../../services/cases/queries';
import { scopeFilter } from '../../services/auth/scope';
import { setOfficers } from '../../services/cases/officers';
import { updateTitle } from '../../services/cases/title';

export const handlers = defineHandlers({
  // The navigation's counts follow the same team scope as the register (a team officer counts only their team's cases).
  'cases.counts': (_i, { app, scope }) => {
    if (!scope.all && scope.teamId === null) return {};
    const rows = scope.all
      ? app.db.raw<{ stage: string; n: number }>('SELECT stage, count(*) AS n FROM cases GROUP BY stage')
      : app.db.raw<{ stage: string; n: number }>('SELECT stage, count(*) AS n FROM cases WHERE team_id = ? GROUP BY stage', scope.teamId);
    return Object.fromEntries(rows.map((r) => [r.stage, r.n]));
  },
  'cases.validate': (draft, { app }) => {
    const r = reviewDraft(app.db, draft, app.clock.today(), { requireOriginal: true });
    return { ok: r.ok, issues: r.issues, duplicates: r.duplicates, normalized: { debtorNames: draft.debtors.map((d) => d.name) } };
  },
  // Committed on the write worker (jobs/writeTasks.ts): the number is still taken inside the filing's
  // one transaction, so numbers stay consecutive however many clerks file at once.
  'cases.file': async (draft, ctx) => {
    const { app } = ctx;
    assertCourtConfigured(app.db);
    const id = await commitOffThread(app, 'cases.file', { actor: actorOf(ctx), at: app.clock.now(), today: app.clock.today(), draft });
    return getCase(app.db, id);
  },
  // The case's scope was checked and its identifiers are masked by the registry (the method's contract).
  'cases.get': ({ id }, { app }) => getCase(app.db, id),
  'cases.updateTitle': (input, ctx) => {
    const { app } = ctx;
    updateTitle(app.db, actorOf(ctx), app.clock.now(), input);
    return getCase(app.db, input.caseId);
  },
  'cases.setOfficers': (input, ctx) => {
    const { app } = ctx;
    return { updated: setOfficers(app.db, actorOf(ctx), app.clock.now(), input) };
  },
  'cases.list': (input, { app, scope }) => {
    const filter = scopeFilter(scope, input.filter);
    return filter ? listCases(app.db, { ...input, filter }) : { rows: [], total: 0 };
  },
});
