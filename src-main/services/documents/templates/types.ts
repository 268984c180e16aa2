import type { CaseData } from '../caseData';
import type { DocModel } from '../model';
import type { DocumentKind } from '../../../../src-shared/domain/documentKinds';

/** One template: a pure function from the case's data to the document model. */
export interface Template {
  kind: DocumentKind;
  /** Who the document is addressed to (the 送达回证 and the service register read it). */
  addressee: 'debtor' | 'applicant' | 'third' | 'file';
  summary: string;
  /** False for documents another domain makes with its own content (rulings, notices to assist). */
  batchable?: boolean;
  build(c: CaseData): DocModel;
}
