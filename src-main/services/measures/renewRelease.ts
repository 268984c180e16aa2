import type { Db } from '../../db/connection';
import type { Selectable } from 'kysely';
import type { MeasuresTable } from '../../db/tables/inquiries';
import { ApiError, invalid } from '../../../src-shared/api/errors';
import type { AssetType } from '../../../src-shared/domain/assets';
import { appendEvent, type Actor } from '../../events/log';
import { getSettings } from '../settings/settings';
import { commitWithControlDocuments, withControlDocuments, type ControlCommitBase, type RenderHooks } from './controlDocuments';
import type { DocMeasure } from './documents';
import { addYears, termYears } from './terms';

// Renewal (续行查封/冻结) and release (解除). Both are allowed after closure: the 终本 group renews
// measures of archived cases (domain.md §8), and release is what happens when a case is paid or
// closed. Each produces its ruling and notices again through the documents engine.

type MeasureRow = Selectable<MeasuresTable> & { type: AssetType; institution: string; identifier: string; debtor: string; code: string | null };

function loadMeasures(db: Db, ids: number[]): MeasureRow[] {
  const unique = [...new Set(ids)];
  const rows = db.raw<MeasureRow>(
    `SELECT m.*, a.type, a.institution, a.identifier, p.name AS debtor, coalesce(p.id_number, p.credit_code) AS code
       FROM measures m JOIN assets a ON a.id = m.asset_id JOIN parties p ON p.id = a.party_id WHERE m.id IN (${unique.map(Number).join(',')})`,
  );
  for (const [i, id] of ids.entries()) if (!rows.some((r) => r.id === id)) throw new ApiError('not_found', `控制措施不存在（编号 ${id}）`, `measureIds.${i}`);
  if (unique.length !== ids.length) throw invalid('measureIds', '措施重复选择');
  return ids.map((id) => rows.find((r) => r.id === id)!);
}

/** The ruling that applied a measure (its printed number and date), for the renewal or release that names it. */
function originOf(db: Db, measureId: number): { number: string; issuedOn: string } | null {
  const r = db.raw<{ printed_number: string | null; number: string; issued_on: string }>(
    `SELECT d.printed_number, d.number, d.issued_on FROM measure_documents md JOIN documents d ON d.id = md.document_id
     WHERE md.measure_id = ? AND md.purpose = 'apply' AND d.kind = '执行裁定书' ORDER BY d.id LIMIT 1`,
    measureId,
  )[0];
  return r ? { number: r.printed_number ?? r.number, issuedOn: r.issued_on } : null;
}

const docMeasure = (m: MeasureRow, over: Partial<DocMeasure>): DocMeasure => ({
  key: m.id,
  caseId: m.case_id,
  assetType: m.type,
  institution: m.institution,
  identifier: m.identifier,
  debtor: m.debtor,
  debtorCode: m.code ?? '',
  action: m.action,
  amountFen: m.actual_fen ?? m.amount_fen,
  startOn: m.start_on,
  expiresOn: m.expires_on,
  years: null,
  ...over,
});

export interface RenewInput {
  measureIds: number[];
  on?: string | undefined;
}

export interface ReleaseInput {
  measureIds: number[];
  reason: string;
  item?: number | undefined;
  on?: string | undefined;
}

/** The renewals asked for, each with its new term; throws the first measure that cannot be renewed. */
function planRenewal(db: Db, today: string, input: RenewInput) {
  const on = input.on ?? today;
  if (on > today) throw invalid('on', '续行日期不能晚于今天');
  const settings = getSettings(db);
  return loadMeasures(db, input.measureIds).map((m, i) => {
    if (m.action === 'deduct') throw invalid(`measureIds.${i}`, '扣划无期限，不需要续行');
    if (m.status !== 'done' && m.status !== 'partial') throw new ApiError('conflict', `措施 ${m.id} 当前状态不能续行（须为已执行或部分执行）`, `measureIds.${i}`);
    if (m.ended_on !== null) throw new ApiError('conflict', `措施 ${m.id} 冻结的款项已于 ${m.ended_on} 全部扣划，冻结已终止，不需要续行`, `measureIds.${i}`);
    if (m.expires_on! < on) throw new ApiError('conflict', `措施 ${m.id} 已于 ${m.expires_on} 到期，不能续行（须重新查封、冻结）`, `measureIds.${i}`);
    const years = termYears(settings, m.type);
    return { m, years, on, from: m.expires_on!, to: addYears(m.expires_on!, years) };
  });
}

