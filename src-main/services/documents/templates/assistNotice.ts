import type { CaseData } from '../caseData';
import { genericModel } from './generic';
import type { Template } from './types';

// 协助执行通知书: the frame only; the domain that issues it supplies the findings and orders (domain.md §5).
export const template: Template = {
  kind: '协助执行通知书',
  addressee: 'third',
  summary: '协助执行通知书（正文由相应环节提供）',
  batchable: false,
  build: (c: CaseData) => genericModel(c, '协助执行通知书', '协助执行通知书', '（协助执行单位）'),
};
