import type { CaseData } from '../caseData';
import type { DocModel } from '../model';
import type { DocumentKind } from '../../../../src-shared/domain/documentKinds';

/** A passage of fixed wording the court may edit: the default text with {占位符} for case data. */
export interface TextSpec {
  label: string;
  text: string;
}

/** One template: a pure function from the case's data (and the court's wording) to the document model. */
export interface Template {
  kind: DocumentKind;
  /** Who the document is addressed to (the 送达回证 and the service register read it). */
  addressee: 'debtor' | 'applicant' | 'third' | 'file';
  summary: string;
  /** False for documents another domain makes with its own content (rulings, notices to assist). */
  batchable?: boolean;
  /** One document per recipient party (the request names it: CaseData.recipientId). */
  perRecipient?: boolean;
  /** The editable wording, by key; the placeholders each may use are `placeholders`. */
  texts: Record<string, TextSpec>;
  /** Placeholders the wording may use, with what they print. */
  placeholders: Record<string, string>;
  /** What the case lacks for this document, each item naming the data (empty: it can be made). */
  missing(c: CaseData): string[];
  build(c: CaseData): DocModel;
}

/**
 * The wording of `key` for this case: the court's edited text (c.texts) or the default, with its
 * placeholders filled from `vars`. A placeholder the text uses but `vars` lacks is an error (the
 * editor refuses unknown placeholders when a version is saved, so this means a template bug).
 */
export function wording(t: Pick<Template, 'texts' | 'kind'>, c: CaseData, key: string, vars: Record<string, string>): string {
  const spec = t.texts[key];
  if (!spec) throw new Error(`${t.kind}: 没有措辞“${key}”`);
  const text = c.texts?.[key] ?? spec.text;
  return text.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`${t.kind}: 措辞“${spec.label}”中的占位符{${name}}没有对应内容`);
    return v;
  });
}

/** Placeholders a text uses. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
}
