import { defineHandlers } from '../registry';
import { commitOffThread } from '../../jobs/writePool';
import { actorOf } from '../context';
import { checkControlBatch, createControlBatch } from '../../services/measures/createBatch';
import { recordResults } from '../../services/measures/results';
import { releaseMeasures, renewMeasures } from '../../services/measures/renewRelease';
import { getControlBatch, getMeasures, listMeasures } from '../../services/measures/view';

export const handlers = defineHandlers({
  'measures.createBatch': (input, ctx) => {
    const { app } = ctx;
    // Every item is checked now, so a wrong selection comes back as a typed error at its field;
    // the documents are then made in a job that writes everything in one transaction at its end, on
    // the write worker: a 500-measure batch is too much writing for the request thread.
    const planned = checkControlBatch(app.db, app.clock.today(), input);
    return app.jobs.start({ kind: 'measures.createBatch', label: `控制批次（${planned.length}项措施）`, total: planned.length, user: ctx.user, cases: planned.map((p) => p.caseId) }, async (job) => {
      const batchId = await createControlBatch(app.db, app.dataDir, actorOf(ctx), app.clock.now(), app.clock.today(), input, {
        signal: job.signal,
        onProgress: (done, total) => job.progress(done, total, `已制作 ${done}/${total} 件案件的文书`),
      }, (c) => commitOffThread(app, 'measures.commitControlBatch', c));
      const b = getControlBatch(app.db, batchId, app.clock.today());
      return { batchId, batchNumber: b.number, measureCount: b.measureCount, caseCount: b.caseCount, documentCount: b.documentCount };
    });
  },
  'measures.recordResult': ({ results }, ctx) => {
    const { app } = ctx;
    const ids = recordResults(app.db, actorOf(ctx), app.clock.now(), app.clock.today(), results);
    return getMeasures(app.db, ids, app.clock.today());
  },
  'measures.renew': async (input, ctx) => {
    const { app } = ctx;
    const ids = await renewMeasures(app.db, app.dataDir, actorOf(ctx), app.clock.now(), app.clock.today(), input, {}, (c) => commitOffThread(app, 'measures.commitRenewal', c));
    return getMeasures(app.db, ids, app.clock.today());
  },
  'measures.release': async (input, ctx) => {
    const { app } = ctx;
    const ids = await releaseMeasures(app.db, app.dataDir, actorOf(ctx), app.clock.now(), app.clock.today(), input, {}, (c) => commitOffThread(app, 'measures.commitRelease', c));
    return getMeasures(app.db, ids, app.clock.today());
  },
  'measures.list': (input, { app, scope }) => listMeasures(app.db, app.clock.today(), input, scope),
  'measures.batch': ({ batchId }, { app }) => getControlBatch(app.db, batchId, app.clock.today()),
});
