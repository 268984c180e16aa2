import { z } from 'zod';
import { METRIC_DEFINITIONS } from '../../../src-shared/domain/metrics/definitions';
import type { Figure } from '../../../src-shared/domain/metrics/compute';
import type { CaseFact, ReceiptFact } from '../../../src-shared/domain/metrics/facts';
import { metricsSettingsSchema, type MetricContextSettings } from '../../../src-shared/domain/metrics/metricSettings';
import type { Period } from '../../../src-shared/domain/metrics/period';
import type { SignedHead } from '../../events/chain';

// The monthly export format (上报格式), version 1. Documented in docs/metrics.md; the schema below is
// what the city level accepts. Every ratio carries numerator and denominator counts, the case-level
// detail rows are exactly the facts the figures were computed from, and the settings in force are
// included so the city level recomputes with the same definitions.

export const EXPORT_FORMAT = 'zhixing-metrics-export';
export const EXPORT_FORMAT_VERSION = 1;

export interface ExportCaseRow extends CaseFact {
  debtors: { kind: string; name: string; idMasked: string | null }[];
}

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  court: { code: string; name: string; caseCode: string };
  period: Period;
  settings: MetricContextSettings;
  definitions: { id: string; name: string; version: number; status: string; kind: string; unit: string; dp: number; numeratorText: string; denominatorText: string; caseTypesText: string }[];
  figures: Figure[];
  detail: { cases: ExportCaseRow[]; receipts: ReceiptFact[] };
}

export interface Manifest {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  court: { code: string; name: string };
  period: { code: string; from: string; to: string };
  files: { name: string; bytes: number; sha256: string }[];
  /**
   * The court's audit log head when the set was made, signed with its audit key (events/chain.ts):
   * the copy at the city court is a published head nobody at the court can change afterwards.
   */
  auditHead?: SignedHead | null;
}

export function definitionsForExport(): ExportDocument['definitions'] {
  return METRIC_DEFINITIONS.map((d) => ({ id: d.id, name: d.name, version: d.version, status: d.status, kind: d.kind, unit: d.unit, dp: d.dp, numeratorText: d.numeratorText, denominatorText: d.denominatorText, caseTypesText: d.caseTypesText }));
}

export const manifestSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: '不是本系统的上报 manifest' }),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION, { error: '上报格式版本不受支持' }),
  court: z.object({ code: z.string().min(1), name: z.string() }),
  period: z.object({ code: z.string(), from: z.string(), to: z.string() }),
  files: z.array(z.object({ name: z.string().min(1), bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).min(1),
  auditHead: z.unknown().optional(),
});

const caseRow = z.object({
  caseId: z.number().int(),
  number: z.string(),
  type: z.string(),
  filedOn: z.string(),
  closedOn: z.string().nullable(),
  mode: z.string().nullable(),
  claimFen: z.number().int().min(0),
  recoveredFen: z.number().int().min(0),
  nonLitigation: z.boolean(),
  teamId: z.string().nullable(),
  judgeId: z.number().int().nullable(),
  suspendedDays: z.number().int().min(0),
  reviewPass: z.boolean().nullable(),
  debtors: z.array(z.object({ kind: z.string(), name: z.string(), idMasked: z.string().nullable() })),
});
const receiptRow = z.object({ entryId: z.string(), caseId: z.number().int(), arrivedOn: z.string(), amountFen: z.number().int(), paidOn: z.string().nullable(), deferredUntil: z.string().nullable(), dueOn: z.string().optional() });
const figureRow = z.object({
  metricId: z.string(),
  column: z.enum(['main', 'first', 'resumed', 'preservation', 'review', 'all']),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  numeratorCases: z.number().int(),
  denominatorCases: z.number().int().nullable(),
  version: z.number().int(),
  settings: z.record(z.string(), z.unknown()),
});

export const exportDocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  court: z.object({ code: z.string().min(1), name: z.string(), caseCode: z.string() }),
  period: z.object({ kind: z.enum(['month', 'quarter', 'year', 'ytd', 'custom']), code: z.string(), label: z.string(), from: z.string(), to: z.string() }),
  settings: metricsSettingsSchema.extend({ payoutDays: z.number().int().min(1) }),
  definitions: z.array(z.object({ id: z.string(), version: z.number().int() }).passthrough()),
  figures: z.array(figureRow),
  detail: z.object({ cases: z.array(caseRow), receipts: z.array(receiptRow) }),
});

/** JSON with a fixed layout: same data → same bytes (objects are built in a fixed key order). */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}
