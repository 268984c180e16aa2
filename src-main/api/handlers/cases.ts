import { defineHandlers } from '../registry';
import { actorOf } from '../context';
import { fileCase, reviewDraft } from '../../services/cases/filing';
import { getCase, listCases } from '../../services/cases/queries';

export const handlers = defineHandlers({
  'cases.validate': (draft, { app }) => {
    const r = reviewDraft(app.db, draft, app.clock.today());
    return { ok: r.ok, issues: r.issues, duplicates: r.duplicates, normalized: { debtorNames: draft.debtors.map((d) => d.name) } };
  },
  'cases.file': (draft, ctx) => {
    const { app } = ctx;
    const id = fileCase(app.db, actorOf(ctx), app.clock.now(), app.clock.today(), draft);
    app.bus.publish({ topic: 'cases', data: { filed: id } });
    return getCase(app.db, id);
  },
  'cases.get': ({ id }, { app }) => getCase(app.db, id),
  'cases.list': (input, { app }) => listCases(app.db, input),
});
