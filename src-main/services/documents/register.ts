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

/** The current (not superseded) document of a kind on a case (for a per-recipient kind: to that party), if any. */
export function currentDocument(db: Db, caseId: number, kind: string, partyId: number | null = null): { id: number; version: number; number: string; printed_number: string | null } | undefined {
  // Plain SQL (a cached prepared statement): a 1,000-case batch asks this 6,000 times inside its
  // register transaction, where building the query each time showed.
  return db.raw<{ id: number; version: number; number: string; printed_number: string | null }>(
    "SELECT id, version, number, printed_number FROM documents WHERE case_id = ? AND kind = ? AND status = 'current' AND party_id IS ? ORDER BY id DESC LIMIT 1",
    caseId,
    kind,
    partyId,
  )[0];
}

/**
 * The numbers of a case's next process rulings: its rulings after the first are numbered
 * （2026）内0523执1号之一, 之二 … in the order made (court practice; the closing ruling — 终本, 终结 —
 * carries the case number itself). The register keeps its own number as well (2026文000123).
 */
export function nextSubRulingNumbers(db: Db, caseId: number, caseNumber: string, count: number): string[] {
  const used = db.raw<{ n: number }>("SELECT count(DISTINCT printed_number) AS n FROM documents WHERE case_id = ? AND kind = '执行裁定书' AND printed_number LIKE '%号之%'", caseId)[0]!.n;
  return Array.from({ length: count }, (_, i) => `${caseNumber}之${cnOrdinal(used + i + 1)}`);
}

function cnOrdinal(n: number): string {
  const d = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n]!;
  if (n < 100) return `${n >= 20 ? d[Math.floor(n / 10)] : ''}十${n % 10 ? d[n % 10] : ''}`;
  return String(n).replace(/\d/g, (x) => d[Number(x)]!);
}
