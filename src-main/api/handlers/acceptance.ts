import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineHandlers } from '../registry';
import { actorOf, FileResponse } from '../context';
import { ApiError } from '../../../src-shared/api/errors';
import { ACCEPTANCE_SET } from '../../../src-shared/api/methods/acceptance';
import { generateForCase } from '../../services/documents/adHoc';
import { currentDocument } from '../../services/documents/register';
import { absPath, safeName } from '../../services/documents/storage';
import { concatPdfkitFiles } from '../../services/documents/pdfConcat';

export const handlers = defineHandlers({
  // The window's one button after filing: each document of the set is made unless the case has it
  // (a second press prints the same documents again), then their PDFs become one print file.
  'documents.printAcceptance': async ({ caseId }, ctx) => {
    const { app } = ctx;
    const ids: number[] = [];
    for (const kind of ACCEPTANCE_SET) {
      const current = currentDocument(app.db, caseId, kind);
      if (current) ids.push(current.id);
      else ids.push(...(await generateForCase(app, actorOf(ctx), { caseId, kind })));
    }
    const rows = ids.map((id) => app.db.get(app.db.q.selectFrom('documents as d').innerJoin('cases as c', 'c.id', 'd.case_id').select(['d.pdf_path', 'c.number']).where('d.id', '=', id))!);
    const caseNumber = rows[0]!.number;
    // Outside the documents folder: the print file is a copy for the printer, not a registered document.
    const dir = join(tmpdir(), 'zhixing-print');
    mkdirSync(dir, { recursive: true });
    const out = join(dir, `${caseId}-${Date.now()}.pdf`);
    const pages = concatPdfkitFiles(
      rows.map((r) => absPath(app.dataDir, r.pdf_path)),
      out,
      `${caseNumber} 受理文书`,
    );
    if (pages === null) throw new ApiError('conflict', '受理文书已制作，但未能合并为一个打印文件：请在案件的“文书”页分别打印');
    return new FileResponse(out, `${safeName(caseNumber)}-受理文书.pdf`, 'application/pdf');
  },
});
