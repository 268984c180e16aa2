import type { Db } from '../../db/connection';
import { loadCaseData, type CaseData } from './caseData';
import type { DocumentRequest } from './generate';
import { templateFor } from './templates';
import { currentWording } from './wording';

// What the templates are filled with, per requested document: the case's data with the document's
// own content, recipient, number and the court's current wording, plus the case's year (its folder)
// and the wording's version (recorded with the document).
//
// For a batch this never touches the request thread: the read worker makes the plan (what is
// missing, numbers, years, versions: small) and each render thread reads its own chunk's data on its
// own read-only connection. Measured at 100 clerks with a 1,000-case batch, reading the data on the
// request thread and handing it to the render threads (a structured clone of every case's parties,
// titles and measures) held it for 200 ms.

export interface RenderInputs {
  /** Aligned with the requests. */
  itemData: CaseData[];
  years: number[];
  templateVersions: number[];
}

/** A document its case lacks data for, and what is missing. */
export interface Refusal {
  caseId: number;
  number: string;
  kind: string;
  missing: string[];
}

/** The inputs without the data itself, and what is missing: what the request thread needs of a batch. */
export interface RenderPlan {
  refusals: Refusal[];
  numbers: string[];
  years: number[];
  templateVersions: number[];
}

export function renderInputs(db: Db, requests: readonly DocumentRequest[], issuedOn: string): RenderInputs {
  const caseIds = [...new Set(requests.map((r) => r.caseId))];
  const data = loadCaseData(db, caseIds, issuedOn);
  const wordings = currentWording(db, [...new Set(requests.map((r) => r.kind))]);
  const years = new Map(db.all(db.q.selectFrom('cases').select(['id', 'year']).where('id', 'in', caseIds.length ? caseIds : [-1])).map((r) => [r.id, r.year]));
  const itemData = requests.map((r): CaseData => {
    const d = data.get(r.caseId)!;
    const w = wordings.get(r.kind);
    return {
      ...d,
      ...(r.extra ? { extra: r.extra } : {}),
      ...(r.partyId !== undefined ? { recipientId: r.partyId } : {}),
      ...(r.printedNumber ? { printedNumber: r.printedNumber } : {}),
      ...(w ? { texts: w.texts } : {}),
    };
  });
  return { itemData, years: requests.map((r) => years.get(r.caseId)!), templateVersions: requests.map((r) => wordings.get(r.kind)?.version ?? 0) };
}

/** Every document its case lacks data for, by the template's own list of what it needs. */
export function refusalsOf(requests: readonly DocumentRequest[], itemData: readonly CaseData[]): Refusal[] {
  const out: Refusal[] = [];
  requests.forEach((r, i) => {
    const missing = templateFor(r.kind).missing(itemData[i]!);
    if (missing.length) out.push({ caseId: r.caseId, number: itemData[i]!.number, kind: r.kind, missing });
  });
  return out;
}

export function renderPlan(db: Db, requests: readonly DocumentRequest[], issuedOn: string): RenderPlan {
  const inputs = renderInputs(db, requests, issuedOn);
  return { refusals: refusalsOf(requests, inputs.itemData), numbers: inputs.itemData.map((d) => d.number), years: inputs.years, templateVersions: inputs.templateVersions };
}
