import type { Db } from '../../db/connection';

// Register numbers: per calendar year, gap-free inside the committing transaction (like case serials,
// services/cases/serials.ts). Documents: 2026文000123; batches: 2026批0007.

function next(db: Db, year: number, scope: 'document' | 'batch'): number {
  return db.raw<{ last_serial: number }>(
    `INSERT INTO document_serials (year, scope, last_serial) VALUES (?, ?, 1)
     ON CONFLICT (year, scope) DO UPDATE SET last_serial = last_serial + 1 RETURNING last_serial`,
    year,
    scope,
  )[0]!.last_serial;
}

export function nextDocumentNumber(db: Db, year: number): string {
  return `${year}文${String(next(db, year, 'document')).padStart(6, '0')}`;
}

export function nextBatchNumber(db: Db, year: number): string {
  return `${year}批${String(next(db, year, 'batch')).padStart(4, '0')}`;
}

/** The current (not superseded) document of a kind on a case, if any. */
export function currentDocument(db: Db, caseId: number, kind: string): { id: number; version: number; number: string } | undefined {
  // Plain SQL (a cached prepared statement): a 1,000-case batch asks this 6,000 times inside its
  // register transaction, where building the query each time showed.
  return db.raw<{ id: number; version: number; number: string }>("SELECT id, version, number FROM documents WHERE case_id = ? AND kind = ? AND status = 'current' ORDER BY id DESC LIMIT 1", caseId, kind)[0];
}
