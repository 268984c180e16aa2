import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import type { AssetType, MeasureAction } from '../../../src-shared/domain/assets';
import { loadCaseData, type CaseData } from './caseData';
import { renderPdf } from './renderPdf';
import { templateFor } from './templates';
import { currentWording } from './wording';
import { controlDocumentRequests, type DocMeasure } from '../measures/documents';

// A template previewed on a real case, with the court's current wording or the unsaved edit: the PDF
// only, not registered, not numbered. Kinds whose substance another domain supplies take it from the
// case's records (its control measures); where the case has none, the preview says so.

function measuresOf(db: Db, caseId: number): DocMeasure[] {
  const rows = db.raw<{ id: number; action: MeasureAction; type: AssetType; institution: string; identifier: string; debtor: string; code: string | null; amount_fen: number; actual_fen: number | null; start_on: string; expires_on: string | null }>(
    `SELECT m.id, m.action, a.type, a.institution, a.identifier, p.name AS debtor, coalesce(p.id_number, p.credit_code) AS code, m.amount_fen, m.actual_fen, m.start_on, m.expires_on
     FROM measures m JOIN assets a ON a.id = m.asset_id JOIN parties p ON p.id = a.party_id
     WHERE m.case_id = ? AND m.batch_id = (SELECT max(batch_id) FROM measures WHERE case_id = ?) ORDER BY m.id`,
    caseId,
    caseId,
  );
  return rows.map((m) => ({ key: m.id, caseId, assetType: m.type, institution: m.institution, identifier: m.identifier, debtor: m.debtor, debtorCode: m.code ?? '', action: m.action, amountFen: m.actual_fen ?? m.amount_fen, startOn: m.start_on, expiresOn: m.expires_on, years: null }));
}

export async function renderPreview(db: Db, kind: string, caseId: number, today: string, texts?: Record<string, string>): Promise<Buffer> {
  const t = templateFor(kind);
  const data = loadCaseData(db, [caseId], today).get(caseId)!;
  const saved = currentWording(db, [kind]).get(kind)?.texts;
  let item: CaseData = { ...data, ...(texts ?? saved ? { texts: { ...(saved ?? {}), ...(texts ?? {}) } } : {}) };
  if (kind === '执行裁定书' || kind === '协助执行通知书') {
    const measures = measuresOf(db, caseId);
    if (measures.length === 0) throw new ApiError('conflict', `${data.number}尚无控制措施，无法以本案预览${kind}`, 'caseId');
    const req = controlDocumentRequests(measures, 'apply', () => `${data.number}之一`, today).requests.find((r) => r.kind === kind)!;
    item = { ...item, extra: req.extra!, printedNumber: req.printedNumber! };
  } else if (t.batchable === false) {
    throw new ApiError('conflict', `${kind}的内容由结案、终本复查等环节提供，请在相应环节制作；可预览通知类文书与裁定书`, 'kind');
  } else if (t.perRecipient) {
    item = { ...item, recipientId: data.debtors[0]?.id ?? data.applicants[0]!.id, extra: { documents: ['执行通知书', '报告财产令（附财产申报表）'] } };
  }
  const missing = t.missing(item).filter((m) => !m.includes('履行期间') && !m.includes('尚未送达'));
  if (missing.length) throw new ApiError('conflict', `${data.number}不能制作${kind}：${missing.join('；')}`, 'caseId', { missing });
  return renderPdf([t.build(item)]);
}
