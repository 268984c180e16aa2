// The typed error every API method may return. `field` is a path into the input such as
// `debtors.0.creditCode`, so the UI can put the message beside the field that caused it.
export const ERROR_CODES = [
  'invalid_input', // the input failed its schema or a domain rule
  'needs_confirmation', // valid, but the clerk must confirm (e.g. a possible duplicate filing)
  'unauthorized', // no valid session
  'forbidden', // the session's roles may not call this method
  'not_found',
  'conflict', // the state changed or does not allow the operation (a case changed since the clerk saw it: details.changed)
  'throttled', // too many failed logins from this account name or this address: the message says when to retry
  'unknown_method',
  'read_only', // the database is in read-only mode (failed integrity check) or the case is closed
  'disk_full', // the disk (or the backup disk) is full: nothing was written
  'internal',
  'unavailable', // the desktop cannot reach its back office: the court server is unreachable, its certificate is not the pinned one, or the local back office is restarting
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  field?: string;
  /** Extra structured detail, e.g. the row/column list of a refused import. */
  details?: unknown;
}

export class ApiError extends Error implements ApiErrorShape {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, field?: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (field !== undefined) this.field = field;
    if (details !== undefined) this.details = details;
  }
  toJSON(): ApiErrorShape {
    const out: ApiErrorShape = { code: this.code, message: this.message };
    if (this.field !== undefined) out.field = this.field;
    if (this.details !== undefined) out.details = this.details;
    return out;
  }
}

/** Shorthand for the most common error: bad input at a named field. */
export function invalid(field: string, message: string, details?: unknown): ApiError {
  return new ApiError('invalid_input', message, field, details);
}

/** A case left out of a batch because it changed after the clerk saw it (src-shared/api/caseVersions.ts). */
export interface SkippedCase {
  caseId: number;
  number: string;
  version: number;
  by: string;
  at: string;
}

/**
 * An answer. `asOf` (methods that read cases): the newest event the data had seen — what a later
 * write states as `seen.asOf`. `skipped`: the cases a batch left out because they had changed.
 */
export type ApiResult<T> = { ok: true; data: T; asOf?: number; skipped?: SkippedCase[] } | { ok: false; error: ApiErrorShape };
