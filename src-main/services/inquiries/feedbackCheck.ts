import type { Db } from '../../db/connection';
import { assetTypeFromLabel, isFundType, isNothingFoundLabel, type AssetType } from '../../../src-shared/domain/assets';
import { isRealDate } from '../../../src-shared/domain/chineseDate';
import { FEEDBACK_ALIASES, FEEDBACK_COLUMNS, FEEDBACK_REQUIRED, SIMULATED_SOURCE, type FeedbackColumn } from '../../../src-shared/domain/inquiryFiles';
import { parseYuan } from '../../../src-shared/domain/money';

// Checks every row of a feedback file against its batch before anything is written. The result is
// either the parsed rows or the full list of problems (row, column, reason); the importer writes
// nothing unless the list is empty.

export interface Problem {
  row: number;
  column: string;
  reason: string;
}

export interface FeedbackRow {
  rowNo: number;
  targetId: number;
  caseId: number;
  partyId: number;
  nothingFound: boolean;
  assetType: AssetType | null;
  institution: string;
  identifier: string;
  valueFen: number | null;
  otherFrozenFen: number;
  otherFrozenNote: string | null;
  queriedOn: string;
  /** Identity of the row for idempotent re-import: debtor, asset, account and query date. */
  key: string;
}

export interface BatchRef {
  id: number;
  number: string;
  createdOn: string;
}

export interface Checked {
  batch: BatchRef | null;
  rows: FeedbackRow[];
  problems: Problem[];
  simulated: boolean;
}

const LABEL = FEEDBACK_COLUMNS;

