import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { addCalendarDays } from '../../../src-shared/domain/chineseDate';
import type { DocumentView } from '../../../src-shared/api/methods/documents';
import { getSettings } from '../settings/settings';
import { FileResponse } from '../../api/context';
import { absPath, safeName } from './storage';
import { inScope, wholeContainerSql, type CaseScope } from '../auth/scope';

// Reading the register: the documents of a case or a batch, the recent batches, and the files.

export interface ListInput {
  caseId?: number | undefined;
  batchId?: string | undefined;
  kind?: string | undefined;
  unservedOnly: boolean;
  includeSuperseded: boolean;
  offset: number;
  limit: number;
}

export function listDocuments(db: Db, input: ListInput, scope: CaseScope): { rows: DocumentView[]; total: number } {
  let q = db.q.selectFrom('documents as d').innerJoin('cases as c', 'c.id', 'd.case_id').leftJoin('document_batches as b', 'b.id', 'd.batch_id').where(inScope(scope));
  if (input.caseId !== undefined) q = q.where('d.case_id', '=', input.caseId);
  if (input.batchId !== undefined) q = q.where('d.batch_id', '=', input.batchId);
  if (input.kind !== undefined) q = q.where('d.kind', '=', input.kind);
  if (input.unservedOnly) q = q.where('d.served_on', 'is', null);
  if (!input.includeSuperseded) q = q.where('d.status', '=', 'current');
  const total = Number(db.get(q.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0);
  const rows = db.all(q.selectAll('d').select(['c.number as case_number', 'c.debtor_names', 'b.number as batch_number']).orderBy('d.case_id').orderBy('d.id').limit(input.limit).offset(input.offset));
  const days = getSettings(db).performanceDays;
  return {
    total,
    rows: rows.map((d) => ({
      id: d.id,
      caseId: d.case_id,
      caseNumber: d.case_number,
      debtors: d.debtor_names,
      kind: d.kind,
      number: d.number,
      version: d.version,
      status: d.status,
      supersedesId: d.supersedes_id,
      reason: d.reason,
      batchId: d.batch_id,
      batchNumber: d.batch_number,
      issuedOn: d.issued_on,
      generatedAt: d.generated_at,
      generatedBy: d.generated_by,
      pdfBytes: d.pdf_bytes,
      docxBytes: d.docx_bytes,
      service: d.service_method
        ? { method: d.service_method, trackingNumber: d.tracking_number, mailedOn: d.mailed_on, publishedOn: d.published_on, servedOn: d.served_on, recipient: d.recipient, note: d.service_note }
        : null,
      // The performance period runs from service (执行通知书: 自收到本通知之日起N日内; the start day is not counted).
      performanceDueOn: d.kind === '执行通知书' && d.served_on ? addCalendarDays(d.served_on, days) : null,
    })),
  };
}

/** The latest batches; a tribunal team sees only batches whose every document is of the team's cases. */
export function listBatches(db: Db, limit: number, scope: CaseScope) {
  const inside = wholeContainerSql(scope, 'SELECT dx.case_id FROM documents dx WHERE dx.batch_id = b.id');
  const rows = db.raw<{ id: string; number: string; job_id: string | null; kinds: string; case_count: number; document_count: number; print_path: string | null; reason: string | null; created_at: string; created_by: string }>(
    `SELECT b.* FROM document_batches b WHERE 1${inside.sql} ORDER BY b.created_at DESC, b.number DESC LIMIT ?`,
    ...inside.params,
    limit,
  );
  return rows.map((b) => ({
    id: b.id,
    number: b.number,
    jobId: b.job_id,
    kinds: JSON.parse(b.kinds) as string[],
    caseCount: b.case_count,
    documentCount: b.document_count,
    hasPrintFile: b.print_path !== null,
    reason: b.reason,
    createdAt: b.created_at,
    createdBy: b.created_by,
  }));
}

const MIME = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

export function documentFile(db: Db, dataDir: string, input: { documentId?: number | undefined; batchId?: string | undefined; format: 'pdf' | 'docx'; action?: 'open' | 'reveal' }): FileResponse {
  const reveal = input.action === 'reveal';
  if (input.batchId !== undefined) {
    const b = db.get(db.q.selectFrom('document_batches').select(['number', 'print_path']).where('id', '=', input.batchId));
    if (!b) throw new ApiError('not_found', '没有这个文书批次', 'batchId');
    if (!b.print_path) throw new ApiError('not_found', '该批次没有合并打印文件', 'batchId');
    return new FileResponse(absPath(dataDir, b.print_path), `批量打印-${safeName(b.number)}.pdf`, MIME.pdf, reveal);
  }
  const d = db.get(db.q.selectFrom('documents as d').innerJoin('cases as c', 'c.id', 'd.case_id').select(['d.kind', 'd.number', 'd.docx_path', 'd.pdf_path', 'c.number as case_number']).where('d.id', '=', input.documentId!));
  if (!d) throw new ApiError('not_found', `文书不存在（编号 ${input.documentId}）`, 'documentId');
  const rel = input.format === 'docx' ? d.docx_path : d.pdf_path;
  return new FileResponse(absPath(dataDir, rel), `${safeName(d.case_number)}-${d.kind}-${d.number}.${input.format}`, MIME[input.format], reveal);
}
