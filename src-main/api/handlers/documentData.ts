import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { defineHandlers } from '../registry';
import { actorOf, FileResponse } from '../context';
import { setAccount } from '../../services/caseAccounts/accounts';
import { checkAccountList } from '../../services/caseAccounts/importList';
import { commitOffThread } from '../../jobs/writePool';
import { checkTexts, currentWording, saveWording, templateDetail, templateKinds } from '../../services/documents/wording';
import { renderPreview } from '../../services/documents/preview';
import { templateFor } from '../../services/documents/templates';

export const handlers = defineHandlers({
  // Each account recorded is an event on its case: the live case feed tells the clients (live/caseFeed.ts).
  'caseAccounts.set': (input, ctx) => setAccount(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), input),
  // Checked here (the file is parsed in the upload worker), written on the write worker: a year's
  // list of sub-accounts is thousands of rows and events.
  'caseAccounts.import': async (input, ctx) => commitOffThread(ctx.app, 'caseAccounts.import', await checkAccountList(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), input)),
  'templates.list': (_input, { app }) => {
    const current = currentWording(app.db, templateKinds());
    return templateKinds().map((kind) => ({ kind, summary: templateFor(kind).summary, version: current.get(kind)?.version ?? 0 }));
  },
  'templates.get': ({ kind }, { app }) => templateDetail(app.db, kind),
  'templates.save': (input, ctx) => {
    const { app } = ctx;
    saveWording(app.db, actorOf(ctx), app.clock.now(), input);
    return templateDetail(app.db, input.kind);
  },
  'templates.preview': async (input, { app }) => {
    if (input.texts) checkTexts(input.kind, input.texts);
    const pdf = await renderPreview(app.db, input.kind, input.caseId, app.clock.today(), input.texts);
    const dir = join(app.dataDir, 'exports', 'previews');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${randomUUID()}.pdf`);
    writeFileSync(file, pdf);
    return new FileResponse(file, `预览-${input.kind}.pdf`, 'application/pdf') as unknown as { opened: string };
  },
});
