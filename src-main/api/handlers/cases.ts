import { defineHandlers } from '../registry';
import { actorOf } from '../context';
import { fileCase, reviewDraft } from '../../services/cases/filing';
import { getCase, listCases } from '../../services/cases/queries';
import { assertCasesInScope, caseScope, scopeFilter } from '../../services/auth/scope';
import { maskCaseDetail } from '../../services/security/masking';
import { setOfficers } from '../../services/cases/officers';
import { updateTitle } from '../../services/cases/title';

export const handlers = defineHandlers({
  // The navigation's counts follow the same team scope as the register (a team officer counts only their team's cases).
  'cases.counts': (_i, { app, user }) => {
    const scope = caseScope(user);
    if (!scope.all && scope.teamId === null) return {};
    const rows = scope.all
      ? app.db.raw<{ stage: string; n: number }>('SELECT stage, count(*) AS n FROM cases GROUP BY stage')
      : app.db.raw<{ stage: string; n: number }>('SELECT stage, count(*) AS n FROM cases WHERE team_id = ? GROUP BY stage', scope.teamId);
    return Object.fromEntries(rows.map((r) => [r.stage, r.n]));
  },
  'cases.validate': (draft, { app }) => {
    const r = reviewDraft(app.db, draft, app.clock.today());
    return { ok: r.ok, issues: r.issues, duplicates: r.duplicates, normalized: { debtorNames: draft.debtors.map((d) => d.name) } };
  },
  'cases.file': (draft, ctx) => {
    const { app } = ctx;
    const id = fileCase(app.db, actorOf(ctx), app.clock.now(), app.clock.today(), draft);
    app.bus.publish({ topic: 'cases', data: { filed: id } });
    return maskCaseDetail(getCase(app.db, id));
  },
  // Team scoping and masking of personal data (issue 7): services/auth/scope.ts, services/security/masking.ts.
  'cases.get': ({ id }, { app, user }) => {
    assertCasesInScope(app.db, user, [id]);
    return maskCaseDetail(getCase(app.db, id));
  },
  'cases.updateTitle': (input, ctx) => {
    const { app } = ctx;
    updateTitle(app.db, actorOf(ctx), app.clock.now(), input);
    return maskCaseDetail(getCase(app.db, input.caseId));
  },
  'cases.setOfficers': (input, ctx) => {
    const { app } = ctx;
    return { updated: setOfficers(app.db, actorOf(ctx), app.clock.now(), input) };
  },
  'cases.list': (input, { app, user }) => {
    const filter = scopeFilter(user, input.filter);
    return filter ? listCases(app.db, { ...input, filter }) : { rows: [], total: 0 };
  },
});
