import type { Db } from '../../db/connection';
import type { Projection } from '../../events/projection';

// The quick-search index of the register (migration 002) as a projection: when a case is filed, its
// search text goes into the trigram index `cases_fts` (3+ characters: numbers, full names, ID
// numbers) and every 1- and 2-character piece of its party names into `case_grams` (a surname, 商贸).
// The register's search text and names never change after filing, so filing is the only event.
// v1: the pieces the SQL triggers of migration 002 cut, now cut here.

const SEPARATORS = new Set(['、', ' ']);
/** Longest name text indexed (the positions table of migration 002 went to 10,000 characters). */
const MAX_CHARS = 10_000;

/** The 1- and 2-character pieces of the party names, upper-cased as SQLite's upper() does (ASCII only). */
export function nameGrams(applicantNames: string, debtorNames: string): Set<string> {
  const chars = [...`${applicantNames}、${debtorNames}`.replace(/[a-z]/g, (c) => c.toUpperCase())].slice(0, MAX_CHARS);
  const out = new Set<string>();
  chars.forEach((c, i) => {
    if (SEPARATORS.has(c)) return;
    out.add(c);
    const next = chars[i + 1];
    if (next !== undefined && !SEPARATORS.has(next)) out.add(c + next);
  });
  return out;
}

type Row = { id: number; search_text: string; applicant_names: string; debtor_names: string };


function addGrams(db: Db, rows: readonly Row[]): void {
  for (const r of rows) for (const g of nameGrams(r.applicant_names, r.debtor_names)) db.rawRun('INSERT OR IGNORE INTO case_grams (gram, case_id) VALUES (?, ?)', g, r.id);
}

export const caseSearch: Projection = {
  name: 'caseSearch',
  label: '案件快速检索索引',
  version: 1,
  types: ['case.filed', 'case.migrated'],
  // The index is rebuilt whole, in one transaction: a search never sees half of it.
  chunk: 'whole',
  // A case has exactly one filing event (case.filed, or case.migrated for a paper-era case).
  apply(db, e) {
    const r = db.raw<Row>('SELECT id, search_text, applicant_names, debtor_names FROM cases WHERE id = ?', e.caseId)[0];
    if (!r) return;
    db.rawRun('INSERT INTO cases_fts (rowid, search_text) VALUES (?, ?)', r.id, r.search_text);
    addGrams(db, [r]);
  },
  // FTS5 re-reads every case's search text itself ('rebuild'); the name pieces are cut again here.
  rebuild(db) {
    db.sqlite.exec(`INSERT INTO cases_fts (cases_fts) VALUES ('rebuild'); DELETE FROM case_grams;`);
    let last = 0;
    for (;;) {
      const rows = db.raw<Row>('SELECT id, search_text, applicant_names, debtor_names FROM cases WHERE id > ? ORDER BY id LIMIT 5000', last);
      if (rows.length === 0) break;
      addGrams(db, rows);
      last = rows[rows.length - 1]!.id;
    }
  },
};
