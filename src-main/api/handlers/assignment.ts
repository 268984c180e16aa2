import { defineHandlers } from '../registry';
import { actorOf } from '../context';
import { runDistribution } from '../../services/assignment/distribute';
import { explainCase, getRun, listRuns } from '../../services/assignment/runs';
import { reassignCases } from '../../services/assignment/reassign';
import { loadsView } from '../../services/assignment/loads';
import { getSettings } from '../../services/settings/settings';

export const handlers = defineHandlers({
  'assignment.distribute': ({ caseIds, dryRun }, ctx) => {
    const r = runDistribution(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), ctx.app.clock.today(), { caseIds, dryRun });
    return r;
  },
  'assignment.runs': ({ offset, limit }, { app, scope }) => listRuns(app.db, offset, limit, scope),
  'assignment.run': ({ id, offset, limit }, { app }) => getRun(app.db, id, offset, limit),
  'assignment.explain': ({ caseId }, { app }) => explainCase(app.db, caseId),
  'assignment.loads': (_i, { app, scope }) => loadsView(app.db, getSettings(app.db), app.clock.today(), scope),
  'assignment.reassign': (input, ctx) => {
    const r = reassignCases(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), input);
    return r;
  },
});
