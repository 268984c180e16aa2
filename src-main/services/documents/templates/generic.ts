import type { CaseData } from '../caseData';
import { p, type Block, type DocModel } from '../model';
import { foot, heading, model, names } from './common';
import type { DocumentKind } from '../../../../src-shared/domain/documentKinds';

/**
 * The frame of documents whose substance another domain writes (rulings, notices to assist, closure
 * and query-result notices): heading, addressee, the paragraphs it supplies in `extra`, the legal
 * basis and the foot. `extra`: { addressee?: string, paragraphs: string[], basis?: string,
 * signer?: string }.
 */
export function genericModel(c: CaseData, kind: DocumentKind, title: string, defaultAddressee: string): DocModel {
  const x = (c.extra ?? {}) as { addressee?: string; paragraphs?: string[]; basis?: string; signer?: string };
  const paras = (x.paragraphs ?? []).map((s) => p(s));
  const blocks: Block[] = [
    ...heading(c, title),
    p(`${x.addressee ?? defaultAddressee}：`, { indent: false }),
    ...paras,
    ...(x.basis ? [p(x.basis)] : []),
    ...foot(c, x.signer),
  ];
  return model(c, kind, title, blocks);
}

export const parties = (c: CaseData) => `${names(c.applicants)}、${names(c.debtors)}`;
