import { defineHandlers } from '../registry';
import { actorOf, type CallContext } from '../context';
import type { Db } from '../../db/connection';
import { listArchive } from '../../services/archive/list';
import { updateArchiveFile, getArchiveEntry } from '../../services/archive/entries';
import { reviewCase, reviewStats } from '../../services/archive/review';
import { createRequeryBatch, getRequeryBatch, listRequeryBatches, recordRequeryResults, resultsFromFeedback, type RequeryResult } from '../../services/archive/requery';
import { createRequeryInquiryBatch } from '../../services/archive/inquiryLink';
import { requeryNotice } from '../../services/closure/documentTexts';
import { prepareDocuments } from '../../services/closure/issueDocuments';

function archiveRow(db: Db, caseId: number) {
  getArchiveEntry(db, caseId);
  const number = db.get(db.q.selectFrom('cases').select('number').where('id', '=', caseId))!.number;
  return listArchive(db, { filter: { text: number }, offset: 0, limit: 50 }, { all: true }).rows.find((r) => r.caseId === caseId)!;
}

function batchDetail(db: Db, batchId: number) {
  const b = getRequeryBatch(db, batchId);
  const rounds = db.all(
    db.q
      .selectFrom('archive_requeries as r')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      .select(['r.case_id', 'c.number', 'r.round', 'r.due_on', 'r.requested_on', 'r.result', 'r.findings', 'r.result_on', 'r.document_id'])
      .where('r.batch_id', '=', batchId)
      .orderBy('c.id'),
  );
  return {
    ...b,
    rounds: rounds.map((r) => ({ caseId: r.case_id, number: r.number, round: r.round, dueOn: r.due_on, requestedOn: r.requested_on, result: r.result, findings: JSON.parse(r.findings) as string[], resultOn: r.result_on, documentId: r.document_id })),
  };
}

/** Records results and issues the 查询结果告知书 of each (rendered first, registered in the same transaction). */
async function record(ctx: CallContext, batchId: number, results: RequeryResult[]) {
  const { app } = ctx;
  const today = app.clock.today();
  getRequeryBatch(app.db, batchId);
  const rounds = new Map(app.db.all(app.db.q.selectFrom('archive_requeries').selectAll().where('batch_id', '=', batchId)).map((r) => [r.case_id, r]));
  const requests = results
    .filter((r) => rounds.get(r.caseId)?.result === 'pending')
    .map((r) => ({ caseId: r.caseId, request: requeryNotice(app.db, r.caseId, { round: rounds.get(r.caseId)!.round, requestedOn: rounds.get(r.caseId)!.requested_on, resultOn: today, nothingFound: r.nothingFound, findings: r.findings }) }));
  const prepared = await prepareDocuments(app.db, app.dataDir, today, requests);
  let ok = false;
  try {
    let issued: ReturnType<typeof prepared.register> | null = null;
    const view = recordRequeryResults(app.db, actorOf(ctx), app.clock.now(), today, batchId, results, (caseId) => {
      issued ??= prepared.register(app.db, actorOf(ctx), app.clock.now());
      return issued.find((d) => d.caseId === caseId) ?? null;
    });
    ok = true;
    app.bus.publish({ topic: 'archive', data: { batchId }, audience: { kind: 'court' } });
    return { ...view, recorded: results.length };
  } finally {
    prepared.finish(ok);
  }
}

export const handlers = defineHandlers({
  'archive.update': (input, ctx) => {
    updateArchiveFile(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), input);
    return archiveRow(ctx.app.db, input.caseId);
  },
  'archive.createRequeryBatch': ({ caseIds }, ctx) => {
    const { app } = ctx;
    const actor = actorOf(ctx);
    const at = app.clock.now();
    const today = app.clock.today();
    const b = createRequeryBatch(app.db, actor, at, today, caseIds, (ids) => createRequeryInquiryBatch(app.db, actor, at, today, ids));
    app.bus.publish({ topic: 'archive', data: { batchId: b.id }, audience: { kind: 'court' } });
    return b;
  },
  'archive.requeryBatches': (_input, { app, scope }) => listRequeryBatches(app.db, scope),
  'archive.requeryBatch': ({ batchId }, { app }) => batchDetail(app.db, batchId),
  'archive.collectResults': (input, ctx) => record(ctx, input.batchId, resultsFromFeedback(ctx.app.db, input.batchId)),
  'archive.recordResults': (input, ctx) => record(ctx, input.batchId, input.results),
  'archive.review': (input, ctx) => {
    reviewCase(ctx.app.db, actorOf(ctx), ctx.app.clock.now(), ctx.app.clock.today(), input);
    return archiveRow(ctx.app.db, input.caseId);
  },
  'archive.reviewStats': ({ from, to }, { app, scope }) => reviewStats(app.db, from, to, scope),
});
