import { defineHandlers, type HandlerContext } from '../registry';
import { actorOf, FileResponse, type CallContext } from '../context';
import { ApiError } from '../../../src-shared/api/errors';
import { currentDeadlineContext } from '../../services/deadlines/recompute';
import { boardWindow } from '../../services/deadlines/board';
import { caseWorkspace } from '../../services/workspace/summary';
import { summaryPdf } from '../../services/workspace/summaryPdf';
import { createRecord, getRecord, listRecords } from '../../services/records/records';
import { printRecord } from '../../services/records/print';
import { addNote, listNotes } from '../../services/notes/notes';
import { attachmentFile, listAttachments, uploadAttachment } from '../../services/attachments/attachments';
import { decideTransfer, listTransfers, requestTransfer } from '../../services/transfers/requests';
import { listClosureRequests } from '../../services/closure/requests';
import { myTodo, todoBadges } from '../../services/todo/mine';

/** The board's window; the clocks are current (every event recomputed its case's, services/deadlines/projection.ts). */
function fresh(ctx: CallContext) {
  const dc = currentDeadlineContext(ctx.app.db);
  return boardWindow(ctx.app.db, ctx.app.clock.now(), ctx.app.clock.today(), dc.cal, dc.soonWorkingDays);
}

function userOf(ctx: CallContext) {
  if (!ctx.user) throw new ApiError('unauthorized', '请先登录');
  return ctx.user;
}

/** Requests this user decides: transfers for the management, 终本 proposals for the 终本 group. */
function decisionsFor(ctx: HandlerContext) {
  const roles = userOf(ctx).roles;
  const all = roles.includes('admin');
  const transfers = all || roles.includes('management') ? listTransfers(ctx.app.db, ctx.scope, { status: 'pending', limit: 200 }) : [];
  const closures = all || roles.includes('zhongben') ? listClosureRequests(ctx.app.db, ctx.scope, { status: 'pending', limit: 200 }) : [];
  return { transfers, closures };
}

export const handlers = defineHandlers({
  'cases.workspace': ({ caseId }, ctx) => caseWorkspace(ctx.app.db, fresh(ctx), userOf(ctx), caseId),
  'cases.printSummary': async ({ caseId }, ctx) => {
    const ws = caseWorkspace(ctx.app.db, fresh(ctx), userOf(ctx), caseId);
    const path = await summaryPdf(ctx.app.db, ctx.app.dataDir, ws, ctx.app.clock.now(), userOf(ctx).displayName);
    return new FileResponse(path, `案件情况表_${ws.number}.pdf`, 'application/pdf');
  },
  'records.list': ({ caseId }, { app }) => listRecords(app.db, caseId),
  'records.create': (input, ctx) => {
    const { app } = ctx;
    const id = createRecord(app.db, actorOf(ctx), app.clock.now(), app.clock.today(), input);
    return getRecord(app.db, id);
  },
  'records.print': async ({ recordId }, ctx) => ({ documentId: await printRecord(ctx.app, actorOf(ctx), recordId) }),
  'notes.list': ({ caseId }, { app }) => listNotes(app.db, caseId),
  'notes.add': (input, ctx) => {
    const { app } = ctx;
    const id = addNote(app.db, actorOf(ctx), app.clock.now(), input);
    return listNotes(app.db, input.caseId).find((n) => n.id === id)!;
  },
  'attachments.list': ({ caseId }, { app }) => listAttachments(app.db, caseId),
  'attachments.upload': async (input, ctx) => {
    const { app } = ctx;
    const id = await uploadAttachment(app, actorOf(ctx), { caseId: input.caseId, fileName: input.fileName, label: input.label, content: input.contentBase64 });
    return listAttachments(app.db, input.caseId).find((a) => a.id === id)!;
  },
  'attachments.file': ({ attachmentId }, { app }) => attachmentFile(app, attachmentId),
  'transfers.request': (input, ctx) => {
    const { app } = ctx;
    const id = requestTransfer(app.db, actorOf(ctx), app.clock.now(), input);
    return listTransfers(app.db, ctx.scope, { caseId: input.caseId, limit: 5 }).find((r) => r.id === id)!;
  },
  'transfers.list': (input, ctx) => listTransfers(ctx.app.db, ctx.scope, input),
  'transfers.decide': (input, ctx) => {
    const { app } = ctx;
    decideTransfer(app.db, actorOf(ctx), app.clock.now(), input);
    const caseId = app.db.get(app.db.q.selectFrom('transfer_requests').select('case_id').where('id', '=', input.requestId))!.case_id;
    return listTransfers(app.db, { all: true }, { caseId, limit: 5 }).find((r) => r.id === input.requestId)!;
  },
  'todo.mine': (_input, ctx) => {
    const user = userOf(ctx);
    const todo = myTodo(ctx.app.db, fresh(ctx), user, ctx.scope);
    const d = decisionsFor(ctx);
    // A team sees its 终本 proposals the group returned (the reasons to act on).
    const returned = user.roles.some((r) => r === 'team' || r === 'fastTrack') ? listClosureRequests(ctx.app.db, ctx.scope, { status: 'returned', limit: 50 }).filter((r) => ctx.app.db.raw<{ n: number }>("SELECT count(*) AS n FROM closure_requests WHERE case_id = ? AND id > ?", r.caseId, r.id)[0]!.n === 0) : [];
    return { ...todo, transfers: d.transfers, closureRequests: [...d.closures, ...returned] };
  },
  'todo.badges': (_input, ctx) => {
    const b = todoBadges(ctx.app.db, fresh(ctx), userOf(ctx), ctx.scope);
    const d = decisionsFor(ctx);
    return { ...b, requests: d.transfers.length + d.closures.length };
  },
});
