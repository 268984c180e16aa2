import { ApiCallError } from '../../api/client';
import { errorText } from '../../errorText';

/** An API error as the pages show it: the message, and the field it names (shown at that field). */
export interface ShownError {
  message: string;
  field?: string | undefined;
}

export function shown(e: unknown): ShownError {
  return e instanceof ApiCallError ? { message: e.message, field: e.field } : { message: errorText(e) };
}
