import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/connection';
import type { JobHandle } from '../../jobs/runner';
import { appendEvent, type Actor } from '../../events/log';
import type { SignedHead } from '../../events/chain';
import { chainKeyOf } from '../../events/chainKey';
import { signedHead } from '../audit/seal';
import { ApiError } from '../../../src-shared/api/errors';
import { computeFigures } from '../../../src-shared/domain/metrics/compute';
import { COLUMN_LABELS, METRIC_BY_ID } from '../../../src-shared/domain/metrics/definitions';
import { parsePeriodCode, resolvePeriod } from '../../../src-shared/domain/metrics/period';
import { fenToYuanString } from '../../../src-shared/domain/money';
import { getSettings } from '../settings/settings';
import { contextOf, metricPayoutDue, metricSettings } from '../metrics/context';
import { outcomeDueOn } from '../../../src-shared/domain/payoutClock';
import { loadFacts } from '../metrics/facts';
import { maskParty } from './mask';
import { deterministicXlsx, styleHeader } from './xlsx';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, definitionsForExport, stableJson, type ExportCaseRow, type ExportDocument, type Manifest } from './exportFormat';

// reports.exportMonthly: the file set of one court and one period (JSON + xlsx + manifest).
// Built in memory, written to a temp folder, renamed into place, and registered in the history in
// one transaction with its event; a cancelled or failed job leaves no folder and no history row.

export const sha256Hex = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export function exportsRoot(dataDir: string): string {
  return join(dataDir, 'exports');
}

const tick = () => new Promise<void>((r) => setImmediate(r));

/** The export document for a period: figures and the detail rows they were computed from. */
export function buildExportDocument(db: Db, periodCode: string, onProgress?: (done: number, total: number) => void): ExportDocument {
  const input = parsePeriodCode(periodCode);
  if (!input) throw new ApiError('invalid_input', '统计期代码应为 202611（月）、2026Q4（季）或 2026（年）', 'periodCode');
  const settings = metricSettings(db);
  const s = getSettings(db);
  const period = resolvePeriod(input, settings.statisticalYear);
  const facts = loadFacts(db, period);
  const due = metricPayoutDue(db);
  const figures = computeFigures(facts, contextOf(period, settings, { kind: 'court' }, due));
  const debtors = debtorsOf(db, facts.cases.map((c) => c.caseId));
  const cases: ExportCaseRow[] = [...facts.cases]
    .sort((a, b) => a.caseId - b.caseId)
    .map((c, i) => {
      if (onProgress && i % 500 === 0) onProgress(i, facts.cases.length);
      return { ...c, debtors: debtors.get(c.caseId) ?? [] };
    });
  // Each receipt with its due day by the court's working calendar: the city recomputes without it.
  const receipts = [...facts.receipts].map((r) => ({ ...r, dueOn: outcomeDueOn(r.arrivedOn, r.deferredUntil, due) })).sort((a, b) => a.caseId - b.caseId || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0));
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    court: { code: settings.courtStatCode || s.courtCode, name: s.courtName, caseCode: s.courtCode },
    period,
    settings,
    definitions: definitionsForExport(),
    figures,
    detail: { cases, receipts },
  };
}

function debtorsOf(db: Db, ids: number[]): Map<number, ExportCaseRow['debtors']> {
  const out = new Map<number, ExportCaseRow['debtors']>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db.raw<{ case_id: number; kind: string; name: string; id_number: string | null; credit_code: string | null }>(
      `SELECT case_id, kind, name, id_number, credit_code FROM parties WHERE role = 'debtor' AND case_id IN (${chunk.map(() => '?').join(',')}) ORDER BY case_id, seq`,
      ...chunk,
    );
    for (const r of rows) {
      let list = out.get(r.case_id);
      if (!list) out.set(r.case_id, (list = []));
      list.push(maskParty(r));
    }
  }
  return out;
}

