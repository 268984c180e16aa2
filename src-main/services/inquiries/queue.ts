import type { Db } from '../../db/connection';
import type { z } from 'zod';
import type { inquiryQueueRow } from '../../../src-shared/api/methods/inquiries';
import type { CaseStage } from '../../../src-shared/domain/stages';
import { getSettings } from '../settings/settings';
import { ruleAmount } from '../../../src-shared/domain/deadlineRules';
import { scopeSql, type CaseScope } from '../auth/scope';

export type QueueRow = z.output<typeof inquiryQueueRow>;

// The query queue: cases handed to the query staff (stage 'query') that have not had their first
// online query. The clock runs from the moment the case entered 'query' (Kailu: query started
// ≤ 24 h after the file reaches the query staff, seeds/003; deadline rule 'firstQuery'). Clock hours, not
// working hours: whether the 24 h pause over weekends is unknown (domain.md §9.10).

export function inquiryQueue(db: Db, now: Date, input: { text?: string | undefined; offset: number; limit: number }, scope: CaseScope): { rows: QueueRow[]; total: number } {
  const hours = ruleAmount(getSettings(db).deadlineRules, 'firstQuery').amount;
  const narrow = scopeSql(scope);
  const where = [`c.stage = 'query'${narrow.sql}`, `NOT EXISTS (SELECT 1 FROM inquiry_targets t WHERE t.case_id = c.id)`];
  const params: unknown[] = [...narrow.params];
  if (input.text) {
    const t = input.text.normalize('NFKC').replace(/\s+/g, '').toUpperCase().replace(/\(/g, '（').replace(/\)/g, '）');
    where.push(`c.search_text LIKE ? ESCAPE '\\'`);
    params.push(`%${t.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  }
  const base = `FROM cases c WHERE ${where.join(' AND ')}`;
  const total = db.raw<{ n: number }>(`SELECT count(*) AS n ${base}`, ...params)[0]!.n;
  const rows = db.raw<{
    id: number;
    number: string;
    type: string;
    stage: string;
    filed_on: string;
    applicant_names: string;
    debtor_names: string;
    claim_fen: number;
    created_at: string;
    queued_at: string | null;
    debtor_count: number;
  }>(
    `SELECT c.id, c.number, c.type, c.stage, c.filed_on, c.applicant_names, c.debtor_names, c.claim_fen, c.created_at,
            (SELECT max(e.at) FROM case_events e WHERE e.case_id = c.id AND e.type = 'case.stageChanged' AND json_extract(e.payload, '$.to') = 'query') AS queued_at,
            (SELECT count(*) FROM parties p WHERE p.case_id = c.id AND p.role = 'debtor') AS debtor_count
       ${base}
      ORDER BY coalesce(queued_at, c.created_at), c.id
      LIMIT ? OFFSET ?`,
    ...params,
    input.limit,
    input.offset,
  );
  return {
    total,
    rows: rows.map((r) => {
      const queuedAt = r.queued_at ?? r.created_at;
      const due = new Date(new Date(queuedAt).getTime() + hours * 3600_000);
      const msLeft = due.getTime() - now.getTime();
      return {
        caseId: r.id,
        number: r.number,
        type: r.type,
        stage: r.stage as CaseStage,
        filedOn: r.filed_on,
        applicants: r.applicant_names,
        debtors: r.debtor_names,
        debtorCount: r.debtor_count,
        claimFen: r.claim_fen,
        queuedAt,
        dueAt: due.toISOString(),
        hoursLeft: Math.trunc(msLeft / 3600_000),
        overdue: msLeft < 0,
      };
    }),
  };
}
