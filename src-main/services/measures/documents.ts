import type { DocumentRequest } from '../documents/generate';
import type { AssetType, MeasureAction } from '../../../src-shared/domain/assets';
import type { AssistExtra, MeasureItem, MeasuresRuling, Purpose } from '../documents/templates/rulingContent';

// The content of the control documents, handed to the documents engine as structured `extra`: one
// 执行裁定书 per case (numbered 之一, 之二 … after the case's earlier process rulings) and one
// 协助执行通知书 per case and institution naming that ruling (domain.md §5). The same builder serves
// applying, renewing (续行) and releasing (解除) a measure; the templates write the wording.

export type { Purpose };

export interface DocMeasure {
  key: number;
  caseId: number;
  assetType: AssetType;
  institution: string;
  identifier: string;
  debtor: string;
  debtorCode: string;
  action: MeasureAction;
  amountFen: number;
  startOn: string;
  expiresOn: string | null;
  years: number | null;
  subAccount?: string;
  releaseReason?: string;
  /** Release: the item of 查封规定 Art. 28 para. 1 (1–6). */
  releaseItem?: number;
  /** The ruling that applied the measure (renewal and release name it). */
  origin?: { number: string; issuedOn: string } | null;
}

const item = (m: DocMeasure): MeasureItem => ({
  action: m.action,
  assetType: m.assetType,
  institution: m.institution,
  identifier: m.identifier,
  debtor: m.debtor,
  debtorCode: m.debtorCode,
  amountFen: m.amountFen,
  startOn: m.startOn,
  expiresOn: m.expiresOn,
  years: m.years,
  origin: m.origin ?? null,
});

/**
 * Document requests for a set of measures: the ruling of each case and a notice to each
 * institution. `numberOf(caseId)` gives the number the case's new ruling prints; `issuedOn` its date.
 * Returns the requests and, per request, the measure keys it covers.
 */
export function controlDocumentRequests(measures: DocMeasure[], purpose: Purpose, numberOf: (caseId: number) => string, issuedOn: string): { requests: DocumentRequest[]; covers: number[][] } {
  const requests: DocumentRequest[] = [];
  const covers: number[][] = [];
  const byCase = new Map<number, DocMeasure[]>();
  for (const m of measures) byCase.set(m.caseId, [...(byCase.get(m.caseId) ?? []), m]);
  for (const [caseId, list] of byCase) {
    const number = numberOf(caseId);
    const release = purpose === 'release' ? list.find((m) => m.releaseReason || m.releaseItem) : undefined;
    const ruling: MeasuresRuling = {
      ruling: 'measures',
      purpose,
      measures: list.map(item),
      ...(release?.releaseItem ? { releaseItem: release.releaseItem } : {}),
      ...(release?.releaseReason ? { releaseReason: release.releaseReason } : {}),
    };
    requests.push({ caseId, kind: '执行裁定书', printedNumber: number, extra: ruling as unknown as Record<string, unknown> });
    covers.push(list.map((m) => m.key));
    const byInstitution = new Map<string, DocMeasure[]>();
    for (const m of list) byInstitution.set(m.institution, [...(byInstitution.get(m.institution) ?? []), m]);
    for (const [institution, ms] of byInstitution) {
      const extra: AssistExtra = { purpose, institution, measures: ms.map(item), ruling: { number, issuedOn } };
      requests.push({ caseId, kind: '协助执行通知书', printedNumber: number, extra: extra as unknown as Record<string, unknown> });
      covers.push(ms.map((m) => m.key));
    }
  }
  return { requests, covers };
}