/** The workbook for people: 说明, 指标, 案件明细, 案款明细. */
export async function exportWorkbook(doc: ExportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet('说明');
  info.addRows([
    ['格式', `${doc.format} 第${doc.formatVersion}版`],
    ['法院', `${doc.court.name}（${doc.court.code}）`],
    ['统计期', `${doc.period.label}（${doc.period.code}，${doc.period.from} 至 ${doc.period.to}）`],
    ['汇总规则', '上级汇总一律按 Σ分子 / Σ分母 计算，不得平均各院百分比'],
    ['个人信息', '自然人姓名仅保留姓氏加“某”；身份证号仅保留前6位；不含电话、住址、账号'],
    ['设置', JSON.stringify(doc.settings)],
  ]);
  info.getColumn(1).width = 12;
  info.getColumn(2).width = 100;
  const figs = wb.addWorksheet('指标');
  figs.addRow(['指标编号', '指标', '栏目', '数值', '单位', '分子', '分母', '分子案件数', '分母案件数', '定义版本', '分子口径', '分母口径', '生效设置']);
  for (const f of doc.figures) {
    const d = METRIC_BY_ID.get(f.metricId)!;
    figs.addRow([f.metricId, d.name, COLUMN_LABELS[f.column], f.value, d.unit, f.numerator, f.denominator, f.numeratorCases, f.denominatorCases, f.version, d.numeratorText, d.denominatorText, JSON.stringify(f.settings)]);
  }
  styleHeader(figs, [22, 28, 10, 10, 6, 12, 12, 10, 10, 8, 40, 40, 40]);
  const cases = wb.addWorksheet('案件明细');
  cases.addRow(['案件ID', '案号', '类型', '立案日期', '结案日期', '结案方式', '申请执行标的（元）', '实际到位（元）', '非诉', '团队', '承办法官ID', '中止等天数', '终本评查', '被执行人（已脱敏）']);
  for (const c of doc.detail.cases) {
    cases.addRow([c.caseId, c.number, c.type, c.filedOn, c.closedOn, c.mode, fenToYuanString(c.claimFen), fenToYuanString(c.recoveredFen), c.nonLitigation ? '是' : '否', c.teamId, c.judgeId, c.suspendedDays, c.reviewPass === null ? '' : c.reviewPass ? '合格' : '不合格', c.debtors.map((d) => (d.idMasked ? `${d.name}（${d.idMasked}）` : d.name)).join('、')]);
  }
  styleHeader(cases, [9, 26, 6, 11, 11, 16, 16, 14, 6, 10, 10, 10, 9, 40]);
  const money = wb.addWorksheet('案款明细');
  money.addRow(['案件ID', '账目ID', '到账日期', '金额（元）', '发放完毕日期', '暂缓至']);
  for (const r of doc.detail.receipts) money.addRow([r.caseId, r.entryId, r.arrivedOn, fenToYuanString(r.amountFen), r.paidOn, r.deferredUntil]);
  styleHeader(money, [9, 10, 11, 14, 13, 11]);
  return deterministicXlsx(wb, doc.period.to);
}

export interface ExportedSet {
  folder: string;
  files: { name: string; bytes: number; sha256: string; data: Buffer }[];
  manifest: Manifest;
  manifestName: string;
  manifestBytes: Buffer;
}

/** The three files of an export, in memory. File names start with court code and period code. */
export async function buildExportFiles(doc: ExportDocument, auditHead: SignedHead | null = null): Promise<Omit<ExportedSet, 'folder'>> {
  const base = `${doc.court.code}_${doc.period.code}`;
  const json = Buffer.from(stableJson(doc), 'utf8');
  const xlsx = await exportWorkbook(doc);
  const files = [
    { name: `${base}_metrics.json`, data: json },
    { name: `${base}_metrics.xlsx`, data: xlsx },
  ].map((f) => ({ ...f, bytes: f.data.length, sha256: sha256Hex(f.data) }));
  const manifest: Manifest = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    court: { code: doc.court.code, name: doc.court.name },
    period: { code: doc.period.code, from: doc.period.from, to: doc.period.to },
    files: files.map((f) => ({ name: f.name, bytes: f.bytes, sha256: f.sha256 })),
    ...(auditHead ? { auditHead } : {}),
  };
  return { files, manifest, manifestName: `${base}_manifest.json`, manifestBytes: Buffer.from(stableJson(manifest), 'utf8') };
}

