import { randomUUID, createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { App } from '../../app/app';
import type { Db } from '../../db/connection';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import { ATTACHMENT_TYPES, fileNameProblem, type AttachmentType } from '../../../src-shared/domain/attachments';
import { UploadFormatError, UploadLimitError } from '../../../src-shared/domain/uploadLimits';
import { appendEvent, type Actor } from '../../events/log';
import { getCaseRow } from '../cases/queries';
import { FileMoves } from '../documents/storage';
import { FileResponse } from '../../api/context';
import { stageAttachmentContained } from '../uploads/contained';

// Attachments of a case (扫描件、照片). Upload rules (docs/security.md, 上传文件): the file is read only in
// the upload worker, which checks it (services/uploads/attachmentCheck.ts: magic bytes, structure,
// polyglots, active PDF content, size) and writes it to a staging name; here it is renamed into
// attachments/<case id>/<random id>.<ext> inside the transaction that registers it with its SHA-256.
// The uploaded name is a label only and never part of a path. A download hashes the file again and
// refuses it when it no longer matches what was registered.

export const ATTACHMENTS_DIR = 'attachments';
/** A case file holds a few dozen scans; a thousand stops a runaway script, not a clerk. */
export const ATTACHMENTS_PER_CASE = 1000;

export interface AttachmentView {
  id: number;
  caseId: number;
  type: AttachmentType;
  typeLabel: string;
  name: string;
  label: string | null;
  bytes: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
}

function stagingRoot(dataDir: string): string {
  return join(dataDir, ATTACHMENTS_DIR, '.staging');
}

/** Staged files older than an hour belong to uploads that never committed (a killed process). */
function cleanStaging(dataDir: string, now: number): void {
  const dir = stagingRoot(dataDir);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const f = join(dir, name);
    try {
      if (now - statSync(f).mtimeMs > 3_600_000) rmSync(f, { force: true });
    } catch {
      /* removed meanwhile */
    }
  }
}

export async function uploadAttachment(app: App, actor: Actor, input: { caseId: number; fileName: string; label?: string | undefined; content: string | Uint8Array }): Promise<number> {
  const { db } = app;
  const problem = fileNameProblem(input.fileName);
  if (problem) throw invalid('fileName', problem);
  getCaseRow(db, input.caseId);
  const count = db.raw<{ n: number }>('SELECT count(*) AS n FROM attachments WHERE case_id = ?', input.caseId)[0]!.n;
  if (count >= ATTACHMENTS_PER_CASE) throw new ApiError('conflict', `本案附件已达上限 ${ATTACHMENTS_PER_CASE} 份`, 'caseId');
  cleanStaging(app.dataDir, app.clock.now().getTime());
  const key = randomUUID();
  const staged = join(stagingRoot(app.dataDir), key);
  let verdict: Awaited<ReturnType<typeof stageAttachmentContained>>;
  try {
    verdict = await stageAttachmentContained(input.content, input.fileName, staged);
  } catch (e) {
    rmSync(staged, { force: true });
    if (e instanceof UploadLimitError || e instanceof UploadFormatError) throw invalid('contentBase64', e.message);
    throw e;
  }
  const rel = [ATTACHMENTS_DIR, String(input.caseId), `${key}.${ATTACHMENT_TYPES[verdict.type].extensions[0]}`].join('/');
  const moves = new FileMoves();
  try {
    const at = app.clock.now();
    return db.tx(() => {
      const id = db.run(
        db.q.insertInto('attachments').values({
          case_id: input.caseId,
          type: verdict.type,
          original_name: input.fileName,
          label: input.label?.trim() || null,
          stored_path: rel,
          bytes: verdict.bytes,
          sha256: verdict.sha256,
          uploaded_at: at.toISOString(),
          uploaded_by: actor.name,
        }),
      ).lastInsertRowid;
      appendEvent(db, actor, at, { caseId: input.caseId, type: 'attachment.added', payload: { attachmentId: id, name: input.fileName, type: verdict.type, bytes: verdict.bytes, sha256: verdict.sha256 } });
      // Last: the file appears in place only with its row (a failed commit undoes the move).
      moves.move(staged, join(app.dataDir, ...rel.split('/')));
      return id;
    });
  } catch (e) {
    moves.undo();
    throw e;
  } finally {
    rmSync(staged, { force: true });
  }
}

type Row = { id: number; case_id: number; type: AttachmentType; original_name: string; label: string | null; stored_path: string; bytes: number; sha256: string; uploaded_at: string; uploaded_by: string };

function toView(r: Row): AttachmentView {
  return { id: r.id, caseId: r.case_id, type: r.type, typeLabel: ATTACHMENT_TYPES[r.type].label, name: r.original_name, label: r.label, bytes: r.bytes, sha256: r.sha256, uploadedAt: r.uploaded_at, uploadedBy: r.uploaded_by };
}

export function listAttachments(db: Db, caseId: number): AttachmentView[] {
  getCaseRow(db, caseId);
  return db.all(db.q.selectFrom('attachments').selectAll().where('case_id', '=', caseId).orderBy('id', 'desc')).map(toView);
}

function sha256OfFile(path: string): Promise<string> {
  return new Promise((ok, fail) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => h.update(d))
      .on('error', fail)
      .on('end', () => ok(h.digest('hex')));
  });
}

/**
 * The file for download, after its SHA-256 is computed again and found equal to the registered one.
 * Served as a download (never shown inline) with its own type (transports/http.ts: attachment,
 * nosniff, a sandboxing CSP).
 */
export async function attachmentFile(app: App, id: number): Promise<FileResponse> {
  const r = app.db.get(app.db.q.selectFrom('attachments').selectAll().where('id', '=', id)) as Row | undefined;
  if (!r) throw new ApiError('not_found', `附件不存在（编号 ${id}）`, 'attachmentId');
  const root = resolve(app.dataDir, ATTACHMENTS_DIR);
  const path = resolve(app.dataDir, ...r.stored_path.split('/'));
  // The stored path is ours, but a row edited on disk must not reach outside the attachments folder.
  if (!path.startsWith(root + sep)) throw new ApiError('conflict', '附件的存放位置不正确，未提供下载', 'attachmentId');
  if (!existsSync(path)) throw new ApiError('not_found', `附件文件已不存在（${r.original_name}）`, 'attachmentId');
  const actual = await sha256OfFile(path);
  if (actual !== r.sha256) {
    throw new ApiError('conflict', `附件“${r.original_name}”与上传时的校验值不符（文件已被改动），未提供下载；请通知系统管理员`, 'attachmentId', { expected: r.sha256, actual });
  }
  return new FileResponse(path, r.original_name, ATTACHMENT_TYPES[r.type].mime);
}
