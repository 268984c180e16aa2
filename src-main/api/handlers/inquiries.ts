import { defineHandlers } from '../registry';
import { actorOf, FileResponse } from '../context';
import { createInquiryBatch, getInquiryBatch, listInquiryBatches } from '../../services/inquiries/batches';
import { inquiryQueue } from '../../services/inquiries/queue';
import { writeRequestFile } from '../../services/inquiries/requestFile';
import { importFeedback } from '../../services/inquiries/feedbackImport';
import { listAssets } from '../../services/assets/list';
import { enforceCaseRefs } from '../../services/auth/caseRefs';

const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

export const handlers = defineHandlers({
  'inquiries.queue': (input, { app, scope }) => inquiryQueue(app.db, app.clock.now(), input, scope),
  'inquiries.createBatch': (input, ctx) => {
    const { app } = ctx;
    const id = createInquiryBatch(app.db, actorOf(ctx), app.clock.now(), app.clock.today(), input);
    return getInquiryBatch(app.db, id);
  },
  'inquiries.batches': (input, { app, scope }) => listInquiryBatches(app.db, input, scope),
  'inquiries.get': ({ batchId }, { app }) => getInquiryBatch(app.db, batchId),
  'inquiries.exportRequest': async ({ batchId, format }, { app }) => {
    const f = await writeRequestFile(app.db, app.dataDir, batchId, format);
    return new FileResponse(f.path, f.fileName, MIME[format]);
  },
  'inquiries.importFeedback': async (input, ctx) => {
    const { app, scope } = ctx;
    const report = await importFeedback(app.db, actorOf(ctx), app.clock.now(), app.clock.today(), {
      fileName: input.fileName,
      content: input.contentBase64,
      batchId: input.batchId,
      // The batch named inside the file, held to the same rule as a batchId in the input.
      allowBatch: (batchId) => enforceCaseRefs(app.db, scope, { ids: { batchId: 'inquiryBatch' } }, { batchId }),
    });
    return report;
  },
  'assets.list': (input, { app, scope }) => listAssets(app.db, input, scope),
});