/** A header or code as compared: NFKC (full-width → half-width), no spaces. */
export function norm(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

function headerIndex(header: string[]): Partial<Record<FeedbackColumn, number>> {
  const at = new Map(header.map((h, i) => [norm(h), i]));
  const out: Partial<Record<FeedbackColumn, number>> = {};
  for (const col of Object.keys(FEEDBACK_COLUMNS) as FeedbackColumn[]) {
    const names = [FEEDBACK_COLUMNS[col], ...(FEEDBACK_ALIASES[col] ?? [])];
    for (const n of names) {
      const i = at.get(norm(n));
      if (i !== undefined) {
        out[col] = i;
        break;
      }
    }
  }
  return out;
}

/** YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD or YYYY年M月D日 → YYYY-MM-DD, or null. */
export function parseFeedbackDate(s: string): string | null {
  const t = s.normalize('NFKC').trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const idNorm = (s: string) => norm(s).toUpperCase();

export function checkFeedback(db: Db, tableRows: string[][], opts: { batchId?: number | undefined; today: string }): Checked {
  const problems: Problem[] = [];
  const header = tableRows[0] ?? [];
  const idx = headerIndex(header);
  const missing = FEEDBACK_REQUIRED.filter((c) => idx[c] === undefined);
  if (missing.length > 0) {
    return { batch: null, rows: [], simulated: false, problems: missing.map((c) => ({ row: 1, column: LABEL[c], reason: `缺少“${LABEL[c]}”列` })) };
  }
  const cell = (r: string[], c: FeedbackColumn) => (idx[c] === undefined ? '' : (r[idx[c]!] ?? '').trim());
  // Data rows: skip lines that are entirely blank (trailing lines of a spreadsheet export).
  const data = tableRows
    .map((r, i) => ({ r, rowNo: i + 1 }))
    .slice(1)
    .filter(({ r }) => r.some((x) => x.trim() !== ''));
  if (data.length === 0) return { batch: null, rows: [], simulated: false, problems: [{ row: 2, column: '', reason: '文件中没有数据行' }] };

  // The batch: named on every row; one file answers one batch.
  const numbers = new Set(data.map(({ r }) => cell(r, 'batch')).filter(Boolean));
  let batch: BatchRef | null = null;
  if (opts.batchId !== undefined) {
    const b = db.get(db.q.selectFrom('inquiry_batches').select(['id', 'number', 'created_on']).where('id', '=', opts.batchId));
    if (b) batch = { id: b.id, number: b.number, createdOn: b.created_on };
  } else if (numbers.size === 1) {
    const b = db.get(db.q.selectFrom('inquiry_batches').select(['id', 'number', 'created_on']).where('number', '=', [...numbers][0]!));
    if (b) batch = { id: b.id, number: b.number, createdOn: b.created_on };
  }
  if (!batch) {
    const reason = numbers.size > 1 ? `一份反馈文件只能对应一个批次，文件中有 ${numbers.size} 个批次号` : numbers.size === 0 ? '批次号为空' : `没有批次号为“${[...numbers][0]}”的查控批次`;
    return { batch: null, rows: [], simulated: false, problems: [{ row: data[0]!.rowNo, column: LABEL.batch, reason }] };
  }

  const targets = db.raw<{ id: number; case_id: number; party_id: number; name: string; id_code: string; number: string }>(
    `SELECT t.id, t.case_id, t.party_id, t.name, t.id_code, c.number FROM inquiry_targets t JOIN cases c ON c.id = t.case_id WHERE t.batch_id = ?`,
    batch.id,
  );
  const byCode = new Map<string, (typeof targets)[number][]>();
  for (const t of targets) {
    const k = idNorm(t.id_code);
    byCode.set(k, [...(byCode.get(k) ?? []), t]);
  }

  const rows: FeedbackRow[] = [];
  const seen = new Map<string, number>();
  let simulated = false;
  for (const { r, rowNo } of data) {
    const bad = (c: FeedbackColumn, reason: string) => problems.push({ row: rowNo, column: LABEL[c], reason });
    const before = problems.length;
    const batchNo = cell(r, 'batch');
    if (batchNo !== batch.number) bad('batch', batchNo ? `批次号“${batchNo}”与本批次“${batch.number}”不符` : '批次号不能为空');

    const code = idNorm(cell(r, 'idCode'));
    const name = cell(r, 'debtor');
    const caseNumber = cell(r, 'caseNumber');
    const candidates = code ? byCode.get(code) ?? [] : [];
    let target = candidates.find((t) => norm(t.number) === norm(caseNumber)) ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (!code) bad('idCode', '证件号码不能为空');
    else if (candidates.length === 0) bad('idCode', `证件号码 ${code} 不是本批次的被查询人`);
    else if (target && norm(target.number) !== norm(caseNumber)) {
      bad('caseNumber', caseNumber ? `案号“${caseNumber}”与该被执行人所在案件 ${target.number} 不符` : '案号不能为空');
      target = undefined;
    }
    if (target && norm(target.name) !== norm(name)) bad('debtor', name ? `被执行人“${name}”与证件号码登记的“${target.name}”不符` : '被执行人不能为空');

    const typeLabel = cell(r, 'assetType');
    const nothingFound = typeLabel !== '' && isNothingFoundLabel(typeLabel);
    const assetType = nothingFound ? null : assetTypeFromLabel(typeLabel) ?? null;
    if (!nothingFound && !assetType) bad('assetType', typeLabel ? `财产类型“${typeLabel}”无效，应为银行存款、网络支付账户、不动产、车辆、证券、住房公积金、保险、股权、其他或“无”` : '财产类型不能为空（未查到财产请填“无”）');

    const institution = cell(r, 'institution');
    const identifier = norm(cell(r, 'identifier'));
    const valueText = cell(r, 'value');
    const frozenText = cell(r, 'otherFrozen');
    let valueFen: number | null = null;
    let otherFrozenFen = 0;
    if (nothingFound) {
      if (identifier) bad('identifier', '“无”财产的行不应填写账号或标识');
      if (valueText && parseYuan(valueText).ok && (parseYuan(valueText) as { fen: number }).fen !== 0) bad('value', '“无”财产的行不应填写金额');
    } else if (assetType) {
      if (!institution) bad('institution', '协助单位不能为空');
      if (!identifier) bad('identifier', '账号或标识不能为空');
      if (valueText) {
        const v = parseYuan(valueText);
        if (v.ok) valueFen = v.fen;
        else bad('value', v.reason);
      } else if (isFundType(assetType)) bad('value', `${typeLabel}须填写余额`);
      if (frozenText) {
        const f = parseYuan(frozenText);
        if (f.ok) otherFrozenFen = f.fen;
        else bad('otherFrozen', f.reason);
      }
    }

    const dateText = cell(r, 'queriedOn');
    const queriedOn = dateText ? parseFeedbackDate(dateText) : null;
    if (!dateText) bad('queriedOn', '查询日期不能为空');
    else if (!queriedOn) bad('queriedOn', `查询日期“${dateText}”无效，应为 YYYY-MM-DD`);
    else if (queriedOn < batch.createdOn) bad('queriedOn', `查询日期 ${queriedOn} 早于批次建立日 ${batch.createdOn}`);
    else if (queriedOn > opts.today) bad('queriedOn', `查询日期 ${queriedOn} 晚于今天`);

    if (cell(r, 'source') === SIMULATED_SOURCE) simulated = true;
    if (problems.length > before || !target) continue;

    const key = [target.party_id, assetType ?? '无', norm(institution), identifier, queriedOn].join('|');
    const dup = seen.get(key);
    if (dup !== undefined) {
      problems.push({ row: rowNo, column: LABEL.identifier, reason: `与第 ${dup} 行重复` });
      continue;
    }
    seen.set(key, rowNo);
    rows.push({
      rowNo,
      targetId: target.id,
      caseId: target.case_id,
      partyId: target.party_id,
      nothingFound,
      assetType,
      institution,
      identifier,
      valueFen,
      otherFrozenFen,
      otherFrozenNote: cell(r, 'otherFrozenNote') || null,
      queriedOn: queriedOn!,
      key,
    });
  }
  return { batch, rows, problems, simulated };
}