/** The job body of reports.exportMonthly. */
export async function runMonthlyExport(db: Db, dataDir: string, actor: Actor, now: () => Date, periodCode: string, job: JobHandle): Promise<{ exportId: number; folder: string; manifestSha256: string }> {
  job.progress(0, 4, '计算指标');
  await tick();
  job.checkCancelled();
  const doc = buildExportDocument(db, periodCode);
  job.progress(1, 4, `整理明细（${doc.detail.cases.length} 件）`);
  await tick();
  job.checkCancelled();
  // The log's head goes into the manifest: once the set is at the city court, that head is out of
  // reach of anybody at this court (services/audit/heads.ts).
  const key = chainKeyOf(db);
  const set = await buildExportFiles(doc, key ? signedHead(db.sqlite, key, now()) : null);
  job.progress(3, 4, '写入文件');
  job.checkCancelled();
  const root = exportsRoot(dataDir);
  mkdirSync(root, { recursive: true });
  const folderName = `${doc.period.code}_${job.id.slice(0, 8)}`;
  const tmp = join(root, `.tmp-${folderName}`);
  const final = join(root, folderName);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    for (const f of set.files) writeFileSync(join(tmp, f.name), f.data);
    writeFileSync(join(tmp, set.manifestName), set.manifestBytes);
    job.checkCancelled();
    renameSync(tmp, final);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const manifestSha256 = sha256Hex(set.manifestBytes);
  const fileList = [...set.files.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes })), { name: set.manifestName, sha256: manifestSha256, bytes: set.manifestBytes.length }];
  try {
    const exportId = db.tx(() => {
      const at = now();
      const id = db.run(
        db.q.insertInto('report_exports').values({
          period_code: doc.period.code,
          period_kind: doc.period.kind,
          court_code: doc.court.code,
          court_name: doc.court.name,
          format_version: `${EXPORT_FORMAT}/${EXPORT_FORMAT_VERSION}`,
          folder: folderName,
          files: JSON.stringify(fileList),
          manifest_sha256: manifestSha256,
          figure_count: doc.figures.length,
          detail_rows: doc.detail.cases.length + doc.detail.receipts.length,
          job_id: job.id,
          created_at: at.toISOString(),
          created_by: actor.name,
        }),
      ).lastInsertRowid;
      appendEvent(db, actor, at, { caseId: null, type: 'report.exported', payload: { exportId: id, periodCode: doc.period.code, manifestSha256, files: fileList.map((f) => f.name) } });
      return id;
    });
    job.progress(4, 4, '完成');
    return { exportId, folder: folderName, manifestSha256 };
  } catch (e) {
    // The register only points at files that exist, and files exist only when registered.
    if (existsSync(final)) rmSync(final, { recursive: true, force: true });
    throw e;
  }
}

export function listExports(db: Db, periodCode: string | undefined, limit: number) {
  let q = db.q.selectFrom('report_exports').selectAll().orderBy('id', 'desc').limit(limit);
  if (periodCode) q = q.where('period_code', '=', periodCode);
  return db.all(q).map((r) => ({
    id: r.id,
    periodCode: r.period_code,
    periodKind: r.period_kind,
    courtCode: r.court_code,
    courtName: r.court_name,
    formatVersion: r.format_version,
    files: JSON.parse(r.files) as { name: string; sha256: string; bytes: number }[],
    manifestSha256: r.manifest_sha256,
    figureCount: r.figure_count,
    detailRows: r.detail_rows,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

/** The path of one registered file of an export, or not_found. */
export function exportFilePath(db: Db, dataDir: string, exportId: number, file: string): { path: string; name: string } {
  const row = db.get(db.q.selectFrom('report_exports').selectAll().where('id', '=', exportId));
  if (!row) throw new ApiError('not_found', '没有这次上报记录', 'exportId');
  const files = JSON.parse(row.files) as { name: string }[];
  const f = files.find((x) => x.name === file);
  if (!f) throw new ApiError('not_found', `这次上报没有文件 ${file}`, 'file');
  const path = join(exportsRoot(dataDir), row.folder, f.name);
  if (!existsSync(path)) throw new ApiError('not_found', `文件 ${file} 已不在数据文件夹中`, 'file');
  return { path, name: f.name };
}
