import type { Db } from '../../db/connection';
import { ApiError } from '../../../src-shared/api/errors';
import { appendEvent, type Actor } from '../../events/log';
import { TEMPLATES, templateFor } from './templates';
import { placeholdersIn } from './templates/types';

// The court's own wording of its templates: an administrator edits a template's fixed passages
// (with {placeholders} for case data), previews the result on a real case, and saves it as a new
// version; every generated document records the version it was made from (documents.template_version,
// 0 = the built-in wording). Versions are never changed or deleted: an old document can always be
// traced to its text.

export interface Wording {
  version: number;
  texts: Record<string, string>;
}

/** The current wording version of each kind that has one (kinds without are on the built-in text). */
export function currentWording(db: Db, kinds: readonly string[]): Map<string, Wording> {
  const out = new Map<string, Wording>();
  if (kinds.length === 0) return out;
  const rows = db.raw<{ kind: string; version: number; texts: string }>(
    `SELECT t.kind, t.version, t.texts FROM document_templates t
     WHERE t.kind IN (${kinds.map(() => '?').join(',')}) AND t.version = (SELECT max(version) FROM document_templates x WHERE x.kind = t.kind)`,
    ...kinds,
  );
  for (const r of rows) out.set(r.kind, { version: r.version, texts: JSON.parse(r.texts) as Record<string, string> });
  return out;
}

/** Checks edited texts against the template: known keys, no empty text, only its placeholders. Throws naming the passage. */
export function checkTexts(kind: string, texts: Record<string, string>): void {
  const t = templateFor(kind);
  for (const [key, text] of Object.entries(texts)) {
    const spec = t.texts[key];
    if (!spec) throw new ApiError('invalid_input', `${kind}没有名为“${key}”的措辞`, `texts.${key}`);
    if (!text.trim()) throw new ApiError('invalid_input', `措辞“${spec.label}”不能为空`, `texts.${key}`);
    for (const name of placeholdersIn(text)) {
      if (!(name in t.placeholders)) throw new ApiError('invalid_input', `措辞“${spec.label}”中的占位符{${name}}不存在；可用的占位符：${Object.keys(t.placeholders).map((x) => `{${x}}`).join('、')}`, `texts.${key}`);
    }
    if (/[{}]/.test(text.replace(/\{[^{}]+\}/g, ''))) throw new ApiError('invalid_input', `措辞“${spec.label}”中的花括号不成对`, `texts.${key}`);
  }
}

/** Saves the full wording of a kind as its next version (edited passages; the rest keep the built-in text). */
export function saveWording(db: Db, actor: Actor, at: Date, input: { kind: string; texts: Record<string, string>; note?: string | undefined }): Wording {
  checkTexts(input.kind, input.texts);
  const t = templateFor(input.kind);
  // Only passages that differ from the built-in text are stored: the rest follow the built-in wording.
  const edited = Object.fromEntries(Object.entries(input.texts).filter(([k, v]) => v !== t.texts[k]!.text));
  return db.tx(() => {
    const version = (db.raw<{ v: number | null }>('SELECT max(version) AS v FROM document_templates WHERE kind = ?', input.kind)[0]!.v ?? 0) + 1;
    db.run(db.q.insertInto('document_templates').values({ kind: input.kind, version, texts: JSON.stringify(edited), note: input.note?.trim() || null, created_at: at.toISOString(), created_by: actor.name }));
    appendEvent(db, actor, at, { caseId: null, type: 'template.saved', payload: { kind: input.kind, version, keys: Object.keys(edited), ...(input.note?.trim() ? { note: input.note.trim() } : {}) } });
    return { version, texts: edited };
  });
}

export interface TemplateDetail {
  kind: string;
  summary: string;
  version: number;
  passages: { key: string; label: string; builtIn: string; text: string }[];
  placeholders: { name: string; meaning: string }[];
  versions: { version: number; note: string | null; createdAt: string; createdBy: string; keys: string[] }[];
}

export function templateDetail(db: Db, kind: string): TemplateDetail {
  const t = templateFor(kind);
  const current = currentWording(db, [kind]).get(kind);
  const versions = db.all(db.q.selectFrom('document_templates').selectAll().where('kind', '=', kind).orderBy('version', 'desc'));
  return {
    kind,
    summary: t.summary,
    version: current?.version ?? 0,
    passages: Object.entries(t.texts).map(([key, spec]) => ({ key, label: spec.label, builtIn: spec.text, text: current?.texts[key] ?? spec.text })),
    placeholders: Object.entries(t.placeholders).map(([name, meaning]) => ({ name, meaning })),
    versions: versions.map((v) => ({ version: v.version, note: v.note, createdAt: v.created_at, createdBy: v.created_by, keys: Object.keys(JSON.parse(v.texts) as object) })),
  };
}

export function templateKinds(): string[] {
  return [...TEMPLATES.keys()];
}
