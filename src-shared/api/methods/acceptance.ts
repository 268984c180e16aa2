import { z } from 'zod';
import { defineMethods } from '../contract';
import { seen } from '../caseVersions';
import { id } from '../common';
import type { DocumentKind } from '../../domain/documentKinds';

/**
 * What the filing window hands the applicant with the new case (domain.md §5): the 执行案件受理通知书
 * (2014 立案意见 Art. 2) and the 执行风险告知书 (risk of 执行不能, duty to give clues, 终本).
 */
export const ACCEPTANCE_SET: readonly DocumentKind[] = ['执行案件受理通知书', '执行风险告知书'];

export const acceptanceMethods = defineMethods({
  'documents.printAcceptance': {
    summary: '立案后一次制作受理文书（执行案件受理通知书、执行风险告知书）并合并为一个打印文件；已制作的不重做',
    input: z.object({ seen, caseId: id }),
    output: z.object({ opened: z.string() }),
    access: ['window', 'docsQuery'],
    cases: { ids: { caseId: 'case' } },
    errors: ['not_found', 'conflict', 'read_only'],
    writes: true,
    versions: 'seen',
  },
});
