import type { CaseData } from '../caseData';
import { genericModel, parties } from './generic';
import type { Template } from './types';

// 执行裁定书: the frame only; the domain that issues it supplies the findings and orders (domain.md §5).
export const template: Template = {
  kind: '执行裁定书',
  addressee: 'debtor',
  summary: '执行裁定书（正文由相应环节提供）',
  batchable: false,
  build: (c: CaseData) => genericModel(c, '执行裁定书', '执行裁定书', parties(c)),
};
