import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Db } from '../../db/connection';

// Where document files live under the data folder, and the crash-safety rules for them:
//   documents/<year>/<case number>/<kind>-<register number>.{docx,pdf}   the register's files
//   documents/batches/<year>/<batch number>.pdf                          a batch's print file
//   documents/.staging/<batch id>/…                                      files being rendered
// A batch renders into its staging folder and renames the files into place inside the transaction
// that registers them. Anything left in .staging, or a file in place that no register row names,
// is the remains of a cancelled or killed batch and is removed by cleanOrphans().

export const DOCUMENTS_DIR = 'documents';

export function documentsRoot(dataDir: string): string {
  return join(dataDir, DOCUMENTS_DIR);
}

export function stagingDir(dataDir: string, batchId: string): string {
  return join(documentsRoot(dataDir), '.staging', batchId);
}

/** Characters Windows refuses in file names (案号 use full-width brackets, which are fine). */
export function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '_');
}

export function documentRelPath(year: number, caseNumber: string, kind: string, number: string, ext: 'docx' | 'pdf'): string {
  return [DOCUMENTS_DIR, String(year), safeName(caseNumber), `${safeName(kind)}-${safeName(number)}.${ext}`].join('/');
}

export function batchPrintRelPath(year: number, batchNumber: string): string {
  return [DOCUMENTS_DIR, 'batches', String(year), `${safeName(batchNumber)}.pdf`].join('/');
}

export function absPath(dataDir: string, rel: string): string {
  return join(dataDir, ...rel.split('/'));
}

/** Moves staged files into place, remembering what was moved so a failed commit can undo it. */
export class FileMoves {
  private readonly done: { from: string; to: string }[] = [];
  private readonly dirs = new Set<string>();

  move(from: string, to: string): void {
    if (existsSync(to)) throw new Error(`目标文件已存在：${to}`);
    const dir = dirname(to);
    if (!this.dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.dirs.add(dir);
    }
    renameSync(from, to);
    this.done.push({ from, to });
  }

  /** After a rollback: the register does not name these files, so they must not stay in place. */
  undo(): void {
    for (const m of this.done.reverse()) {
      try {
        unlinkSync(m.to);
      } catch {
        /* already gone */
      }
    }
    this.done.length = 0;
  }
}

const active = new Set<string>();

/** Marks a batch's staging folder as in use (a running job) so cleanOrphans leaves it alone. */
export function holdStaging(batchId: string): () => void {
  active.add(batchId);
  return () => active.delete(batchId);
}

/** Removes the staging folders of batches not running (a batch killed mid-way left its own). */
export function removeStaleStaging(dataDir: string): number {
  const staging = join(documentsRoot(dataDir), '.staging');
  if (!existsSync(staging)) return 0;
  let removed = 0;
  for (const name of readdirSync(staging)) {
    if (active.has(name)) continue;
    rmSync(join(staging, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/**
 * Removes the remains of batches that never committed: staging folders of batches not running, and
 * files under documents/ that the register does not name. Run at start-up and on first use after
 * it, never while a registration may be under way: a commit on the write worker puts its files in
 * place before its rows are visible here, and this walk would take them for orphans.
 */
export function cleanOrphans(db: Db, dataDir: string): { stagingRemoved: number; filesRemoved: number } {
  const root = documentsRoot(dataDir);
  const staging = join(root, '.staging');
  const stagingRemoved = removeStaleStaging(dataDir);
  let filesRemoved = 0;
  if (!existsSync(root)) return { stagingRemoved, filesRemoved };
  const known = new Set<string>();
  for (const r of db.raw<{ p: string }>("SELECT docx_path AS p FROM documents UNION ALL SELECT pdf_path FROM documents UNION ALL SELECT print_path FROM document_batches WHERE print_path IS NOT NULL")) known.add(r.p);
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (full === staging) continue;
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const rel = relative(dataDir, full).split(sep).join('/');
      if (!known.has(rel)) {
        unlinkSync(full);
        filesRemoved++;
      }
    }
  };
  walk(root);
  return { stagingRemoved, filesRemoved };
}
