import { ASSET_TYPES } from '../../../src-shared/domain/assets';
import { createInquiryBatch } from '../../services/inquiries/batches';
import { importFeedback } from '../../services/inquiries/feedbackImport';
import { requestRows, toCsv } from '../../services/inquiries/requestFile';
import { simulateFeedback } from '../feedbackSimulator';
import { REQUEST_COLUMNS } from '../../../src-shared/domain/inquiryFiles';
import type { CasePlan } from '../casePlan';
import { at, isOpen, type Pipeline } from './state';

// 网络查控: one query batch a day for the cases handed over (the command centre works in daily
// batches), and the feedback file of each batch imported a few days later. The feedback is made by
// the seeded simulator (demo/feedbackSimulator.ts), which marks every row as simulated; the plan
// decides per case whether property turns up, so the rest of the case's life follows from it.

export interface SentBatch {
  batchId: number;
  /** The cases asked about, and whether property turns up for each (a plan's, or a re-query round's draw). */
  cases: Pick<CasePlan, 'caseId' | 'found'>[];
}

export function createQueryBatch(p: Pipeline, date: string, plans: CasePlan[]): SentBatch | null {
  const open = plans.filter((c) => isOpen(p, c.caseId));
  if (open.length === 0) return null;
  const t = at(p, date, 40);
  const actor = p.ctx.rng.pick(p.staff.docsQuery);
  const batchId = createInquiryBatch(p.ctx.db, actor, t, date, { caseIds: open.map((c) => c.caseId), categories: [...ASSET_TYPES] });
  p.counts.inquiryBatches++;
  return { batchId, cases: open };
}

export async function importBatchFeedback(p: Pipeline, date: string, batch: SentBatch): Promise<void> {
  const request = requestRows(p.ctx.db, batch.batchId);
  const header = request[0]!;
  const caseCol = header.indexOf(REQUEST_COLUMNS.caseNumber);
  const found = new Set(batch.cases.filter((c) => c.found).map((c) => c.caseId));
  const numbers = new Map(p.ctx.db.raw<{ id: number; number: string }>(`SELECT id, number FROM cases WHERE id IN (${batch.cases.map(() => '?').join(',')})`, ...batch.cases.map((c) => c.caseId)).map((r) => [r.number, r.id]));
  const rows = request.slice(1);
  const withFindings = rows.filter((r) => found.has(numbers.get(r[caseCol]!)!));
  const nothing = rows.filter((r) => !found.has(numbers.get(r[caseCol]!)!));
  const seed = p.ctx.rng.u32();
  const out: string[][] = [];
  for (const [group, nothingRate] of [[withFindings, 0], [nothing, 1]] as const) {
    if (group.length === 0) continue;
    const sim = simulateFeedback([header, ...group], { seed: seed + nothingRate, queriedOn: date, nothingRate, maxFindings: 2, deposits: true });
    out.push(...(out.length === 0 ? sim : sim.slice(1)));
  }
  const t = at(p, date, 330);
  const actor = p.ctx.rng.pick(p.staff.docsQuery);
  const number = p.ctx.db.raw<{ number: string }>('SELECT number FROM inquiry_batches WHERE id = ?', batch.batchId)[0]!.number;
  await importFeedback(p.ctx.db, actor, t, date, { fileName: `${number}反馈（模拟）.csv`, content: Buffer.from(toCsv(out), 'utf8'), batchId: batch.batchId });
  p.counts.feedbackImports++;
}
