import type { DocumentKind } from '../../../../src-shared/domain/documentKinds';
import type { Template } from './types';

/** Every template file in this folder, keyed by kind (one file per kind; add a file to add a kind). */
const modules = import.meta.glob<{ template: Template }>(['./*.ts', '!./index.ts', '!./types.ts', '!./common.ts', '!./rulingContent.ts', '!./creditContent.ts', '!./coercionContent.ts', '!./workRecords.ts'], { eager: true });

export const TEMPLATES: ReadonlyMap<DocumentKind, Template> = new Map(Object.values(modules).map((m) => [m.template.kind, m.template]));

export function templateFor(kind: string): Template {
  const t = TEMPLATES.get(kind as DocumentKind);
  if (!t) throw new Error(`没有“${kind}”的文书模板`);
  return t;
}