/** The releases asked for; throws the first measure that cannot be released. */
function planRelease(db: Db, today: string, input: ReleaseInput) {
  const on = input.on ?? today;
  if (on > today) throw invalid('on', '解除日期不能晚于今天');
  return loadMeasures(db, input.measureIds).map((m, i) => {
    if (m.action === 'deduct') throw invalid(`measureIds.${i}`, '扣划已完成，不能解除');
    if (m.status === 'released') throw new ApiError('conflict', `措施 ${m.id} 已于 ${m.released_on} 解除`, `measureIds.${i}`);
    if (m.status === 'refused') throw new ApiError('conflict', `措施 ${m.id} 未能执行，无需解除`, `measureIds.${i}`);
    if (m.ended_on !== null) throw new ApiError('conflict', `措施 ${m.id} 冻结的款项已于 ${m.ended_on} 全部扣划，冻结已终止，无需解除`, `measureIds.${i}`);
    const pending = db.raw(`SELECT 1 FROM measures WHERE from_measure_id = ? AND status = 'pending' LIMIT 1`, m.id)[0];
    if (pending) throw new ApiError('conflict', `措施 ${m.id} 有尚未反馈的扣划，须先登记扣划结果`, `measureIds.${i}`);
    return m;
  });
}

/** What the write worker needs to register a renewal: plain data (jobs/writeTasks.ts). */
export interface RenewalCommit extends ControlCommitBase {
  input: RenewInput;
  /** The new expiry dates the rulings were made for; planning again must give the same. */
  expected: string[];
}

/** Registers renewals with their rulings and notices in one transaction; returns the measure ids. */
export function commitRenewal(db: Db, c: RenewalCommit): number[] {
  return commitWithControlDocuments(db, c, 'renew', () => {
    const again = planRenewal(db, c.today, c.input);
    if (JSON.stringify(again.map((p) => p.to)) !== JSON.stringify(c.expected)) throw new ApiError('conflict', '措施在制作文书期间发生了变化，请重试');
    for (const p of again) {
      db.rawRun(`UPDATE measures SET expires_on = ?, renewals = renewals + 1 WHERE id = ?`, p.to, p.m.id);
      appendEvent(db, c.actor, c.at, { caseId: p.m.case_id, type: 'measure.renewed', onDate: p.on, payload: { measureId: p.m.id, action: p.m.action, assetId: p.m.asset_id, from: p.from, expiresOn: p.to } });
    }
    return { result: again.map((p) => p.m.id), measureIdOf: (key) => key };
  });
}

/** What the write worker needs to register a release: plain data (jobs/writeTasks.ts). */
export interface ReleaseCommit extends ControlCommitBase {
  input: ReleaseInput;
  /** The measures the rulings were made for; planning again must give the same. */
  expected: number[];
}

/** Registers releases with their rulings and notices in one transaction; returns the measure ids. */
export function commitRelease(db: Db, c: ReleaseCommit): number[] {
  return commitWithControlDocuments(db, c, 'release', () => {
    const again = planRelease(db, c.today, c.input);
    if (JSON.stringify(again.map((m) => m.id)) !== JSON.stringify(c.expected)) throw new ApiError('conflict', '措施在制作文书期间发生了变化，请重试');
    const on = c.input.on ?? c.today;
    for (const m of again) {
      db.run(db.q.updateTable('measures').set({ status: 'released', released_on: on, release_reason: c.input.reason }).where('id', '=', m.id));
      appendEvent(db, c.actor, c.at, { caseId: m.case_id, type: 'measure.released', onDate: on, payload: { measureId: m.id, action: m.action, assetId: m.asset_id, reason: c.input.reason } });
    }
    return { result: again.map((m) => m.id), measureIdOf: (key) => key };
  });
}

/**
 * Renews measures in force before they lapse: the new term runs from the old expiry for the same
 * statutory maximum (民诉法解释 2022 Art. 485 第二款: 续行期限不得超过前款规定的期限). The rulings
 * are rendered first; `commit` registers everything (on the write worker for the server).
 */
export async function renewMeasures(
  db: Db,
  dataDir: string,
  actor: Actor,
  at: Date,
  today: string,
  input: RenewInput,
  hooks: RenderHooks = {},
  commit: (c: RenewalCommit) => number[] | Promise<number[]> = (c) => commitRenewal(db, c),
): Promise<number[]> {
  const planned = planRenewal(db, today, input);
  const docs = planned.map((p) => docMeasure(p.m, { startOn: p.from, expiresOn: p.to, years: p.years, origin: originOf(db, p.m.id) }));
  return withControlDocuments(db, dataDir, today, docs, 'renew', hooks, (rendered) => commit({ dataDir, actor, at, today, input, expected: planned.map((p) => p.to), ...rendered }));
}

/** Releases freezes and seizures (查扣冻规定 Art. 28). A freeze with a deduction still pending cannot be released. */
export async function releaseMeasures(
  db: Db,
  dataDir: string,
  actor: Actor,
  at: Date,
  today: string,
  input: ReleaseInput,
  hooks: RenderHooks = {},
  commit: (c: ReleaseCommit) => number[] | Promise<number[]> = (c) => commitRelease(db, c),
): Promise<number[]> {
  const planned = planRelease(db, today, input);
  // The release ruling names the item of 查封规定 Art. 28 para. 1 (item 6, the court's own finding, when none is chosen).
  const docs = planned.map((m) => docMeasure(m, { releaseReason: input.reason, releaseItem: input.item ?? 6, origin: originOf(db, m.id) }));
  return withControlDocuments(db, dataDir, today, docs, 'release', hooks, (rendered) => commit({ dataDir, actor, at, today, input, expected: planned.map((m) => m.id), ...rendered }));
}
