import type { Db } from '../../db/connection';
import { sql } from 'kysely';
import { inScope, type CaseScope } from '../auth/scope';

// The archive register (终本库) as the 终本 group reads it: one row per 终本 case with its file
// location, scan status, re-query clock, review and resumption link. Paged in SQL.

export interface ArchiveFilter {
  text?: string | undefined;
  status?: 'active' | 'resumed' | 'finished' | undefined;
  reviewStatus?: 'pending' | 'pass' | 'fail' | undefined;
  scanStatus?: 'pending' | 'scanned' | 'bound' | undefined;
  terminatedFrom?: string | undefined;
  terminatedTo?: string | undefined;
}

/** The columns a register row is read from (the grid selects the same). */
export interface ArchiveDbRow {
  case_id: number;
  number: string;
  applicant_names: string;
  debtor_names: string;
  claim_fen: number;
  terminated_on: string;
  requery_until: string;
  next_requery_on: string | null;
  rounds_done: number;
  last_requery_on: string | null;
  last_result: 'found' | 'nothing' | null;
  room: string | null;
  shelf: string | null;
  box: string | null;
  scan_status: 'pending' | 'scanned' | 'bound';
  review_status: 'pending' | 'pass' | 'fail';
  review_reasons: string;
  resumed_case_id: number | null;
  resumed_number: string | null;
  unpaid_fen: number | null;
  recovered_fen: number | null;
  ruling_number: string | null;
}

export function listArchive(db: Db, input: { filter: ArchiveFilter; offset: number; limit: number }, scope: CaseScope) {
  const f = input.filter;
  let q = db.q
    .selectFrom('archive_entries as a')
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .leftJoin('closures as cl', 'cl.case_id', 'a.case_id')
    .leftJoin('cases as r', 'r.id', 'a.resumed_case_id')
    .where(inScope(scope));
  if (f.text) {
    const t = f.text.normalize('NFKC').replace(/\s+/g, '').toUpperCase().replace(/\(/g, '（').replace(/\)/g, '）');
    q = q.where(sql<boolean>`c.search_text LIKE ${`%${t.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`} ESCAPE '\\'`);
  }
  if (f.status === 'resumed') q = q.where('a.resumed_case_id', 'is not', null);
  if (f.status === 'active') q = q.where('a.resumed_case_id', 'is', null).where('a.next_requery_on', 'is not', null);
  if (f.status === 'finished') q = q.where('a.resumed_case_id', 'is', null).where('a.next_requery_on', 'is', null);
  if (f.reviewStatus) q = q.where('a.review_status', '=', f.reviewStatus);
  if (f.scanStatus) q = q.where('a.scan_status', '=', f.scanStatus);
  if (f.terminatedFrom) q = q.where('a.terminated_on', '>=', f.terminatedFrom);
  if (f.terminatedTo) q = q.where('a.terminated_on', '<=', f.terminatedTo);
  const total = Number(db.get(q.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0);
  const rows = db.all(
    q
      .select([
        'a.case_id',
        'c.number',
        'c.applicant_names',
        'c.debtor_names',
        'c.claim_fen',
        'a.terminated_on',
        'a.requery_until',
        'a.next_requery_on',
        'a.rounds_done',
        'a.last_requery_on',
        'a.last_result',
        'a.room',
        'a.shelf',
        'a.box',
        'a.scan_status',
        'a.review_status',
        'a.review_reasons',
        'a.resumed_case_id',
        'r.number as resumed_number',
        'cl.unpaid_fen',
        'cl.recovered_fen',
        'cl.ruling_number',
      ])
      .orderBy('a.terminated_on', 'desc')
      .orderBy('a.case_id', 'desc')
      .limit(input.limit)
      .offset(input.offset),
  );
  return { total, rows: rows.map(archiveRowOf) };
}

/** One register row as the API answers it (also the 终本库 grid's, services/grids). */
export function archiveRowOf(r: ArchiveDbRow) {
  return {
    caseId: r.case_id,
    number: r.number,
    applicants: r.applicant_names,
    debtors: r.debtor_names,
    claimFen: r.claim_fen,
    recoveredFen: r.recovered_fen ?? 0,
    unpaidFen: r.unpaid_fen ?? r.claim_fen,
    rulingNumber: r.ruling_number ?? null,
    terminatedOn: r.terminated_on,
    requeryUntil: r.requery_until,
    nextRequeryOn: r.next_requery_on,
    roundsDone: r.rounds_done,
    lastRequeryOn: r.last_requery_on,
    lastResult: r.last_result,
    room: r.room,
    shelf: r.shelf,
    box: r.box,
    scanStatus: r.scan_status,
    reviewStatus: r.review_status,
    reviewReasons: JSON.parse(r.review_reasons) as string[],
    resumedCaseId: r.resumed_case_id,
    resumedNumber: r.resumed_number ?? null,
  };
}

