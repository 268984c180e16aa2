import type { CaseData } from '../caseData';
import { genericModel } from './generic';
import { names } from './common';
import type { Template } from './types';

// 结案通知书: the frame only; the domain that issues it supplies the findings and orders (domain.md §5).
export const template: Template = {
  kind: '结案通知书',
  addressee: 'applicant',
  summary: '结案通知书（正文由相应环节提供）',
  batchable: false,
  build: (c: CaseData) => genericModel(c, '结案通知书', '结案通知书', names(c.applicants)),
};
