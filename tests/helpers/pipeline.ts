import type { TestApp } from './testApp';
import { waitJob } from './documents';
import { b64, csvBytes, feedbackTable, requestTargets, type FeedbackRecord } from './inquiries';

// A case's history built through the real services (documents engine, query batches and feedback
// import, control batches), so what is computed from the events — the 终本 checklist, the ruling,
// the archive — is tested against the events those services actually write.

/** Generates the notice set through the documents engine (moves the case filed → query); returns the documents. */
export async function generateNotices(t: TestApp, caseIds: number[], kinds: ('执行通知书' | '报告财产令' | '限制消费令')[] = ['执行通知书', '报告财产令', '限制消费令']) {
  const job = await waitJob(t, (await t.call('documents.generateBatch', { caseIds, kinds })).id);
  if (job.status !== 'done') throw new Error(`documents job ${job.status}: ${JSON.stringify(job.error)}`);
  const list = await t.call('documents.list', { batchId: (job.result as { batchId: string }).batchId, limit: 1000 });
  return list.rows;
}

/** Registers service of the case's current documents of these kinds (documents.markServed). */
export async function serve(t: TestApp, caseId: number, kinds: string[], servedOn: string): Promise<void> {
  const docs = (await t.call('documents.list', { caseId, limit: 500 })).rows.filter((d) => kinds.includes(d.kind) && d.status === 'current');
  if (docs.length !== kinds.length) throw new Error(`case ${caseId}: found ${docs.map((d) => d.kind).join(',')} for ${kinds.join(',')}`);
  await t.call('documents.markServed', { items: docs.map((d) => ({ documentId: d.id, method: '直接送达' as const, servedOn, recipient: '被执行人' })) });
}

/** One feedback row per debtor: the given findings, or "nothing found" when there are none. */
export type Finding = Pick<FeedbackRecord, 'assetType' | 'institution' | 'identifier' | 'value'>;

/**
 * Queries the cases through a query batch and imports a feedback file for it (csv, UTF-8): each
 * debtor gets `findings(caseId)` rows, or one 无 row. Returns the batch and the import report.
 */
export async function queryAndAnswer(t: TestApp, caseIds: number[], queriedOn: string, findings: (caseId: number) => Finding[] = () => []) {
  const batch = await t.call('inquiries.createBatch', { caseIds });
  return answerBatch(t, batch.id, queriedOn, findings);
}

/** Imports a feedback file for an existing query batch (any batch: first query or a 终本 re-query). */
export async function answerBatch(t: TestApp, batchId: number, queriedOn: string, findings: (caseId: number) => Finding[] = () => []) {
  const batch = await t.call('inquiries.get', { batchId });
  // The answer masks ID numbers; the feedback names the debtors as the request file did.
  const full = new Map((await requestTargets(t, batchId)).map((f) => [f.seq, f.idCode]));
  const records: FeedbackRecord[] = batch.targets.flatMap((tg) => {
    const base = { batch: batch.number, caseNumber: tg.caseNumber, debtor: tg.debtor, idCode: full.get(tg.seq)!, queriedOn };
    const found = findings(tg.caseId);
    return found.length ? found.map((f) => ({ ...base, ...f })) : [{ ...base, assetType: '无', institution: '总对总网络查控系统' }];
  });
  const report = await t.call('inquiries.importFeedback', { fileName: `反馈-${batch.number}.csv`, contentBase64: b64(csvBytes(feedbackTable(records))) });
  return { batch, report };
}

/** Runs a control batch (freeze/seize/deduct) as the job it is, and records every measure as done. */
export async function control(t: TestApp, items: { assetId: number; action: 'freeze' | 'seize' | 'deduct'; amountFen?: number }[]) {
  const job = await waitJob(t, (await t.call('measures.createBatch', { items })).id);
  if (job.status !== 'done') throw new Error(`control job ${job.status}: ${JSON.stringify(job.error)}`);
  const batch = await t.call('measures.batch', { batchId: (job.result as { batchId: number }).batchId });
  await t.call('measures.recordResult', { results: batch.measures.map((m) => ({ measureId: m.id, outcome: 'done' as const })) });
  return batch;
}

/**
 * The record a 终本 needs from the case's own events, made by the real services: the notice set
 * generated, the 执行通知书 and 报告财产令 served, and an online query answered with nothing found.
 */
export async function zhongbenHistory(t: TestApp, caseId: number, day: string): Promise<void> {
  t.app.clock.set(`${day}T02:00:00Z`);
  await generateNotices(t, [caseId]);
  await serve(t, caseId, ['执行通知书', '报告财产令'], day);
  await queryAndAnswer(t, [caseId], day);
}
