import type { Db } from '../../db/connection';
import type { z } from 'zod';
import type { assetView } from '../../../src-shared/api/methods/inquiries';
import { ASSET_TYPE_LABELS, type AssetType } from '../../../src-shared/domain/assets';
import type { CaseStage } from '../../../src-shared/domain/stages';
import { getSettings } from '../settings/settings';
import { HELD_CTE } from '../measures/amounts';
import { ruleAmount } from '../../../src-shared/domain/deadlineRules';
import { scopeSql, type CaseScope } from '../auth/scope';

export type AssetView = z.output<typeof assetView>;

// The asset register (财产清单): every asset the queries found, with what our own measures hold on
// it and what the case still needs. The control clock (Kailu: measures ≤ 24 h after the feedback,
// seeds/003; deadline rule 'control') shows on assets no measure has touched yet.

export interface AssetFilter {
  caseId?: number | undefined;
  caseIds?: number[] | undefined;
  batchId?: number | undefined;
  type?: AssetType | undefined;
  controllable: boolean;
  text?: string | undefined;
  foundFrom?: string | undefined;
  offset: number;
  limit: number;
}

export function listAssets(db: Db, f: AssetFilter, scope: CaseScope): { rows: AssetView[]; total: number } {
  const { sql, params } = assetsSql(f, scope);
  const total = db.raw<{ n: number }>(`SELECT count(*) AS n FROM (${sql})`, ...params)[0]!.n;
  const rows = db.raw<Record<string, unknown>>(`${sql} ORDER BY a.found_at, a.case_id, a.id LIMIT ? OFFSET ?`, ...params, f.limit, f.offset);
  const toView = assetViewOf(db);
  return { total, rows: rows.map(toView) };
}

/** The register's query (narrowed to the scope and the filter), unordered: the assets grid pages over it too. */
export function assetsSql(f: Omit<AssetFilter, 'offset' | 'limit'>, scope: CaseScope): { sql: string; params: unknown[] } {
  const narrow = scopeSql(scope);
  const where: string[] = [`1${narrow.sql}`];
  const params: unknown[] = [...narrow.params];
  if (f.caseId !== undefined) {
    where.push('a.case_id = ?');
    params.push(f.caseId);
  }
  if (f.caseIds) where.push(`a.case_id IN (${f.caseIds.length ? f.caseIds.map(Number).join(',') : '-1'})`);
  if (f.batchId !== undefined) {
    where.push('a.source_batch_id = ?');
    params.push(f.batchId);
  }
  if (f.type) {
    where.push('a.type = ?');
    params.push(f.type);
  }
  if (f.foundFrom) {
    where.push('a.found_on >= ?');
    params.push(f.foundFrom);
  }
  if (f.text) {
    const t = f.text.normalize('NFKC').replace(/\s+/g, '').toUpperCase().replace(/\(/g, '（').replace(/\)/g, '）');
    const like = `%${t.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(`(c.search_text LIKE ? ESCAPE '\\' OR a.institution LIKE ? ESCAPE '\\' OR a.identifier LIKE ? ESCAPE '\\')`);
    params.push(like, like, like);
  }
  if (f.controllable) {
    where.push(`c.stage NOT IN ('closed','archived')`);
    // Something left to do: room to freeze/seize under the claim, or frozen money to deduct. An
    // account whose frozen money was all deducted (the freeze ended) is not offered again.
    where.push(`(x.outstanding > 0 AND x.drained = 0 AND (a.type IN ('realEstate','vehicle') AND x.active = 0 OR a.type NOT IN ('realEstate','vehicle')) OR x.deductible > 0)`);
  }
  const sql = `WITH ${HELD_CTE},
    per_asset AS (
      SELECT asset_id, SUM(held_fen) AS controlled, count(*) AS active,
             SUM(CASE WHEN action = 'freeze' AND status <> 'pending' THEN max(held_fen - deducting_fen, 0) ELSE 0 END) AS deductible
        FROM held GROUP BY asset_id),
    per_case AS (SELECT case_id, SUM(held_fen) AS controlled FROM held GROUP BY case_id),
    money AS (
      SELECT e.case_id, SUM(CASE e.kind WHEN 'receipt' THEN e.amount_fen WHEN 'refund' THEN -e.amount_fen ELSE 0 END) AS recovered
        FROM ledger_entries e WHERE e.kind IN ('receipt','refund') AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = e.id)
       GROUP BY e.case_id),
    x AS (
      SELECT a.id AS asset_id,
             coalesce(pa.controlled, 0) AS controlled, coalesce(pa.active, 0) AS active, coalesce(pa.deductible, 0) AS deductible,
             max(c.claim_fen - coalesce(m.recovered, 0) - coalesce(pc.controlled, 0), 0) AS outstanding,
             (SELECT coalesce(SUM(d.actual_fen), 0) FROM measures d WHERE d.asset_id = a.id AND d.action = 'deduct' AND d.status IN ('done','partial')) AS deducted,
             EXISTS (SELECT 1 FROM measures mm WHERE mm.asset_id = a.id) AS touched,
             EXISTS (SELECT 1 FROM measures me WHERE me.asset_id = a.id AND me.ended_on IS NOT NULL) AS drained
        FROM assets a JOIN cases c ON c.id = a.case_id
        LEFT JOIN per_asset pa ON pa.asset_id = a.id
        LEFT JOIN per_case pc ON pc.case_id = a.case_id
        LEFT JOIN money m ON m.case_id = a.case_id)
    SELECT a.*, c.number AS case_number, c.stage AS case_stage, p.name AS debtor, b.number AS batch_number,
           x.controlled, x.active, x.deductible, x.outstanding, x.deducted, x.touched
      FROM assets a JOIN cases c ON c.id = a.case_id JOIN parties p ON p.id = a.party_id JOIN x ON x.asset_id = a.id
      LEFT JOIN inquiry_batches b ON b.id = a.source_batch_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return { sql, params };
}

/** A row of assetsSql as the API answers it. */
export function assetViewOf(db: Db): (r: Record<string, unknown>) => AssetView {
  const hours = ruleAmount(getSettings(db).deadlineRules, 'control').amount;
  return (r) => {
      const type = r.type as AssetType;
      return {
        id: r.id as number,
        caseId: r.case_id as number,
        caseNumber: r.case_number as string,
        caseStage: r.case_stage as CaseStage,
        partyId: r.party_id as number,
        debtor: r.debtor as string,
        type,
        typeLabel: ASSET_TYPE_LABELS[type],
        institution: r.institution as string,
        identifier: r.identifier as string,
        valueFen: (r.value_fen as number | null) ?? null,
        otherFrozenFen: r.other_frozen_fen as number,
        otherFrozenNote: (r.other_frozen_note as string | null) ?? null,
        foundOn: r.found_on as string,
        sourceBatchId: (r.source_batch_id as number | null) ?? null,
        sourceBatchNumber: (r.batch_number as string | null) ?? null,
        controlledFen: r.controlled as number,
        deductedFen: r.deducted as number,
        frozenAvailableFen: r.deductible as number,
        activeMeasures: r.active as number,
        caseOutstandingFen: r.outstanding as number,
        controlDueAt: r.touched ? null : new Date(new Date(r.found_at as string).getTime() + hours * 3600_000).toISOString(),
        simulated: r.simulated === 1,
      };
  };
}
