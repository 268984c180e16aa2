import type { App } from '../../app/app';
import type { Actor } from '../../events/log';
import type { JobView } from '../../../src-shared/api/methods/jobs';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import type { DocumentKind } from '../../../src-shared/domain/documentKinds';
import { assertOpen } from '../cases/stage';
import { checkDocuments, issueDate, prepareDocuments, type DocumentRequest } from './generate';
import { removeStaleStaging } from './storage';
import { commitOffThread } from '../../jobs/writePool';
import { currentDocument } from './register';
import { TEMPLATES } from './templates';

// The batch of notices (domain.md §3.1, 发出执行通知): selected cases × selected kinds, rendered by the worker pool into
// staging, then registered in ONE transaction with the print file, events and stage moves. A
// cancelled, failed or killed batch leaves no rows and no files the register names.

export interface BatchInput {
  caseIds: number[];
  kinds: DocumentKind[];
  reason?: string | undefined;
}

export interface BatchResult {
  batchId: string;
  batchNumber: string;
  cases: number;
  documents: number;
  printPages: number;
  movedToQuery: number;
  seconds: number;
  workers: boolean;
}

/** Checks the selection before starting (the job re-checks inside its transaction). */
function validate(app: App, input: BatchInput): void {
  const { db } = app;
  for (const k of input.kinds) {
    const t = TEMPLATES.get(k);
    if (!t || t.batchable === false) throw invalid('kinds', `${k}不能批量制作（正文由相应环节提供）`);
  }
  if (new Set(input.kinds).size !== input.kinds.length) throw invalid('kinds', '文书种类重复');
  if (new Set(input.caseIds).size !== input.caseIds.length) throw invalid('caseIds', '案件重复选择');
  if (input.kinds.length === 1 && input.kinds[0] === '送达回证') throw invalid('kinds', '送达回证随所送达的文书一同制作，请同时选择要送达的文书');
  const found = db.all(db.q.selectFrom('cases').select(['id', 'stage']).where('id', 'in', input.caseIds));
  if (found.length !== input.caseIds.length) {
    const have = new Set(found.map((r) => r.id));
    throw new ApiError('not_found', `案件不存在（编号 ${input.caseIds.find((x) => !have.has(x))}）`, 'caseIds');
  }
  // One query for the selection, not one per case: a 1,000-case batch is checked on the request thread.
  const closed = found.find((r) => r.stage === 'closed' || r.stage === 'archived');
  if (closed) assertOpen(db, closed.id);
  if (!input.reason) {
    const have = new Set(
      db
        .all(db.q.selectFrom('documents').select(['case_id', 'kind', 'party_id']).where('status', '=', 'current').where('case_id', 'in', input.caseIds).where('kind', 'in', input.kinds))
        .map((d) => `${d.case_id}|${d.kind}|${d.party_id ?? ''}`),
    );
    const r = batchRequests(app, input).find((x) => have.has(`${x.caseId}|${x.kind}|${x.partyId ?? ''}`));
    const prev = r && currentDocument(db, r.caseId, r.kind, r.partyId ?? null);
    if (r && prev) throw new ApiError('conflict', `所选案件已有${r.kind}（${prev.number}）；重新制作请填写原因，原文书将保留`, 'reason', { caseId: r.caseId, kind: r.kind, documentId: prev.id });
  }
}

/**
 * The batch's documents in print order: by case as selected, each case's set in the order of the
 * kinds chosen; a 送达回证 is one per recipient — each debtor for the documents addressed to the
 * debtors, each applicant for those addressed to the applicants — listing exactly those documents.
 */
function batchRequests(app: App, input: BatchInput): DocumentRequest[] {
  const { db } = app;
  const receipts = input.kinds.includes('送达回证');
  const parties = receipts ? db.all(db.q.selectFrom('parties').select(['id', 'case_id', 'role']).where('case_id', 'in', input.caseIds).orderBy('case_id').orderBy('role').orderBy('seq')) : [];
  const byCase = new Map<number, typeof parties>();
  for (const p of parties) byCase.set(p.case_id, [...(byCase.get(p.case_id) ?? []), p]);
  const served = (to: 'debtor' | 'applicant') => input.kinds.filter((k) => k !== '送达回证' && TEMPLATES.get(k)?.addressee === to);
  return input.caseIds.flatMap((caseId) =>
    input.kinds.flatMap((kind): DocumentRequest[] => {
      if (kind !== '送达回证') return [{ caseId, kind }];
      return (byCase.get(caseId) ?? []).flatMap((p) => {
        const documents = served(p.role);
        return documents.length ? [{ caseId, kind, partyId: p.id, extra: { documents } }] : [];
      });
    }),
  );
}

export async function startBatch(app: App, actor: Actor, user: { id: number; displayName: string } | null, input: BatchInput): Promise<JobView> {
  validate(app, input);
  const requests = batchRequests(app, input);
  // What the cases lack for these documents is refused now, naming it, not in the job (read on the
  // read worker for a large selection).
  await checkDocuments(app.db, requests, issueDate(app.clock.now()));
  return app.jobs.start({ kind: 'documents.batch', label: `批量制作文书：${input.caseIds.length}件 × ${input.kinds.join('、')}`, total: input.caseIds.length, user, cases: input.caseIds }, async (job) => {
    const started = performance.now();
    const { db } = app;
    removeStaleStaging(app.dataDir);
    job.progress(0, input.caseIds.length, '正在生成文书…');
    const prepared = await prepareDocuments(db, app.dataDir, requests, {
      issuedOn: issueDate(app.clock.now()),
      print: true,
      signal: job.signal,
      onProgress: (done, total) => job.progress(done, total, `已生成 ${done}/${total} 件`),
    });
    try {
      job.checkCancelled();
      job.progress(input.caseIds.length, input.caseIds.length, '正在登记…');
      const { discard: _discard, ...rendered } = prepared;
      // Registered on the write worker's connection: the request thread keeps answering meanwhile.
      const result = await commitOffThread(app, 'documents.commitBatch', {
        dataDir: app.dataDir,
        actor,
        at: app.clock.now(),
        jobId: job.id,
        caseIds: input.caseIds,
        kinds: input.kinds,
        reason: input.reason ?? null,
        prepared: rendered,
      });
      app.bus.publish({ topic: 'documents', data: { batchId: result.batchId }, audience: { kind: 'court' } });
      const out: BatchResult = {
        batchId: result.batchId!,
        batchNumber: result.batchNumber!,
        cases: input.caseIds.length,
        documents: result.documents,
        printPages: prepared.printPages,
        movedToQuery: result.moved,
        seconds: Math.round((performance.now() - started) / 10) / 100,
        workers: (await import('./pool')).usesWorkers(),
      };
      job.progress(input.caseIds.length, input.caseIds.length, `完成：${out.documents}份文书，打印文件${out.printPages}页`);
      return out;
    } finally {
      await prepared.discard();
    }
  });
}
