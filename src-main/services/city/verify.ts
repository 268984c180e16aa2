import { computeFigures, figureKey, type Figure } from '../../../src-shared/domain/metrics/compute';
import { COLUMN_LABELS, METRIC_BY_ID } from '../../../src-shared/domain/metrics/definitions';
import type { Period } from '../../../src-shared/domain/metrics/period';
import { exportDocumentSchema, manifestSchema, type ExportDocument } from '../reports/exportFormat';
import { createHash } from 'node:crypto';
import { issueMessage } from '../../../src-shared/api/issueMessages';

// Verification of one court's file set at city level: the manifest's hashes, the data file's
// format, then every declared figure against a recomputation from the detail rows with the same
// definition code and the court's settings in force. Problems name the file or the metric. It runs
// in the upload worker: it imports nothing that writes workbooks (exceljs takes seconds to load).

const sha256Hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export interface Problem {
  kind: 'manifest' | 'file' | 'format' | 'figure';
  file?: string;
  metricId?: string;
  column?: string;
  message: string;
}

export interface VerifiedSet {
  courtCode: string;
  courtName: string;
  periodCode: string;
  manifestSha256: string;
  status: 'ok' | 'flagged' | 'rejected';
  problems: Problem[];
  /** Recomputed from the detail rows (never the declared values). */
  figures: Figure[];
  doc: ExportDocument | null;
}

export function verifySet(manifestName: string, manifestBytes: Buffer, files: Map<string, Buffer>): VerifiedSet {
  const manifestSha256 = sha256Hex(manifestBytes);
  const rejected = (problems: Problem[], court = { code: manifestName, name: '' }, periodCode = ''): VerifiedSet => ({ courtCode: court.code, courtName: court.name, periodCode, manifestSha256, status: 'rejected', problems, figures: [], doc: null });
  let raw: unknown;
  try {
    raw = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    return rejected([{ kind: 'manifest', file: manifestName, message: `manifest ${manifestName} 不是有效的 JSON` }]);
  }
  const m = manifestSchema.safeParse(raw, { reportInput: true });
  if (!m.success) return rejected([{ kind: 'manifest', file: manifestName, message: `manifest ${manifestName} 格式不符：${m.error.issues[0] ? `${m.error.issues[0].path.join('.')} ${issueMessage(m.error.issues[0])}` : ''}` }]);
  const manifest = m.data;
  const problems: Problem[] = [];
  for (const f of manifest.files) {
    const data = files.get(f.name);
    if (!data) problems.push({ kind: 'file', file: f.name, message: `缺少 manifest 列出的文件 ${f.name}` });
    else if (sha256Hex(data) !== f.sha256) problems.push({ kind: 'file', file: f.name, message: `文件 ${f.name} 的 SHA-256 与 manifest 不符，文件在导出后被改动或损坏` });
    else if (data.length !== f.bytes) problems.push({ kind: 'file', file: f.name, message: `文件 ${f.name} 的大小与 manifest 不符` });
  }
  if (problems.length) return rejected(problems, manifest.court, manifest.period.code);
  const jsonName = manifest.files.find((f) => f.name.endsWith('.json'))?.name;
  if (!jsonName) return rejected([{ kind: 'manifest', file: manifestName, message: 'manifest 中没有 JSON 数据文件' }], manifest.court, manifest.period.code);
  let parsed;
  try {
    parsed = exportDocumentSchema.safeParse(JSON.parse(files.get(jsonName)!.toString('utf8')), { reportInput: true });
  } catch {
    return rejected([{ kind: 'format', file: jsonName, message: `${jsonName} 不是有效的 JSON` }], manifest.court, manifest.period.code);
  }
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return rejected([{ kind: 'format', file: jsonName, message: `${jsonName} 格式不符（${i?.path.join('.') ?? ''}：${i ? issueMessage(i) : ''}）` }], manifest.court, manifest.period.code);
  }
  const doc = parsed.data as unknown as ExportDocument;
  if (doc.court.code !== manifest.court.code || doc.period.code !== manifest.period.code) {
    return rejected([{ kind: 'format', file: jsonName, message: '数据文件中的法院或统计期与 manifest 不一致' }], manifest.court, manifest.period.code);
  }
  const period: Period = doc.period;
  const recomputed = computeFigures({ cases: doc.detail.cases, receipts: doc.detail.receipts }, { period, settings: doc.settings, scopeKind: 'court' });
  const declared = new Map(doc.figures.map((f) => [figureKey(f), f]));
  for (const r of recomputed) {
    const def = METRIC_BY_ID.get(r.metricId)!;
    const label = `指标“${def.name}”（${COLUMN_LABELS[r.column]}）`;
    const d = declared.get(figureKey(r));
    if (!d) {
      problems.push({ kind: 'figure', metricId: r.metricId, column: r.column, message: `${label}未上报` });
      continue;
    }
    if (d.version !== r.version) problems.push({ kind: 'figure', metricId: r.metricId, column: r.column, message: `${label}的定义版本 ${d.version} 与本系统 ${r.version} 不同` });
    else if (d.value !== r.value || d.numerator !== r.numerator || d.denominator !== r.denominator) {
      problems.push({
        kind: 'figure',
        metricId: r.metricId,
        column: r.column,
        message: `${label}上报值 ${d.value ?? '—'}（${d.numerator}/${d.denominator ?? '—'}）与明细重算 ${r.value ?? '—'}（${r.numerator}/${r.denominator ?? '—'}）不符`,
      });
    }
  }
  return { courtCode: doc.court.code, courtName: doc.court.name, periodCode: doc.period.code, manifestSha256, status: problems.length ? 'flagged' : 'ok', problems, figures: recomputed, doc };
}
