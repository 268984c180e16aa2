import type { App } from '../../app/app';
import type { Actor } from '../../events/log';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { NOTICE_SET_REQUIRED, type DocumentKind } from '../../../src-shared/domain/documentKinds';
import { assertOpen, setStage } from '../cases/stage';
import { getCaseRow } from '../cases/queries';
import { commitDocuments, issueDate, prepareDocuments, type DocumentRequest } from './generate';
import { SINGLE_KINDS } from './singleKinds';
import { currentDocument } from './register';
import { FileMoves } from './storage';
import { TEMPLATES } from './templates';

// One document of any template for one case, made from its page when the officer needs it (a notice
// sent again after a change of address, the consumption order once the notice period has run out, a
// 送达回证 for a party) — the same engine, checks and register as the batch, without a batch. What the
// case lacks is refused before anything is rendered, as a list (generate.ts: details.refusals).
// Documents whose substance another step supplies (rulings, notices to assist, 终本 and closure
// documents, query-result notices, work records) are made by that step and refused here.

export interface AdHocInput {
  caseId: number;
  kind: DocumentKind;
  /** The addressee of a per-recipient document (送达回证). */
  partyId?: number | undefined;
  /** Why a current document of the same kind is replaced (the old one is kept as superseded). */
  reason?: string | undefined;
}

function requestFor(app: App, input: AdHocInput): DocumentRequest {
  const t = TEMPLATES.get(input.kind);
  if (!t || t.batchable === false) throw invalid('kind', `${input.kind}由相应环节制作（控制措施、结案、终本复查或笔录），不能在此单独制作`);
  if (!t.perRecipient) {
    if (input.partyId !== undefined) throw invalid('partyId', `${input.kind}不按受送达人分别制作`);
    return { caseId: input.caseId, kind: input.kind };
  }
  if (input.partyId === undefined) throw invalid('partyId', `请选择${input.kind}的受送达人`);
  const party = app.db.get(app.db.q.selectFrom('parties').select(['id', 'role', 'name']).where('id', '=', input.partyId).where('case_id', '=', input.caseId));
  if (!party) throw invalid('partyId', '所选受送达人不是本案当事人');
  // A 送达回证 lists the documents addressed to the recipient's side that the case holds now.
  const documents = [...TEMPLATES.values()].filter((x) => x.kind !== '送达回证' && x.addressee === party.role && currentDocument(app.db, input.caseId, x.kind)).map((x) => x.kind);
  if (documents.length === 0) throw new ApiError('conflict', `本案尚无送达给${party.name}的文书，无需制作送达回证`, 'partyId');
  return { caseId: input.caseId, kind: input.kind, partyId: party.id, extra: { documents } };
}

export async function generateForCase(app: App, actor: Actor, input: AdHocInput): Promise<number[]> {
  const { db } = app;
  getCaseRow(db, input.caseId);
  assertOpen(db, input.caseId);
  const request = requestFor(app, input);
  const previous = SINGLE_KINDS.includes(input.kind) ? currentDocument(db, input.caseId, input.kind, request.partyId ?? null) : undefined;
  if (previous && !input.reason?.trim()) throw new ApiError('conflict', `本案已有${input.kind}（${previous.number}）；重新制作请填写原因，原文书将保留`, 'reason', { documentId: previous.id });
  const prepared = await prepareDocuments(db, app.dataDir, [request], { issuedOn: issueDate(app.clock.now()) });
  const moves = new FileMoves();
  try {
    const at = app.clock.now();
    return db.tx(() => {
      assertOpen(db, input.caseId);
      const c = commitDocuments(db, app.dataDir, actor, at, prepared, { reason: input.reason?.trim() || null, singleKinds: SINGLE_KINDS }, moves);
      // As with the batch: a case whose notice set is now complete moves on to the query stage.
      if (getCaseRow(db, input.caseId).stage === 'filed' && NOTICE_SET_REQUIRED.every((k) => currentDocument(db, input.caseId, k))) {
        setStage(db, actor, at, input.caseId, 'query', '通知文书已制作');
      }
      return c.documentIds;
    });
  } catch (e) {
    moves.undo();
    throw e;
  } finally {
    await prepared.discard();
  }
}
