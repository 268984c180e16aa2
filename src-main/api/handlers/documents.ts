import { defineHandlers } from '../registry';
import { actorOf, type CallContext } from '../context';
import { NOTICE_SET_DEFAULT, NOTICE_SET_REQUIRED } from '../../../src-shared/domain/documentKinds';
import { TEMPLATES } from '../../services/documents/templates';
import { startBatch } from '../../services/documents/batch';
import { noticeQueue } from '../../services/documents/queue';
import { documentFile, listBatches, listDocuments } from '../../services/documents/queries';
import { commitOffThread } from '../../jobs/writePool';
import { cleanOrphans } from '../../services/documents/storage';
import type { App } from '../../app/app';
import { banQueue } from '../../services/documents/banQueue';
import { getSettings } from '../../services/settings/settings';
import { generateForCase } from '../../services/documents/adHoc';
import { invalid } from '../../../src-shared/api/errors';

// Remains of a batch killed mid-way are cleared the first time this data folder's documents are
// touched after start-up (no batch can be running then), unless the start already did (App: an
// exclusive start sweeps the folder before it serves anyone; walking it again here held the request
// thread for 50 ms on a court of 8,000 cases).
const cleaned = new WeakSet<App>();
function ready(ctx: CallContext): App {
  const { app } = ctx;
  if (!cleaned.has(app) && !app.documentsSwept) {
    cleaned.add(app);
    const r = cleanOrphans(app.db, app.dataDir);
    if (r.filesRemoved + r.stagingRemoved > 0) app.log('warn', `清理未完成批次的残留文书文件：${r.filesRemoved} 个文件，${r.stagingRemoved} 个临时目录`);
  }
  return app;
}

export const handlers = defineHandlers({
  'documents.templates': (_input, { app }) => {
    // The consumption order joins the notice set only where the court issues it with the notice.
    const withNotice = getSettings(app.db).consumptionOrderTiming === 'withNotice';
    return [...TEMPLATES.values()].map((t) => ({
      kind: t.kind,
      summary: t.summary,
      addressee: t.addressee,
      batchable: t.batchable !== false,
      inNoticeSet: NOTICE_SET_REQUIRED.includes(t.kind),
      defaultSelected: NOTICE_SET_DEFAULT.includes(t.kind) && (t.kind !== '限制消费令' || withNotice),
    }));
  },
  'documents.queue': (input, ctx) => {
    const app = ready(ctx);
    return noticeQueue(app.db, app.clock.today(), input, ctx.scope);
  },
  'documents.banQueue': (input, ctx) => {
    const app = ready(ctx);
    return banQueue(app.db, app.clock.today(), input, ctx.scope);
  },
  'documents.generateBatch': (input, ctx) => {
    const app = ready(ctx);
    return startBatch(app, actorOf(ctx), ctx.user ? { id: ctx.user.id, displayName: ctx.user.displayName } : null, input);
  },
  'documents.generate': async (input, ctx) => {
    const app = ready(ctx);
    const ids = await generateForCase(app, actorOf(ctx), input);
    const all = listDocuments(app.db, { caseId: input.caseId, unservedOnly: false, includeSuperseded: false, offset: 0, limit: 1000 }, ctx.scope).rows;
    return { documents: all.filter((d) => ids.includes(d.id)) };
  },
  'documents.list': (input, ctx) => listDocuments(ready(ctx).db, input, ctx.scope),
  'documents.batches': ({ limit }, ctx) => listBatches(ready(ctx).db, limit, ctx.scope),
  'documents.file': (input, ctx) => {
    const app = ready(ctx);
    return documentFile(app.db, app.dataDir, input);
  },
  // Committed on the write worker (jobs/writeTasks.ts), each case's version checked there.
  'documents.markServed': async ({ items }, ctx) => {
    const app = ready(ctx);
    // A tracking number alone may name any case's mailing: a caller held to a team names each
    // document, and the registry has checked those ids against the team's cases.
    if (!ctx.scope.all) {
      const i = items.findIndex((it) => it.documentId === undefined);
      if (i >= 0) throw invalid(`items.${i}.documentId`, '请指定文书（仅凭邮件单号登记送达由文书查控组办理）');
    }
    const r = await commitOffThread(app, 'documents.markServed', { actor: actorOf(ctx), at: app.clock.now(), today: app.clock.today(), items });
    app.bus.publish({ topic: 'documents', data: { served: r.served }, audience: { kind: 'court' } });
    return r;
  },
});
