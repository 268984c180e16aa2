import type { Db } from '../../db/connection';
import { appendEvent, type Actor } from '../../events/log';
import { ApiError } from '../../../src-shared/api/errors';
import { UploadFormatError, UploadLimitError } from '../../../src-shared/domain/uploadLimits';
import { verifyCityContained } from '../uploads/contained';
import type { Problem, VerifiedSet } from './verify';

// city.import: one upload may hold the file sets of several courts; each set is found by its
// manifest (<court>_<period>_manifest.json), verified, and recorded — rejected sets too, so the
// city clerk sees what came in and why it was refused. The files are read and verified in the
// upload worker (services/uploads), within its limits; all rows are written in one transaction.

export async function importCourtFiles(db: Db, actor: Actor, at: Date, files: { name: string; dataBase64: string | Uint8Array }[]) {
  const names = new Set<string>();
  for (const [i, f] of files.entries()) {
    if (names.has(f.name)) throw new ApiError('invalid_input', `文件 ${f.name} 重复`, `files.${i}.name`);
    names.add(f.name);
  }
  if (![...names].some((n) => /manifest\.json$/i.test(n))) throw new ApiError('invalid_input', '所选文件中没有 manifest（*_manifest.json），无法核对', 'files');
  let sets: VerifiedSet[];
  try {
    sets = await verifyCityContained(files.map((f) => ({ name: f.name, content: f.dataBase64 })));
  } catch (e) {
    if (e instanceof UploadLimitError || e instanceof UploadFormatError) throw new ApiError('invalid_input', e.message, 'files');
    throw e;
  }
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
