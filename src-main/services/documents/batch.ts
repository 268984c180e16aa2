import type { App } from '../../app/app';
import type { Actor } from '../../events/log';
import type { JobView } from '../../../src-shared/api/methods/jobs';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { NOTICE_SET_DEFAULT, NOTICE_SET_REQUIRED, type DocumentKind } from '../../../src-shared/domain/documentKinds';
import { assertOpen, setStage } from '../cases/stage';
import { checkDocuments, commitDocuments, issueDate, prepareDocuments, type DocumentRequest } from './generate';
import { cleanOrphans, FileMoves } from './storage';
import { currentDocument } from './register';
import { TEMPLATES } from './templates';

// The batch of notices (issue 3): selected cases × selected kinds, rendered by the worker pool into
// staging, then registered in ONE transaction with the print file, events and stage moves. A
// cancelled, failed or killed batch leaves no rows and no files the register names.

/** Kinds a case holds one current copy of; a second one supersedes the first (and needs a reason). */
export const SINGLE_KINDS: readonly DocumentKind[] = [...NOTICE_SET_DEFAULT, '执行案件受理通知书', '执行风险告知书', '送达回证', '初次接待笔录'];

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
  const found = db.all(db.q.selectFrom('cases').select('id').where('id', 'in', input.caseIds));
  if (found.length !== input.caseIds.length) {
    const have = new Set(found.map((r) => r.id));
    throw new ApiError('not_found', `案件不存在（编号 ${input.caseIds.find((x) => !have.has(x))}）`, 'caseIds');
  }
  input.caseIds.forEach((id) => assertOpen(db, id));
  if (!input.reason) {
    for (const r of batchRequests(app, input)) {
      const prev = currentDocument(db, r.caseId, r.kind, r.partyId ?? null);
      if (prev) throw new ApiError('conflict', `所选案件已有${r.kind}（${prev.number}）；重新制作请填写原因，原文书将保留`, 'reason', { caseId: r.caseId, kind: r.kind, documentId: prev.id });
    }
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

export function startBatch(app: App, actor: Actor, user: { id: number; displayName: string } | null, input: BatchInput): JobView {
  validate(app, input);
  // What the cases lack for these documents is refused now, naming it, not in the job.
  checkDocuments(app.db, batchRequests(app, input), issueDate(app.clock.now()));
  const requests = batchRequests(app, input);
  return app.jobs.start({ kind: 'documents.batch', label: `批量制作文书：${input.caseIds.length}件 × ${input.kinds.join('、')}`, total: input.caseIds.length, user, cases: input.caseIds }, async (job) => {
    const started = performance.now();
    const { db } = app;
    cleanOrphans(db, app.dataDir);
    job.progress(0, input.caseIds.length, '正在生成文书…');
    const prepared = await prepareDocuments(db, app.dataDir, requests, {
      issuedOn: issueDate(app.clock.now()),
      print: true,
      signal: job.signal,
      onProgress: (done, total) => job.progress(done, total, `已生成 ${done}/${total} 件`),
    });
    const moves = new FileMoves();
    try {
      job.checkCancelled();
      job.progress(input.caseIds.length, input.caseIds.length, '正在登记…');
      const at = app.clock.now();
      const result = db.tx(() => {
        input.caseIds.forEach((id) => assertOpen(db, id));
        const c = commitDocuments(db, app.dataDir, actor, at, prepared, { batch: { jobId: job.id, kinds: input.kinds, reason: input.reason ?? null }, reason: input.reason ?? null, singleKinds: SINGLE_KINDS }, moves);
        // A case whose notice set is complete moves on to the query stage (stages.ts: filed → query).
        let moved = 0;
        for (const caseId of input.caseIds) {
          const stage = db.raw<{ stage: string }>('SELECT stage FROM cases WHERE id = ?', caseId)[0]!.stage;
          if (stage !== 'filed') continue;
          if (NOTICE_SET_REQUIRED.every((k) => currentDocument(db, caseId, k))) {
            setStage(db, actor, at, caseId, 'query', '通知文书已制作', c.batchId !== null ? { batchId: c.batchId } : {});
            moved++;
          }
        }
        return { ...c, moved };
      });
      app.bus.publish({ topic: 'documents', data: { batchId: result.batchId } });
      const out: BatchResult = {
        batchId: result.batchId!,
        batchNumber: result.batchNumber!,
        cases: input.caseIds.length,
        documents: result.documentIds.length,
        printPages: prepared.printPages,
        movedToQuery: result.moved,
        seconds: Math.round((performance.now() - started) / 10) / 100,
        workers: (await import('./pool')).usesWorkers(),
      };
      job.progress(input.caseIds.length, input.caseIds.length, `完成：${out.documents}份文书，打印文件${out.printPages}页`);
      return out;
    } catch (e) {
      moves.undo();
      throw e;
    } finally {
      prepared.discard();
    }
  });
}
