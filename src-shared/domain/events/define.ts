import { z } from 'zod';

// How a domain declares its events: one entry per type with its Chinese label, the national process
// node it maps to (metrics.md §4) where there is one, whether it belongs to a case, and the zod
// schema of its payload. `appendEvent` refuses a payload its schema does not accept, so every row of
// the log has the shape its readers (projections, the audit trail, the case history) expect.

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  label: string;
  node?: string;
  /** 'case': the event belongs to one case (caseId required); 'court': to the court (caseId null). */
  scope: 'case' | 'court';
  payload: P;
}

/** Declares a domain's events; `src-shared/domain/events.ts` merges every domain's list into the catalogue. */
export function defineEvents<const T extends Record<string, EventSpec>>(specs: T): T {
  return specs;
}

// Building blocks of payloads. Objects are strict: a key no schema declares is refused, so a typo
// in a writer fails its test instead of writing a field nobody reads.
export const obj = z.strictObject;
export const id = z.number().int().positive();
export const fen = z.number().int();
export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
export const text = z.string();
/** Field values before and after a change (settings, users, closures): whatever the changed fields hold. */
export const changes = z.record(z.string(), z.unknown());
