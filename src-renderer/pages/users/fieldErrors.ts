import { ApiCallError } from '../../api/client';
import { errorText } from '../../errorText';

/**
 * An API error as errors per form field: the field's first path segment (`roles.0` → `roles`) when
 * the form has it, otherwise the general message (`''`).
 */
export function fieldErrors(e: unknown, fields: readonly string[]): Record<string, string> {
  if (e instanceof ApiCallError) {
    const key = e.field?.split('.')[0] ?? '';
    return fields.includes(key) ? { [key]: e.message } : { '': e.message };
  }
  return { '': errorText(e) };
}
