import { z } from 'zod';
import { issueMessage } from './api/issueMessages';
import { fieldLabel } from './fieldLabels';

// zod's own messages are English ("Too big: expected number to be <=1000"). Every schema in the app,
// in the main process and in the renderer, reports instead in Chinese and names the field when it
// knows its Chinese name. A schema's own message still wins (zod: schema error > global error map).

/** “每页条数：不能大于 1000”; a message that already names the field is left as it is. */
export function withFieldName(path: readonly PropertyKey[], message: string): string {
  const label = fieldLabel(path.map(String).join('.'));
  if (!label || message.includes(label)) return message;
  return `${label}：${message}`;
}

/** The Chinese message of a raw issue (before zod finalises it): issueMessages' wording with the field's name. */
export function chineseIssue(iss: z.core.$ZodRawIssue): string {
  const msg = issueMessage({ ...iss, message: '' } as unknown as z.core.$ZodIssue);
  return withFieldName(iss.path ?? [], msg);
}

// zhCN is the fallback zod itself would use for a kind of issue the map below does not know.
z.config(z.locales.zhCN());
z.config({ customError: (iss) => chineseIssue(iss) });
