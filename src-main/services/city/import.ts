import type { Db } from '../../db/connection';
import { appendEvent, type Actor } from '../../events/log';
import { ApiError } from '../../../src-shared/api/errors';
import { verifySet, type Problem, type VerifiedSet } from './verify';

// city.import: one upload may hold the file sets of several courts; each set is found by its
// manifest (<court>_<period>_manifest.json), verified, and recorded — rejected sets too, so the
// city clerk sees what came in and why it was refused. All rows in one transaction.

export function importCourtFiles(db: Db, actor: Actor, at: Date, files: { name: string; dataBase64: string }[]) {
  const byName = new Map<string, Buffer>();
  for (const [i, f] of files.entries()) {
    if (byName.has(f.name)) throw new ApiError('invalid_input', `文件 ${f.name} 重复`, `files.${i}.name`);
    byName.set(f.name, Buffer.from(f.dataBase64, 'base64'));
  }
  const manifests = [...byName.keys()].filter((n) => /manifest\.json$/i.test(n)).sort();
  if (manifests.length === 0) throw new ApiError('invalid_input', '所选文件中没有 manifest（*_manifest.json），无法核对', 'files');
  const sets: VerifiedSet[] = manifests.map((n) => verifySet(n, byName.get(n)!, byName));
  return db.tx(() =>
    sets.map((s) => {
      const importId = db.run(
        db.q.insertInto('city_imports').values({
          court_code: s.courtCode,
          court_name: s.courtName,
          period_code: s.periodCode,
          status: s.status,
          problems: JSON.stringify(s.problems),
          figures: JSON.stringify(s.figures),
          detail: JSON.stringify(s.doc ? { period: s.doc.period, settings: s.doc.settings, cases: s.doc.detail.cases, receipts: s.doc.detail.receipts } : null),
          manifest_sha256: s.manifestSha256,
          imported_at: at.toISOString(),
          imported_by: actor.name,
        }),
      ).lastInsertRowid;
      appendEvent(db, actor, at, { caseId: null, type: 'city.imported', payload: { importId, courtCode: s.courtCode, periodCode: s.periodCode, status: s.status, problems: s.problems.length } });
      return { importId, courtCode: s.courtCode, courtName: s.courtName, periodCode: s.periodCode, status: s.status, problems: s.problems };
    }),
  );
}

export function listImports(db: Db, periodCode?: string) {
  let q = db.q.selectFrom('city_imports').select(['id', 'court_code', 'court_name', 'period_code', 'status', 'problems', 'imported_at', 'imported_by']).orderBy('id', 'desc');
  if (periodCode) q = q.where('period_code', '=', periodCode);
  return db.all(q).map((r) => ({
    importId: r.id,
    courtCode: r.court_code,
    courtName: r.court_name,
    periodCode: r.period_code,
    status: r.status,
    problems: JSON.parse(r.problems) as Problem[],
    importedAt: r.imported_at,
    importedBy: r.imported_by,
  }));
}
