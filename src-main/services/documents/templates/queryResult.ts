import type { CaseData } from '../caseData';
import { genericModel } from './generic';
import { names } from './common';
import type { Template } from './types';

// 查询结果告知书: the frame only; the domain that issues it supplies the findings and orders (domain.md §5).
export const template: Template = {
  kind: '查询结果告知书',
  addressee: 'applicant',
  summary: '查询结果告知书（正文由相应环节提供）',
  batchable: false,
  build: (c: CaseData) => genericModel(c, '查询结果告知书', '财产调查结果告知书', names(c.applicants)),
};
